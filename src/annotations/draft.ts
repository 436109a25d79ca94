/**
 * The annotation document while a clinician writes it (`<lay-annotation-editor>`): labels that may
 * not be finished yet (no title), each with an optional note for the writer (clinical text from a
 * PACS draft, never exported), and an undo/redo history of whole states.
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

/** A label id not yet used in `labels`: `label-1`, `label-2`... */
export function nextLabelId(labels: readonly DraftLabel[]): string {
  const used = new Set(labels.map((label) => label.id));
  for (let n = labels.length + 1; ; n++) if (!used.has(`label-${n}`)) return `label-${n}`;
}

/** At most this many steps back. */
export const HISTORY_LIMIT = 200;

/**
 * Undo and redo over whole states (states are never changed in place). Consecutive changes with the
 * same `group` (typing in one field, nudging one label) are one step.
 */
export class DraftHistory {
  #past: DraftState[] = [];
  #future: DraftState[] = [];
  #current: DraftState;
  #group: string | undefined;

  constructor(initial: DraftState = EMPTY_DRAFT) {
    this.#current = initial;
  }

  get current(): DraftState {
    return this.#current;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Make `next` the current state; a change in the same `group` as the last one joins its step. */
  push(next: DraftState, group?: string): void {
    if (next === this.#current) return;
    if (!(group !== undefined && group === this.#group && this.#past.length > 0)) {
      this.#past.push(this.#current);
      if (this.#past.length > HISTORY_LIMIT) this.#past.shift();
    }
    this.#current = next;
    this.#future = [];
    this.#group = group;
  }

  /** Ends the current group: the next change is a step of its own. */
  seal(): void {
    this.#group = undefined;
  }

  undo(): boolean {
    const previous = this.#past.pop();
    if (!previous) return false;
    this.#future.push(this.#current);
    this.#current = previous;
    this.#group = undefined;
    return true;
  }

  redo(): boolean {
    const next = this.#future.pop();
    if (!next) return false;
    this.#past.push(this.#current);
    this.#current = next;
    this.#group = undefined;
    return true;
  }

  /** Start again from `state` (an imported document): nothing to undo. */
  reset(state: DraftState): void {
    this.#past = [];
    this.#future = [];
    this.#current = state;
    this.#group = undefined;
  }
}
