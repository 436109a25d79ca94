import { html, nothing, type TemplateResult } from 'lit';
import type { Glossary, GlossaryEntry } from '../../lay/glossary.js';
import { segmentText } from '../../lay/glossary-text.js';
import { readMoreText } from '../../lay/link-text.js';
import { trustedUrl } from '../../lay/links.js';
import type { Translate } from './render-context.js';

export interface WordsContext {
  t: Translate;
  /** The layer's language (`lang` of the popover). */
  language: string;
  glossary: Glossary | undefined;
  /** Everyday words (heart, lung...): not marked. */
  everyday: ReadonlySet<string>;
  /** English entries shown in a Welsh layer (no Welsh version yet): marked `lang="en"`. */
  fallback: ReadonlySet<GlossaryEntry>;
  trustedDomains: readonly string[];
  /** The key of the open explanation (unique in the layer), if any. */
  openKey: string | undefined;
  onTerm(entry: GlossaryEntry, key: string): void;
  onClose(): void;
  /** issue 17 carer: a meaning said right for the person looking (`english`: an English meaning in a Welsh layer). */
  theirs?(text: string, english: boolean): string;
}

/** Text with its hard words as buttons; `where` names the place (unique in the layer), for the popover. */
export function renderText(ctx: WordsContext, text: string, where: string): (TemplateResult | string)[] {
  if (!ctx.glossary) return [text];
  return segmentText(text, ctx.glossary).map((segment, i) =>
    segment.entry && !ctx.everyday.has(segment.text.toLowerCase()) ? renderTermButton(ctx, segment.entry, segment.text, `${where}:${i}`) : segment.text,
  );
}

/** A hard word as a button that opens its explanation, which follows it in the DOM (and Tab order). */
export function renderTermButton(ctx: WordsContext, entry: GlossaryEntry, text: string, key: string): TemplateResult {
  const open = ctx.openKey === key;
  return html`<button
      class="term"
      type="button"
      data-term=${key}
      aria-expanded=${open ? 'true' : 'false'}
      lang=${ctx.fallback.has(entry) ? 'en' : nothing}
      @click=${() => ctx.onTerm(entry, key)}
    >${text}</button
    >${open ? renderPopover(ctx, entry, text) : nothing}`;
}

/**
 * A word's explanation, rendered straight after its word (inside a paragraph, so made of spans).
 * Focus goes to Close; its text is the dialog's description. It is titled with the words as the
 * text wrote them (`words`), never a heavier headword reached through an alias ("scarring" is not
 * titled "fibrosis").
 */
function renderPopover(ctx: WordsContext, entry: GlossaryEntry, words: string) {
  const url = trustedUrl(entry.url, ctx.trustedDomains);
  return html`<span
    class="popover"
    part="popover"
    role="dialog"
    tabindex="-1"
    lang=${ctx.language}
    aria-label=${words}
    aria-describedby="term-definition"
    ><span class="definition" id="term-definition" lang=${ctx.fallback.has(entry) ? 'en' : nothing}
      ><strong>${words}</strong>: ${ctx.theirs?.(entry.definition, ctx.fallback.has(entry)) ?? entry.definition}</span
    >${url
      ? html`<a href=${url} target="_blank" rel="noopener noreferrer"
          >${readMoreText(url, ctx.t, (entry as { urlTitle?: unknown }).urlTitle, ctx.language === 'en-GB')}
          <span class="visually-hidden">${ctx.t('layer.opensNewTab')}</span></a
        >`
      : nothing}<button class="close" type="button" data-autofocus @click=${() => ctx.onClose()}>${ctx.t('layer.close')}</button></span
  >`;
}
