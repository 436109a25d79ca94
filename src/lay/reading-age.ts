/**
 * A live reading-age check for the words clinicians write for patients (`<lay-annotation-editor>`):
 * the same measures as the library's own tests of its words (test/lay/readability.unit.test.ts):
 *
 * - Flesch-Kincaid grade 6 or lower (a reading age of about 11), for sentences of 8 words or more
 *   (on shorter ones the formula is noise). Computed as `text-readability` computes it (the tests'
 *   library): its word count, sentence split, rounding, and the same syllable counter (`syllable`).
 *   `text-readability` itself is not shipped: it patches the global `Math` when imported and carries
 *   a second word list the check does not use (see the editor's note in the README).
 * - 25 words at most in a sentence.
 * - Familiar words: the New Dale-Chall list (`dale-chall`, the tests' list) plus the plain words the
 *   NHS website uses for health; a word the glossary explains in place also counts. At most 1 word
 *   in 4 may be unfamiliar.
 *
 * Loaded only by the editor's chunk. English only: the formulas are built for English.
 */
import { daleChall } from 'dale-chall';
import { syllable } from 'syllable';

/** The limits the library's own words are held to. */
export const READING_LIMITS = { grade: 6, gradeFromWords: 8, words: 25, unfamiliarShare: 0.25 } as const;

/** The familiar words besides the Dale-Chall list, as in the tests. */
const NHS_WORDS = [
  'scan', 'scans', 'fluid', 'tummy', 'pee', 'poo', 'womb', 'harmless', 'common', 'usual', 'usually', 'tissue', 'area',
  'image', 'images', 'online', 'website', 'email', 'screen', 'zoom', 'button', 'browser', 'internet', 'tab', 'appointment',
  'nhs', 'gp', 'x-ray', 'ct', 'mri', 'ultrasound', 'okay', 'sorry', 'details', 'personal', 'scanner', 'label', 'labels',
  'problem', 'later', 'thigh', 'shin', 'kneecap', 'collarbone', 'breastbone', 'armpit', 'gallbladder', 'kidney', 'kidneys', 'bladder',
];

let familiarWords: Set<string> | undefined;

/** Whether a word is on the familiar lists, with plurals, -ed, -ing, -er, -ly and 's folded as the tests fold them. */
export function isFamiliar(word: string): boolean {
  familiarWords ??= new Set([...daleChall, ...NHS_WORDS]);
  const w = word.toLowerCase().replace(/’/g, "'");
  return [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/er$/, ''), w.replace(/ly$/, ''), w.replace(/'s$/, '')].some(
    (form) => familiarWords!.has(form),
  );
}

// --- Flesch-Kincaid as text-readability 1.1.1 computes it -------------------------------------

const PUNCTUATION = /[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,\-./:;<=>?@[\]^_`{|}~]/g;

const legacyRound = (number: number, points = 0): number => {
  const p = 10 ** points;
  return Math.floor(number * p + (number === 0 ? 0 : Math.sign(number) * 0.5)) / p;
};

function lexiconCount(text: string): number {
  return text.replace(PUNCTUATION, '').split(/,| |\n|\r/g).filter((n) => n).length;
}

function sentenceCount(text: string): number {
  const parts = text.split(/ *[.?!]['")\]]*[ |\n](?=[A-Z])/g);
  const valid = parts.length - parts.filter((s) => lexiconCount(s) <= 2).length;
  return valid > 1 ? valid : 1;
}

/** Flesch-Kincaid grade of `text`, as `text-readability`'s `fleschKincaidGrade` gives it. */
export function fleschKincaidGrade(text: string): number {
  const words = lexiconCount(text);
  const asl = legacyRound(words / sentenceCount(text), 1);
  const plain = text.toLocaleLowerCase('en-US').replace(PUNCTUATION, '');
  const syllables = plain ? syllable(plain) : 0;
  const aspw = legacyRound(syllables / words, 1);
  return legacyRound(0.39 * (Number.isNaN(asl) ? 0 : asl) + 11.8 * (Number.isNaN(aspw) ? 0 : aspw) - 15.59, 1);
}

// --- Sentences ---------------------------------------------------------------------------------

/** One sentence of a text, where it is, and what is hard about it. */
export interface SentenceCheck {
  text: string;
  start: number;
  end: number;
  words: number;
  /** Flesch-Kincaid grade, or undefined when the sentence is too short to judge. */
  grade: number | undefined;
  /** Words neither familiar nor explained in place by the glossary, in order, once each. */
  hard: string[];
  /** Too long (more than 25 words). */
  long: boolean;
  /** Above the reading-age limit: grade over 6, too long, or more than 1 word in 4 unfamiliar. */
  over: boolean;
}

/** What the glossary explains in place in a text (start and end of each explained word). */
export type Explained = (text: string) => readonly { start: number; end: number }[];

/** The sentences of `text` (split after . ! or ? and a space or line break, and at line breaks). */
export function splitSentences(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const pattern = /[^.!?\n]+(?:[.!?]+['")\]]*|(?=\n)|$)/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const sentence = raw.trim();
    if (!sentence) continue;
    const start = match.index + lead;
    out.push({ text: sentence, start, end: start + sentence.length });
  }
  return out;
}

/** Check every sentence of `text`; `explained` marks words the glossary explains in place. */
export function checkText(text: string, explained?: Explained): SentenceCheck[] {
  return splitSentences(text).map((sentence) => {
    const words = sentence.text.split(/\s+/).filter(Boolean).length;
    const explainedRanges = explained?.(sentence.text) ?? [];
    const all = sentence.text.split(/[^\p{L}'’-]+/u).filter((w) => w.length > 2);
    const hard: string[] = [];
    for (const m of sentence.text.matchAll(/\p{L}+(?:['’-]\p{L}+)*/gu)) {
      const word = m[0];
      if (word.length <= 2 || isFamiliar(word)) continue;
      if (explainedRanges.some((t) => t.start <= m.index && t.end >= m.index + word.length)) continue;
      if (!hard.some((h) => h.toLowerCase() === word.toLowerCase())) hard.push(word);
    }
    const grade = words >= READING_LIMITS.gradeFromWords ? fleschKincaidGrade(sentence.text) : undefined;
    const long = words > READING_LIMITS.words;
    const unfamiliar = hard.length / Math.max(all.length, 1) > READING_LIMITS.unfamiliarShare;
    return { ...sentence, words, grade, hard, long, over: long || unfamiliar || (grade !== undefined && grade > READING_LIMITS.grade) };
  });
}

/**
 * Plainer words for a few words clinicians often write (NHS content style's own list, in part):
 * offered beside the glossary's words.
 */
export const PLAIN_WORDS: Readonly<Record<string, string>> = Object.freeze({
  approximately: 'about',
  demonstrates: 'shows',
  demonstrate: 'show',
  demonstrated: 'showed',
  bilateral: 'on both sides',
  unilateral: 'on one side',
  anterior: 'front',
  posterior: 'back',
  superior: 'upper',
  inferior: 'lower',
  lateral: 'outer side',
  medial: 'inner side',
  subsequently: 'later',
  commence: 'start',
  additional: 'more',
  sufficient: 'enough',
  insufficient: 'not enough',
  utilise: 'use',
  visualised: 'seen',
  identified: 'found',
  prior: 'before',
  evaluate: 'check',
  assessment: 'check',
  multiple: 'many',
  minimal: 'very small',
  significant: 'large',
  unremarkable: 'normal',
  within: 'in',
});
