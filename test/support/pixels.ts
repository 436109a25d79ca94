import { executeServerCommand } from '@web/test-runner-commands';

/** Pixels of a screenshot: RGBA rows, `width` x `height` CSS pixels (device scale 1). */
export interface Shot {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /** [r, g, b] at (x, y), relative to the box shot. */
  at(x: number, y: number): [number, number, number];
}

/**
 * A real screenshot (what the compositor shows, canvases and layers included) of a box of the
 * page in CSS pixels, through the test runner's `pv-screenshot` command.
 */
export async function screenshot(box: { x: number; y: number; width: number; height: number }): Promise<Shot> {
  const clip = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
  const base64 = await executeServerCommand<string, { clip: typeof clip }>('pv-screenshot', { clip });
  const img = new Image();
  img.src = `data:image/png;base64,${base64}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = clip.width;
  canvas.height = clip.height;
  const ctx = canvas.getContext('2d')!;
  // Device pixels may be more than CSS pixels: draw back at CSS size.
  ctx.drawImage(img, 0, 0, clip.width, clip.height);
  const data = ctx.getImageData(0, 0, clip.width, clip.height).data;
  return {
    width: clip.width,
    height: clip.height,
    data,
    at(x, y) {
      const i = (Math.round(y) * clip.width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** A decoded image (PNG, JPEG: a file's bytes, a Blob or a URL): its size and pixels. */
export interface Decoded {
  width: number;
  height: number;
  /** [r, g, b] at (x, y), rounded to the nearest pixel. */
  at(x: number, y: number): [number, number, number];
  /** The grey level (mean of r, g, b) at (column, row). */
  grey(column: number, row: number): number;
}

/** Decode an image the way the browser shows it (the saved PNG, a reference picture, a small picture). */
export async function decodeImage(source: string | Blob | Uint8Array): Promise<Decoded> {
  const blob =
    typeof source === 'string'
      ? await (await fetch(source)).blob()
      : source instanceof Blob
        ? source
        : new Blob([new Uint8Array(source)]);
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const at = (x: number, y: number): [number, number, number] => {
    const i = (Math.round(y) * canvas.width + Math.round(x)) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  return {
    width: canvas.width,
    height: canvas.height,
    at,
    grey: (column, row) => {
      const [r, g, b] = at(column, row);
      return (r + g + b) / 3;
    },
  };
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Close to a colour (JPEG-free PNG, but anti-aliasing and scaling blur edges a little). */
export function near(pixel: [number, number, number], colour: [number, number, number], tolerance = 40): boolean {
  return pixel.every((c, i) => Math.abs(c - colour[i]!) <= tolerance);
}

export const NHS_YELLOW: [number, number, number] = [0xff, 0xeb, 0x3b];
export const NHS_TEXT: [number, number, number] = [0x21, 0x2b, 0x32];

/** The element focused now, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
