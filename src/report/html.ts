/**
 * Reading report HTML (IHE Interactive Multimedia Report, RAD-141, or any HTML report) without ever
 * inserting it: the browser's `DOMParser` builds an inert document (no script runs, nothing loads),
 * and we read from it only text, paragraphs, lists, headings and image links (`<imr-ref>`). Every
 * attribute other than the few image-link and `data-sensitive` ones is ignored; links lose their
 * `href`. What comes out is a {@link ReportModel} of plain strings, rendered as text.
 */
import { MAX_REPORT_CHARS, type Block, type Hold, type ImageRef, type List, type ReportModel, type Run, type Section } from './model.js';
import { IDENTIFYING_LINE, IdMaker, headingKind, isCapitalsTitle, paragraph, redact, splitHeading } from './text.js';

export interface HtmlOptions {
  /** IMR reference ids (`<imr-ref id="1">`) and the images they point at. */
  refs?: Readonly<Record<string, ImageRef>>;
  /** Names and identifiers to take out wherever they appear (from a FHIR resource). */
  known?: readonly string[];
}

/** Below this depth, elements are read as plain text only (deep nesting costs nothing more). */
const MAX_DEPTH = 48;
/** Elements whose content is never shown. */
const SKIP = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'meta',
  'link', 'button', 'input', 'select', 'textarea', 'option', 'canvas', 'video', 'audio', 'img', 'picture', 'frame',
  'frameset', 'dialog', 'slot',
]);
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'blockquote', 'pre', 'header', 'footer', 'main', 'aside', 'tr', 'dd', 'dt', 'dl',
  'figure', 'figcaption', 'details', 'summary', 'address', 'table', 'tbody', 'thead', 'tfoot', 'hr', 'body', 'html',
  'center', 'fieldset', 'form', 'nav',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_ATTRIBUTE = 200;

/** Parse report HTML into a report model. Never throws on odd HTML; nothing in it runs. */
export function parseHtml(input: string, options: HtmlOptions = {}, ids = new IdMaker()): ReportModel {
  const truncated = input.length > MAX_REPORT_CHARS * 2;
  const source = truncated ? input.slice(0, MAX_REPORT_CHARS * 2) : input;
  const doc = new DOMParser().parseFromString(source, 'text/html');
  const reader = new Reader(options, ids);
  // A mark on <html> or <body> holds everything.
  const whole = reader.holdOf(doc.documentElement) ?? reader.holdOf(doc.body);
  reader.read(doc.body, 0, undefined, undefined);
  return { sections: reader.finish(), truncated, ...(whole ? { hold: whole } : {}) };
}

class Reader {
  readonly #options: HtmlOptions;
  readonly #ids: IdMaker;
  readonly #sections: Section[] = [];
  #section: Section = { blocks: [] };
  #runs: Run[] = [];
  /** Set by a `data-sensitive` inline element: the paragraph being read waits as a whole. */
  #inlineHold: Hold | undefined;
  #blockHold: Hold | undefined;
  #sensitiveCount = 0;
  #chars = 0;

  constructor(options: HtmlOptions, ids: IdMaker) {
    this.#options = options;
    this.#ids = ids;
  }

  finish(): Section[] {
    this.#flush();
    this.#pushSection();
    return this.#sections;
  }

  read(node: Node, depth: number, ref: ImageRef | undefined, hold: Hold | undefined): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (this.#chars > MAX_REPORT_CHARS) return;
      if (child.nodeType === Node.TEXT_NODE) {
        this.#text(child.nodeValue ?? '', ref);
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      const ownHold = this.holdOf(el) ?? hold;
      if (depth > MAX_DEPTH) {
        // Too deep to be a real report's structure: its words, as text, and no more. A mark of a
        // sensitive part anywhere in it holds the whole paragraph (never lost by flattening).
        const marked = ownHold ?? this.holdOf(el.querySelector('[data-sensitive]'));
        if (marked && marked !== hold) this.#inlineHold ??= marked;
        this.#text(el.textContent ?? '', ref);
        continue;
      }
      if (tag === 'br') {
        this.#flush();
        continue;
      }
      if (HEADING_TAGS.has(tag)) {
        this.#flush();
        this.#heading(el.textContent ?? '');
        continue;
      }
      if (tag === 'ul' || tag === 'ol') {
        this.#flush();
        this.#list(el, tag === 'ol', depth, ownHold);
        continue;
      }
      if (tag === 'imr-ref' || (tag === 'a' && el.hasAttribute('data-image'))) {
        if (ownHold && ownHold !== hold) this.#inlineHold ??= ownHold;
        this.read(el, depth + 1, this.#refOf(el) ?? ref, ownHold);
        continue;
      }
      if (BLOCKS.has(tag) || tag === 'li') {
        this.#flush();
        const before = this.#blockHold;
        this.#blockHold = ownHold;
        this.read(el, depth + 1, ref, ownHold);
        this.#flush();
        this.#blockHold = before;
        if (tag === 'td' || tag === 'th') this.#text(' ', ref);
        continue;
      }
      // Inline (span, b, em, a without an image, td...): its words join the paragraph.
      if (ownHold && ownHold !== hold) this.#inlineHold ??= ownHold;
      this.read(el, depth + 1, ref, ownHold);
      if (tag === 'td' || tag === 'th') this.#text(' ', ref);
    }
  }

  #text(text: string, ref: ImageRef | undefined): void {
    if (!text) return;
    this.#chars += text.length;
    const last = this.#runs.at(-1);
    if (last && last.ref === ref) last.text += text;
    else this.#runs.push({ text, ...(ref ? { ref } : {}) });
  }

  #heading(words: string): void {
    const clean = words.replace(/\s+/g, ' ').trim().slice(0, 200);
    if (!clean) return;
    this.#pushSection();
    const kind = headingKind(clean);
    this.#section = { heading: clean, ...(kind ? { kind } : {}), blocks: [] };
  }

  #pushSection(): void {
    const s = this.#section;
    if (s.heading !== undefined || s.blocks.length > 0) this.#sections.push(s);
    this.#section = { blocks: [] };
  }

  /** End the paragraph being read (a line that is only a heading, such as "FINDINGS:", starts a section). */
  #flush(): void {
    const runs = this.#cleanRuns(this.#runs);
    const hold = this.#inlineHold ?? this.#blockHold;
    this.#runs = [];
    this.#inlineHold = undefined;
    if (runs.length === 0) return;
    const text = runs.map((r) => r.text).join('');
    if (IDENTIFYING_LINE.test(text)) return;
    if (!runs.some((r) => r.ref)) {
      const heading = splitHeading(text);
      if (heading) {
        this.#pushSection();
        this.#section = { heading: heading.heading, kind: heading.kind, blocks: [] };
        if (heading.rest) this.#section.blocks.push(paragraph([{ text: heading.rest }], this.#ids, hold));
        return;
      }
      if (isCapitalsTitle(text)) {
        this.#heading(text);
        return;
      }
    }
    this.#section.blocks.push(paragraph(runs, this.#ids, hold));
  }

  /** Spaces collapsed, names taken out; empty runs dropped. */
  #cleanRuns(runs: Run[]): Run[] {
    const out: Run[] = [];
    for (const run of runs) {
      const text = redact(run.text.replace(/\s+/g, ' '), this.#options.known);
      if (text) out.push({ ...run, text });
    }
    while (out[0] && out[0].text.trim() === '') out.shift();
    while (out.at(-1) && out.at(-1)!.text.trim() === '') out.pop();
    if (out[0]) out[0] = { ...out[0], text: out[0].text.trimStart() };
    const last = out.length - 1;
    if (last >= 0) out[last] = { ...out[last]!, text: out[last]!.text.trimEnd() };
    return out.filter((r) => r.text !== '');
  }

  #list(el: Element, ordered: boolean, depth: number, hold: Hold | undefined): void {
    const list: List = { kind: 'list', id: this.#ids.next('l'), ordered, items: [], ...(hold ? { hold } : {}) };
    const outer = this.#section;
    for (let item = el.firstElementChild; item; item = item.nextElementSibling) {
      if (item.localName !== 'li' || this.#chars > MAX_REPORT_CHARS) continue;
      // Each item: its own words (nested blocks and lists read as part of it).
      const scratch: Section = { blocks: [] };
      this.#section = scratch;
      const itemHold = this.holdOf(item);
      const before = this.#blockHold;
      this.#blockHold = itemHold ?? hold;
      this.read(item, depth + 2, undefined, itemHold ?? hold);
      this.#flush();
      this.#blockHold = before;
      const runs = scratch.blocks.flatMap((b: Block) =>
        b.kind === 'list' ? b.items.flatMap((p) => p.sentences.flatMap((s) => [...s.runs, { text: ' ' }])) : b.sentences.flatMap((s) => [...s.runs, { text: ' ' }]),
      );
      // An item waits on its own only for a mark other than the whole list's (one choice, not two).
      const own = itemHold ?? scratch.blocks.map((b) => b.hold).find((h) => h && h !== hold);
      const clean = this.#cleanRuns(runs);
      if (clean.length > 0) list.items.push(paragraph(clean, this.#ids, own && own !== hold ? own : undefined));
    }
    this.#section = outer;
    if (list.items.length > 0) this.#section.blocks.push(list);
  }

  holdOf(el: Element | null): Hold | undefined {
    if (!el?.hasAttribute('data-sensitive')) return undefined;
    const id = (el.getAttribute('data-sensitive') ?? '').trim().slice(0, MAX_ATTRIBUTE);
    const notBefore = (el.getAttribute('data-not-before') ?? '').trim().slice(0, 40);
    return { key: id || `imr-sensitive-${++this.#sensitiveCount}`, ...(notBefore ? { notBefore } : {}) };
  }

  /** Where an `<imr-ref>` points: `image` (1-based), `sop-instance-uid` (+ `frame`), `label`, or its `id` in the portal's map. */
  #refOf(el: Element): ImageRef | undefined {
    const attr = (name: string) => {
      const value = el.getAttribute(name) ?? el.getAttribute(`data-${name}`);
      return value === null ? undefined : value.trim().slice(0, MAX_ATTRIBUTE);
    };
    const ref: ImageRef = {};
    const image = Number(attr('image'));
    if (Number.isInteger(image) && image >= 1) ref.index = image - 1;
    const uid = attr('sop-instance-uid');
    if (uid && /^[0-9.]+$/.test(uid)) ref.sopInstanceUid = uid;
    const frame = Number(attr('frame'));
    if (Number.isInteger(frame) && frame >= 1) ref.frame = frame;
    const label = attr('label');
    if (label) ref.labelId = label;
    const id = el.getAttribute('id');
    const mapped = id && this.#options.refs && Object.hasOwn(this.#options.refs, id) ? this.#options.refs[id] : undefined;
    const merged = { ...mapped, ...ref };
    return merged.index !== undefined || merged.sopInstanceUid || merged.labelId ? merged : undefined;
  }
}
