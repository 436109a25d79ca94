/** What the patient chose to share: the picture on screen, every picture of its set (series), or the whole study. */
export type ShareScope = 'image' | 'series' | 'study';

/** What `pv-share-request` says: what the patient chose to share, as safe facts only (never a name, UID or ID). */
export interface PvShareRequestDetail {
  /** `image` (the picture on screen), `series` (every picture in its set) or `study` (the whole scan). */
  scope: ShareScope;
  /** With `scope: 'image'`: the picture on screen, counting from 0. */
  imageIndex?: number;
  /** How many pictures the viewer holds (the series). */
  imageCount: number;
  /** The kind of images, as a DICOM modality code (`CT`, `DX`...), when known. */
  modality?: string;
  /** When the patient asked (ISO 8601). */
  at: string;
}

/**
 * Fired when the patient asks to share their images with a doctor (`<lay-annotation-layer share>`),
 * for the portal to fulfil (a share code, the Image Exchange Portal, a link): this library never
 * uploads anything. Cancellable: call `preventDefault()` when the portal will not share it now (for
 * example to ask the patient to sign in again); the patient is then not told it was asked for.
 */
export class PvShareRequestEvent extends Event {
  static readonly eventName = 'pv-share-request' as const;
  readonly detail: PvShareRequestDetail;
  constructor(detail: PvShareRequestDetail) {
    super(PvShareRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    // Field by field: whatever else a caller passed is not carried out.
    const { scope, imageIndex, imageCount, modality, at } = detail;
    this.detail = Object.freeze({
      scope,
      ...(scope === 'image' && imageIndex !== undefined ? { imageIndex } : {}),
      imageCount,
      ...(modality ? { modality } : {}),
      at,
    });
  }
}
