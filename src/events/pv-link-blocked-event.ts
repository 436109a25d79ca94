/** What `pv-link-blocked` says: a link in the annotation document that was not shown, and why. */
export interface PvLinkBlockedDetail {
  /** The label whose link was not shown as a link. */
  labelId: string;
  /** The address, which is not https on a trusted site. */
  url: string;
}

/** Fired when a link in an annotation document is not to a trusted site; it is shown as plain text. */
export class PvLinkBlockedEvent extends Event {
  static readonly eventName = 'pv-link-blocked' as const;
  readonly detail: PvLinkBlockedDetail;
  constructor(detail: PvLinkBlockedDetail);
  /** @deprecated Pass one `detail` object: `new PvLinkBlockedEvent({ labelId, url })`. */
  constructor(labelId: string, url: string);
  constructor(detailOrLabelId: PvLinkBlockedDetail | string, oldUrl?: string) {
    super(PvLinkBlockedEvent.eventName, { bubbles: true, composed: true });
    const { labelId, url } = typeof detailOrLabelId === 'string' ? { labelId: detailOrLabelId, url: oldUrl ?? '' } : detailOrLabelId;
    this.detail = Object.freeze({ labelId, url });
  }
}
