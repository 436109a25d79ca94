import type { ViewerErrorType } from '../sources/errors.js';

/** What `pv-error` says: the kind of failure, the words the patient sees, and whether "Try again" is offered. */
export interface PvErrorDetail {
  /**
   * The class of failure: `network`, `unauthorised`, `not-found`, `server`, `timeout`, `not-an-image`,
   * `unsupported-format` (not a medical image file), `unsupported-image` (a picture stored in a way we
   * cannot open yet), `unsupported-video` (a video clip, such as an ultrasound cine), `too-large`,
   * `corrupt-file`, `rendering-unavailable`, `engine-failed` or `no-source`. `engine-failed` is a
   * fault in how the page loads the library (bundler settings, missing chunks, a blocked script),
   * never the patient's: `cause` says what went wrong.
   */
  type: ViewerErrorType;
  /** The plain-English message shown to the patient. */
  message: string;
  /** Whether the viewer offers "Try again". */
  retryable: boolean;
  /**
   * For `engine-failed` only: the underlying error's name and message, for the portal's logs (also
   * written to the console with `console.error`), such as "TypeError: Class extends value undefined
   * is not a constructor or null". Never shown to the patient; holds no patient data.
   */
  cause?: string;
}

/** Fired when the viewer cannot show an image. The message is on screen too. */
export class PvErrorEvent extends Event {
  static readonly eventName = 'pv-error' as const;
  readonly detail: PvErrorDetail;
  constructor(detail: PvErrorDetail) {
    super(PvErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}
