import { ViewerError, errorForStatus, toViewerError } from './errors.js';

export interface FetchOptions {
  headers?: Record<string, string>;
  signal: AbortSignal;
  /** Called with bytes received so far and the total, when the server says it. */
  onProgress?: (received: number, total: number | undefined) => void;
  accept?: string;
}

/** Fetch a whole response body as bytes, reporting progress, with errors classed for patients. */
export async function fetchBytes(url: string, options: FetchOptions): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: options.accept ?? 'application/dicom, */*', ...options.headers },
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    throw abortReason(options.signal) ?? toViewerError(error, 'network');
  }
  if (!response.ok) throw errorForStatus(response.status);
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      options.onProgress?.(received, total);
    }
  } catch (error) {
    throw abortReason(options.signal) ?? toViewerError(error, 'network');
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

/** Fetch JSON (DICOMweb metadata), with the same error classes. */
export async function fetchJson<T>(url: string, options: FetchOptions): Promise<T> {
  const bytes = await fetchBytes(url, { ...options, accept: 'application/dicom+json, application/json' });
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch (error) {
    throw new ViewerError('server', 'The image server sent something we could not read.', { cause: error });
  }
}

function abortReason(signal: AbortSignal): ViewerError | undefined {
  return signal.aborted ? toViewerError(signal.reason, 'network') : undefined;
}
