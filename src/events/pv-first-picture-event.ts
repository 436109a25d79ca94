/** Safe facts about the viewer's first picture. Never holds identifying data. */
export interface PvFirstPictureDetail {
  /** DICOM modality code, e.g. `CT`, `MR`, `CR`, `US`. */
  modality: string;
  /** Body Part Examined (e.g. `HEAD`), or an empty string. */
  bodyPart: string;
  /** How many images the stack has. */
  imageCount: number;
  /** The image on screen, counting from 0. */
  index: number;
  /**
   * `true`: a poster frame (a still picture drawn before the imaging engine is ready; the controls
   * are still getting ready, and `pv-load` follows once the viewer is interactive). `false`: the
   * engine drew the first picture itself (no poster for this file), at the same time as `pv-load`.
   */
  poster: boolean;
}

/**
 * Fired when the first picture of a load is on screen: the poster frame, or the live view when the
 * file has no poster. Time to first picture runs to this event; time to interactive runs to
 * `pv-load` (which keeps its meaning: the live view is drawn and the controls work).
 */
export class PvFirstPictureEvent extends Event {
  static readonly eventName = 'pv-first-picture' as const;
  readonly detail: PvFirstPictureDetail;
  /** Takes the fields one by one, so a `detail` built by spreading a larger object never carries anything else out. */
  constructor(detail: PvFirstPictureDetail) {
    super(PvFirstPictureEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({
      modality: detail.modality,
      bodyPart: detail.bodyPart,
      imageCount: detail.imageCount,
      index: detail.index,
      poster: detail.poster,
    });
  }
}
