import type { AnnotationProblem } from '../annotations/validate.js';

/** What `pv-annotation-error` says: the problems found in the annotation document (paths and plain messages, never patient data). */
export interface PvAnnotationErrorDetail {
  /** Every problem, with the path of the field (like `labels[2].target.point.column`) and what was expected. */
  problems: readonly AnnotationProblem[];
}

/** Fired when an annotation document had problems. Bad labels are left out; the rest still show. */
export class PvAnnotationErrorEvent extends Event {
  static readonly eventName = 'pv-annotation-error' as const;
  readonly detail: PvAnnotationErrorDetail;
  constructor(detail: PvAnnotationErrorDetail);
  /** @deprecated Pass one `detail` object: `new PvAnnotationErrorEvent({ problems })`. */
  constructor(problems: readonly AnnotationProblem[]);
  constructor(detailOrProblems: PvAnnotationErrorDetail | readonly AnnotationProblem[]) {
    super(PvAnnotationErrorEvent.eventName, { bubbles: true, composed: true });
    const problems = isProblemList(detailOrProblems) ? detailOrProblems : detailOrProblems.problems;
    this.detail = Object.freeze({ problems: Object.freeze([...problems]) });
  }
}

function isProblemList(value: PvAnnotationErrorDetail | readonly AnnotationProblem[]): value is readonly AnnotationProblem[] {
  return Array.isArray(value);
}
