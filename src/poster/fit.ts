/**
 * Where the live view puts a picture in its box when it first draws it (the engine's "fit"): the
 * whole image, scaled to touch the box on its tighter side, centred, with its physical proportions
 * (pixel spacing, else Pixel Aspect Ratio, else square pixels).
 */

export interface PosterShape {
  columns: number;
  rows: number;
  /** Pixel Spacing (or Imager Pixel Spacing): [between rows, between columns], mm. */
  pixelSpacing?: [number, number] | undefined;
  /** Pixel Aspect Ratio: [vertical, horizontal], used when there is no spacing. */
  aspect?: [number, number] | undefined;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The picture's box inside a `width` x `height` box (CSS pixels). */
export function fitPicture(shape: PosterShape, width: number, height: number): Box {
  let pixelWidth = 1;
  let pixelHeight = 1;
  if (shape.pixelSpacing) {
    [pixelHeight, pixelWidth] = shape.pixelSpacing;
  } else if (shape.aspect) {
    [pixelHeight, pixelWidth] = shape.aspect;
  }
  const imageWidth = shape.columns * pixelWidth;
  const imageHeight = shape.rows * pixelHeight;
  const scale = Math.min(width / imageWidth, height / imageHeight);
  const w = imageWidth * scale;
  const h = imageHeight * scale;
  return { x: (width - w) / 2, y: (height - h) / 2, width: w, height: h };
}
