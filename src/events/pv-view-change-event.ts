/** What `pv-view-change` says: where the picture now sits on screen (for overlays). */
export interface PvViewChangeDetail {
  /** The image on screen, counting from 0. */
  index: number;
  /** How many images the stack has. */
  imageCount: number;
  /** 1 = fitted to the box. */
  zoom: number;
}

/**
 * Fired at most once per animation frame after the picture is drawn differently: another image,
 * a zoom, a move, a resize. Overlays (such as `<lay-annotation-layer>`) re-place themselves on it.
 */
export class PvViewChangeEvent extends Event {
  static readonly eventName = 'pv-view-change' as const;
  readonly detail: PvViewChangeDetail;
  constructor(detail: PvViewChangeDetail);
  /** @deprecated Pass one `detail` object: `new PvViewChangeEvent({ index, imageCount, zoom })`. */
  constructor(index: number, imageCount: number, zoom: number);
  constructor(detailOrIndex: PvViewChangeDetail | number, oldImageCount?: number, oldZoom?: number) {
    super(PvViewChangeEvent.eventName, { bubbles: true, composed: true });
    const { index, imageCount, zoom } =
      typeof detailOrIndex === 'number' ? { index: detailOrIndex, imageCount: oldImageCount ?? 0, zoom: oldZoom ?? 1 } : detailOrIndex;
    this.detail = Object.freeze({ index, imageCount, zoom });
  }
}
