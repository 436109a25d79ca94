/**
 * What `pv-series-change` says, safe facts only: never a series description (free text that may
 * hold identifying words) nor a UID.
 */
export interface PvSeriesChangeDetail {
  /** `series`: one series of the study is showing; `list`: the patient is back at the list of them. */
  view: 'series' | 'list';
  /** The series' modality code (`CT`, `MR`, `DX`...); empty on the list. */
  modality: string;
  /** Its name in plain words, as shown ("Side view", "Fluid looks bright"); empty on the list. */
  name: string;
  /** How many images (files) the server says the series holds, when it says; 0 on the list. */
  imageCount: number;
  /** Whether the patient chose one of the images their care team picked (a key image). */
  keyImage: boolean;
}

/** Fired when the patient opens one series of a study, or goes back to the list of them. */
export class PvSeriesChangeEvent extends Event {
  static readonly eventName = 'pv-series-change' as const;
  readonly detail: PvSeriesChangeDetail;
  constructor(detail: PvSeriesChangeDetail) {
    super(PvSeriesChangeEvent.eventName, { bubbles: true, composed: true });
    const { view, modality, name, imageCount, keyImage } = detail;
    this.detail = Object.freeze({ view, modality, name, imageCount, keyImage });
  }
}
