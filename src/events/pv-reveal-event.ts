import type { DisclosureScope } from './pv-disclosure-request-event.js';

/** What `pv-reveal` and `pv-defer` say: what was chosen about, when, and whether it was remembered. Never who. */
export interface PvChoiceDetail {
  scope: DisclosureScope;
  /** When the patient chose (ISO 8601). */
  at: string;
  /** True when the choice was remembered from before rather than made just now. */
  remembered: boolean;
  /**
   * For findings in an annotation document: the ids of the labels the choice was about. For a wrapped
   * `<finding-disclosure scope="finding">` with a `finding-id`: that finding id.
   */
  findings?: readonly string[];
}

/** Fired when the patient chooses to see their images (or a finding). */
export class PvRevealEvent extends Event {
  static readonly eventName = 'pv-reveal' as const;
  readonly detail: PvChoiceDetail;
  constructor(detail: PvChoiceDetail) {
    super(PvRevealEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail, ...(detail.findings ? { findings: Object.freeze([...detail.findings]) } : {}) });
  }
}
