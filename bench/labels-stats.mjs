/**
 * Per-frame statistics of one labels run (the raw records of labels-page.js's measure()), shared by
 * bench/labels.mjs and bench/run.mjs (`npm run bench`).
 */
export const sorted = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);

export function quantile(xs, q) {
  const s = sorted(xs);
  if (s.length === 0) return undefined;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

/**
 * The steady frames of a run (zoom calls `skip`..`frames - 1`) and what each cost: the zoom call,
 * Cornerstone's draw, the viewer's pv-view-change callback, the layer's placement, the main thread.
 */
export function frameStats(result, { skip, frames }) {
  const all = result.frames;
  const first = all.findIndex((f) => f.zoomCall === skip);
  const last = all.findIndex((f) => f.zoomCall === frames - 1);
  const steady = all.slice(first, last + 1);
  const cost = (f, tag) => f.cost[tag] ?? 0;
  const intervals = steady.slice(1).map((f, i) => f.ts - steady[i].ts);
  const span = steady.length > 1 ? steady.at(-1).ts - steady[0].ts : undefined;
  return {
    frames: steady.length,
    fps: span ? ((steady.length - 1) * 1000) / span : undefined,
    intervals,
    zoomCall: steady.map((f) => cost(f, 'bench')),
    draw: steady.map((f) => cost(f, 'render')),
    viewEvent: steady.map((f) => cost(f, 'viewer')),
    viewer: steady.map((f) => cost(f, 'bench') + cost(f, 'render') + cost(f, 'viewer')),
    layer: steady.map((f) => cost(f, 'layer')),
    layerRan: steady.filter((f) => f.count.layer).length,
    other: steady.map((f) => cost(f, 'other')),
    busy: steady.map((f) => (f.after !== undefined && f.start !== undefined ? f.after - f.start : undefined)),
    // Zoom steps between what the picture shows and what the labels were placed for, at frame end.
    offBy: result.withLayer ? steady.filter((f) => f.drawn >= 0 && f.placed >= 0).map((f) => f.drawn - f.placed) : [],
  };
}
