/**
 * A small picture drawn in the page (issue 16), for a server with neither `/rendered` nor
 * `/thumbnail`: the image's file (WADO-RS, Part 10) read and windowed by the poster code
 * (src/poster/), as the viewer's first picture is, then scaled down; for a server without the file
 * either (a static DICOMweb tree), its metadata and one frame, made into the poster's input by
 * ./frame-file.ts. Loaded by ./thumbs.ts only then, so the study list's own chunk stays small.
 * Compressed pixels the poster cannot read give no picture (the plain box), never an error.
 */
import { makePoster, type PosterFile } from '../poster/index.js';
import { readFile } from '../sources/inspect.js';
import { frameBytes, frameFile, partSyntax } from './frame-file.js';
import { thumbGrid } from './thumbs.js';

/** One frame as stored (transfer-syntax=*): uncompressed ones are drawn, others give the plain box. */
const FRAME = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

/** Where `needle` starts in `bytes` from `from`, or -1. */
function find(bytes: Uint8Array, needle: ArrayLike<number>, from: number): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The first part of a `multipart/related` answer (PS3.18 8.6.1.3.2), and its Content-Type: after the
 * first boundary line and the part's headers, up to the next boundary. Bytes that do not start with
 * a boundary (a server that sent the body itself) come back as they are, with no type.
 */
export function readPart(bytes: Uint8Array): { body: Uint8Array; type?: string } {
  if (bytes[0] !== 0x2d || bytes[1] !== 0x2d) return { body: bytes };
  const lineEnd = find(bytes, [13, 10], 0);
  const headersEnd = lineEnd < 0 ? -1 : find(bytes, [13, 10, 13, 10], lineEnd);
  if (headersEnd < 0) return { body: new Uint8Array(0) };
  const start = headersEnd + 4;
  const end = find(bytes, [13, 10, ...bytes.subarray(0, lineEnd)], start);
  const headers = new TextDecoder('latin1').decode(bytes.subarray(lineEnd + 2, headersEnd));
  const type = /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim();
  return { body: bytes.subarray(start, end < 0 ? bytes.length : end), ...(type ? { type } : {}) };
}

/** The first part's body of a `multipart/related` answer (see {@link readPart}). */
export function firstPart(bytes: Uint8Array): Uint8Array {
  return readPart(bytes).body;
}

/** The small picture (`longest` pixels on its longer side) of a WADO-RS instance answer, or undefined. */
export async function drawThumb(answer: ArrayBuffer, longest: number): Promise<Blob | undefined> {
  const read = await readFile(firstPart(new Uint8Array(answer)).slice().buffer);
  return drawFile({ buffer: read.buffer, display: read.display, pixelSpacing: read.info.geometry.pixelSpacing }, longest);
}

/** How a frame is asked for: the instance's address and frame, its metadata, and the list's fetches. */
export interface FrameThumb {
  /** `.../studies/{study}/series/{series}/instances/{instance}`. */
  path: string;
  instance: string;
  frame: number;
  /** The series' metadata (DICOM JSON, every instance), as the list already has it or asks once. */
  metadata: () => Promise<unknown>;
  json: (url: string) => Promise<unknown>;
  bytes: (url: string, accept: string) => Promise<ArrayBuffer>;
  signal: AbortSignal;
}

/** The instance's DICOM JSON: from its series' metadata, else the instance's own (a server that has it). */
async function instanceJson(request: FrameThumb): Promise<unknown> {
  const mine = (list: unknown) =>
    (Array.isArray(list) ? (list as Record<string, { Value?: unknown[] } | undefined>[]) : []).find(
      (entry) => entry?.['00080018']?.Value?.[0] === request.instance,
    );
  try {
    const found = mine(await request.metadata());
    if (found) return found;
  } catch (error) {
    if (request.signal.aborted) throw error;
  }
  return mine(await request.json(`${request.path}/metadata`));
}

/**
 * The small picture of one frame, drawn from the instance's metadata and the frame's bytes (WADO-RS
 * `/frames/n`, as stored), or undefined: an image too large or compressed is not downloaded at all.
 */
export async function drawFrame(request: FrameThumb, longest: number): Promise<Blob | undefined> {
  const metadata = await instanceJson(request);
  if (frameBytes(metadata) === undefined) return undefined;
  const part = readPart(new Uint8Array(await request.bytes(`${request.path}/frames/${request.frame}`, FRAME)));
  const file = frameFile(metadata, part.body, partSyntax(part.type, metadata));
  return file && drawFile(file, longest);
}

/** The small picture of a file the poster reads, or undefined. */
async function drawFile(file: PosterFile, longest: number): Promise<Blob | undefined> {
  const poster = await makePoster(file);
  if (!poster) return undefined;
  const { columns, rows } = thumbGrid(poster.shape, longest);
  const canvas = document.createElement('canvas');
  canvas.width = columns;
  canvas.height = rows;
  const context = canvas.getContext('2d');
  if (context) {
    context.imageSmoothingQuality = 'high';
    context.drawImage(poster.image, 0, 0, columns, rows);
  }
  poster.image.width = 0;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  canvas.width = 0;
  return context && blob ? blob : undefined;
}
