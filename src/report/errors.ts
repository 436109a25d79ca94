/** The classes of failure `<lay-report>` reports in `pv-report-error`'s `detail.type`. */
export type ReportErrorType =
  | 'network'
  | 'unauthorised'
  | 'not-found'
  | 'server'
  | 'timeout'
  | 'too-large'
  | 'not-text'
  | 'malformed'
  | 'sensitive-not-found';

/** A report that cannot be shown, with a class the element can explain. Its message never holds report text. */
export class ReportError extends Error {
  readonly type: ReportErrorType;
  constructor(type: ReportErrorType, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportError';
    this.type = type;
  }
}
