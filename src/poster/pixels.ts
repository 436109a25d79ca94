/**
 * The poster's pixel mapping (no DOM, no engine): stored samples to the grey or colour levels the
 * live view draws, as PS3.3 C.11 and the engine do it: rescale slope and intercept (modality LUT),
 * then the file's first window (VOI LUT Function LINEAR, LINEAR_EXACT or SIGMOID), or the image's
 * own range when it has none; MONOCHROME1 inverted. Colour: RGB and YBR_FULL, 8 bits, either
 * planar configuration.
 */

/** A window: centre and width in modality values (after rescale), and its VOI LUT Function. */
export interface PosterWindow {
  centre: number;
  width: number;
  fn?: string | undefined;
}

/** One uncompressed frame, as read from the file. */
export interface PosterFrame {
  rows: number;
  columns: number;
  /** MONOCHROME1, MONOCHROME2, RGB or YBR_FULL. */
  photometric: string;
  /** 1 (grey) or 3 (colour). */
  samples: number;
  /** Colour only: 0 = R G B R G B..., 1 = all R, then all G, then all B. */
  planar?: number;
  /** The stored samples, already sign-extended and masked to Bits Stored. */
  data: ArrayLike<number>;
  slope?: number;
  intercept?: number;
  window?: PosterWindow | undefined;
}

/** The range of modality values (after rescale) in a grey frame: the engine's window when the file has none. */
export function modalityRange(frame: Pick<PosterFrame, 'data' | 'slope' | 'intercept'>): { min: number; max: number } {
  const { data } = frame;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return { min: 0, max: 0 };
  const slope = frame.slope ?? 1;
  const intercept = frame.intercept ?? 0;
  const a = min * slope + intercept;
  const b = max * slope + intercept;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

/**
 * A function from a modality value to a display level 0..255 (before MONOCHROME1 inversion).
 * PS3.3 C.11.2.1.2 (LINEAR, LINEAR_EXACT) and C.11.2.1.3.1 (SIGMOID).
 */
export function voiFunction(window: PosterWindow): (value: number) => number {
  const centre = window.centre;
  const fn = (window.fn ?? 'LINEAR').toUpperCase();
  if (fn === 'SIGMOID') {
    const width = window.width;
    return (x) => 255 / (1 + Math.exp((-4 * (x - centre)) / width));
  }
  if (fn === 'LINEAR_EXACT') {
    const width = Math.max(window.width, 1e-9);
    const lower = centre - width / 2;
    return (x) => clamp255(((x - lower) / width) * 255);
  }
  // LINEAR: width >= 1; x <= c - 0.5 - (w-1)/2 is black, x > c - 0.5 + (w-1)/2 is white.
  const width = Math.max(window.width, 1);
  return (x) => clamp255((((x - (centre - 0.5)) / (width - 1 || 1)) + 0.5) * 255);
}

function clamp255(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : v;
}

/** The window the live view starts with: the file's, else the frame's own range (min to max). */
export function windowFor(frame: PosterFrame): PosterWindow {
  if (frame.window && frame.window.width > 0 && Number.isFinite(frame.window.centre)) return frame.window;
  const { min, max } = modalityRange(frame);
  // The engine maps min to black and max to white, linearly.
  return { centre: (min + max) / 2, width: Math.max(max - min, 1e-9), fn: 'LINEAR_EXACT' };
}

function isIntegerArray(data: ArrayLike<number>): boolean {
  return (
    data instanceof Uint8Array || data instanceof Int8Array || data instanceof Uint16Array || data instanceof Int16Array || data instanceof Int32Array
  );
}

/** RGBA pixels (rows x columns x 4) of a frame as the live view first draws it (little-endian RGBA words). */
export function posterRgba(frame: PosterFrame): Uint8ClampedArray {
  const count = frame.rows * frame.columns;
  const out = new Uint8ClampedArray(count * 4);
  const { data } = frame;
  const photometric = frame.photometric.toUpperCase();
  if (frame.samples === 3) {
    const planar = frame.planar === 1;
    const ybr = photometric === 'YBR_FULL';
    for (let i = 0; i < count; i++) {
      let r = planar ? data[i]! : data[i * 3]!;
      let g = planar ? data[i + count]! : data[i * 3 + 1]!;
      let b = planar ? data[i + 2 * count]! : data[i * 3 + 2]!;
      if (ybr) {
        // PS3.3 C.7.6.3.1.2, as the engine converts YBR_FULL.
        const y = r;
        const cb = g - 128;
        const cr = b - 128;
        r = y + 1.402 * cr;
        g = y - 0.344136 * cb - 0.714136 * cr;
        b = y + 1.772 * cb;
      }
      out[i * 4] = r;
      out[i * 4 + 1] = g;
      out[i * 4 + 2] = b;
      out[i * 4 + 3] = 255;
    }
    return out;
  }
  const slope = frame.slope ?? 1;
  const intercept = frame.intercept ?? 0;
  const voi = voiFunction(windowFor(frame));
  const invert = photometric === 'MONOCHROME1';
  // Stored values are integers in a small range (8 to 16 bits): one table lookup a pixel, written
  // as whole RGBA words, instead of the rescale and window for each one.
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = data[i]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (count > 0 && Number.isInteger(low) && Number.isInteger(high) && high - low <= 1 << 17 && isIntegerArray(data)) {
    const table = new Uint32Array(high - low + 1);
    for (let v = low; v <= high; v++) {
      const level = voi(v * slope + intercept);
      const grey = Math.round(invert ? 255 - level : level);
      table[v - low] = (0xff000000 | (grey << 16) | (grey << 8) | grey) >>> 0;
    }
    const words = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) words[i] = table[data[i]! - low]!;
    return out;
  }
  for (let i = 0; i < count; i++) {
    const level = voi(data[i]! * slope + intercept);
    const grey = Math.round(invert ? 255 - level : level);
    out[i * 4] = grey;
    out[i * 4 + 1] = grey;
    out[i * 4 + 2] = grey;
    out[i * 4 + 3] = 255;
  }
  return out;
}
