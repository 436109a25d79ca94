/**
 * A small picture drawn in the page (issue 16), for a server with neither `/rendered` nor
 * `/thumbnail`: the image's file (WADO-RS, Part 10) read and windowed by the poster code
 * (src/poster/), as the viewer's first picture is, then scaled down. Loaded by ./thumbs.ts only
 * then, so the study list's own chunk stays small. Compressed pixels the poster cannot read give
 * no picture (the plain box), never an error.
 */
import { makePoster } from '../poster/index.js';
import { readFile } from '../sources/inspect.js';
import { thumbGrid } from './thumbs.js';

/** Where `needle` starts in `bytes` from `from`, or -1. */
function find(bytes: Uint8Array, needle: ArrayLike<number>, from: number): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The first part of a `multipart/related` answer (PS3.18 8.6.1.3.2): after the first boundary line
 * and the part's headers, up to the next boundary. Bytes that do not start with a boundary (a
 * server that sent the file itself) come back as they are.
 */
export function firstPart(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x2d || bytes[1] !== 0x2d) return bytes;
  const lineEnd = find(bytes, [13, 10], 0);
  const headersEnd = lineEnd < 0 ? -1 : find(bytes, [13, 10, 13, 10], lineEnd);
  if (headersEnd < 0) return new Uint8Array(0);
  const start = headersEnd + 4;
  const end = find(bytes, [13, 10, ...bytes.subarray(0, lineEnd)], start);
  return bytes.subarray(start, end < 0 ? bytes.length : end);
}

/** The small picture (`longest` pixels on its longer side) of a WADO-RS instance answer, or undefined. */
export async function drawThumb(answer: ArrayBuffer, longest: number): Promise<Blob | undefined> {
  const read = await readFile(firstPart(new Uint8Array(answer)).slice().buffer);
  const poster = await makePoster({ buffer: read.buffer, display: read.display, pixelSpacing: read.info.geometry.pixelSpacing });
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
