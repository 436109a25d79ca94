import { noChange, type ChildPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import type { Glossary, GlossaryEntry } from '../../lay/glossary.js';
import type { TermMatch } from '../../lay/find-terms.js';

/** The glossary a report is explained with, and its matcher. */
export interface Words {
  glossary: Glossary;
  findTerms: (text: string, glossary?: Glossary) => TermMatch[];
  /** Everyday words (heart, lung...): not marked. */
  everyday: ReadonlySet<string>;
  /** English entries shown in a Welsh report (no Welsh yet): their meanings are marked `lang="en"`. */
  fallback: ReadonlySet<GlossaryEntry>;
}

/** Which glossary match each word button stands for (for its popover). */
export const matchOf = new WeakMap<Element, TermMatch>();

let termTemplate: HTMLTemplateElement | undefined;
let popoverTemplate: HTMLTemplateElement | undefined;

/** A static template, cloned: no report text is ever parsed as HTML. */
function fromTemplate(cache: 'term' | 'popover'): HTMLElement {
  if (cache === 'term') {
    termTemplate ??= Object.assign(document.createElement('template'), {
      innerHTML: '<button class="term" part="term" type="button" aria-expanded="false"></button>',
    });
    return termTemplate.content.firstElementChild!.cloneNode() as HTMLElement;
  }
  popoverTemplate ??= Object.assign(document.createElement('template'), {
    innerHTML: '<span class="popover" part="popover" role="group"></span>',
  });
  return popoverTemplate.content.firstElementChild!.cloneNode() as HTMLElement;
}

/** The element a word's meaning is rendered into, right after the word. */
export function popoverElement(id: string): HTMLElement {
  const el = fromTemplate('popover');
  el.id = id;
  el.setAttribute('aria-labelledby', `${id}-title`);
  return el;
}

/**
 * A run of the report's words, with each glossary term as a button (`data-term` its key). Built
 * with DOM calls, not one Lit template per word: a 10,000-word report has thousands of terms, and
 * this is the part that scales. The text goes in as text nodes and `textContent`, never as markup.
 * Rebuilt only when the words or the glossary change, so a button keeps its focus across updates.
 */
class WordsDirective extends Directive {
  #text: string | undefined;
  #words: Words | undefined;

  render(text: string, key: string, words: Words | undefined): DocumentFragment | string {
    if (!words) return text;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const match of words.findTerms(text, words.glossary)) {
      if (words.everyday.has(match.text.toLowerCase())) continue;
      if (match.start > at) fragment.append(text.slice(at, match.start));
      const button = fromTemplate('term');
      button.dataset.term = `${key}-${match.start}`;
      button.textContent = match.text;
      matchOf.set(button, match);
      fragment.append(button);
      at = match.end;
    }
    if (at < text.length) fragment.append(text.slice(at));
    return fragment;
  }

  override update(_part: ChildPart, [text, key, words]: [string, string, Words | undefined]) {
    if (text === this.#text && words === this.#words) return noChange;
    this.#text = text;
    this.#words = words;
    return this.render(text, key, words);
  }
}

/** `${termWords(text, key, words)}` in a template: see {@link WordsDirective}. */
export const termWords = directive(WordsDirective);
