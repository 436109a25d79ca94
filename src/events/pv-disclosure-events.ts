/** What a disclosure is about: the whole study (the images), or one finding. */
export type DisclosureScope = 'study' | 'finding';

/** What `pv-disclosure-request` says: what is about to be shown. */
export interface PvDisclosureRequestDetail {
  scope: DisclosureScope;
  /**
   * For findings in an annotation document: the ids of the labels to be shown (the document's own
   * ids, never anything about the patient). Absent for a whole study or a wrapped finding.
   */
  findings?: readonly string[];
}

/**
 * Fired before images (or a finding) are shown, and cancellable: call `preventDefault()` to stop
 * it (for example to ask the patient to sign in again). Says what, never who.
 */
export class PvDisclosureRequestEvent extends Event {
  static readonly eventName = 'pv-disclosure-request' as const;
  readonly detail: PvDisclosureRequestDetail;
  constructor(scope: DisclosureScope, findings?: readonly string[]) {
    super(PvDisclosureRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = Object.freeze(findings ? { scope, findings: Object.freeze([...findings]) } : { scope });
  }
}

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

/** Fired when the patient chooses not to see them yet ("Not now"). */
export class PvDeferEvent extends Event {
  static readonly eventName = 'pv-defer' as const;
  readonly detail: PvChoiceDetail;
  constructor(detail: PvChoiceDetail) {
    super(PvDeferEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail, ...(detail.findings ? { findings: Object.freeze([...detail.findings]) } : {}) });
  }
}
