/**
 * Drafts from the PACS through DICOMweb (issue 18), the pure parts: which `Accept` an address is
 * asked with (a WADO-RS instance answers `multipart/related`, a plain address sends the Part 10 file
 * itself), which series of a study may hold drafts (SR, PR, KO), their instances' addresses, and
 * whether an address is the viewer's own DICOMweb service (only then do the portal's request headers
 * go with it: HAZ-013). A static DICOMweb server ignores query strings, so nothing here relies on one.
 */

/** A WADO-RS instance: asked for the file as the one part of a `multipart/related` answer (one type only: some servers refuse a list). */
export const WADO_INSTANCE_ACCEPT = 'multipart/related; type="application/dicom"';
/** A plain Part 10 address, as before. */
export const PART10_ACCEPT = 'application/dicom';

/** Series that may hold drafts: structured reports, presentation states, key object selections. */
export const DRAFT_MODALITIES: readonly string[] = ['SR', 'PR', 'KO'];

/** At most this many objects are opened from one study. */
export const MOST_OBJECTS = 50;

const UID = /^[0-9]+(\.[0-9]+)*$/;
const INSTANCE_PATH = /\/studies\/[^/]+\/series\/[^/]+\/instances\/[^/]+\/?$/;

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

/** Whether `url` is a WADO-RS instance address (`.../studies/{s}/series/{se}/instances/{i}`). */
export function isWadoInstance(url: string, base: string): boolean {
  try {
    return INSTANCE_PATH.test(new URL(url, base).pathname);
  } catch {
    return false;
  }
}

/** The `Accept` header to ask `url` with. */
export function acceptFor(url: string, base: string): string {
  return isWadoInstance(url, base) ? WADO_INSTANCE_ACCEPT : PART10_ACCEPT;
}

/** The DICOMweb root as an absolute address without a trailing slash, or '' when there is none. */
export function absoluteRoot(root: string, base: string): string {
  if (!root) return '';
  try {
    return new URL(root.replace(/\/+$/, ''), base).href.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** Whether `url` is under the DICOMweb root `root` (same origin, same path prefix). */
export function underRoot(url: string, root: string, base: string): boolean {
  const prefix = absoluteRoot(root, base);
  if (!prefix) return false;
  try {
    return new URL(url, base).href.startsWith(`${prefix}/`);
  } catch {
    return false;
  }
}

function text(entry: DicomJson | null | undefined, tag: string): string {
  const value = entry?.[tag]?.Value?.[0];
  return typeof value === 'string' ? value.trim() : '';
}

/** The series UIDs of a series search answer whose modality is SR, PR or KO (checked here: a static server ignores the query). */
export function draftSeries(list: unknown): string[] {
  const out: string[] = [];
  for (const entry of Array.isArray(list) ? (list as (DicomJson | null)[]) : []) {
    const uid = text(entry, '0020000E');
    if (UID.test(uid) && DRAFT_MODALITIES.includes(text(entry, '00080060').toUpperCase()) && !out.includes(uid)) out.push(uid);
  }
  return out;
}

/** The SOP Instance UIDs of an instance search answer. */
export function instanceUids(list: unknown): string[] {
  const out: string[] = [];
  for (const entry of Array.isArray(list) ? (list as (DicomJson | null)[]) : []) {
    const uid = text(entry, '00080018');
    if (UID.test(uid) && uid.length <= 64 && !out.includes(uid)) out.push(uid);
  }
  return out;
}

/** The WADO-RS address of one instance. */
export function instanceUrl(root: string, study: string, series: string, instance: string): string {
  return `${root}/studies/${study}/series/${series}/instances/${instance}`;
}
