/**
 * What the imaging engine's failures mean, as the classes a viewer explains to a patient
 * (`ViewerError`). Cornerstone, its image loader (an XHR) and its WebAssembly codecs each fail in
 * their own shape; only this file reads those shapes, so nothing above `src/engine/` has to.
 * (A failure to load or start the engine at all is `engine-failed`: see `loadEngine()` in
 * ./index.ts, which the script-tag shell loads, so it stays out of this file and the shell stays small.)
 */
import { ViewerError, errorForStatus } from '../sources/errors.js';

/** Class an error the image loader reported while loading or decoding an image (an XHR failure or a decode failure). */
export function classifyLoadFailure(error: unknown): ViewerError {
  if (error instanceof ViewerError) return error;
  const status = findStatus(error);
  if (status) return errorForStatus(status);
  // A request that got no answer at all (the connection was cut, or the server is unreachable).
  if (findRequest(error)?.status === 0) {
    return new ViewerError('network', 'The image could not be fetched.', { cause: error });
  }
  // A codec that cannot start (WebAssembly blocked by the page's CSP, say) is not a damaged file.
  if (/WebAssembly|wasm|Content Security Policy/i.test(describeError(error))) {
    return new ViewerError('rendering-unavailable', 'The picture decoder could not start.', { cause: error });
  }
  return new ViewerError('corrupt-file', 'The picture could not be decoded.', { cause: error });
}

/** The view could not be drawn again after the GPU went away (its redraw on the CPU failed). */
export function redrawFailure(error: unknown): ViewerError {
  return new ViewerError('rendering-unavailable', 'The picture could not be drawn again.', { cause: error });
}

function describeError(error: unknown, depth = 0): string {
  if (!error || depth > 3) return '';
  if (typeof error === 'string') return error;
  if (error instanceof Error) return `${error.message} ${describeError(error.cause, depth + 1)}`;
  if (typeof error === 'object') {
    const record = error as Record<string, unknown>;
    return ['message', 'error', 'cause'].map((key) => describeError(record[key], depth + 1)).join(' ');
  }
  return '';
}

function findRequest(error: unknown, depth = 0): XMLHttpRequest | undefined {
  if (error instanceof XMLHttpRequest) return error;
  if (!error || typeof error !== 'object' || depth > 3) return undefined;
  const record = error as Record<string, unknown>;
  for (const key of ['error', 'request', 'cause']) {
    const found = findRequest(record[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

function findStatus(error: unknown, depth = 0): number | undefined {
  if (!error || typeof error !== 'object' || depth > 3) return undefined;
  const record = error as Record<string, unknown>;
  if (typeof record.status === 'number' && record.status >= 400) return record.status;
  for (const key of ['error', 'request', 'response', 'cause']) {
    const found = findStatus(record[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
