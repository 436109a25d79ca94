/**
 * TEMPORARY shim (branch lay-report): the glossary branch replaces this file with the real,
 * phrase-aware matcher. Same API; built on `segmentText`.
 */
import { buildGlossary, type Glossary, type GlossaryEntry } from './glossary.js';
import { segmentText } from './glossary-text.js';

export interface TermMatch {
  start: number;
  end: number;
  /** words as the report wrote them */
  text: string;
  entry: GlossaryEntry;
}

let builtIn: Glossary | undefined;

/** Every glossary term in `text`, longest match first, never overlapping, in text order. Pure. */
export function findTerms(text: string, glossary?: Glossary): TermMatch[] {
  const g = glossary ?? (builtIn ??= buildGlossary().glossary);
  const matches: TermMatch[] = [];
  let offset = 0;
  for (const segment of segmentText(text, g)) {
    const end = offset + segment.text.length;
    if (segment.entry) matches.push({ start: offset, end, text: segment.text, entry: segment.entry });
    offset = end;
  }
  return matches;
}
