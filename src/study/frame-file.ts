/**
 * One frame from a server that serves only DICOM JSON and frames (a static DICOMweb tree: no
 * `/rendered`, no `/thumbnail`, no Part 10 instance), made into what the poster code reads
 * (src/poster/ `makePoster`: a Part 10 file): the image's attributes from its metadata and the frame's
 * bytes, written as a small Explicit VR Little Endian file. The poster reads it as any other file, with
 * its own checks, windowing and photometric handling: no second copy of them here. Only uncompressed
 * frames (explicit or implicit little endian: the same bytes) within the size a phone may download;
 * anything else is undefined (the plain box). Part of the drawn small pictures' chunk (./drawn-thumb.ts).
 */
import type { PosterFile } from '../poster/index.js';

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

const EXPLICIT = '1.2.840.10008.1.2.1';
const UNCOMPRESSED = ['1.2.840.10008.1.2', EXPLICIT];
/** The most pixels in the one frame drawn (as ./thumbs.ts allows for a whole file): 2,048 x 2,048, 8 MB at 16 bits. */
const MOST_PIXELS = 2048 * 2048;
/**
 * What the poster reads, with its VR: the image's own attributes. Lookup tables (Modality LUT, VOI
 * LUT, Presentation LUT) are written empty: the poster leaves an image that has them to the engine.
 */
const TAGS: [string, string][] = [
  ['00280002', 'US'],
  ['00280004', 'CS'],
  ['00280006', 'US'],
  ['00280010', 'US'],
  ['00280011', 'US'],
  ['00280034', 'IS'],
  ['00280100', 'US'],
  ['00280101', 'US'],
  ['00280102', 'US'],
  ['00280103', 'US'],
  ['00281050', 'DS'],
  ['00281051', 'DS'],
  ['00281052', 'DS'],
  ['00281053', 'DS'],
  ['00281056', 'CS'],
  ['00283000', 'SQ'],
  ['00283010', 'SQ'],
  ['20500010', 'SQ'],
];
/** Drawn on or windowed by parts the poster does not read from a file's top level: overlays (60xx), enhanced images' functional groups. */
const NOT_HERE = /^(60[01][0-9A-F]|52009229|52009230)/i;

const value = (json: DicomJson, tag: string): unknown => json[tag]?.Value?.[0];
const count = (json: DicomJson, tag: string, fallback: number): number => Number(value(json, tag) ?? fallback);

/** The transfer syntax the instance is stored in, from its metadata (AvailableTransferSyntaxUID, else the file meta's), when it says. */
function storedSyntax(json: DicomJson): string | undefined {
  const uid = value(json, '00083002') ?? value(json, '00020010');
  return typeof uid === 'string' ? uid.trim() : undefined;
}

/**
 * The bytes one frame of this instance takes, uncompressed, or undefined when it cannot be drawn:
 * no usable size, over 2,048 x 2,048, neither 8 nor 16 bits, stored compressed, overlays, an enhanced
 * image. Checked before the frame is downloaded.
 */
export function frameBytes(metadata: unknown): number | undefined {
  if (!metadata || typeof metadata !== 'object') return undefined;
  const json = metadata as DicomJson;
  const rows = count(json, '00280010', 0);
  const columns = count(json, '00280011', 0);
  const samples = count(json, '00280002', 1);
  const bits = count(json, '00280100', 16);
  const sizes = [rows, columns].every((n) => Number.isInteger(n) && n > 0 && n <= 0xffff);
  if (!sizes || rows * columns > MOST_PIXELS || (samples !== 1 && samples !== 3) || (bits !== 8 && bits !== 16)) return undefined;
  const stored = storedSyntax(json);
  if (stored && !UNCOMPRESSED.includes(stored)) return undefined;
  // Bits above High Bit (the retired overlay place) are cleared by the file reader, not by the poster.
  const high = value(json, '00280102');
  if (high !== undefined && Number(high) !== count(json, '00280101', bits) - 1) return undefined;
  if (Object.keys(json).some((tag) => NOT_HERE.test(tag))) return undefined;
  return (rows * columns * samples * bits) / 8;
}

/**
 * A frame part's transfer syntax: its Content-Type's `transfer-syntax` parameter; for
 * `application/octet-stream` without one, the instance's stored one, else Explicit VR Little Endian
 * (PS3.18's default for that type); a bare body (no part headers), only the stored one. Another
 * type (image/jpeg, image/jls...) is compressed: undefined.
 */
export function partSyntax(contentType: string | undefined, metadata: unknown): string | undefined {
  const given = /transfer-syntax\s*=\s*"?([0-9.]+)/i.exec(contentType ?? '')?.[1];
  if (given) return given;
  const type = contentType?.split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'application/octet-stream') return undefined;
  const stored = metadata && typeof metadata === 'object' ? storedSyntax(metadata as DicomJson) : undefined;
  return stored ?? (type ? EXPLICIT : undefined);
}

/** One element, Explicit VR Little Endian. */
function element(tag: string, vr: string, body: Uint8Array, length = body.length): Uint8Array {
  const long = vr === 'SQ' || vr === 'OB' || vr === 'OW';
  const out = new Uint8Array((long ? 12 : 8) + body.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, parseInt(tag.slice(0, 4), 16), true);
  view.setUint16(2, parseInt(tag.slice(4), 16), true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, length, true);
  else view.setUint16(6, length, true);
  out.set(body, long ? 12 : 8);
  return out;
}

/** A text value, padded to an even length (UI with a NUL, others with a space). */
function text(words: string, pad = ' '): Uint8Array {
  return new TextEncoder().encode(words.length % 2 ? words + pad : words);
}

/**
 * The poster's input for one frame: the instance's DICOM JSON (one entry of its metadata), the
 * frame's bytes and their transfer syntax. Undefined when the poster could not draw it exactly:
 * compressed, too large, the wrong number of bytes, or as {@link frameBytes} refuses.
 */
export function frameFile(metadata: unknown, frame: Uint8Array, syntax: string | undefined): PosterFile | undefined {
  const size = frameBytes(metadata);
  if (size === undefined || !syntax || !UNCOMPRESSED.includes(syntax)) return undefined;
  // One frame, the last byte perhaps padding: a part holding more or less is not this frame.
  if (frame.length < size || frame.length > size + 1) return undefined;
  const json = metadata as DicomJson;
  const parts = [new Uint8Array(128), text('DICM'), element('00020010', 'UI', text(EXPLICIT, '\0'))];
  for (const [tag, vr] of TAGS) {
    const values = json[tag]?.Value;
    if (vr === 'SQ') {
      if (json[tag]) parts.push(element(tag, vr, new Uint8Array(0)));
    } else if (values?.length && vr === 'US') {
      const n = Number(values[0]);
      if (!Number.isInteger(n) || n < 0 || n > 0xffff) return undefined;
      parts.push(element(tag, vr, new Uint8Array(new Uint16Array([n]).buffer)));
    } else if (values?.length) {
      parts.push(element(tag, vr, text(values.map(String).join('\\'))));
    }
  }
  // Pixel Data: its header, then the frame's bytes (an odd length padded with a zero).
  const even = size + (size % 2);
  parts.push(element('7FE00010', count(json, '00280100', 16) === 8 ? 'OB' : 'OW', new Uint8Array(0), even));
  let at = parts.reduce((total, part) => total + part.length, 0);
  const file = new Uint8Array(at + even);
  file.set(frame.subarray(0, size), at);
  at = 0;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return { buffer: file.buffer, display: {}, pixelSpacing: undefined };
}
