/**
 * A small picture drawn in the page (issue 16), for a server with neither `/rendered` nor
 * `/thumbnail`: the image's file (WADO-RS, Part 10) read and windowed by the poster code
 * (src/poster/), as the viewer's first picture is, then scaled down; for a server without the file
 * either (a static DICOMweb tree), its metadata and one frame, read by the poster code through
 * ./frame-file.ts. Loaded by ./thumbs.ts only then, so the study list's own chunk stays small.
 * Compressed pixels the poster cannot read give no picture (the plain box), never an error.
 */
import { makePoster, posterOf, type Poster } from '../poster/index.js';
import { readFile } from '../sources/inspect.js';
import { readPart } from '../sources/multipart.js';
import { frameSize, jsonFrame, partSyntax } from './frame-file.js';
import { MOST_PIXELS, thumbGrid, unlessMissing, type ThumbRequest } from './thumbs.js';

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

/** Ask for the image as it is stored: the poster reads uncompressed (and baseline JPEG) files; the rest get the plain box. */
const STORED = 'multipart/related; type="application/';
const PART10 = `${STORED}dicom"; transfer-syntax=*`;
/** One frame as stored: uncompressed ones are drawn, others give the plain box. */
const FRAME = `${STORED}octet-stream"; transfer-syntax=*`;

/** The small picture (`longest` pixels on its longer side) of a WADO-RS instance answer, or undefined. */
export async function drawThumb(answer: ArrayBuffer, longest: number): Promise<Blob | undefined> {
  const read = await readFile(readPart(new Uint8Array(answer)).body.slice().buffer);
  return shrink(await makePoster({ buffer: read.buffer, display: read.display, pixelSpacing: read.info.geometry.pixelSpacing }), longest);
}

/** How the image is asked for: the instance's address (`.../instances/{instance}`), the image, and the list's fetches. */
export interface DrawRequest extends ThumbRequest {
  path: string;
  image: { instance: string; frame: number; rows: number; columns: number; frames?: number };
}

/**
 * The small picture (`longest` pixels on its longer side) of an image no server drew: its file
 * (WADO-RS, Part 10: the first frame, not too large), else its metadata and the one frame as stored
 * (a frame too large or stored compressed, as its metadata says, is not downloaded), or undefined
 * (the plain box).
 */
export async function drawImage(request: DrawRequest, longest: number): Promise<Blob | undefined> {
  const { path, image, signal } = request;
  if (image.frame === 1 && image.rows * image.columns * (image.frames ?? 1) <= MOST_PIXELS) {
    const file = await unlessMissing(request, 'file', () => request.bytes(path, PART10));
    try {
      if (file) return await drawThumb(file, longest);
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  if (!request.metadata) return undefined;
  // The instance's DICOM JSON, from the series' metadata (the list's copy, or asked for once).
  const metadata = [await request.metadata()].flat().find((entry) => (entry as DicomJson | null)?.['00080018']?.Value?.[0] === image.instance);
  if (!frameSize(metadata)) return undefined;
  const part = readPart(new Uint8Array(await request.bytes(`${path}/frames/${image.frame}`, FRAME)));
  return shrink(await posterOf(jsonFrame(metadata, part.body, partSyntax(part.type))), longest);
}

/** A poster scaled down to the small picture, or undefined. */
async function shrink(poster: Poster | undefined, longest: number): Promise<Blob | undefined> {
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
