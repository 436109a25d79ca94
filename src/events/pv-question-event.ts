/** What `pv-question` says: the patient's question and what it is about, for the portal to route to the care team. */
export interface PvQuestionDetail {
  /** The question, in the patient's words (or a suggested question they chose). */
  question: string;
  /** What it is about: the annotation layer's summary, a label (anatomy or finding), or words of the report (`<lay-report>`). */
  about: 'summary' | 'label' | 'report';
  /** The label's id from the annotation document, when it is about a label. */
  labelId?: string;
  /** The image the label is on (0-based), when known. */
  imageIndex?: number;
  /** With `about: 'report'`: the report's sentence the question is about, in the report's words. */
  context?: string;
  /** When it was asked (ISO 8601). */
  at: string;
}

/** Fired when the patient sends a question, for the portal to route to their care team. */
export class PvQuestionEvent extends Event {
  static readonly eventName = 'pv-question' as const;
  readonly detail: PvQuestionDetail;
  constructor(detail: PvQuestionDetail) {
    super(PvQuestionEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}
