import { matchTerms } from './term-matcher.js';
import type { Glossary, GlossaryEntry } from './glossary.js';

/** A piece of text: plain, or a glossary word with its entry. */
export interface TextSegment {
  text: string;
  entry?: GlossaryEntry;
}

/**
 * Split text into plain parts and glossary-word parts, so a component can mark the words patients
 * may not know. The glossary words are exactly those {@link findTerms} finds (longest phrase first,
 * known compounds left alone, abbreviations only in capitals, US spellings and plurals found; see
 * `find-terms.ts`), except report words explained as words (`kind: 'hedge'`: "no", "likely", "in
 * keeping with"): those are for a radiologist's report (`findTerms` gives them), while the text this
 * splits is written for patients (labels, summaries), where "No break" needs no explaining. Joining the
 * segments' `text` gives back exactly the original text. Pure: no DOM.
 */
export function segmentText(text: string, glossary: Glossary): TextSegment[] {
  if (typeof text !== 'string' || text === '') return [];
  const segments: TextSegment[] = [];
  let plainStart = 0;
  for (const match of matchTerms(text, glossary)) {
    if (match.entry.kind === 'hedge') continue;
    if (plainStart < match.start) segments.push({ text: text.slice(plainStart, match.start) });
    segments.push({ text: match.text, entry: match.entry });
    plainStart = match.end;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}
