/**
 * The study list's small pictures (issue 16), one for each choice, in the image's own proportions:
 * a server scales `/rendered` to exactly the viewport it is given (Orthanc made a 640 x 480
 * ultrasound 96 x 96), so each series' middle image is found first (one QIDO-RS instance search,
 * with its rows and columns) and asked for in its own shape: `/frames/n/rendered`, else
 * `/thumbnail`, else the image itself drawn by the poster code (src/poster/; `./drawn-thumb.ts`, a
 * chunk of its own loaded only then), else its metadata and one frame drawn by the same code (a static
 * DICOMweb tree), else none (a plain box).
 */
import { scaledGrid } from '../poster/rendered.js';
import type { DrawRequest } from './drawn-thumb.js';

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

/** One image to draw small: its instance and frame, and its grid and frame count when known. */
export interface ThumbImage {
  instance: string;
  frame: number;
  columns?: number;
  rows?: number;
  frames?: number;
}

/** What a search for a small picture's image asks for: Rows, Columns, Number of Frames, Instance Number. */
export const THUMB_FIELDS = '00280010,00280011,00280008,00200013';
/** The small picture's longer side, CSS pixels. */
export const THUMB_SIZE = 96;
/**
 * The most pixels (all frames) worth downloading whole to draw one small picture: a 2,048 x 2,048
 * image (8 MB at 16 bits). Larger (a radiograph at full size, a cine loop) get the plain box.
 */
export const MOST_PIXELS = 2048 * 2048;

function first(entry: unknown, tag: string): unknown {
  return (entry as DicomJson | undefined)?.[tag]?.Value?.[0];
}

/** One row of an instance search as an image to draw (frame 1), or undefined without a usable UID. */
export function thumbImage(entry: unknown): ThumbImage | undefined {
  const instance = first(entry, '00080018');
  if (typeof instance !== 'string' || !/^[0-9.]{1,64}$/.test(instance)) return undefined;
  const image: ThumbImage = { instance, frame: 1 };
  const rows = Number(first(entry, '00280010'));
  const columns = Number(first(entry, '00280011'));
  const frames = Number(first(entry, '00280008') ?? 1);
  if (rows > 0 && columns > 0) Object.assign(image, { rows, columns });
  if (Number.isInteger(frames) && frames > 0) image.frames = frames;
  return image;
}

/**
 * The row of an instance search to draw: the one for `instance` when given, else the middle one by
 * Instance Number (rows may come in any order; one row when the server kept to `limit`, every row
 * when it ignores `limit`, `offset` and the other filters).
 */
export function pickRow(list: unknown, instance?: string): ThumbImage | undefined {
  const rows = (Array.isArray(list) ? list : []).map((entry) => ({ image: thumbImage(entry), n: Number(first(entry, '00200013')) || 0 }));
  if (instance) return rows.find((row) => row.image?.instance === instance)?.image;
  const images = rows.filter((row) => row.image).sort((a, b) => a.n - b.n);
  return images[Math.floor(images.length / 2)]?.image;
}

/** Where a series of `count` images has its middle one (0-based): the search's `offset`. */
export function middleOffset(count: number): number {
  return Math.max(0, Math.floor(count / 2));
}

/** The small picture's grid: the image's proportions, its longer side `longest` pixels (never more than the image has). */
export function thumbGrid(image: { columns: number; rows: number }, longest: number): { columns: number; rows: number } {
  return scaledGrid(image, longest / Math.max(image.columns, image.rows));
}

/** The longer side to ask for, in device pixels: 96 CSS pixels at the screen's density, at most twice. */
export function thumbLongest(ratio: number = globalThis.devicePixelRatio || 1): number {
  return Math.round(THUMB_SIZE * Math.min(Math.max(ratio, 1), 2));
}

/** How one small picture is asked for: the series' address, what is known, and the controller's fetches. */
export interface ThumbRequest {
  /** `.../studies/{study}/series/{series}`. */
  series: string;
  /** The image a key image names (its shape when already known); else the series' middle image is searched for. */
  image?: ThumbImage;
  /** How many images the series has, when known. */
  count?: number;
  json: (url: string) => Promise<unknown>;
  bytes: (url: string, accept: string) => Promise<ArrayBuffer>;
  /** The series' metadata (DICOM JSON), the list's copy when it has one: for a server with only frames. */
  metadata?: () => Promise<unknown>;
  /**
   * What the server has answered 404 to, for the whole list (`rendered`, `thumbnail`, `file`): not
   * asked for again (a static DICOMweb tree has none of them; each choice would ask three times).
   */
  missing?: Set<string>;
  signal: AbortSignal;
}

/** `url` asked for unless the server lacks `kind`; a 404 notes that it does. Throws only when aborted. */
export async function unlessMissing(request: ThumbRequest, kind: string, get: () => Promise<ArrayBuffer>): Promise<ArrayBuffer | undefined> {
  if (request.missing?.has(kind)) return undefined;
  try {
    return await get();
  } catch (error) {
    if (request.signal.aborted) throw error;
    if ((error as { status?: number }).status === 404) request.missing?.add(kind);
    return undefined;
  }
}

/** The small picture, or undefined (the plain box). Throws only when aborted. */
export async function loadThumb(request: ThumbRequest): Promise<Blob | undefined> {
  const { series, json, bytes, signal } = request;
  let image = request.image;
  if (!image?.rows) {
    // One search: the named image, or the middle one (`offset` where the count is known).
    const count = request.count;
    const only = image ? `SOPInstanceUID=${image.instance}&` : count ? `limit=1&offset=${middleOffset(count)}&` : '';
    try {
      const found = pickRow(await json(`${series}/instances?${only}includefield=${THUMB_FIELDS}`), image?.instance);
      if (found) image = { ...found, frame: image?.frame ?? 1 };
    } catch (error) {
      if (signal.aborted) throw error;
    }
  }
  const longest = thumbLongest();
  const path = image && `${series}/instances/${image.instance}`;
  const urls: [string, string][] = [];
  if (path && image?.rows && image.columns) {
    const grid = thumbGrid({ columns: image.columns, rows: image.rows }, longest);
    const viewport = `viewport=${grid.columns},${grid.rows}`;
    urls.push(['rendered', `${path}/frames/${image.frame}/rendered?${viewport}`], ['thumbnail', `${path}/thumbnail?${viewport}`]);
  } else {
    // The shape unknown: only a thumbnail (servers that make them keep the image's proportions).
    urls.push(['thumbnail', `${path ?? series}/thumbnail`]);
  }
  for (const [kind, url] of urls) {
    // One type only: Orthanc answers 400 to a list.
    const picture = await unlessMissing(request, kind, () => bytes(url, 'image/jpeg'));
    if (picture && picture.byteLength > 0) return new Blob([picture], { type: 'image/jpeg' });
  }
  // Neither: the image drawn in the page by the poster code (./drawn-thumb.ts, a chunk of its own):
  // its file, else (a static DICOMweb tree) its metadata and the one frame.
  if (!path || !image?.rows || !image.columns) return undefined;
  try {
    const { drawImage } = await import('./drawn-thumb.js');
    return await drawImage({ ...request, path, image: image as DrawRequest['image'] }, longest);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}
