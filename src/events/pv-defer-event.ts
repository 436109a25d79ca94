import type { PvChoiceDetail } from './pv-reveal-event.js';

/** Fired when the patient chooses not to see them yet ("Not now"). */
export class PvDeferEvent extends Event {
  static readonly eventName = 'pv-defer' as const;
  readonly detail: PvChoiceDetail;
  constructor(detail: PvChoiceDetail) {
    super(PvDeferEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail, ...(detail.findings ? { findings: Object.freeze([...detail.findings]) } : {}) });
  }
}
