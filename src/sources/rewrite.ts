/**
 * Byte-level rewrites that turn valid-but-awkward DICOM files into the plain form the engine reads
 * (issue 14): a Part 10 header for a file that has none, an inflated copy of a deflated data set,
 * a corrected transfer syntax. No Cornerstone here; nothing identifying is read.
 */

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const IMPLEMENTATION_CLASS = '2.25.160740376151563744419713346476932311846';

/** One explicit VR little endian element of the file meta group. */
function metaElement(element: number, vr: 'OB' | 'UI' | 'UL', value: Uint8Array): Uint8Array {
  const long = vr === 'OB';
  const out = new Uint8Array((long ? 12 : 8) + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0x0002, true);
  view.setUint16(2, element, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  out.set(value, long ? 12 : 8);
  return out;
}

function uidBytes(uid: string): Uint8Array {
  const text = new TextEncoder().encode(uid);
  if (text.length % 2 === 0) return text;
  const padded = new Uint8Array(text.length + 1);
  padded.set(text);
  return padded; // UI values are padded with a NUL
}

/**
 * A whole Part 10 file: preamble, "DICM", a new file meta group naming `transferSyntax`, then the
 * data set's own bytes unchanged.
 */
export function withFileMeta(
  dataSet: Uint8Array,
  transferSyntax: string,
  sop: { sopClass: string; sopInstance: string },
): ArrayBuffer {
  const elements = [
    metaElement(0x0001, 'OB', Uint8Array.of(0, 1)),
    metaElement(0x0002, 'UI', uidBytes(sop.sopClass)),
    metaElement(0x0003, 'UI', uidBytes(sop.sopInstance)),
    metaElement(0x0010, 'UI', uidBytes(transferSyntax)),
    metaElement(0x0012, 'UI', uidBytes(IMPLEMENTATION_CLASS)),
  ];
  const groupLength = elements.reduce((sum, e) => sum + e.length, 0);
  const lengthElement = metaElement(0x0000, 'UL', new Uint8Array(new Uint32Array([groupLength]).buffer));
  const out = new Uint8Array(132 + lengthElement.length + groupLength + dataSet.length);
  out.set([0x44, 0x49, 0x43, 0x4d], 128);
  let at = 132;
  for (const part of [lengthElement, ...elements, dataSet]) {
    out.set(part, at);
    at += part.length;
  }
  return out.buffer;
}

/** A deflated data set, inflated (tolerating a trailer after the deflate stream), as explicit VR little endian. */
export async function inflatedFile(
  bytes: Uint8Array,
  dataSetStart: number,
  sop: { sopClass: string; sopInstance: string },
): Promise<ArrayBuffer> {
  // pako (already part of the engine's image loader) stops at the end of the deflate stream and
  // ignores what follows; the browser's DecompressionStream rejects any trailing byte.
  const pako = await import('pako');
  const inflated = (pako.default ?? pako).inflateRaw(bytes.subarray(dataSetStart));
  return withFileMeta(inflated, EXPLICIT_VR_LITTLE_ENDIAN, sop);
}

const VRS = new Set(
  'AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);

/**
 * How a data set with no Part 10 header (ACR-NEMA style) is encoded, from its first element:
 * explicit VR little endian when a VR follows the tag, implicit VR little endian when the tag looks
 * like a DICOM group, else undefined (not DICOM).
 */
export function sniffHeaderless(bytes: Uint8Array): string | undefined {
  if (bytes.length < 16) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const group = view.getUint16(0, true);
  // Data sets start with group 0008 (or its group length 0000..0008 in old files): anything else
  // is not a DICOM data set.
  if (group > 0x0008 || group % 2 !== 0) return undefined;
  const vr = String.fromCharCode(bytes[4]!, bytes[5]!);
  return VRS.has(vr) ? EXPLICIT_VR_LITTLE_ENDIAN : '1.2.840.10008.1.2';
}

/**
 * The header markers of a JPEG or JPEG-LS frame, in order, with where each starts: from after SOI,
 * within the first 64 KiB, stopping at start-of-scan (yielded), end of image, or a byte that is not a
 * marker. `room` is how many bytes after a marker the caller will read.
 */
function* jpegMarkers(frame: Uint8Array, room: number): Generator<{ marker: number; at: number }> {
  let i = 2;
  const end = Math.min(frame.length - room, 64 * 1024);
  while (i < end) {
    if (frame[i] !== 0xff) return;
    const marker = frame[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) return;
    yield { marker, at: i };
    if (marker === 0xda) return;
    i += 2 + ((frame[i + 2]! << 8) | frame[i + 3]!);
  }
}

/**
 * The SOF marker of a JPEG frame: 0xc0 baseline, 0xc1 extended, 0xc2 progressive, 0xc3 lossless
 * (0xf7 is JPEG-LS). Undefined when no frame header is found in the first few kilobytes.
 */
export function jpegFrameMarker(frame: Uint8Array): number | undefined {
  for (const { marker } of jpegMarkers(frame, 4)) {
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7) {
      return marker;
    }
  }
  return undefined;
}

/** Replace the transfer syntax in a Part 10 file's meta group (rebuilding the group). */
export function withTransferSyntax(
  bytes: Uint8Array,
  dataSetStart: number,
  transferSyntax: string,
  sop: { sopClass: string; sopInstance: string },
): ArrayBuffer {
  return withFileMeta(bytes.subarray(dataSetStart), transferSyntax, sop);
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);

/** A top-level element of a parsed little endian data set, as dicom-parser reports it. */
interface ParsedElement {
  dataOffset: number;
  length: number;
  vr?: string;
}

/** One element written in little endian, explicit or implicit VR. */
function element(tag: number, vr: string, value: Uint8Array, explicit: boolean): Uint8Array {
  const long = explicit && LONG_VRS.has(vr);
  const header = explicit ? (long ? 12 : 8) : 8;
  const out = new Uint8Array(header + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, tag >>> 16, true);
  view.setUint16(2, tag & 0xffff, true);
  if (!explicit) view.setUint32(4, value.length, true);
  else {
    out[4] = vr.charCodeAt(0);
    out[5] = vr.charCodeAt(1);
    if (long) view.setUint32(8, value.length, true);
    else view.setUint16(6, value.length, true);
  }
  out.set(value, header);
  return out;
}

/**
 * The same file with some top-level elements' values replaced (defined lengths only), in a little
 * endian data set. `replacements` need not be in order.
 */
export function replaceElements(
  bytes: Uint8Array,
  explicit: boolean,
  replacements: { tag: number; vr: string; element: ParsedElement; value: Uint8Array }[],
): ArrayBuffer {
  const sorted = [...replacements].sort((a, b) => a.element.dataOffset - b.element.dataOffset);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const r of sorted) {
    const header = explicit ? (LONG_VRS.has(r.element.vr ?? r.vr) ? 12 : 8) : 8;
    parts.push(bytes.subarray(at, r.element.dataOffset - header), element(r.tag, r.vr, r.value, explicit));
    at = r.element.dataOffset + r.element.length;
  }
  parts.push(bytes.subarray(at));
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out.buffer;
}

/**
 * Native YBR_FULL_422 (two luminance samples and one Cb, Cr pair for each two pixels of a row,
 * PS3.3 C.7.6.3.1.2) as interleaved 8-bit RGB, by the YBR_FULL equations of PS3.3 C.7.6.3.1.2.
 */
export function ybrFull422ToRgb(source: Uint8Array, pixels: number): Uint8Array {
  const rgb = new Uint8Array(pixels * 3);
  const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  for (let p = 0, s = 0; p < pixels && s + 3 < source.length; p += 2, s += 4) {
    const cb = source[s + 2]! - 128;
    const cr = source[s + 3]! - 128;
    for (let k = 0; k < 2 && p + k < pixels; k++) {
      const y = source[s + k]!;
      const o = (p + k) * 3;
      rgb[o] = clamp(y + 1.402 * cr);
      rgb[o + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
      rgb[o + 2] = clamp(y + 1.772 * cb);
    }
  }
  return rgb;
}

/**
 * The interleave mode of a JPEG-LS frame (0: each component in its own scan, one plane after
 * another; 1: line; 2: sample), from its first start-of-scan. Undefined when not found.
 */
export function jpegLsInterleave(frame: Uint8Array): number | undefined {
  for (const { marker, at } of jpegMarkers(frame, 8)) {
    if (marker === 0xda) return frame[at + 6 + 2 * frame[at + 4]!];
  }
  return undefined;
}

const UNDEFINED = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;

/** Past a sequence's items, from its first item to after its delimiter. */
function skipItems(view: DataView, at: number, little: boolean, explicit: boolean): number {
  for (;;) {
    const tag = ((view.getUint16(at, little) << 16) | view.getUint16(at + 2, little)) >>> 0;
    const length = view.getUint32(at + 4, little);
    if (tag === SEQUENCE_END) return at + 8;
    if (tag !== ITEM) throw new Error('not an item');
    at = length === UNDEFINED ? skipElements(view, at + 8, little, explicit) : at + 8 + length;
  }
}

/** Past an item's elements, to after its item delimiter. */
function skipElements(view: DataView, at: number, little: boolean, explicit: boolean): number {
  for (;;) {
    const tag = ((view.getUint16(at, little) << 16) | view.getUint16(at + 2, little)) >>> 0;
    if (tag === ITEM_END) return at + 8;
    const { header, length, vr } = elementHeader(view, at, little, explicit && (tag >>> 16) !== 0xfffe);
    if (length !== UNDEFINED) at += header + length;
    // CP-246: an undefined-length UN is a sequence in implicit VR little endian.
    else at = vr === 'UN' ? skipItems(view, at + header, true, false) : skipItems(view, at + header, little, explicit);
  }
}

function elementHeader(view: DataView, at: number, little: boolean, explicit: boolean): { header: number; length: number; vr: string } {
  if (!explicit) return { header: 8, length: view.getUint32(at + 4, little), vr: '' };
  const vr = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5));
  return LONG_VRS.has(vr) ? { header: 12, length: view.getUint32(at + 8, little), vr } : { header: 8, length: view.getUint16(at + 6, little), vr };
}

/**
 * An Explicit VR Big Endian data set without its top-level undefined-length UN elements. By CP-246
 * their content is an implicit VR little endian sequence (private data, never part of the picture),
 * which dicom-parser reads as big endian and fails on ("item tag (FFFE,E000) not found"). Undefined
 * when there is none, or the data set cannot be walked.
 */
export function withoutUndefinedLengthUN(bytes: Uint8Array, dataSetStart: number): ArrayBuffer | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keep: [number, number][] = [];
  let at = dataSetStart;
  let from = 0;
  try {
    while (at + 8 <= bytes.length) {
      const tag = ((view.getUint16(at, false) << 16) | view.getUint16(at + 2, false)) >>> 0;
      const { header, length, vr } = elementHeader(view, at, false, true);
      if (tag === 0x7fe00010 || length !== UNDEFINED) {
        at += header + (length === UNDEFINED ? 0 : length);
        if (tag === 0x7fe00010) break;
        continue;
      }
      if (vr === 'UN') {
        keep.push([from, at]);
        at = skipItems(view, at + header, true, false);
        from = at;
      } else {
        at = skipItems(view, at + header, false, true);
      }
    }
  } catch {
    return undefined;
  }
  if (keep.length === 0) return undefined;
  keep.push([from, bytes.length]);
  const out = new Uint8Array(keep.reduce((sum, [a, b]) => sum + (b - a), 0));
  let offset = 0;
  for (const [a, b] of keep) {
    out.set(bytes.subarray(a, b), offset);
    offset += b - a;
  }
  return out.buffer;
}
