import type { ReportErrorType } from '../report/errors.js';

/** What `pv-report-error` says: the kind of failure and the words the patient sees. Never report text. */
export interface PvReportErrorDetail {
  /**
   * `network`, `unauthorised`, `not-found`, `server`, `timeout`, `too-large`, `not-text` (a PDF, an
   * image, bytes that are not text), `malformed` (not a report we can read: bad JSON, not a FHIR
   * DiagnosticReport, no text in it), or `sensitive-not-found` (a `sensitive` match, or the impression
   * asked for by `hold-impression`, is not in the report: the whole report then waits for the patient's
   * choice, and the rest of the report is shown after it).
   */
  type: ReportErrorType;
  /** The plain-English message shown to the patient (empty for `sensitive-not-found`, which shows none). */
  message: string;
}

/** Fired when `<lay-report>` cannot show a report, or could not find a part it was told to hold. */
export class PvReportErrorEvent extends Event {
  static readonly eventName = 'pv-report-error' as const;
  readonly detail: PvReportErrorDetail;
  constructor(detail: PvReportErrorDetail) {
    super(PvReportErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}
