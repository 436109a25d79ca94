/**
 * Reading DICOMweb answers from servers that do less than they are asked (issue 16): a static
 * DICOMweb tree (static-wado-creator's files behind a plain file server, an object store or a CDN)
 * ignores every query string. A search for named instances then answers with every instance, or
 * one page of them; a series search leaves out the `includefield` facts the plain names need. Neither
 * may be read as if the server had done what it was asked.
 */
import { NAMING_FIELDS } from './series.js';

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

/** What an instance search asked for `wanted` (by SOP Instance UID) found, and whether it could be trusted to be whole. */
export interface InstanceAnswer {
  /** The wanted instances it holds. */
  found: Set<string>;
  /**
   * It held nothing but wanted instances: the server did the matching, so a wanted instance it does
   * not hold is not in the study (or series). False when it held others (the filter was ignored, and
   * the answer may be one page of everything): what it lacks is not known to be absent.
   */
  matched: boolean;
}

/** Read an instance search's answer against the instances it asked for. */
export function instanceAnswer(list: unknown, wanted: readonly string[]): InstanceAnswer {
  const asked = new Set(wanted);
  const found = new Set<string>();
  let matched = true;
  for (const entry of Array.isArray(list) ? (list as (DicomJson | null)[]) : []) {
    const sop = entry?.['00080018']?.Value?.[0];
    if (typeof sop !== 'string') continue;
    if (asked.has(sop)) found.add(sop);
    else matched = false;
  }
  return { found, matched };
}

/**
 * Whether a series search answer left out every fact the plain names need (View Position, Slice
 * Thickness, Image Type, MRI timings...): the server ignored `includefield`. Orthanc and DCM4CHEE
 * send them; a static tree's series list holds only the series' own attributes.
 */
export function lacksNamingFacts(list: unknown): boolean {
  if (!Array.isArray(list) || list.length === 0) return false;
  return !(list as (DicomJson | null)[]).some((entry) => NAMING_FIELDS.some((tag) => entry?.[tag] !== undefined));
}

/**
 * A series search entry with the naming facts of one of its instances (the first in the series'
 * metadata) added where the entry has none: read as `readSeries` reads a full answer.
 */
export function withNamingFacts(entry: unknown, metadata: unknown): unknown {
  const instance = Array.isArray(metadata) ? (metadata[0] as DicomJson | undefined) : undefined;
  if (!entry || typeof entry !== 'object' || !instance || typeof instance !== 'object') return entry;
  const facts = Object.fromEntries(NAMING_FIELDS.filter((tag) => instance[tag] !== undefined).map((tag) => [tag, instance[tag]]));
  return { ...facts, ...(entry as DicomJson) };
}

/**
 * An instance's number of frames from a search answer that asked for it (`includefield=00280008`):
 * its value; when the entry leaves it out, 1 from a server that does what it is asked (Number of
 * Frames is absent from single-frame images), and undefined (not known) from a server that ignores
 * queries (a static tree's instance list never holds it), so a picked frame past the first is checked
 * once its series shows rather than called missing.
 */
export function frameCount(entry: unknown, ignoresQueries: boolean): number | undefined {
  const element = (entry as DicomJson | null)?.['00280008'];
  if (!element) return ignoresQueries ? undefined : 1;
  const count = Number(element.Value?.[0] ?? 1);
  return Number.isInteger(count) && count > 0 ? count : 1;
}
