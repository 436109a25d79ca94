/** Types for scripts/demo-dicomweb.mjs (Node only). */
export const DEMO_FINE_SERIES: string;
export const DEMO_THICK_SERIES: string;
export const DEMO_REPORT_STUDY: string;

/** Write the demo's static DICOMweb tree to `dir` (once per version); whether it wrote. */
export function writeDemoDicomWeb(dir: string): boolean;
