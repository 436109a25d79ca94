/**
 * One frame from a server that serves only DICOM JSON and frames (a static DICOMweb tree: no
 * `/rendered`, no `/thumbnail`, no Part 10 instance), made into what the poster draws
 * (src/poster/: `frameSource` reads the header values, here the instance's DICOM JSON instead of a
 * parsed file, and the frame's bytes), with the poster's own checks, windowing and photometric
 * handling: no second copy of them here. Only uncompressed frames (explicit or implicit little
 * endian: the same bytes) within the size a phone may download; anything else is undefined (the
 * plain box). Part of the drawn small pictures' chunk (./drawn-thumb.ts).
 */
import { frameSource, type PosterHeader, type PosterSource } from '../poster/index.js';
import { MOST_PIXELS } from './thumbs.js';

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

const EXPLICIT = '1.2.840.10008.1.2.1';
/** Drawn on or windowed by parts the poster does not read from a file's top level: overlays (60xx), enhanced images' functional groups. */
const NOT_HERE = /^(60[01]|520092(29|30))/;

/**
 * The bytes one frame of this instance (one entry of its metadata) takes, or 0 when it may not be
 * drawn: no size or over 2,048 x 2,048, stored compressed (as its metadata says), overlays, an
 * enhanced image. Checked before the frame is downloaded. (Bits above Bits Stored, where old files
 * kept overlays, the poster clears itself: High Bit is Bits Stored - 1 in every image IOD, PS3.5 8.1.1.)
 */
export function frameSize(metadata: unknown): number {
  const json = Object(metadata) as DicomJson;
  const n = (tag: string) => Number(json[tag]?.Value?.[0]);
  // The transfer syntax it is stored in (AvailableTransferSyntaxUID, else the file meta's), when it says.
  const stored = (json['00083002']?.Value?.[0] ?? json['00020010']?.Value?.[0]) as string | undefined;
  const pixels = n('00280010') * n('00280011');
  return pixels <= MOST_PIXELS &&
    // Unsaid, implicit (1.2.840.10008.1.2) or explicit little endian: no transfer syntax UID is a shorter prefix.
    EXPLICIT.startsWith(stored ?? '') &&
    !Object.keys(json).some((tag) => NOT_HERE.test(tag))
    ? (pixels * (n('00280002') || 1) * (n('00280100') || 16)) / 8
    : 0;
}

/**
 * A frame part's transfer syntax: its Content-Type's `transfer-syntax` parameter; else, for
 * `application/octet-stream` (or a bare body), Explicit VR Little Endian (PS3.18's default for that
 * type; implicit little endian has the same bytes, a frame stored compressed is never asked for, and
 * bytes of another length the poster refuses). Another type (image/jpeg, image/jls...) without one is
 * compressed: undefined.
 */
export function partSyntax(contentType = ''): string | undefined {
  return /transfer-syntax\s*=\s*"?([\d.]+)/i.exec(contentType)?.[1] ?? (/^(application\/octet-stream\b|$)/i.test(contentType) ? EXPLICIT : undefined);
}

/** DICOM JSON read as the poster reads a parsed file's header (dicom-parser tags: `x00280010`). */
export function jsonHeader(json: DicomJson): PosterHeader {
  const get = (tag: string) => json[tag.slice(1).toUpperCase()];
  return {
    string: (tag) => get(tag)?.Value?.map(String).join('\\'),
    // A whole number from 0 to 65,535, or none.
    uint16: (tag) => {
      const n = get(tag)?.Value?.[0] as number;
      return n === (n & 0xffff) ? n : undefined;
    },
    has: (tag) => Boolean(get(tag)),
  };
}

/**
 * What the poster draws for one frame: the instance's DICOM JSON (one entry of its metadata), the
 * frame's bytes and their transfer syntax. Undefined when the poster could not draw it exactly:
 * compressed, too large, more bytes than one frame (metadata and frame disagree), or as
 * {@link frameSize} and the poster refuse.
 */
export function jsonFrame(metadata: unknown, frame: Uint8Array, syntax: string | undefined): PosterSource | undefined {
  const size = frameSize(metadata);
  // The last byte perhaps padding; fewer than one frame's bytes the poster refuses itself.
  if (!size || !syntax || frame.length > size + 1) return undefined;
  return frameSource(jsonHeader(metadata as DicomJson), frame, syntax, {}, undefined);
}
