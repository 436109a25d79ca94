/**
 * A scale bar in plain words ("1 cm"), so patients can judge size without reading numbers off the
 * image. The words come from the message catalogue (`scale.*`).
 */

import { message, type Messages } from './messages.js';

export interface ScaleBar {
  /** The real length the bar stands for, in millimetres. */
  lengthMm: number;
  /** How wide to draw the bar, in screen (CSS) pixels. Not rounded: round when drawing if needed. */
  widthPx: number;
  /** Plain words: '5 mm', '1 cm', '10 cm', or 'about 1 cm' when approximate (in the catalogue's language). */
  label: string;
  /** true when the size is only an estimate (a plain X-ray, where the body was not on the detector). */
  approximate: boolean;
}

/** The round lengths a bar may show, in millimetres. */
export const SCALE_BAR_LENGTHS_MM: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500];

/** Allows for floating-point error when a length fits exactly. */
const EPSILON = 1e-9;

/**
 * Chooses the longest round length (1, 2 or 5 mm; 1, 2, 5, 10, 20 or 50 cm) whose bar fits in
 * `maxWidthPx`. With these steps the bar is always at least 2/5 of `maxWidthPx`, unless even 50 cm
 * is shorter than that (then 50 cm is used).
 *
 * Returns undefined when the spacing or width is unknown, zero, negative or not a number, or when
 * even 1 mm is wider than `maxWidthPx`.
 *
 * @param mmPerScreenPixel How many millimetres one screen pixel covers at the current zoom.
 * @param maxWidthPx The most room the bar may take, in screen pixels.
 * @param opts.approximate Say "about" (for sizes that are estimates).
 * @param opts.messages The words to use (a whole catalogue, or overrides of en-GB); en-GB by default.
 */
export function chooseScaleBar(
  mmPerScreenPixel: number,
  maxWidthPx: number,
  opts: { approximate?: boolean; messages?: Messages } = {},
): ScaleBar | undefined {
  if (!isPositive(mmPerScreenPixel) || !isPositive(maxWidthPx)) return undefined;
  let chosen: number | undefined;
  for (const lengthMm of SCALE_BAR_LENGTHS_MM) {
    if (lengthMm / mmPerScreenPixel <= maxWidthPx * (1 + EPSILON)) chosen = lengthMm;
  }
  if (chosen === undefined) return undefined;
  const approximate = opts.approximate === true;
  const words =
    chosen >= 10
      ? message(opts.messages, 'scale.cm', { length: chosen / 10 })
      : message(opts.messages, 'scale.mm', { length: chosen });
  return {
    lengthMm: chosen,
    widthPx: chosen / mmPerScreenPixel,
    label: approximate ? message(opts.messages, 'scale.about', { length: words }) : words,
    approximate,
  };
}

function isPositive(value: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
