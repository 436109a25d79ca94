/**
 * A poster frame from a DICOMweb server's rendered resource (WADO-RS `.../frames/1/rendered`, PS3.18
 * 9.5.1.2): the server windows and encodes the first image as a JPEG, so the page decodes nothing
 * of the DICOM itself and fetches a small picture while the engine loads (issue 15).
 *
 * Only where the server's picture will match the live view's: grey (MONOCHROME1/2) or plain colour
 * (RGB, YBR_FULL), no lookup tables (the server's handling of those may differ from the engine's),
 * and the file's own window sent with the request (or none, where the file has none: both then use
 * the image's range). The picture is asked for at the size it will be drawn (`viewport`), never
 * larger than the image: a 3,000-pixel radiograph costs a phone a few tens of kilobytes, not
 * megabytes. Any failure (no such resource, an error, a picture of the wrong shape) gives no
 * poster: the engine's first draw is the first picture, as before.
 */
import type { Poster } from './index.js';
import type { PosterShape } from './fit.js';

/** DICOM JSON (PS3.18 F.2) as the series metadata gives it. */
type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

/** What the request needs: the frame's WADO-RS URL, its metadata, its shape, and how to ask. */
export interface RenderedPosterRequest {
  /** `.../studies/{study}/series/{series}/instances/{sop}/frames/{n}` (without `/rendered`). */
  frameUrl: string;
  metadata: DicomJson;
  shape: PosterShape;
  /** The largest picture worth fetching (device pixels): the viewer's box. */
  box: { width: number; height: number };
  headers: Record<string, string>;
  signal: AbortSignal;
}

const GREY = new Set(['MONOCHROME1', 'MONOCHROME2']);
const COLOUR = new Set(['RGB', 'YBR_FULL', 'YBR_FULL_422']);
/** Modality LUT, VOI LUT, palette and presentation LUT sequences: the server may draw these its own way. */
const LOOKUP_TABLES = ['00283000', '00283010', '00281201', '00281199', '20500010'];
const FUNCTIONS: Record<string, string> = { LINEAR: 'linear', LINEAR_EXACT: 'linear-exact', SIGMOID: 'sigmoid' };

function first(json: DicomJson, tag: string): unknown {
  return json[tag]?.Value?.[0];
}

/** A code string's first value, trimmed and upper case ('' when absent or not a string). */
function code(json: DicomJson, tag: string): string {
  const value = first(json, tag);
  return typeof value === 'string' ? value.trim().toUpperCase() : '';
}

/** The `window=center,width,function` parameter for the file's first window, or '' where it has none. */
export function windowParameter(json: DicomJson): string | undefined {
  const centre = Number(first(json, '00281050'));
  const width = Number(first(json, '00281051'));
  const hasCentre = first(json, '00281050') !== undefined;
  const hasWidth = first(json, '00281051') !== undefined;
  if (!hasCentre && !hasWidth) return '';
  if (!Number.isFinite(centre) || !Number.isFinite(width) || width <= 0) return undefined;
  const fn = FUNCTIONS[code(json, '00281056') || 'LINEAR'];
  if (!fn) return undefined;
  return `${centre},${width},${fn}`;
}

/**
 * The image's grid scaled by `scale` in whole pixels, in its own proportions, never larger than the
 * image (a server scales to exactly the viewport it is asked for) and never empty. Also the study
 * list's small pictures (src/study/thumbs.ts).
 */
export function scaledGrid(shape: Pick<PosterShape, 'columns' | 'rows'>, scale: number): { columns: number; rows: number } {
  const s = Math.min(1, scale);
  return { columns: Math.max(1, Math.round(shape.columns * s)), rows: Math.max(1, Math.round(shape.rows * s)) };
}

/**
 * The rendered resource's URL for this frame, or undefined when the server's picture might not be
 * the live view's (a lookup table, palette colour, an unusual window).
 */
export function renderedUrl(request: Pick<RenderedPosterRequest, 'frameUrl' | 'metadata' | 'shape' | 'box'>): string | undefined {
  const { metadata, shape, box } = request;
  const photometric = code(metadata, '00280004');
  const grey = GREY.has(photometric);
  if (!grey && !COLOUR.has(photometric)) return undefined;
  if (LOOKUP_TABLES.some((tag) => metadata[tag] !== undefined)) return undefined;
  const window = grey ? windowParameter(metadata) : '';
  if (window === undefined) return undefined;
  if (!(shape.columns > 0 && shape.rows > 0 && box.width > 0 && box.height > 0)) return undefined;
  // The server scales to exactly the viewport asked for: keep the image's own grid proportions
  // (the fit to the box, with pixel spacing, happens when drawing), and never ask for more pixels
  // than the image has or the box shows.
  const { columns, rows } = scaledGrid(shape, Math.max(box.width / shape.columns, box.height / shape.rows));
  const query = new URLSearchParams({ viewport: `${columns},${rows}` });
  if (window) query.set('window', window);
  return `${request.frameUrl}/rendered?${query.toString().replace(/%2C/g, ',')}`;
}

/** The shape with the file's Pixel Aspect Ratio (0028,0034) where it has no pixel spacing. */
function withAspect(shape: PosterShape, json: DicomJson): PosterShape {
  if (shape.pixelSpacing || shape.aspect) return shape;
  const values = (json['00280034']?.Value ?? []).map(Number);
  return values.length === 2 && values.every((v) => Number.isFinite(v) && v > 0) ? { ...shape, aspect: [values[0]!, values[1]!] } : shape;
}

/** Fetch and decode the server's picture of the frame; undefined on any failure. Never throws. */
export async function makeRenderedPoster(request: RenderedPosterRequest): Promise<Poster | undefined> {
  try {
    const url = renderedUrl(request);
    if (!url || typeof createImageBitmap !== 'function') return undefined;
    const response = await fetch(url, {
      headers: { ...request.headers, accept: 'image/jpeg' },
      signal: request.signal,
      credentials: 'same-origin',
    });
    if (!response.ok || !/^image\/(jpeg|png)/i.test(response.headers.get('content-type') ?? '')) {
      // Let the connection go: an unread body would hold it open until the page collects it.
      void response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const bitmap = await createImageBitmap(await response.blob(), { colorSpaceConversion: 'none' });
    // The shape asked for (a server that ignores `viewport` sends the whole image: also fine).
    const expected = request.shape.columns / request.shape.rows;
    const proportion = bitmap.width / bitmap.height;
    if (Math.abs(proportion - expected) / expected > 0.02) {
      bitmap.close();
      return undefined;
    }
    const image = document.createElement('canvas');
    image.width = bitmap.width;
    image.height = bitmap.height;
    image.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    return { image, shape: withAspect(request.shape, request.metadata) };
  } catch {
    return undefined;
  }
}
