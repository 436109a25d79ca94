/** Image points to and from the picture box, from the viewer's own image-to-box mapping. */

type Point = { x: number; y: number };

export interface FrameMapper {
  imageToFrame(column: number, row: number): Point | undefined;
}

/**
 * The picture box point of an image point, and back: a flat image seen straight on (zoom, move,
 * pixel aspect ratio) maps affinely, so three points of the viewer's mapping give the inverse.
 */
export function frameMap(viewer: FrameMapper): { toFrame(column: number, row: number): Point | undefined; toImage(x: number, y: number): { column: number; row: number } | undefined } | undefined {
  const o = viewer.imageToFrame(0, 0);
  const c = viewer.imageToFrame(1, 0);
  const r = viewer.imageToFrame(0, 1);
  if (!o || !c || !r) return undefined;
  const a = c.x - o.x;
  const b = r.x - o.x;
  const d = c.y - o.y;
  const e = r.y - o.y;
  const det = a * e - b * d;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return undefined;
  return {
    toFrame: (column, row) => ({ x: o.x + column * a + row * b, y: o.y + column * d + row * e }),
    toImage: (x, y) => {
      const dx = x - o.x;
      const dy = y - o.y;
      return { column: (e * dx - b * dy) / det, row: (a * dy - d * dx) / det };
    },
  };
}
