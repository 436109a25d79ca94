/** What `pv-label-select` says: which label the patient chose. */
export interface PvLabelSelectDetail {
  /** The label's id, from the annotation document. */
  id: string;
  /** The image it is on (0-based), or undefined when it matches no image. */
  imageIndex: number | undefined;
}

/** Fired when the patient chooses a label (from the list or a marker). */
export class PvLabelSelectEvent extends Event {
  static readonly eventName = 'pv-label-select' as const;
  readonly detail: PvLabelSelectDetail;
  constructor(detail: PvLabelSelectDetail);
  /** @deprecated Pass one `detail` object: `new PvLabelSelectEvent({ id, imageIndex })`. */
  constructor(id: string, imageIndex: number | undefined);
  constructor(detailOrId: PvLabelSelectDetail | string, oldImageIndex?: number) {
    super(PvLabelSelectEvent.eventName, { bubbles: true, composed: true });
    const { id, imageIndex } = typeof detailOrId === 'string' ? { id: detailOrId, imageIndex: oldImageIndex } : detailOrId;
    this.detail = Object.freeze({ id, imageIndex });
  }
}
