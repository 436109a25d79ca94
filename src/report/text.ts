/**
 * Reading a plain-text radiology report: headings (FINDINGS, IMPRESSION...), paragraphs, sentences,
 * and the images sentences name. Pure: no DOM.
 */
import {
  MAX_REPORT_CHARS,
  type Hold,
  type ImageRef,
  type Paragraph,
  type ReportModel,
  type Run,
  type Section,
  type SectionKind,
  type SensitiveMatch,
} from './model.js';

/** Heading words as UK reports write them, and the kind each one is. */
const HEADINGS: readonly [RegExp, SectionKind][] = [
  [/^(?:findings?|report|observations?)$/i, 'findings'],
  [/^(?:impressions?|conclusions?|opinion|summary|comments?|interpretation)$/i, 'impression'],
  [/^(?:comparisons?|compared with|previous(?: imaging| studies)?)$/i, 'comparison'],
  [/^(?:clinical (?:details|history|information|indications?|question)|history|indications?|reason for (?:exam(?:ination)?|study|referral))$/i, 'history'],
  [/^(?:technique|procedure|protocol|method)$/i, 'technique'],
];

/** A line that starts with a known heading, in capitals or followed by a colon: the heading and what follows it. */
const HEADING_LINE = /^\s*([A-Za-z][A-Za-z ]{1,40}?)\s*(?::|-\s|$)\s*(.*)$/s;

/** The kind of a heading's words, if we know them. */
export function headingKind(words: string): SectionKind | undefined {
  const clean = words.trim().replace(/\s+/g, ' ').replace(/[:.]$/, '');
  return HEADINGS.find(([pattern]) => pattern.test(clean))?.[1];
}

/** A line that starts a known section ("FINDINGS", "Impression: ..."): its heading words, kind, and the text after it. */
export function splitHeading(line: string): { heading: string; kind: SectionKind; rest: string } | undefined {
  const heading = HEADING_LINE.exec(line);
  if (!heading) return undefined;
  const kind = headingKind(heading[1]!);
  const written = heading[1]!.trim();
  const capitals = written === written.toUpperCase();
  const hasColon = /^\s*[A-Za-z][A-Za-z ]*?\s*(?::|-\s)/.test(line);
  if (!kind || !(capitals || hasColon)) return undefined;
  return { heading: written, kind, rest: heading[2]!.trim() };
}

/** Lines written all in capitals, short, with letters (a title such as "CT HEAD WITHOUT CONTRAST"). */
export function isCapitalsTitle(line: string): boolean {
  const t = line.trim();
  return t.length >= 3 && t.length <= 80 && /[A-Z]{2}/.test(t) && !/[a-z]/.test(t) && !/[.!?]$/.test(t);
}

/** Lines that carry a person's details in report headers: never shown. */
export const IDENTIFYING_LINE =
  /^\s*(?:patient(?:'s)? name|name|patient|nhs (?:no|number)|hospital (?:no|number)|mrn|d\.?o\.?b\.?|date of birth|address|postcode|referr(?:er|ing clinician|ed by)|requested by|reported by|verified by|authori[sz]ed by|typed by|dictated by|signed(?: by)?|consultant|radiologist|gp|accession(?: no| number)?)\s*[:#]/i;

/** Numbers written like an NHS number (3 3 4 digits): taken out of any text we show. */
const NHS_NUMBER = /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g;

/** Text with identifying header lines left out and NHS-number-like digits replaced. */
export function withoutIdentifiers(text: string, known: readonly string[] = []): string {
  const out = text
    .split(/\r\n|\r|\n/)
    .filter((line) => !IDENTIFYING_LINE.test(line))
    .join('\n');
  return redact(out, known);
}

/** NHS-number-like digits and the given names or identifiers replaced, wherever they are. */
export function redact(text: string, known: readonly string[] = []): string {
  const out = text.replace(NHS_NUMBER, '[number removed]');
  const pattern = namePattern(known);
  return pattern ? out.replace(pattern, '[name removed]') : out;
}

const patterns = new WeakMap<readonly string[], RegExp | null>();

/** One expression for all the names (longest first), made once per list. */
function namePattern(known: readonly string[]): RegExp | null {
  let pattern = patterns.get(known);
  if (pattern === undefined) {
    const parts = known
      .map((value) => value.trim())
      .filter((v) => v.length >= 2)
      .sort((a, b) => b.length - a.length)
      .map((v) => `${/^\w/.test(v) ? '\\b' : ''}${escapeRegExp(v).replace(/\s+/g, '\\s+')}${/\w$/.test(v) ? '\\b' : ''}`);
    pattern = parts.length > 0 ? new RegExp(parts.join('|'), 'gi') : null;
    patterns.set(known, pattern);
  }
  return pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A plain-text report as sections of paragraphs. A blank line ends a paragraph; a line with a known
 * heading (in capitals, or followed by a colon) starts a section, and text after the colon starts its
 * first paragraph; other short lines in capitals are kept as headings of their own.
 */
export function parseText(input: string, ids = new IdMaker(), known: readonly string[] = []): ReportModel {
  const truncated = input.length > MAX_REPORT_CHARS;
  const text = withoutIdentifiers(truncated ? input.slice(0, MAX_REPORT_CHARS) : input, known);
  const sections: Section[] = [];
  let section: Section = { blocks: [] };
  let lines: string[] = [];
  const endParagraph = () => {
    const joined = lines.join('\n').trim();
    lines = [];
    if (joined) section.blocks.push(paragraph([{ text: joined }], ids));
  };
  const startSection = (heading: string, kind: SectionKind | undefined) => {
    endParagraph();
    if (section.heading !== undefined || section.blocks.length > 0) sections.push(section);
    section = { heading, ...(kind ? { kind } : {}), blocks: [] };
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    const heading = splitHeading(line);
    if (heading) {
      startSection(heading.heading, heading.kind);
      if (heading.rest) lines.push(heading.rest);
      continue;
    }
    if (lines.length === 0 && isCapitalsTitle(line)) {
      startSection(line.trim().replace(/:$/, ''), headingKind(line));
      continue;
    }
    lines.push(line);
  }
  endParagraph();
  if (section.heading !== undefined || section.blocks.length > 0) sections.push(section);
  return { sections, truncated };
}

/** Ids for sentences and blocks, unique within one model. */
export class IdMaker {
  readonly #namespace: string;
  #n = 0;
  /** `namespace` keeps ids apart from another maker's (for parts added after reading). */
  constructor(namespace = '') {
    this.#namespace = namespace;
  }
  next(prefix: string): string {
    return `${this.#namespace}${prefix}${++this.#n}`;
  }
}

/** A paragraph from runs of text (IMR links keep their `ref`), split into sentences. */
export function paragraph(runs: Run[], ids: IdMaker, hold?: Hold): Paragraph {
  const text = runs.map((r) => r.text).join('');
  const bounds = sentenceBounds(text);
  const sentences = bounds.map(([start, end]) => {
    const pieces = sliceRuns(runs, start, end);
    const words = pieces.map((p) => p.text).join('');
    const refs = dedupe([...pieces.flatMap((p) => (p.ref ? [p.ref] : [])), ...imageMentions(words)]);
    return { id: ids.next('s'), runs: pieces, text: words, refs };
  });
  return { kind: 'paragraph', id: ids.next('p'), sentences, ...(hold ? { hold } : {}) };
}

/** Words that end with a full stop but do not end a sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|approx|cf|vs|nos|fig|dr|mr|mrs|ms|prof|st|ref|incl)\.|\b[A-Z]\.)$/i;

/** [start, end) of each sentence, covering the whole text; spaces between sentences go with the sentence before. */
export function sentenceBounds(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  const end = /[.!?]+["')\]]*(\s+)(?=["'([]?[A-Z0-9])|\n\s*(?=[-•*]\s|\d+[.)]\s)/g;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    const stop = m.index + m[0].length;
    const before = text.slice(Math.max(start, m.index - 8), m.index + 1);
    if (m[0].startsWith('.') && ABBREVIATION.test(before)) continue;
    bounds.push([start, stop]);
    start = stop;
  }
  if (start < text.length) bounds.push([start, text.length]);
  // Leading spaces of the first sentence stay with it; empty pieces go.
  return bounds.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  const out: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    const a = Math.max(start, offset);
    const b = Math.min(end, offset + run.text.length);
    if (a < b) out.push({ text: run.text.slice(a - offset, b - offset), ...(run.ref ? { ref: run.ref } : {}) });
    offset += run.text.length;
  }
  return out;
}

/** "image 3", "see image 12", "images 4 and 5", "(image 7)": 0-based indices. */
const IMAGE_MENTION = /\b(?:images?|img|pictures?)\s*(?:no\.?\s*)?(\d{1,4}(?:\s*(?:,|and|&)\s*\d{1,4})*)\b/gi;

/** The images a sentence names. */
export function imageMentions(sentence: string): ImageRef[] {
  const refs: ImageRef[] = [];
  for (const m of sentence.matchAll(IMAGE_MENTION)) {
    for (const n of m[1]!.split(/\s*(?:,|and|&)\s*/)) {
      const number = Number(n);
      if (Number.isInteger(number) && number >= 1) refs.push({ index: number - 1 });
    }
  }
  return refs;
}

function dedupe(refs: ImageRef[]): ImageRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = JSON.stringify([ref.index, ref.sopInstanceUid, ref.frame, ref.labelId]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lower case with single spaces and straight apostrophes, for matching. */
function normal(text: string): string {
  return text.replace(/\u2019/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Mark what waits for the patient's choice: each sensitive match (every sentence holding it, or
 * else the paragraph or list item whose sentences together hold it), and the IMPRESSION when `holdImpression`. Fails closed: when a
 * match is found nowhere, or the impression is asked for and the report has none, the whole report
 * waits (the portal meant something to wait and we cannot tell what). Returns the matches not found.
 */
export function applyHolds(
  model: ReportModel,
  sensitive: readonly (SensitiveMatch | string)[],
  holdImpression: boolean,
): { unmatched: SensitiveMatch[]; impressionFound: boolean } {
  const unmatched: SensitiveMatch[] = [];
  const paragraphs = model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b])));
  sensitive.forEach((raw: SensitiveMatch | string | unknown, i) => {
    // A plain string is a match of its own; anything unreadable fails closed (as not found).
    const item: Partial<SensitiveMatch> = typeof raw === 'string' ? { match: raw } : typeof raw === 'object' && raw !== null ? (raw as Partial<SensitiveMatch>) : {};
    const want = typeof item.match === 'string' ? normal(item.match) : '';
    if (!want) {
      unmatched.push(item as SensitiveMatch);
      return;
    }
    const hold: Hold = {
      key: typeof item.findingId === 'string' && item.findingId ? item.findingId : `sensitive-${i + 1}`,
      ...(typeof item.notBefore === 'string' && item.notBefore ? { notBefore: item.notBefore } : {}),
    };
    let found = false;
    for (const p of paragraphs) {
      // Every sentence holding the words (a report may say it twice), else the paragraph.
      const sentences = p.sentences.filter((s) => normal(s.text).includes(want));
      if (sentences.length > 0) {
        for (const sentence of sentences) sentence.hold ??= hold;
        found = true;
      } else if (normal(p.sentences.map((s) => s.text).join(' ')).includes(want)) {
        p.hold ??= hold;
        found = true;
      }
    }
    if (!found) unmatched.push(item as SensitiveMatch);
  });
  let impressionFound = false;
  if (holdImpression) {
    // Sections under the impression with headings we do not know ("LUNGS", a line in capitals) are
    // part of it: folded into it (their heading kept as a line of text), so they wait with it.
    const sections: Section[] = [];
    const ids = new IdMaker('folded-');
    let impression: Section | undefined;
    for (const section of model.sections) {
      if (section.kind === 'impression') {
        impression = section;
        section.hold ??= { key: 'impression' };
        impressionFound = true;
        sections.push(section);
      } else if (!section.kind && impression) {
        if (section.heading) impression.blocks.push(paragraph([{ text: section.heading }], ids));
        impression.blocks.push(...section.blocks);
      } else {
        impression = undefined;
        sections.push(section);
      }
    }
    model.sections = sections;
  }
  const fallback = unmatched[0];
  if (fallback || (holdImpression && !impressionFound)) {
    // Already held whole (a mark on the whole HTML document): it stays so.
    model.hold ??= {
      key: 'report',
      ...(fallback?.notBefore ? { notBefore: fallback.notBefore } : {}),
    };
  }
  return { unmatched, impressionFound };
}
