/**
 * `findTerms`: every glossary term in a text, as the report wrote it (see `term-matcher.ts` for how
 * it matches: longest phrase first, blocked compounds left alone, capitals-only abbreviations).
 * Exported from the package as `patient-image-viewer/glossary.js`.
 */
import { builtInGlossary, type Glossary } from './glossary.js';
import { matchTerms, type TermMatch } from './term-matcher.js';

export type { TermMatch };

/**
 * Every glossary term in `text`, longest match first, never overlapping, in text order. Pure: no DOM,
 * no state but a cache of the letter tree per glossary object (so use the frozen glossaries that
 * `buildGlossary` returns rather than changing one in place).
 *
 * @param text The report or label text, as written.
 * @param glossary The glossary to use; the built-in en-GB one when left out.
 */
export function findTerms(text: string, glossary?: Glossary): TermMatch[] {
  // (glossary.js imports this module too; the cycle is safe, as neither uses the other while loading.)
  return matchTerms(text, glossary ?? builtInGlossary());
}
