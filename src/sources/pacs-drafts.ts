/**
 * Drafts from the PACS: the marks a radiologist or an AI tool already made, read from a DICOM
 * Structured Report (TID 1500 Measurement Report), a Presentation State (GSPS: text and graphic
 * annotations) or a Key Object Selection (KOS: key images), for `<lay-annotation-editor>` to turn
 * into draft labels at the same image points.
 *
 * Parsed with dicom-parser (already shipped with the viewer), never by hand. Only what a mark needs
 * is read: image references, coordinates, and the clinical words (codes, text, measurements) of
 * the mark's own group, kept as a note for the writer. Nothing identifying is ever read: no patient
 * module, no observer context (`HAS OBS CONTEXT` items, where names and IDs live), no person-name
 * values. Bounded: nesting depth, items visited, marks and text length all have limits.
 */
import type { DataSet } from 'dicom-parser';
import type { AnnotationOutline } from '../annotations/document.js';

/** What kind of object it was. */
export type PacsObjectKind = 'sr' | 'gsps' | 'kos';

/** One mark, in image pixels (0 is the image's left or top edge), on one referenced image. */
export interface PacsMark {
  image: { sopInstanceUid: string; frame: number };
  /** Where the label goes; undefined for a key image (KOS): the editor puts it in the middle. */
  point: { column: number; row: number } | undefined;
  outline?: AnnotationOutline | undefined;
  /** In GSPS `DISPLAY` units (0 to 1 of the shown image) rather than pixels: the editor scales it. */
  displayUnits?: boolean;
  /** The clinical words for the writer (finding, site, measurements, tracking id, GSPS text). */
  note: string;
  /** The finding site's words, when the SR gives one (to look up in the glossary). */
  site?: string | undefined;
}

export interface PacsDrafts {
  kind: PacsObjectKind;
  marks: PacsMark[];
  /** Marks that could not be read (no image reference, a shape we do not know, too many), counted. */
  unreadable: number;
}

/** Why an object could not give drafts (for a plain message and a typed event). */
export class PacsDraftError extends Error {
  constructor(
    readonly type: 'not-dicom' | 'not-supported',
    message: string,
  ) {
    super(message);
    this.name = 'PacsDraftError';
  }
}

export const PACS_LIMITS = { depth: 24, items: 20000, marks: 500, text: 300, note: 1000 } as const;

const KOS = '1.2.840.10008.5.1.4.1.1.88.59';
const SR_CLASSES = new Set(['1.2.840.10008.5.1.4.1.1.88.11', '1.2.840.10008.5.1.4.1.1.88.22', '1.2.840.10008.5.1.4.1.1.88.33', '1.2.840.10008.5.1.4.1.1.88.34', '1.2.840.10008.5.1.4.1.1.88.35']);
/** Presentation states: grayscale, colour, pseudo-colour, blending. */
const PS_PREFIX = '1.2.840.10008.5.1.4.1.1.11.';

type Parser = typeof import('dicom-parser');
let parser: Promise<Parser> | undefined;
function loadParser(): Promise<Parser> {
  parser ??= import('dicom-parser').then((m) => ((m as { default?: Parser }).default ?? m) as Parser);
  return parser;
}

/** Read an SR (TID 1500), GSPS or KOS file (DICOM Part 10) into marks. Throws `PacsDraftError`. */
export async function readPacsDrafts(bytes: ArrayBuffer): Promise<PacsDrafts> {
  const dicomParser = await loadParser();
  let data: DataSet;
  try {
    data = dicomParser.parseDicom(new Uint8Array(bytes));
  } catch {
    throw new PacsDraftError('not-dicom', 'The file is not a DICOM object that can be read.');
  }
  const sopClass = str(data, 'x00080016');
  const budget = { items: 0 };
  if (sopClass.startsWith(PS_PREFIX) || data.elements.x00700001) return readGsps(data, budget);
  if (sopClass === KOS) return readKos(data, budget);
  if (SR_CLASSES.has(sopClass) || data.elements.x0040a730) {
    if (!isTid1500(data)) throw new PacsDraftError('not-supported', 'The structured report is not a TID 1500 measurement report.');
    return readSr(data, budget);
  }
  throw new PacsDraftError('not-supported', 'The object is not a structured report, presentation state or key object selection.');
}

// --- Small readers -------------------------------------------------------------------------------

function str(data: DataSet, tag: string): string {
  try {
    return (data.string(tag) ?? '').trim().slice(0, PACS_LIMITS.text);
  } catch {
    return '';
  }
}

function items(data: DataSet, tag: string, budget: { items: number }): DataSet[] {
  const list = data.elements[tag]?.items ?? [];
  const out: DataSet[] = [];
  for (const item of list) {
    if (++budget.items > PACS_LIMITS.items) break;
    if (item.dataSet) out.push(item.dataSet);
  }
  return out;
}

/** Floating point values (FL, or FD, or DS text), at most 2 × marks-worth. */
function floats(data: DataSet, tag: string): number[] {
  const element = data.elements[tag];
  if (!element) return [];
  const vr = element.vr;
  const out: number[] = [];
  if (vr === 'DS' || vr === 'IS') return str(data, tag).split('\\').map(Number).filter(Number.isFinite);
  const size = vr === 'FD' ? 8 : 4;
  const count = Math.min(Math.floor(element.length / size), 2 * PACS_LIMITS.marks);
  for (let i = 0; i < count; i++) {
    const value = size === 8 ? data.double(tag, i) : data.float(tag, i);
    if (value !== undefined) out.push(value);
  }
  return out;
}

function codeMeaning(data: DataSet, tag: string, budget: { items: number }): string {
  const code = items(data, tag, budget)[0];
  return code ? str(code, 'x00080104') || str(code, 'x00080100') : '';
}

function imageRef(data: DataSet, tag: string, budget: { items: number }): { sopInstanceUid: string; frame: number } | undefined {
  const ref = items(data, tag, budget)[0];
  if (!ref) return undefined;
  const sopInstanceUid = str(ref, 'x00081155');
  if (!/^[0-9]+(\.[0-9]+)*$/.test(sopInstanceUid) || sopInstanceUid.length > 64) return undefined;
  const frame = Math.max(1, Math.round(Number(str(ref, 'x00081160').split('\\')[0]) || 1));
  return { sopInstanceUid, frame };
}

/** A shape's point and outline from its graphic type and data (column, row pairs). */
function shape(type: string, data: number[]): { point: { column: number; row: number }; outline?: AnnotationOutline } | undefined {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < data.length; i += 2) pairs.push([data[i]!, data[i + 1]!]);
  if (pairs.length === 0 || pairs.some(([c, r]) => !Number.isFinite(c) || !Number.isFinite(r))) return undefined;
  const first = pairs[0]!;
  switch (type) {
    case 'POINT':
    case 'MULTIPOINT':
      return { point: { column: first[0], row: first[1] } };
    case 'POLYLINE':
    case 'INTERPOLATED': {
      if (pairs.length < 2) return { point: { column: first[0], row: first[1] } };
      const last = pairs[pairs.length - 1]!;
      const closed = pairs.length > 2 && last[0] === first[0] && last[1] === first[1];
      const points = (closed ? pairs.slice(0, -1) : pairs).slice(0, 500);
      return { point: { column: first[0], row: first[1] }, outline: { type: 'polyline', points, closed } };
    }
    case 'CIRCLE': {
      const edge = pairs[1];
      if (!edge) return undefined;
      const radius = Math.hypot(edge[0] - first[0], edge[1] - first[1]);
      return radius > 0 ? { point: { column: first[0], row: first[1] }, outline: { type: 'ellipse', center: first, radii: [radius, radius] } } : { point: { column: first[0], row: first[1] } };
    }
    case 'ELLIPSE': {
      // Two axes' end points: major then minor. Drawn lined up with the image edges (the schema's ellipse).
      if (pairs.length < 4) return undefined;
      const columns = pairs.map((p) => p[0]);
      const rows = pairs.map((p) => p[1]);
      const center: [number, number] = [(Math.min(...columns) + Math.max(...columns)) / 2, (Math.min(...rows) + Math.max(...rows)) / 2];
      const radii: [number, number] = [(Math.max(...columns) - Math.min(...columns)) / 2, (Math.max(...rows) - Math.min(...rows)) / 2];
      const point = { column: center[0], row: center[1] };
      return radii[0] > 0 && radii[1] > 0 ? { point, outline: { type: 'ellipse', center, radii } } : { point };
    }
    default:
      return undefined;
  }
}

function note(parts: readonly string[]): string {
  const text = parts.filter(Boolean).join('; ');
  return text.length > PACS_LIMITS.note ? `${text.slice(0, PACS_LIMITS.note - 1)}…` : text;
}

// --- SR, TID 1500 --------------------------------------------------------------------------------

function isTid1500(data: DataSet): boolean {
  const budget = { items: 0 };
  if (items(data, 'x0040a504', budget).some((t) => str(t, 'x0040db00') === '1500')) return true;
  // Some writers leave out the template id: the document title says it (126000, Imaging Measurement Report).
  return items(data, 'x0040a043', budget).some((c) => str(c, 'x00080100') === '126000');
}

const FINDING_SITE = new Set(['363698007', 'G-C0E3']);
/** The one observation-context item whose words a mark keeps: its tracking identifier (112039). */
const TRACKING_ID = '112039';

/** Observation context (observer, subject: names and IDs live there) is never read, but for a tracking identifier. */
function skipped(item: DataSet, budget: { items: number }): boolean {
  if (str(item, 'x0040a010') !== 'HAS OBS CONTEXT') return false;
  const name = items(item, 'x0040a043', budget)[0];
  return !(str(item, 'x0040a040') === 'TEXT' && name && str(name, 'x00080100') === TRACKING_ID);
}

function readSr(data: DataSet, budget: { items: number }): PacsDrafts {
  const marks: PacsMark[] = [];
  let unreadable = 0;
  const walk = (list: DataSet[], context: string[], site: string | undefined, depth: number): void => {
    if (depth > PACS_LIMITS.depth) {
      // Nested deeper than any real report: said, not followed.
      unreadable++;
      return;
    }
    // The words of this level: codes, text and measurements (never observer context or names).
    const words: string[] = [];
    let here = site;
    for (const item of list) {
      if (skipped(item, budget)) continue;
      const name = codeMeaning(item, 'x0040a043', budget);
      const type = str(item, 'x0040a040');
      if (type === 'CODE') {
        const value = codeMeaning(item, 'x0040a168', budget);
        if (value) words.push(name ? `${name}: ${value}` : value);
        const nameCode = items(item, 'x0040a043', budget)[0];
        if (nameCode && FINDING_SITE.has(str(nameCode, 'x00080100'))) here = value;
      } else if (type === 'TEXT') {
        const value = str(item, 'x0040a160');
        if (value) words.push(name ? `${name}: ${value}` : value);
      } else if (type === 'NUM') {
        const measured = items(item, 'x0040a300', budget)[0];
        const value = measured ? str(measured, 'x0040a30a') : '';
        const units = measured ? items(measured, 'x004008ea', budget)[0] : undefined;
        const unit = units ? str(units, 'x00080100') : '';
        if (value) words.push(`${name || 'Measurement'}: ${value}${unit && unit !== '1' ? ` ${unit}` : ''}`);
      }
    }
    const ctx = [...context, ...words];
    for (const item of list) {
      if (marks.length >= PACS_LIMITS.marks) return;
      if (str(item, 'x0040a010') === 'HAS OBS CONTEXT') continue;
      const type = str(item, 'x0040a040');
      const children = items(item, 'x0040a730', budget);
      if (type === 'SCOORD') {
        const image = children.map((child) => (str(child, 'x0040a040') === 'IMAGE' ? imageRef(child, 'x00081199', budget) : undefined)).find(Boolean);
        const made = shape(str(item, 'x00700023'), floats(item, 'x00700022'));
        if (!image || !made) unreadable++;
        else marks.push({ image, ...made, note: note(ctx), site: here });
        continue;
      }
      if (children.length > 0) walk(children, ctx, here, depth + 1);
    }
  };
  walk(items(data, 'x0040a730', budget), [], undefined, 0);
  return { kind: 'sr', marks, unreadable };
}

// --- KOS -----------------------------------------------------------------------------------------

function readKos(data: DataSet, budget: { items: number }): PacsDrafts {
  const marks: PacsMark[] = [];
  let unreadable = 0;
  const list = items(data, 'x0040a730', budget);
  const title = codeMeaning(data, 'x0040a043', budget);
  const description = list
    .filter((item) => str(item, 'x0040a040') === 'TEXT' && str(item, 'x0040a010') !== 'HAS OBS CONTEXT')
    .map((item) => str(item, 'x0040a160'))
    .filter(Boolean);
  for (const item of list) {
    if (marks.length >= PACS_LIMITS.marks) break;
    if (str(item, 'x0040a040') !== 'IMAGE') continue;
    const image = imageRef(item, 'x00081199', budget);
    if (!image) unreadable++;
    else marks.push({ image, point: undefined, note: note([title ? `Key image: ${title}` : 'Key image', ...description]) });
  }
  return { kind: 'kos', marks, unreadable };
}

// --- GSPS ----------------------------------------------------------------------------------------

/** An open two-point line with one end at `point` (within 2 pixels, or 0.5% of the shown image). */
function isArrowFrom(outline: AnnotationOutline | undefined, point: { column: number; row: number }, display: boolean): boolean {
  if (outline?.type !== 'polyline' || outline.closed || outline.points.length !== 2) return false;
  const near = display ? 0.005 : 2;
  return outline.points.some(([column, row]) => Math.hypot(column - point.column, row - point.row) <= near);
}

function readGsps(data: DataSet, budget: { items: number }): PacsDrafts {
  const marks: PacsMark[] = [];
  let unreadable = 0;
  // Annotations with no image list of their own apply to the state's images: the first is used.
  const seriesImage = items(data, 'x00081115', budget)
    .map((series) => imageRef(series, 'x00081140', budget))
    .find(Boolean);
  for (const group of items(data, 'x00700001', budget)) {
    const image = imageRef(group, 'x00081140', budget) ?? seriesImage;
    const texts = items(group, 'x00700008', budget);
    const words = texts.map((text) => str(text, 'x00700006')).filter(Boolean);
    const graphics = items(group, 'x00700009', budget).map((graphic) => ({
      made: shape(str(graphic, 'x00700023'), floats(graphic, 'x00700022')),
      display: str(graphic, 'x00700005') === 'DISPLAY',
      used: false,
    }));
    for (const text of texts) {
      if (marks.length >= PACS_LIMITS.marks) break;
      const value = str(text, 'x00700006');
      const anchor = floats(text, 'x00700014');
      const top = floats(text, 'x00700010');
      const bottom = floats(text, 'x00700011');
      const display = (anchor.length >= 2 ? str(text, 'x00700004') : str(text, 'x00700003')) === 'DISPLAY';
      const at = anchor.length >= 2 ? anchor : top.length >= 2 && bottom.length >= 2 ? [(top[0]! + bottom[0]!) / 2, (top[1]! + bottom[1]!) / 2] : [];
      if (!image || at.length < 2 || !value) {
        unreadable++;
        continue;
      }
      const point = { column: at[0]!, row: at[1]! };
      // The text's arrow (a line from its anchor) is one mark with it, not a second label at the same place.
      const arrow = anchor.length >= 2 ? graphics.find((graphic) => !graphic.used && graphic.display === display && isArrowFrom(graphic.made?.outline, point, display)) : undefined;
      if (arrow) arrow.used = true;
      marks.push({ image, point, ...(arrow ? { outline: arrow.made!.outline } : {}), displayUnits: display, note: note([value]) });
    }
    for (const graphic of graphics) {
      if (graphic.used || marks.length >= PACS_LIMITS.marks) continue;
      if (!image || !graphic.made) {
        unreadable++;
        continue;
      }
      marks.push({ image, ...graphic.made, displayUnits: graphic.display, note: note(words.length > 0 ? words : ['A mark drawn on the image']) });
    }
  }
  return { kind: 'gsps', marks, unreadable };
}
