/** What `pv-activity` says: how the patient used the element, which element, and when. Never who, never what they looked at. */
export interface PvActivityDetail {
  /** `pointer` (a tap or click), `keyboard`, `wheel` or `scroll`. */
  kind: 'pointer' | 'keyboard' | 'wheel' | 'scroll';
  /** The element's tag, e.g. `patient-image-viewer`. */
  element: string;
  /** When (ISO 8601). */
  at: string;
}

/**
 * Fired when the patient taps, clicks, presses a key, turns the wheel or scrolls inside one of the
 * elements (issue 17), so a portal's inactivity timer knows they are still looking: nothing else
 * outside the shadow roots can tell. At most once every {@link PvActivityEvent.interval} for the
 * whole page.
 */
export class PvActivityEvent extends Event {
  static readonly eventName = 'pv-activity' as const;
  /** The least time between two `pv-activity` events on the page, in milliseconds (30 s; a portal may change it). */
  static interval = 30_000;
  readonly detail: PvActivityDetail;

  constructor(detail: PvActivityDetail) {
    super(PvActivityEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ kind: detail.kind, element: detail.element, at: detail.at });
  }
}
