import type { ViewerErrorType } from '../sources/errors.js';

/** What `pv-error` says: the kind of failure, the words the patient sees, and whether "Try again" is offered. */
export interface PvErrorDetail {
  /** The class of failure: `network`, `unauthorised`, `not-found`, `server`, `timeout`, `not-an-image`, `unsupported-format` (not a medical image file), `unsupported-image` (a picture stored in a way we cannot open yet), `unsupported-video` (a video clip, such as an ultrasound cine), `too-large`, `corrupt-file`, `rendering-unavailable` or `no-source`. */
  type: ViewerErrorType;
  /** The plain-English message shown to the patient. */
  message: string;
  /** Whether the viewer offers "Try again". */
  retryable: boolean;
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
