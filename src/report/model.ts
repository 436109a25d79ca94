/**
 * The shape `<lay-report>` shows: a report read from plain text, a FHIR `DiagnosticReport` or IMR
 * HTML, reduced to sections, paragraphs, lists and sentences of text. Nothing here is markup: every
 * string is shown as text. Pure data, no DOM.
 */

/** The report headings we recognise and say in plain words. */
export type SectionKind = 'findings' | 'impression' | 'comparison' | 'history' | 'technique';

/** Where a sentence or an IMR link points: an image of the paired viewer and, maybe, a label on it. */
export interface ImageRef {
  /** 0-based image index in the viewer ("image 3" is index 2). */
  index?: number;
  /** The image's DICOM SOP Instance UID (IMR references), resolved by the viewer. */
  sopInstanceUid?: string;
  /** Frame (1-based) within a multi-frame instance. */
  frame?: number;
  /** A label id of the viewer's `<lay-annotation-layer>`, selected with the image. */
  labelId?: string;
}

/** Why a part of the report waits for the patient's choice, and under which key it is remembered. */
export interface Hold {
  /** The `finding-key` of the `<finding-disclosure>` that holds it. */
  key: string;
  /** A date (ISO 8601) before which it cannot be shown. */
  notBefore?: string;
}

/** A piece of a sentence: text, maybe the words of an IMR image link. */
export interface Run {
  text: string;
  ref?: ImageRef;
}

export interface Sentence {
  /** Stable within one model: used for term ids and focus. */
  id: string;
  runs: Run[];
  /** The sentence's words, as one string (runs joined). */
  text: string;
  /** Images the sentence names ("see image 3", an IMR link), without repeats. */
  refs: ImageRef[];
  hold?: Hold;
}

export interface Paragraph {
  kind: 'paragraph';
  id: string;
  sentences: Sentence[];
  hold?: Hold;
}

export interface List {
  kind: 'list';
  id: string;
  ordered: boolean;
  items: Paragraph[];
  hold?: Hold;
}

export type Block = Paragraph | List;

export interface Section {
  /** The heading as the report wrote it (kept, shown small), if the section has one. */
  heading?: string;
  /** The recognised kind, which gives the plain-words heading. */
  kind?: SectionKind;
  blocks: Block[];
  hold?: Hold;
}

export interface ReportModel {
  sections: Section[];
  /** Set when the input was longer than we show: only the first part is in `sections`. */
  truncated: boolean;
  /** Set when the whole report waits for the patient's choice (see `applyHolds`). */
  hold?: Hold;
}

/** A part of the report the portal marks as sensitive: the first sentence (or paragraph) holding `match`. */
export interface SensitiveMatch {
  /** Words of the sentence or paragraph, as in the report (case and spacing do not matter). */
  match: string;
  /** The finding's id, so the choice is remembered with it (the `finding-key` of its disclosure). */
  findingId?: string;
  /** A date (ISO 8601) before which it cannot be shown. */
  notBefore?: string;
}

/** Longest report text we read (characters); the rest is left out and the patient told. */
export const MAX_REPORT_CHARS = 500_000;
