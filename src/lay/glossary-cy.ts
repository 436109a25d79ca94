/**
 * The glossary in Welsh (cy): the code that makes it from the English entries and the Welsh words,
 * which are data apart, in `glossary/cy.ts` (Welsh words and definitions by the English entry's id).
 *
 * AWAITING REVIEW BY A WELSH SPEAKER, like `messages-cy.ts` (see {@link glossaryReviewStatus}).
 *
 * Covers every entry the examples and the demo use (examples/annotations/*, demo/annotations/*)
 * and every glossary word in the message catalogue. Entries without a Welsh version fall back to
 * the English entry; the annotation layer marks that text `lang="en"`, so screen readers read it
 * as English. Loaded only when an element's language is Welsh.
 *
 * A Welsh entry still matches the English words (a report may be in English on a Welsh page), and
 * also the mutated forms of its Welsh words (`calon`: `galon`, `nghalon`, `chalon`), because Welsh
 * changes the first letter of a word after some words.
 */
import type { GlossaryEntry } from './glossary.js';
import { glossaryCy } from './glossary/cy.js';

export { glossaryCy, glossaryReviewStatus } from './glossary/cy.js';

/** A Welsh version of a built-in entry: its words and definition (the link stays the English one). */
export interface WelshEntry {
  term: string;
  aliases?: readonly string[];
  definition: string;
}

/**
 * Welsh forms of a word after the soft, nasal and aspirate mutations and the h before a vowel
 * ("ei hysgyfaint"), for the first word only. Forms shorter than 4 letters are left out, so a
 * mutation never turns into a short everyday word.
 */
export function welshMutations(form: string): string[] {
  const rules: [RegExp, string[]][] = [
    [/^ll/i, ['l']],
    [/^rh/i, ['r']],
    [/^p/i, ['b', 'mh', 'ph']],
    [/^t/i, ['d', 'nh', 'th']],
    [/^c(?!h)/i, ['g', 'ngh', 'ch']],
    [/^b/i, ['f', 'm']],
    [/^d(?!d)/i, ['dd', 'n']],
    [/^g/i, ['', 'ng']],
    [/^m/i, ['f']],
    [/^[aeiouwyâêîôûŵŷ]/i, ['h$&']],
  ];
  for (const [pattern, replacements] of rules) {
    if (!pattern.test(form)) continue;
    return replacements.map((r) => form.replace(pattern, r)).filter((mutated) => mutated.length >= 4);
  }
  return [];
}

/**
 * The built-in entries in Welsh: Welsh term and definition where we have them (matching the Welsh
 * words, their mutated forms and the English words), otherwise the English entry itself, listed in
 * `fallback`. `everyday` adds the Welsh forms of entries whose English term is an everyday word.
 */
export function welshGlossary(
  english: readonly GlossaryEntry[],
  everydayEnglish: ReadonlySet<string>,
): { entries: readonly GlossaryEntry[]; everyday: ReadonlySet<string>; fallback: ReadonlySet<GlossaryEntry> } {
  const everyday = new Set(everydayEnglish);
  const fallback = new Set<GlossaryEntry>();
  const entries = english.map((entry) => {
    const welsh = Object.hasOwn(glossaryCy, entry.id) ? glossaryCy[entry.id] : undefined;
    if (!welsh) {
      fallback.add(entry);
      return entry;
    }
    const own = [welsh.term, ...(welsh.aliases ?? [])];
    const forms = [...own, ...own.flatMap(welshMutations)];
    const term = entry.term.toLowerCase();
    if (everydayEnglish.has(term) || everydayEnglish.has(`${term}s`)) for (const form of forms) everyday.add(form.toLowerCase());
    const aliases = [...new Set([...forms.slice(1), entry.term, ...(entry.aliases ?? [])])].filter((form) => form !== welsh.term);
    return Object.freeze({ ...entry, term: welsh.term, aliases: Object.freeze(aliases) as string[], definition: welsh.definition });
  });
  return { entries: Object.freeze(entries), everyday, fallback };
}
