/** What `pv-image-change` says: which image is showing now, and how many there are. */
export interface PvImageChangeDetail {
  /** The image now on screen, counting from 0. */
  index: number;
  /** How many images the stack has. */
  imageCount: number;
}

/** Fired when the patient moves to another image in the stack. */
export class PvImageChangeEvent extends Event {
  static readonly eventName = 'pv-image-change' as const;
  readonly detail: PvImageChangeDetail;
  constructor(detail: PvImageChangeDetail);
  /** @deprecated Pass one `detail` object: `new PvImageChangeEvent({ index, imageCount })`. */
  constructor(index: number, imageCount: number);
  constructor(detailOrIndex: PvImageChangeDetail | number, oldImageCount?: number) {
    super(PvImageChangeEvent.eventName, { bubbles: true, composed: true });
    const { index, imageCount } = typeof detailOrIndex === 'number' ? { index: detailOrIndex, imageCount: oldImageCount ?? 0 } : detailOrIndex;
    this.detail = Object.freeze({ index, imageCount });
  }
}
