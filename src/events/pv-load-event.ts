import type { SafeFacts } from '../sources/inspect.js';

/** Safe facts about what the viewer is showing. Never holds identifying data. */
export interface PvLoadDetail {
  /** DICOM modality code, e.g. `CT`, `MR`, `CR`, `US`. */
  modality: string;
  /** Body Part Examined (e.g. `HEAD`), or an empty string. */
  bodyPart: string;
  /** How many images the stack has. */
  imageCount: number;
  /** The image on screen, counting from 0. */
  index: number;
  /** Whether the file says it may have burned-in text. */
  burnedInText: boolean;
  /** Which drawing path is in use: `gpu` (WebGL) or `cpu`. */
  renderer: 'gpu' | 'cpu';
  /** Files of a series that could not be shown (damaged, missing or not pictures); the rest are shown. */
  skippedImages: number;
}

/** Fired when the first image of a stack is on screen. */
export class PvLoadEvent extends Event {
  static readonly eventName = 'pv-load' as const;
  readonly detail: PvLoadDetail;
  /**
   * Takes the fields one by one, so a `detail` built by spreading a larger object (the file's facts)
   * never carries anything else out.
   */
  constructor(detail: PvLoadDetail);
  /** @deprecated Pass one `detail` object: `new PvLoadEvent({ ...facts, imageCount, index, renderer, skippedImages })`. */
  constructor(facts: SafeFacts, imageCount: number, index: number, renderer: 'gpu' | 'cpu', skippedImages?: number);
  constructor(detailOrFacts: PvLoadDetail | SafeFacts, imageCount?: number, index?: number, renderer?: 'gpu' | 'cpu', skippedImages = 0) {
    super(PvLoadEvent.eventName, { bubbles: true, composed: true });
    const detail: PvLoadDetail =
      typeof imageCount === 'number'
        ? { ...detailOrFacts, imageCount, index: index ?? 0, renderer: renderer ?? 'cpu', skippedImages }
        : (detailOrFacts as PvLoadDetail);
    this.detail = Object.freeze({
      modality: detail.modality,
      bodyPart: detail.bodyPart,
      burnedInText: detail.burnedInText,
      imageCount: detail.imageCount,
      index: detail.index,
      renderer: detail.renderer,
      skippedImages: detail.skippedImages,
    });
  }
}
