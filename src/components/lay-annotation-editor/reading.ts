/**
 * The editor's live reading-age check: every sentence the patient will read (summary, titles,
 * descriptions, link texts), with the same measures as the readability tests (`src/lay/reading-age.ts`). Words
 * the glossary explains in place for the patient are not hard.
 */
import type { DraftState } from '../../annotations/draft.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import type { LoadedGlossary } from '../../lay/glossary-loader.js';
import { checkText, type SentenceCheck } from '../../lay/reading-age.js';

/** Each sentence of `text` checked (none for empty text); `words` is the glossary, once loaded. */
export function checkSentences(text: string, words: LoadedGlossary | undefined): SentenceCheck[] {
  return text.trim() ? checkText(text, words ? (t) => words.findTerms(t, words.glossary) : undefined) : [];
}

/** The sentences of the draft above the limit (summary, titles, descriptions and link texts). */
export function hardSentences(draft: DraftState, words: LoadedGlossary | undefined): SentenceCheck[] {
  const texts = [draft.summary, ...draft.labels.flatMap((l) => [l.title, l.description, ...l.links.map((link) => link.title)])];
  return texts.flatMap((text) => checkSentences(text, words)).filter((s) => s.over);
}

/** Glossary words close to hard words (same start), which the patient gets explained in place; never sensitive ones; three at most. */
export function glossaryNear(hard: readonly string[], entries: readonly GlossaryEntry[]): string[] {
  const found = new Set<string>();
  for (const word of hard) {
    const stem = word.toLowerCase().slice(0, Math.max(5, Math.min(7, word.length - 2)));
    if (stem.length < 5) continue;
    for (const entry of entries) {
      if (entry.sensitive || found.size >= 3) continue;
      if (entry.term.toLowerCase().startsWith(stem)) found.add(entry.term);
    }
  }
  return [...found];
}
