/**
 * The built-in glossary, loaded once a page on first use (its own chunk, about 75 kB gzip), for every
 * element that explains words: a page without labels or a report never downloads it. Welsh is
 * loaded only when an element speaks Welsh; it resolves to undefined if it cannot load (English is
 * used then).
 */
import type { Glossary, GlossaryEntry } from './glossary.js';
import type { TermMatch } from './term-matcher.js';

export interface LoadedGlossary {
  /** The built-in en-GB glossary, ready to use. */
  glossary: Glossary;
  buildGlossary: typeof import('./glossary.js').buildGlossary;
  findTerms: (text: string, glossary?: Glossary) => TermMatch[];
  /** Everyday words: never marked as hard words. */
  everyday: ReadonlySet<string>;
  entries: readonly GlossaryEntry[];
}

export interface LoadedWelshGlossary {
  /** The built-in entries in Welsh (English ones where there is no Welsh yet). */
  glossary: Glossary;
  entries: readonly GlossaryEntry[];
  everyday: ReadonlySet<string>;
  /** Entries still in English: their text is marked `lang="en"`. */
  fallback: ReadonlySet<GlossaryEntry>;
}

let english: Promise<LoadedGlossary> | undefined;
let welsh: Promise<LoadedWelshGlossary | undefined> | undefined;

/** The built-in glossary and `findTerms` (one download a page). */
export function loadGlossary(): Promise<LoadedGlossary> {
  english ??= import('./glossary.js').then((g) => ({
    glossary: g.buildGlossary().glossary,
    buildGlossary: g.buildGlossary,
    findTerms: g.findTerms,
    everyday: g.EVERYDAY_WORDS,
    entries: g.glossaryEnGB,
  }));
  return english;
}

/** The built-in glossary in Welsh, or undefined if it cannot load. */
export function loadWelshGlossary(): Promise<LoadedWelshGlossary | undefined> {
  welsh ??= Promise.all([loadGlossary(), import('./glossary-cy.js')]).then(
    ([words, cy]) => {
      const made = cy.welshGlossary(words.entries, words.everyday);
      return { ...made, glossary: words.buildGlossary([], made.entries).glossary };
    },
    () => undefined,
  );
  return welsh;
}
