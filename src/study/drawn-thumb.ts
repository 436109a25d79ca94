/**
 * A small picture drawn in the page (issue 16), for a server with neither `/rendered` nor
 * `/thumbnail`: the image's file (WADO-RS, Part 10) read and windowed by the poster code
 * (src/poster/), as the viewer's first picture is, then scaled down. Loaded by ./thumbs.ts only
 * then, so the study list's own chunk stays small. Compressed pixels the poster cannot read give
 * no picture (the plain box), never an error.
 */
import { makePoster } from '../poster/index.js';
import { readFile } from '../sources/inspect.js';
import { firstPart } from '../sources/multipart.js';
import { thumbGrid } from './thumbs.js';

/** Moved to src/sources/multipart.ts (the editor's drafts from DICOMweb read the same answers); kept here for its importers. */
export { firstPart };

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
