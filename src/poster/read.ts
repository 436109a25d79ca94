/**
 * Reads the first frame of a file the viewer has already checked (src/sources/inspect.ts) into
 * what the poster needs, when the poster can draw it without the engine: uncompressed grey or
 * 8-bit colour, little endian, with no lookup tables of its own. Anything else: undefined (the
 * engine draws it; no poster).
 */
import type { DisplayFixes } from '../sources/inspect.js';
import type { PosterShape } from './fit.js';
import type { PosterFrame } from './pixels.js';

type DicomParser = typeof import('dicom-parser');
type DataSet = import('dicom-parser').DataSet;

let parserPromise: Promise<DicomParser> | undefined;
function loadParser(): Promise<DicomParser> {
  parserPromise ??= import('dicom-parser').then((m) => ((m as { default?: DicomParser }).default ?? m) as DicomParser);
  return parserPromise;
}

const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';

/** What the poster draws from: a decoded frame, or a baseline JPEG for the browser's own decoder. */
export type PosterSource =
  | { kind: 'frame'; frame: PosterFrame; shape: PosterShape }
  | { kind: 'jpeg'; bytes: Uint8Array; frame: Omit<PosterFrame, 'data'>; shape: PosterShape };

function numbers(value: string | undefined): number[] {
  return (value ?? '')
    .split('\\')
    .map((part) => (part.trim() === '' ? NaN : Number(part)))
    .filter((n) => Number.isFinite(n));
}

/**
 * The header values the poster reads, by dicom-parser tag (`x00280010`): a parsed file's, or an
 * instance's DICOM JSON (src/study/frame-file.ts, the small pictures drawn from a static tree's frames).
 */
export interface PosterHeader {
  /** A text value, multiple values joined by a backslash; undefined when absent. */
  string(tag: string): string | undefined;
  uint16(tag: string): number | undefined;
  /** Whether the element is there at all (lookup tables: their presence is enough to refuse). */
  has(tag: string): boolean;
}

/**
 * The first frame of a checked file, or undefined when the poster cannot draw it exactly as the
 * live view will. `pixelSpacing` is the geometry the viewer already read (src/sources/inspect.ts).
 */
export async function readPosterSource(
  buffer: ArrayBuffer,
  display: DisplayFixes,
  pixelSpacing: [number, number] | undefined,
): Promise<PosterSource | undefined> {
  // Marks drawn by the reporter (overlays) and palettes are left to the engine.
  if (display.overlays?.length || display.planar) return undefined;
  const dicomParser = await loadParser();
  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(new Uint8Array(buffer));
  } catch {
    return undefined;
  }
  const transferSyntax = dataSet.string('x00020010')?.trim() || '1.2.840.10008.1.2';
  const pixel = dataSet.elements['x7fe00010'];
  if (!pixel) return undefined;
  const header: PosterHeader = { string: (tag) => dataSet.string(tag), uint16: (tag) => dataSet.uint16(tag), has: (tag) => tag in dataSet.elements };
  const bytes = dataSet.byteArray;
  if (transferSyntax === JPEG_BASELINE) {
    const read = readHeader(header, transferSyntax, display, pixelSpacing);
    if (!read) return undefined;
    const { samples, photometric, bitsStored } = read;
    const fragment = pixel.fragments?.[0];
    const frames = Math.max(1, Number.parseInt(header.string('x00280008')?.trim() || '1', 10) || 1);
    // One fragment for the one frame (the common case); anything else is left to the engine.
    if (!fragment || frames !== 1 || (pixel.fragments?.length ?? 0) !== 1) return undefined;
    // Colour JPEGs (YBR_FULL_422 only, above): the browser converts YCbCr as JFIF says, as the
    // engine does; an RGB-stored JPEG could be read either way: engine only.
    if (samples === 1 && bitsStored > 8) return undefined;
    return {
      kind: 'jpeg',
      bytes: bytes.subarray(fragment.position, fragment.position + fragment.length),
      frame: { ...read.header, photometric: samples === 3 ? 'RGB' : photometric, samples, planar: 0 },
      shape: read.shape,
    };
  }
  if (pixel.encapsulatedPixelData) return undefined;
  const available = Math.max(0, Math.min(pixel.length, bytes.length - pixel.dataOffset));
  return frameSource(header, bytes.subarray(pixel.dataOffset, pixel.dataOffset + available), transferSyntax, display, pixelSpacing);
}

/**
 * One uncompressed frame (little endian: explicit or implicit) as the poster draws it, from its
 * header values and its bytes: the same reading for a parsed file and for DICOM JSON with a frame
 * (src/study/frame-file.ts). Undefined when the poster cannot draw it exactly as the live view will.
 */
export function frameSource(
  header: PosterHeader,
  pixels: Uint8Array,
  transferSyntax: string,
  display: DisplayFixes,
  pixelSpacing: [number, number] | undefined,
): PosterSource | undefined {
  if (!UNCOMPRESSED.has(transferSyntax)) return undefined;
  const read = readHeader(header, transferSyntax, display, pixelSpacing);
  if (!read) return undefined;
  const { rows, columns, samples, bitsAllocated, bitsStored, signed, grey } = read;
  if (bitsAllocated !== 8 && bitsAllocated !== 16) return undefined;
  if (bitsStored < 1 || bitsStored > bitsAllocated) return undefined;
  const count = rows * columns * samples;
  if (pixels.length < count * (bitsAllocated / 8)) return undefined;
  const offset = pixels.byteOffset;
  let data: Int32Array | Uint8Array | Uint16Array | Int16Array;
  if (bitsAllocated === 8) {
    data = new Uint8Array(pixels.buffer, offset, count);
  } else if (offset % 2 === 0) {
    data = new Uint16Array(pixels.buffer, offset, count);
  } else {
    data = new Uint16Array(pixels.buffer.slice(offset, offset + count * 2));
  }
  if (grey && (signed || bitsStored < bitsAllocated)) {
    // Only Bits Stored count; signed values are sign-extended from there (as the engine reads them).
    const shift = 32 - bitsStored;
    const mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const v = data[i]! & mask;
      out[i] = signed ? (v << shift) >> shift : v;
    }
    data = out;
  }
  return { kind: 'frame', frame: { ...read.header, data }, shape: read.shape };
}

/** The header values the poster draws with, or undefined when only the engine can draw the image. */
function readHeader(h: PosterHeader, transferSyntax: string, display: DisplayFixes, pixelSpacing: [number, number] | undefined) {
  const string = (tag: string) => h.string(tag)?.trim() ?? '';
  const rows = h.uint16('x00280010') ?? 0;
  const columns = h.uint16('x00280011') ?? 0;
  const samples = h.uint16('x00280002') ?? 1;
  const bitsAllocated = h.uint16('x00280100') ?? 16;
  const bitsStored = h.uint16('x00280101') ?? bitsAllocated;
  const signed = h.uint16('x00280103') === 1;
  const photometric = string('x00280004').toUpperCase();
  const planar = h.uint16('x00280006') ?? 0;
  if (!rows || !columns) return undefined;
  // Lookup tables the engine applies (Modality LUT, VOI LUT sequences) and presentation LUTs: engine only.
  if (h.has('x00283000') || h.has('x00283010') || h.has('x20500010')) return undefined;
  const grey = samples === 1 && (photometric === 'MONOCHROME1' || photometric === 'MONOCHROME2');
  const colour =
    samples === 3 &&
    bitsAllocated === 8 &&
    (transferSyntax === JPEG_BASELINE ? photometric === 'YBR_FULL_422' : photometric === 'RGB' || photometric === 'YBR_FULL');
  if (!grey && !colour) return undefined;
  const frameFix = display.frames?.[0];
  const rescale = frameFix?.rescale ?? display.rescale;
  const voi = frameFix?.voi ?? display.voi;
  const slope = rescale ? rescale.slope : Number(string('x00281053') || 1);
  const intercept = rescale ? rescale.intercept : Number(string('x00281052') || 0);
  if (!Number.isFinite(slope) || slope === 0 || !Number.isFinite(intercept)) return undefined;
  const centres = voi ? voi.centre : numbers(string('x00281050'));
  const widths = voi ? voi.width : numbers(string('x00281051'));
  const fn = voi ? voi.fn : string('x00281056').toUpperCase() || undefined;
  const window = centres.length > 0 && widths.length > 0 && widths[0]! > 0 ? { centre: centres[0]!, width: widths[0]!, fn } : undefined;
  const aspectValues = numbers(string('x00280034'));
  const shape: PosterShape = {
    rows,
    columns,
    pixelSpacing,
    aspect:
      !pixelSpacing && aspectValues.length === 2 && aspectValues.every((v) => v > 0) ? [aspectValues[0]!, aspectValues[1]!] : display.aspect,
  };
  const header = { rows, columns, samples, photometric, planar, slope: grey ? slope : 1, intercept: grey ? intercept : 0, window };
  return { rows, columns, samples, photometric, bitsAllocated, bitsStored, signed, grey, header, shape };
}
