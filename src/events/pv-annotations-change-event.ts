import type { AnnotationDocument } from '../annotations/document.js';
import type { AnnotationProblem } from '../annotations/validate.js';

/** What `pv-annotations-change` says: the document as it now stands, checked by the schema. */
export interface PvAnnotationsChangeDetail {
  /**
   * The annotation document (version 1), validated: what `<lay-annotation-layer>` would show. Labels
   * that are not finished (no title yet) are left out of it and listed in `problems`. Writers' notes
   * from PACS drafts are never in it.
   */
  document: AnnotationDocument;
  /**
   * What validation left out or found (paths and plain messages for developers); empty when all is
   * well. The editor adds labels not marked sensitive whose words the glossary marks sensitive (still
   * in the document), and labels placed by image number on other images than those shown now (left out).
   */
  problems: readonly AnnotationProblem[];
  /** Sentences above the reading-age limit (a plain count; the editor names them on screen). */
  hardSentences: number;
  /** What changed it: an edit, an import, undo or redo. */
  cause: 'edit' | 'import' | 'undo' | 'redo';
}

/** Fired by `<lay-annotation-editor>` after each change to the document (a drag fires once, at its end). */
export class PvAnnotationsChangeEvent extends Event {
  static readonly eventName = 'pv-annotations-change' as const;
  readonly detail: PvAnnotationsChangeDetail;
  constructor(detail: PvAnnotationsChangeDetail) {
    super(PvAnnotationsChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail, problems: Object.freeze([...detail.problems]) });
  }
}
