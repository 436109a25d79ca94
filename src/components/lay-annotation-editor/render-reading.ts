import { html, nothing } from 'lit';
import type { GlossaryEntry } from '../../lay/glossary.js';
import { PLAIN_WORDS, type SentenceCheck } from '../../lay/reading-age.js';
import type { Words } from './render-context.js';
import { glossaryNear } from './reading.js';

export interface ReadingContext {
  w: Words;
  /** Each sentence of a text, checked. */
  check(text: string): SentenceCheck[];
  /** The glossary's entries, once loaded. */
  glossary: readonly GlossaryEntry[];
}

/** Warnings under a field: each hard sentence, its hard words, and plainer or glossary words instead. */
export function renderCheck(ctx: ReadingContext, text: string, id: string) {
  const { w } = ctx;
  const over = ctx.check(text).filter((s) => s.over);
  if (over.length === 0) return nothing;
  return html`<div class="reading" id=${id}>
    ${over.map((s) => {
      const plain = s.hard.filter((word) => PLAIN_WORDS[word.toLowerCase()]).map((word) => w('plainInstead', { plain: PLAIN_WORDS[word.toLowerCase()]!, word }));
      const terms = glossaryNear(s.hard, ctx.glossary);
      return html`<p class="warning">
        <strong>${w('hardSentence', { sentence: s.text.length > 120 ? `${s.text.slice(0, 117)}...` : s.text })}</strong>
        ${s.long ? html` ${w('tooLong', { words: s.words })}` : nothing}
        ${s.hard.length > 0 ? html` ${w('hardWords', { words: s.hard.join(', ') })}` : nothing} ${plain.join(' ')}
        ${terms.length > 0 ? html` ${w('glossaryInstead', { terms: terms.join(', ') })}` : nothing}
      </p>`;
    })}
  </div>`;
}

/** `aria-describedby` for a field whose text has a hard sentence (the warning's id), else none. */
export function describedBy(ctx: ReadingContext, text: string, id: string): string | typeof nothing {
  return ctx.check(text).some((c) => c.over) ? id : nothing;
}
