import type { Glossary, GlossaryEntry } from './glossary.js';

/** A piece of text: plain, or a glossary word with its entry. */
export interface TextSegment {
  text: string;
  entry?: GlossaryEntry;
}

/**
 * Split text into plain parts and glossary-word parts, so a component can mark the words patients
 * may not know. Matches whole words only, case-insensitive, longest first ("pleural effusion" wins
 * over "effusion"), on terms and aliases; every occurrence is marked. Forms written all in capitals
 * in the glossary (abbreviations such as 'AP', 'PET', 'FLAIR') match only in capitals. Curly and
 * straight apostrophes match each other, and a space in a term matches any run of spaces or line
 * breaks. Joining the segments' `text` gives back exactly the original text.
 *
 * A simple scan over a letter tree rather than a regular expression: time grows with the length of
 * the text times the length of the longest term, whatever the text holds, and terms never need
 * escaping. Pure: no DOM. The letter tree is built once per glossary object and cached, so use the
 * glossaries `buildGlossary` returns (they are frozen) rather than changing one in place.
 */
export function segmentText(text: string, glossary: Glossary): TextSegment[] {
  if (typeof text !== 'string' || text === '') return [];
  const root = matcherFor(glossary);
  const segments: TextSegment[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < text.length) {
    const match = isWordAt(text, i - 1) ? undefined : longestMatch(root, text, i);
    if (!match) {
      i++;
      continue;
    }
    if (plainStart < i) segments.push({ text: text.slice(plainStart, i) });
    segments.push({ text: text.slice(i, match.end), entry: match.entry });
    i = match.end;
    plainStart = i;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}

interface Terminal {
  entry: GlossaryEntry;
  /** Set for capitals-only forms: the text must match this exactly. */
  exact?: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Forms ending here; more than one only when a capitals-only form shares its letters with another. */
  ends?: Terminal[];
}

const SPACE = ' ';
const matchers = new WeakMap<Glossary, TrieNode>();

function matcherFor(glossary: Glossary): TrieNode {
  let root = matchers.get(glossary);
  if (!root) {
    root = buildTrie(glossary.entries);
    matchers.set(glossary, root);
  }
  return root;
}

function buildTrie(entries: readonly GlossaryEntry[]): TrieNode {
  const root: TrieNode = { next: new Map() };
  // Later entries win, as in the glossary's own lookup.
  for (const entry of entries) {
    for (const form of [entry.term, ...(entry.aliases ?? [])]) {
      if (typeof form !== 'string') continue;
      const clean = form.trim().replace(/\s+/g, SPACE);
      if (!clean) continue;
      let node = root;
      for (const unit of clean) {
        const key = foldUnit(unit);
        let child = node.next.get(key);
        if (!child) {
          child = { next: new Map() };
          node.next.set(key, child);
        }
        node = child;
      }
      const terminal: Terminal = isCapitalsOnly(clean) ? { entry, exact: clean.replace(/\u2019/g, "'") } : { entry };
      const others = (node.ends ?? []).filter((t) => t.exact !== terminal.exact);
      node.ends = terminal.exact === undefined ? [...others, terminal] : [terminal, ...others];
    }
  }
  return root;
}

/** The longest form starting at `start` that ends at a word boundary, if any. */
function longestMatch(root: TrieNode, text: string, start: number): { end: number; entry: GlossaryEntry } | undefined {
  let node: TrieNode | undefined = root;
  let best: { end: number; entry: GlossaryEntry } | undefined;
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      node = node.next.get(SPACE);
      // Only a term with a space here may swallow the whole run of spaces.
      if (!node) break;
      i += 1;
      while (i < text.length && isSpaceCode(text.charCodeAt(i))) i += 1;
    } else {
      const width = isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      node = node.next.get(fold(code, text, i, width));
      if (!node) break;
      i += width;
    }
    if (node.ends && !isWordAt(text, i)) {
      const written = text.slice(start, i).replace(/\s+/g, SPACE).replace(/\u2019/g, "'");
      const terminal = node.ends.find((t) => t.exact === undefined || t.exact === written);
      if (terminal) best = { end: i, entry: terminal.entry };
    }
  }
  return best;
}

/** Small letters for ASCII, made once: the common case needs no new strings. */
const ASCII_FOLDED = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code).toLowerCase());
/** Letters, digits and `_` in ASCII. */
const ASCII_WORD = Array.from({ length: 128 }, (_, code) => /\w/.test(String.fromCharCode(code)));
const WORD = /[\p{L}\p{M}\p{N}_]/u;

/** One character, case-folded as the letter tree stores it; curly apostrophes count as straight ones. */
function fold(code: number, text: string, index: number, width: number): string {
  if (code < 128) return ASCII_FOLDED[code]!;
  return foldUnit(text.slice(index, index + width));
}

function foldUnit(unit: string): string {
  if (unit === '\u2019') return "'";
  if (unit.length === 1 && unit.charCodeAt(0) < 128) return ASCII_FOLDED[unit.charCodeAt(0)]!;
  const lower = unit.toLowerCase();
  return lower.length === unit.length ? lower : unit;
}

/** The characters `\s` matches in JavaScript. */
function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether the character covering position `index` is part of a word (letters, marks, digits, `_`). */
function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_WORD[code]!;
  // The second half of a surrogate pair: read the whole character.
  const point = isLowSurrogate(code) && index > 0 ? text.codePointAt(index - 1)! : text.codePointAt(index)!;
  return WORD.test(String.fromCodePoint(point));
}

/** Abbreviations such as 'AP' or 'FLAIR': capital letters and no small ones. */
function isCapitalsOnly(form: string): boolean {
  return /\p{Lu}/u.test(form) && !/\p{Ll}/u.test(form);
}
