/** Types for scripts/synthetic.mjs (plain JavaScript, run by Node and, in tests and stories, by the browser). */

/** One generated DICOM Part 10 file. */
export interface SyntheticFile {
  name: string;
  buffer: ArrayBuffer;
}

/** Made-up identifying values, so tests can check the viewer never shows them. */
export const SYNTHETIC_PATIENT: Readonly<Record<string, string>>;
export const CT_STUDY_UID: string;
export const CT_SERIES_UID: string;
export const XR_STUDY_UID: string;
export const XR_SERIES_UID: string;

/**
 * The CT head phantom, in slice order (default 40 slices of 256 x 256). `orderMark` (tests only) adds a
 * bright mark above the head that moves left to right slice by slice.
 */
export function makeCtSeries(options?: { slices?: number; size?: number; burnedIn?: boolean; orderMark?: boolean }): SyntheticFile[];

/** The chest radiograph (DX, 12-bit or 8-bit, default 512 x 512). */
export function makeChestRadiograph(options?: { size?: number; burnedIn?: boolean; bits?: 12 | 8 }): SyntheticFile;
