/** Types for scripts/static-dicomweb.mjs (Node only). */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Write Part 10 files into a static DICOMweb tree at `outDir` (static-wado-creator's layout), adding to what is there. */
export function writeStaticDicomWeb(buffers: readonly (ArrayBuffer | Uint8Array)[], outDir: string): { studies: string[]; skipped: number };

/** Serve a static DICOMweb tree as plain files (sirv, options only): a connect-style handler. */
export function serveStaticDicomWeb(dir: string): (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;
