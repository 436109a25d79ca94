/**
 * A poster frame: a still picture of the first image, drawn into a plain 2D canvas from the bytes
 * and header the viewer has before the engine has loaded (issue 15), the same picture, in the same
 * place, as the live view's first draw. No engine here (test/node/layers.test.mjs).
 */
import type { DisplayFixes } from '../sources/inspect.js';
import { fitPicture, type Box, type PosterShape } from './fit.js';
import { posterRgba } from './pixels.js';
import { readPosterSource, type PosterSource } from './read.js';

export { fitPicture, type Box, type PosterShape } from './fit.js';
export { posterRgba, voiFunction, windowFor, modalityRange, type PosterFrame, type PosterWindow } from './pixels.js';
export { frameSource, type PosterHeader, type PosterSource } from './read.js';

/**
 * @internal When to make a poster. By default only while the engine is still loading (with the
 * engine loaded, its own picture comes as soon: the poster would be wasted work); tests that compare
 * the poster with the live view on one page set `whenEngineReady`.
 */
export const posterOptions = { whenEngineReady: false };

/** A picture ready to draw: the image at its own size, and how to fit it. */
export interface Poster {
  /** The image, one canvas pixel per image pixel. */
  image: HTMLCanvasElement;
  shape: PosterShape;
}

/** The first file of a checked stack, as prepared (src/sources/prepare.ts). */
export interface PosterFile {
  buffer: ArrayBuffer;
  display: DisplayFixes;
  pixelSpacing: [number, number] | undefined;
}

/**
 * Make the poster of a file's first frame, or undefined when only the engine can draw it
 * (compressed other than baseline JPEG, palettes, lookup tables, overlays...). Never throws.
 */
export async function makePoster(file: PosterFile): Promise<Poster | undefined> {
  try {
    return await posterOf(await readPosterSource(file.buffer, file.display, file.pixelSpacing));
  } catch {
    return undefined;
  }
}

/**
 * The poster of a frame already read (`readPosterSource`, or `frameSource` from other header values:
 * src/study/frame-file.ts), or undefined. Never throws.
 */
export async function posterOf(source: PosterSource | undefined): Promise<Poster | undefined> {
  try {
    if (!source) return undefined;
    const { rows, columns } = source.shape;
    const image = document.createElement('canvas');
    image.width = columns;
    image.height = rows;
    // A canvas kept in memory (not on the GPU): the pixels are written once with putImageData, and
    // then only drawn from. On software WebGL (SwiftShader) the GPU-backed canvas made that write
    // 129 ms for a 1024x1024 MR, 29 ms like this (bench/where.mjs); A/B first picture 0.91x (MR).
    const context = image.getContext('2d', { willReadFrequently: true });
    if (!context) return undefined;
    let frame;
    if (source.kind === 'jpeg') {
      if (typeof createImageBitmap !== 'function') return undefined;
      const bitmap = await createImageBitmap(new Blob([source.bytes.slice()], { type: 'image/jpeg' }), {
        colorSpaceConversion: 'none',
        premultiplyAlpha: 'none',
      });
      if (bitmap.width !== columns || bitmap.height !== rows) {
        bitmap.close();
        return undefined;
      }
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      const decoded = context.getImageData(0, 0, columns, rows).data;
      // Colour: already RGBA, as drawn; nothing to map.
      if (source.frame.samples === 3) return { image, shape: source.shape };
      const grey = new Uint8Array(rows * columns);
      for (let i = 0; i < grey.length; i++) grey[i] = decoded[i * 4]!;
      frame = { ...source.frame, data: grey };
    } else {
      frame = source.frame;
    }
    const pixels = context.createImageData(columns, rows);
    pixels.data.set(posterRgba(frame));
    context.putImageData(pixels, 0, 0);
    return { image, shape: source.shape };
  } catch {
    return undefined;
  }
}

/**
 * Draw a poster into `canvas`, fitted to the canvas's own CSS box as the live view fits it. Returns
 * where the picture went (CSS pixels), or undefined when the canvas has no size.
 */
export function drawPoster(canvas: HTMLCanvasElement, poster: Poster): Box | undefined {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return undefined;
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  const box = fitPicture(poster.shape, width, height);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(poster.image, box.x, box.y, box.width, box.height);
  return box;
}

/** Empty a poster canvas, so an old picture can never be seen or read back. */
export function clearPoster(canvas: HTMLCanvasElement | null | undefined): void {
  if (!canvas) return;
  canvas.width = 0;
  canvas.height = 0;
}
