import type { HeaderSource } from '../sources/fetch-json.js';
import type { ImageGeometry, SafeFacts } from '../sources/inspect.js';
import type { ViewerStatus } from './viewer-controller.js';

/**
 * What an element inside a viewer (the annotation layer) may use of it: the viewer's public
 * reading and navigation surface, not its class. `<patient-image-viewer>` implements it; controllers
 * depend on this, never on the element (arrows point down: elements use controllers).
 */
export interface ViewerLike extends HTMLElement {
  /** `idle`, `waiting`, `loading`, `loaded` or `error`. */
  readonly status: ViewerStatus;
  /** The image on screen, counting from 0. */
  readonly index: number;
  /** How many images the viewer holds (issue 17: the saved picture's caption, what a share covers). */
  readonly imageCount: number;
  /** How long a fetch may take, in milliseconds (the layer's document fetch uses the same). */
  readonly timeout: number;
  /** Safe facts about what is shown, once loaded. */
  readonly imageFacts: SafeFacts | undefined;
  /** The element the engine draws into. */
  readonly stage?: HTMLDivElement;
  /** Show the image at `index` (0-based). */
  goTo(index: number): Promise<void>;
  /** Which image (0-based) holds a given instance and frame, or undefined. */
  imageIndexFor(target: { sopInstanceUid: string; frame?: number } | { index: number }): number | undefined;
  /** A key for image `index` (the same for the same instance and frame, no UID given out), or undefined. */
  imageKey?(index: number): string | undefined;
  /** Size, orientation and pixel spacing of image `index`, or undefined. */
  imageGeometry(index: number): ImageGeometry | undefined;
  /** Where a point of the image (column, row) is, in CSS pixels from the picture box's top-left corner. */
  imageToFrame(column: number, row: number): { x: number; y: number } | undefined;
  /** The picture box relative to the viewer's top-left corner, in CSS pixels. */
  frameBox(): { x: number; y: number; width: number; height: number } | undefined;
  /** With a study given alone: the images the care team picked, offered first in the list. */
  keyImages?: readonly { sopInstanceUid: string; frame?: number }[];
  /** With a study given alone: which series hold these images (instance UID -> the series' plain name). */
  findInStudy?(uids: readonly string[]): Promise<Map<string, string>>;
  /** With a study given alone: open the series that holds this image, at this image. */
  openInStudy?(target: { sopInstanceUid: string; frame?: number }): Promise<boolean>;
  /** The DICOMweb service root it was given (issue 18: the editor finds a study's drafts there). */
  readonly dicomwebRoot?: string;
  /** The study it was given, with `dicomwebRoot`. */
  readonly studyUid?: string;
  /** The portal's request headers for the image server (only ever sent to that server: HAZ-013). */
  readonly requestHeaders?: HeaderSource;
}

/** The viewer's tag: where a child element looks for the viewer it sits in. */
export const VIEWER_TAG = 'patient-image-viewer';
