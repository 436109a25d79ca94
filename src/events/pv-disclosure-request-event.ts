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
  constructor(detail: PvDisclosureRequestDetail);
  /** @deprecated Pass one `detail` object: `new PvDisclosureRequestEvent({ scope, findings })`. */
  constructor(scope: DisclosureScope, findings?: readonly string[]);
  constructor(detailOrScope: PvDisclosureRequestDetail | DisclosureScope, oldFindings?: readonly string[]) {
    super(PvDisclosureRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    const { scope, findings } = typeof detailOrScope === 'string' ? { scope: detailOrScope, findings: oldFindings } : detailOrScope;
    this.detail = Object.freeze(findings ? { scope, findings: Object.freeze([...findings]) } : { scope });
  }
}
