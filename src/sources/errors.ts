/** The classes of failure a viewer reports in `pv-error`'s `detail.type`. */
export type ViewerErrorType =
  | 'network'
  | 'unauthorised'
  | 'not-found'
  | 'server'
  | 'timeout'
  | 'not-an-image'
  | 'unsupported-format'
  | 'unsupported-image'
  | 'unsupported-video'
  | 'too-large'
  | 'corrupt-file'
  | 'rendering-unavailable'
  | 'engine-failed'
  | 'no-source';

/** A failure with a class the viewer can explain to a patient. Its message never holds patient data. */
export class ViewerError extends Error {
  readonly type: ViewerErrorType;
  /** Whether trying the same thing again could work (network, server, time-out, sign-in and drawing faults). */
  readonly retryable: boolean;
  /** The HTTP status that caused it, when there was one (a 401 asks the portal for fresh credentials once). */
  readonly status: number | undefined;

  constructor(type: ViewerErrorType, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options);
    this.name = 'ViewerError';
    this.type = type;
    this.retryable = RETRYABLE.has(type);
    this.status = options?.status;
  }
}

const RETRYABLE = new Set<ViewerErrorType>(['network', 'server', 'timeout', 'rendering-unavailable', 'engine-failed', 'unauthorised']);

/**
 * The name and message of what caused `error` (its `cause`, else itself), for a portal developer's
 * logs: "TypeError: Class extends value undefined is not a constructor or null". Only used for
 * faults in how the page loads the library, which hold no patient data.
 */
export function describeCause(error: Error): string {
  const cause = error.cause ?? error;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  if (typeof cause === 'string') return cause;
  try {
    return JSON.stringify(cause) ?? typeof cause;
  } catch {
    return typeof cause;
  }
}

/** Turn anything thrown into a ViewerError, defaulting to `fallback`. */
export function toViewerError(error: unknown, fallback: ViewerErrorType = 'corrupt-file'): ViewerError {
  if (error instanceof ViewerError) return error;
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new ViewerError('timeout', 'The image took too long to load.', { cause: error });
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new ViewerError('network', 'The image could not be fetched.', { cause: error });
  }
  return new ViewerError(fallback, 'The image could not be shown.', { cause: error });
}

/** Map an HTTP status to an error class. */
export function errorForStatus(status: number): ViewerError {
  const type: ViewerErrorType =
    status === 401 || status === 403
      ? 'unauthorised'
      : status === 404 || status === 410
        ? 'not-found'
        : status === 408 || status === 504
          ? 'timeout'
          : status >= 500
            ? 'server'
            : 'network';
  return new ViewerError(type, `HTTP ${status}`, { status });
}
