/**
 * Where each numbered marker goes over the picture, so that a marker never hides what it marks
 * and never hides the orientation words ("Your right", "Head"):
 *
 * - A label with a small outline (smaller than two markers across, both ways) gets its marker beside the
 *   outline, never on it, with a pointer line from the marker to the outline's edge.
 * - A marker that would cover an orientation word, another marker, or a small outline is moved to
 *   the nearest free place, with a pointer line back to its point.
 * - Otherwise a marker sits on its point, as before.
 *
 * Pure geometry in the picture box's coordinates (CSS pixels, 0,0 at its top left): no DOM, so it is
 * tested without a picture.
 */

/** A rectangle in the picture box. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What one marker marks: its point, and the box round its outline if it has one. */
export interface MarkerTarget {
  point: { x: number; y: number };
  outline?: Box;
}

/** Where a marker goes, and (when it is not on its point) where its pointer line ends. */
export interface MarkerPlace {
  x: number;
  y: number;
  /** True when the marker is not on its point: a pointer line joins it to `target`. */
  moved: boolean;
  /** The end of the pointer line: the point, or the outline's edge. */
  target: { x: number; y: number };
}

/** The marker's size (CSS px), its border included. */
export const MARKER_SIZE = 28;
/** Room left between a marker and what it must not cover. */
const GAP = 6;

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const grow = (box: Box, by: number): Box => ({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by });
const markerBox = (x: number, y: number, size: number): Box => ({ x: x - size / 2, y: y - size / 2, width: size, height: size });

/** A small outline (under two markers across both ways): a marker on its point would hide much of it. */
export function isSmallOutline(outline: Box, size = MARKER_SIZE): boolean {
  return outline.width < size * 2 && outline.height < size * 2;
}

/** Where a line from `from` towards the outline's centre meets the ellipse inside the outline's box. */
function outlineEdge(outline: Box, from: { x: number; y: number }): { x: number; y: number } {
  const cx = outline.x + outline.width / 2;
  const cy = outline.y + outline.height / 2;
  const rx = Math.max(outline.width / 2, 0.5);
  const ry = Math.max(outline.height / 2, 0.5);
  const dx = from.x - cx;
  const dy = from.y - cy;
  const k = Math.hypot(dx / rx, dy / ry);
  if (k <= 1) return { x: cx, y: cy };
  return { x: cx + dx / k, y: cy + dy / k };
}

/**
 * Places markers in order (earlier labels first). `avoid` are boxes no marker may cover (the
 * orientation words). Each result is undefined where the target is undefined.
 */
export function placeMarkers(
  targets: readonly (MarkerTarget | undefined)[],
  frame: { width: number; height: number },
  avoid: readonly Box[] = [],
  size = MARKER_SIZE,
): (MarkerPlace | undefined)[] {
  const placed: Box[] = [];
  const smallOutlines = targets.map((t) => (t?.outline && isSmallOutline(t.outline, size) ? t.outline : undefined));
  const blocked = avoid.map((box) => grow(box, 2));
  const fits = (x: number, y: number, own?: Box) => {
    const box = markerBox(x, y, size);
    if (box.x < 2 || box.y < 2 || box.x + box.width > frame.width - 2 || box.y + box.height > frame.height - 2) return false;
    if (blocked.some((b) => intersects(box, b))) return false;
    if (placed.some((b) => intersects(grow(box, 2), b))) return false;
    // No marker on a small outline: its own, or another label's.
    if (own && intersects(box, grow(own, GAP))) return false;
    if (smallOutlines.some((outline) => outline && outline !== own && intersects(box, outline))) return false;
    return true;
  };
  return targets.map((target, i) => {
    if (!target) return undefined;
    const { point } = target;
    const small = smallOutlines[i];
    const candidates: { x: number; y: number }[] = [];
    if (small) {
      // Beside the outline: towards the middle of the picture first (where there is room), then around it.
      const cx = small.x + small.width / 2;
      const cy = small.y + small.height / 2;
      const r = size / 2 + GAP + 2;
      for (let ring = 1; ring <= 4; ring++) {
        const d = r + (ring - 1) * (size / 2 + GAP);
        const right = { x: small.x + small.width + d, y: cy };
        const left = { x: small.x - d, y: cy };
        const above = { x: cx, y: small.y - d };
        const below = { x: cx, y: small.y + small.height + d };
        const horizontal = cx < frame.width / 2 ? [right, left] : [left, right];
        const vertical = cy < frame.height / 2 ? [below, above] : [above, below];
        candidates.push(...horizontal, ...vertical);
        for (const sx of [1, -1]) for (const sy of [1, -1]) candidates.push({ x: cx + sx * (small.width / 2 + d * 0.75), y: cy + sy * (small.height / 2 + d * 0.75) });
      }
    } else {
      candidates.push(point);
      // Moved off something it must not cover: the nearest free place, towards the middle first.
      const towards = Math.atan2(frame.height / 2 - point.y, frame.width / 2 - point.x);
      for (let ring = 1; ring <= 6; ring++) {
        const d = ring * (size / 2 + GAP);
        for (let k = 0; k < 8; k++) {
          const angle = towards + (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * (Math.PI / 4);
          candidates.push({ x: point.x + Math.cos(angle) * d, y: point.y + Math.sin(angle) * d });
        }
      }
    }
    const chosen = candidates.find((c) => fits(c.x, c.y, small)) ?? candidates[0]!;
    const x = Math.min(Math.max(chosen.x, size / 2 + 2), frame.width - size / 2 - 2);
    const y = Math.min(Math.max(chosen.y, size / 2 + 2), frame.height - size / 2 - 2);
    placed.push(markerBox(x, y, size));
    const moved = Math.hypot(x - point.x, y - point.y) > 0.5;
    return { x, y, moved, target: small ? outlineEdge(small, { x, y }) : point };
  });
}
