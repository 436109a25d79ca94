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
  constructor(index: number, imageCount: number, zoom: number) {
    super(PvViewChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ index, imageCount, zoom });
  }
}
