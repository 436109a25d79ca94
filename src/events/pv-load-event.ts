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
  constructor(facts: SafeFacts, imageCount: number, index: number, renderer: 'gpu' | 'cpu', skippedImages = 0) {
    super(PvLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({
      modality: facts.modality,
      bodyPart: facts.bodyPart,
      burnedInText: facts.burnedInText,
      imageCount,
      index,
      renderer,
      skippedImages,
    });
  }
}
