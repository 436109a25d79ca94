import { errorForStatus } from './errors.js';

/**
 * The portal's request headers, as `<patient-image-viewer>` and `<lay-annotation-layer>` take them
 * (their `requestHeaders`, each for its own requests only): an object, or a function called before
 * every request (with `refresh: true` once after a 401, to get fresh credentials).
 */
export type HeaderSource =
  | Record<string, string>
  | ((context: { refresh: boolean }) => Record<string, string> | Promise<Record<string, string>>)
  | undefined;

/** The headers a source gives now (a copy; none when there is no source). */
export async function resolveHeaders(source: HeaderSource, refresh = false): Promise<Record<string, string>> {
  const headers = typeof source === 'function' ? await source({ refresh }) : source;
  return { ...(headers ?? {}) };
}

export interface FetchJsonOptions {
  /** Aborts the request (the element left the page, or its source changed). */
  signal: AbortSignal;
  /**
   * Request headers (see {@link HeaderSource}). Only for the server they are meant for: the viewer's
   * image-server token must never go to another (HAZ-013), so the annotation layer sends only its
   * own `requestHeaders`, never the viewer's.
   */
  headers?: HeaderSource;
  /** Milliseconds before the request is given up as timed out. */
  timeout: number;
  /** Default `application/json`. */
  accept?: string;
}

/**
 * Fetch a JSON document (an annotation document) with the credentials the viewer's own requests use
 * (`same-origin` cookies) and any `headers`, aborted with `signal` or after `timeout`. A 401 asks a
 * header function once for fresh credentials and tries again. Errors: `HTTP <status>` for a refusal,
 * the parser's for a body that is not JSON, the browser's for a network failure; an abort rejects
 * with the signal's reason.
 */
export async function fetchJsonDocument(url: string, options: FetchJsonOptions): Promise<unknown> {
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]);
  const canRefresh = typeof options.headers === 'function';
  for (let refresh = false; ; refresh = true) {
    const headers = await resolveHeaders(options.headers, refresh);
    options.signal.throwIfAborted();
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        headers: { ...headers, Accept: options.accept ?? 'application/json' },
        signal,
      });
    } catch (error) {
      if (!options.signal.aborted && signal.aborted) throw new Error('timed out');
      throw error;
    }
    if (response.status === 401 && canRefresh && !refresh) continue;
    if (!response.ok) throw errorForStatus(response.status);
    return (await response.json()) as unknown;
  }
}
