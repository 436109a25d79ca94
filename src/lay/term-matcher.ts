/**
 * The term matcher: finds the glossary words in a radiology report (or any text), so each can be
 * explained where it stands. This is the part of the plain-language layer that must never be wrong:
 * a report word explained with another word's meaning is a clinical safety defect (hazard HAZ-015).
 *
 * How it reads a report:
 * - **Longest phrase first.** "posterior cruciate ligament", "renal pelvis" and "basal ganglia" are
 *   entries of their own, and a phrase beats any shorter word inside it.
 * - **Known unknowns are left alone.** A compound whose meaning is not the meaning of its parts, and
 *   that the glossary does not explain ("sinus rhythm", "femoral vein", "ileocaecal valve"), is listed
 *   in `glossary/blocked.ts`; its words are then not explained one by one. An entry with the same words
 *   always wins over a blocked phrase, so a portal can add its own explanation.
 * - **Prefixes that change a word's meaning** block a match that starts right after them and a
 *   hyphen: "non-displaced" is never explained as "displaced", "anti-inflammatory" never as
 *   "inflammatory".
 * - **Abbreviations** (forms written all in capitals in the glossary: CT, PA, MDT, PI-RADS) match only
 *   in capitals, so "pa" or "Ct" in ordinary words is never marked.
 * - **Spelling.** Case does not matter (except for abbreviations); a space, a run of spaces or line
 *   breaks, and a hyphen all match each other ("ground-glass" = "ground glass"), and a hyphenated form
 *   also matches the same letters closed up ("post-operative" = "postoperative"); curly and straight
 *   apostrophes match. US spellings of UK words are found too (edema, hemorrhage, esophagus, tumor,
 *   localized, center), and regular and Latin plurals (effusions, calculi, metastases, vertebrae),
 *   unless the glossary lists that form for another entry.
 * - **Word boundaries.** A match starts and ends at a word boundary (letters, digits and marks are word
 *   characters), so "rib" is never found in "ribbon".
 *
 * Why no library: the npm packages for phrase matching (Aho-Corasick implementations, `mark.js`, NLP
 * toolkits such as `compromise`) either work on raw characters with no word boundaries, or on
 * whitespace tokens that lose the report's own offsets, and none knows about abbreviations that must
 * match only in capitals or phrases that block their parts. The letter tree below is about 150 lines,
 * runs in time proportional to the text (times the longest phrase), and needs no regular expressions
 * built from data, so a portal's terms never need escaping.
 */
import { BLOCKED_PHRASES } from './glossary/blocked.js';
import { variantsOf } from './glossary/spelling.js';
import type { Glossary, GlossaryEntry } from './glossary.js';

export interface TermMatch {
  /** Offsets into the input text (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** The words exactly as the report wrote them. */
  text: string;
  /** The glossary entry that explains them. */
  entry: GlossaryEntry;
}

/**
 * Prefixes that change the meaning of the word they are joined to with a hyphen. A match never starts
 * just after one of them ("non-displaced", "sub-pleural", "post-inflammatory"): the whole word is left
 * alone unless the glossary knows it as written.
 */
const MEANING_PREFIXES: ReadonlySet<string> = new Set([
  'non', 'un', 'anti', 'post', 'pre', 'sub', 'supra', 'infra', 'para', 'peri', 'intra', 'extra', 'inter', 'trans',
  'hypo', 'hyper', 'pseudo', 'semi', 'multi', 're', 'de', 'mid', 'retro', 'ex', 'neo', 'pan', 'poly', 'micro',
  'macro', 'over', 'under', 'mis', 'dys', 'contra', 'juxta', 'ante', 'epi', 'endo', 'meso', 'co', 'bi', 'tri',
]);

/**
 * Every glossary term in `text`, longest match first, never overlapping, in text order. Pure: no DOM,
 * no state but a cache of the letter tree per glossary object (so use the frozen glossaries that
 * `buildGlossary` returns rather than changing one in place).
 *
 * This module holds the matcher only, not the built-in glossary's data, so code that is given a
 * glossary (the annotation layer) does not download the data with it; {@link findTerms} in
 * `find-terms.ts` is the public function, with the built-in glossary as its default.
 *
 * @param text The report or label text, as written.
 * @param glossary The glossary to use.
 */
export function matchTerms(text: string, glossary: Glossary): TermMatch[] {
  if (typeof text !== 'string' || text === '') return [];
  const root = matcherFor(glossary);
  const found: TermMatch[] = [];
  let i = 0;
  const length = text.length;
  while (i < length) {
    // Only try at the start of a word, or at a character that is not part of a word ("?").
    if (isWordAt(text, i) && isWordAt(text, i - 1)) {
      i++;
      continue;
    }
    if (startsAfterMeaningPrefix(text, i)) {
      i = endOfWord(text, i);
      continue;
    }
    const match = longestMatch(root, text, i);
    if (!match) {
      i++;
      continue;
    }
    if (match.entry) found.push({ start: i, end: match.end, text: text.slice(i, match.end), entry: match.entry });
    i = match.end;
  }
  return found;
}

interface Terminal {
  /** The entry, or null for a blocked phrase (matched, then left alone). */
  entry: GlossaryEntry | null;
  /** Set for capitals-only forms: the text must match this exactly (spaces and hyphens folded). */
  exact?: string;
  /** A spelling or plural we made up: any form the glossary lists itself wins over it. */
  generated?: boolean;
}

/**
 * A node of the letter tree. Most nodes have one child (words are long chains), so a node holds one
 * child in `key`/`child` and makes a Map only when a second child comes: far fewer objects to build
 * and collect than a Map per node.
 */
interface TrieNode {
  key?: string;
  child?: TrieNode;
  map?: Map<string, TrieNode>;
  ends?: Terminal[];
}

function childOf(node: TrieNode, key: string): TrieNode | undefined {
  if (node.map) return node.map.get(key);
  return node.key === key ? node.child : undefined;
}

function addChild(node: TrieNode, key: string): TrieNode {
  const found = childOf(node, key);
  if (found) return found;
  const made: TrieNode = {};
  if (node.map) node.map.set(key, made);
  else if (node.key === undefined) {
    node.key = key;
    node.child = made;
  } else {
    node.map = new Map([
      [node.key, node.child!],
      [key, made],
    ]);
    node.key = undefined;
    node.child = undefined;
  }
  return made;
}

/** Spaces and hyphens are one key in the letter tree. */
const GAP = ' ';
const matchers = new WeakMap<Glossary, TrieNode>();

function matcherFor(glossary: Glossary): TrieNode {
  let root = matchers.get(glossary);
  if (!root) {
    root = buildTrie(glossary.entries);
    matchers.set(glossary, root);
  }
  return root;
}

/** An entry's forms as written, and the spellings and plurals made from them; cached per entry object. */
const formCache = new WeakMap<GlossaryEntry, { listed: string[]; made: string[] }>();
let blockedForms: string[] | undefined;

function formsFor(entry: GlossaryEntry): { listed: string[]; made: string[] } {
  let forms = formCache.get(entry);
  if (!forms) {
    const listed = formsOf(entry);
    const plurals = entry.kind !== 'hedge';
    const made = listed.filter((form) => !isCapitalsOnly(form)).flatMap((form) => variantsOf(form, plurals));
    forms = { listed, made };
    // Only frozen entries (the built-in ones, and those buildGlossary makes) can be cached safely.
    if (Object.isFrozen(entry)) formCache.set(entry, forms);
  }
  return forms;
}

function buildTrie(entries: readonly GlossaryEntry[]): TrieNode {
  const root: TrieNode = {};
  blockedForms ??= BLOCKED_PHRASES.flatMap((phrase) => [phrase, ...variantsOf(phrase, true)]);
  for (const form of blockedForms) insert(root, form, { entry: null, generated: true });
  // Explicit forms first, then made-up ones, which never replace an explicit form.
  for (const entry of entries) {
    for (const form of formsFor(entry).listed) insert(root, form, terminalFor(entry, form, false));
  }
  for (const entry of entries) {
    for (const form of formsFor(entry).made) insert(root, form, terminalFor(entry, form, true));
  }
  return root;
}

function formsOf(entry: GlossaryEntry): string[] {
  const forms = [entry.term, ...(entry.aliases ?? [])].filter((form): form is string => typeof form === 'string');
  // A hyphenated form also matches the same letters closed up: post-operative, postoperative.
  const closed = forms.filter((form) => /[a-z]-[a-z]/i.test(form) && !isCapitalsOnly(form)).map((form) => form.replace(/-/g, ''));
  return [...forms, ...closed];
}

function terminalFor(entry: GlossaryEntry, form: string, generated: boolean): Terminal {
  const terminal: Terminal = { entry };
  if (isCapitalsOnly(form)) terminal.exact = squeeze(form);
  if (generated) terminal.generated = true;
  return terminal;
}

function insert(root: TrieNode, form: string, terminal: Terminal): void {
  const clean = squeeze(form);
  if (!clean) return;
  let node = root;
  for (const unit of clean) node = addChild(node, unit === GAP ? GAP : foldUnit(unit));
  const ends = node.ends ?? [];
  const same = ends.findIndex((t) => t.exact === terminal.exact);
  if (same >= 0) {
    const old = ends[same]!;
    // A made-up form never replaces a listed one; among listed forms (or blocks), later entries win.
    if (terminal.generated && !old.generated) return;
    if (terminal.generated && old.generated && old.entry !== null) return;
    ends.splice(same, 1);
  }
  // Capitals-only forms are checked first.
  node.ends = terminal.exact === undefined ? [...ends, terminal] : [terminal, ...ends];
}

/** Spaces and hyphens folded to one space, curly apostrophes to straight ones. */
function squeeze(form: string): string {
  return form.trim().replace(/[\s\-\u2010\u2011]+/g, GAP).replace(/\u2019/g, "'");
}

interface Found {
  end: number;
  entry: GlossaryEntry | null;
}

/** The longest form (or blocked phrase) starting at `start` that ends at a word boundary, if any. */
function longestMatch(root: TrieNode, text: string, start: number): Found | undefined {
  let node: TrieNode | undefined = root;
  let best: Found | undefined;
  let i = start;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isGapCode(code)) {
      node = childOf(node, GAP);
      if (!node) break;
      i += 1;
      while (i < length && isGapCode(text.charCodeAt(i))) i += 1;
    } else {
      const width = isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
      node = childOf(node, fold(code, text, i, width));
      if (!node) break;
      i += width;
    }
    if (node.ends && endsWell(text, start, i)) {
      const written = squeeze(text.slice(start, i));
      const terminal = node.ends.find((t) => t.exact === undefined || t.exact === written);
      if (terminal) best = { end: i, entry: terminal.entry };
    }
  }
  return best;
}

/** A match ends at a word boundary; "?" (query) only before a word, as in "?fracture" or "? pneumonia". */
function endsWell(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  // A form never ends on a space or hyphen taken from the text.
  if (isGapCode(last)) return false;
  if (end - start === 1 && last === 63 /* ? */) {
    const next = text.charCodeAt(end) === 32 ? end + 1 : end;
    return isLetterAt(text, next) && !isWordAt(text, start - 1);
  }
  return !(isWordAt(text, end - 1) && isWordAt(text, end));
}

/** Whether a match at `index` would start just after "non-", "sub-", "anti-"... */
function startsAfterMeaningPrefix(text: string, index: number): boolean {
  if (index < 2 || !isHyphenCode(text.charCodeAt(index - 1)) || !isWordAt(text, index)) return false;
  let s = index - 1;
  while (s > 0 && isWordAt(text, s - 1)) s--;
  return MEANING_PREFIXES.has(text.slice(s, index - 1).toLowerCase());
}

function endOfWord(text: string, index: number): number {
  let i = index;
  while (i < text.length && isWordAt(text, i)) i++;
  return Math.max(i, index + 1);
}

/** Small letters for ASCII, made once: the common case needs no new strings. */
const ASCII_FOLDED = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code).toLowerCase());
const ASCII_WORD = Array.from({ length: 128 }, (_, code) => /\w/.test(String.fromCharCode(code)));
const WORD = /[\p{L}\p{M}\p{N}_]/u;
const LETTER = /\p{L}/u;

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

function isHyphenCode(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011;
}

/** Whitespace (the characters `\s` matches) and hyphens: what a space in a form matches. */
function isGapCode(code: number): boolean {
  if (code < 128) return code === 32 || code === 45 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2010 || code === 0x2011 ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
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
  const point = isLowSurrogate(code) && index > 0 ? text.codePointAt(index - 1)! : text.codePointAt(index)!;
  return WORD.test(String.fromCodePoint(point));
}

function isLetterAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(String.fromCodePoint(text.codePointAt(index)!));
}

/** Abbreviations such as 'AP' or 'PI-RADS': capital letters and no small ones. */
function isCapitalsOnly(form: string): boolean {
  return /\p{Lu}/u.test(form) && !/\p{Ll}/u.test(form);
}
