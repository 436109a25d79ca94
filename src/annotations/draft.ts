/**
 * The annotation document while a clinician writes it (`<lay-annotation-editor>`): labels that may
 * not be finished yet (no title), each with an optional note for the writer (clinical text from a
 * PACS draft, never exported). Its undo/redo history is `draft-history.ts`.
 *
 * A draft becomes an annotation document only through `draftToDocument()` and then
 * `validateAnnotationDocument()`: what leaves the editor is always checked by the schema.
 */
import type { AnnotationCareCard, AnnotationDocument, AnnotationDocumentInput, AnnotationGlossaryEntry, AnnotationImageRef, AnnotationLabelKind, AnnotationLink, AnnotationOutline, AnnotationSensitivity } from './document.js';

/** A label as it is being written: the document's fields, plus a note for the writer only. */
export interface DraftLabel {
  id: string;
  kind: AnnotationLabelKind;
  title: string;
  description: string;
  sensitivity: AnnotationSensitivity;
  /** `YYYY-MM-DD` or a date and time; empty when none. */
  notBefore: string;
  findingId?: string | undefined;
  terms: readonly string[];
  links: readonly AnnotationLink[];
  image: AnnotationImageRef;
  point: { column: number; row: number };
  outline?: AnnotationOutline | undefined;
  /**
   * For the writer only: the clinical words a PACS draft came with ("RUL nodule 8 mm"). Never put in
   * the document, never shown to the patient; the label is a draft until its title is written.
   */
  note?: string | undefined;
  /** For a PACS draft: the finding site's words (the editor offers the glossary word that matches). */
  site?: string | undefined;
  /**
   * For a label placed by image number (`image.index`): the viewer's key for the image it was placed
   * on (`imageKey`), so the editor can tell when the viewer shows other images. Never exported.
   */
  placedOn?: string | undefined;
}

/** The whole study as it is being written. */
export interface DraftState {
  summary: string;
  labels: readonly DraftLabel[];
  language?: string | undefined;
  careCard?: AnnotationCareCard | undefined;
  glossary?: readonly AnnotationGlossaryEntry[] | undefined;
}

export const EMPTY_DRAFT: DraftState = Object.freeze({ summary: '', labels: Object.freeze([]) as readonly DraftLabel[] });

/** A validated document as a draft (every field the editor does not know is kept as it was). */
export function documentToDraft(document: AnnotationDocument): DraftState {
  return {
    summary: document.summary ?? '',
    language: document.language,
    careCard: document.careCard,
    glossary: document.glossary,
    labels: document.labels.map((label) => ({
      id: label.id,
      kind: label.kind,
      title: label.title,
      description: label.description ?? '',
      sensitivity: label.sensitivity,
      notBefore: label.notBefore ?? '',
      findingId: label.findingId,
      terms: label.terms ?? [],
      links: label.links ?? [],
      image: label.target.image,
      point: { ...label.target.point },
      outline: label.target.outline,
    })),
  };
}

/**
 * The document a draft makes, before validation. Writers' notes never go in. A label with no title
 * yet is left in (validation reports it and leaves it out), so the writer is told what is missing.
 */
export function draftToDocument(draft: DraftState): AnnotationDocumentInput {
  const summary = draft.summary.trim();
  return {
    version: 1,
    ...(draft.language ? { language: draft.language } : {}),
    ...(summary ? { summary } : {}),
    labels: draft.labels.map((label) => {
      const description = label.description.trim();
      return {
        id: label.id,
        kind: label.kind,
        sensitivity: label.sensitivity,
        ...(label.findingId ? { findingId: label.findingId } : {}),
        title: label.title.trim(),
        ...(description ? { description } : {}),
        ...(label.terms.length > 0 ? { terms: [...label.terms] } : {}),
        ...(label.links.length > 0 ? { links: label.links.map((link) => ({ ...link })) } : {}),
        ...(label.sensitivity === 'sensitive' && label.notBefore ? { notBefore: label.notBefore } : {}),
        target: {
          image: { ...label.image },
          point: { column: round(label.point.column), row: round(label.point.row) },
          ...(label.outline ? { outline: label.outline } : {}),
        },
      };
    }),
    ...(draft.careCard ? { careCard: { ...draft.careCard } } : {}),
    ...(draft.glossary && draft.glossary.length > 0 ? { glossary: draft.glossary.map((entry) => ({ ...entry })) } : {}),
  };
}

/** Image points to a hundredth of a pixel: enough for any screen, short in the JSON. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A new label with no words yet (a draft until its title is written): a routine body part unless `more` says otherwise. */
export function blankLabel(id: string, image: AnnotationImageRef, point: { column: number; row: number }, more: Partial<DraftLabel> = {}): DraftLabel {
  return { id, kind: 'anatomy', title: '', description: '', sensitivity: 'routine', notBefore: '', terms: [], links: [], image, point, ...more };
}

/** A label id not yet used in `labels`: `label-1`, `label-2`... */
export function nextLabelId(labels: readonly DraftLabel[]): string {
  const used = new Set(labels.map((label) => label.id));
  for (let n = labels.length + 1; ; n++) if (!used.has(`label-${n}`)) return `label-${n}`;
}
