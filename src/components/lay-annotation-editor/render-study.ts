import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EditorRenderContext } from './render-context.js';
import { renderDrafts, type DraftsContext } from './render-drafts.js';
import { describedBy, renderCheck, type ReadingContext } from './render-reading.js';

export interface StudyContext extends EditorRenderContext {
  summary: string;
  reading: ReadingContext;
  /** What was wrong with the last document opened (plain words), or empty. */
  importProblem: string;
  drafts: DraftsContext;
  onSummary(summary: string): void;
  onOpenFile(event: Event): void;
}

/** The study's fields: the summary, opening a document, and drafts from the PACS. */
export function renderStudy(ctx: StudyContext) {
  const { w, summary, reading } = ctx;
  return html`<section class="study" aria-labelledby="study-heading">
    ${ctx.heading(w('summaryHeading'), { sub: true, id: 'study-heading' })}
    <label for="summary">${w('summary')}</label>
    <textarea id="summary" rows="4" maxlength="4000" aria-describedby=${describedBy(reading, summary, 'summary-check')} .value=${live(summary)} @input=${(e: Event) => ctx.onSummary((e.target as HTMLTextAreaElement).value)}></textarea>
    ${renderCheck(reading, summary, 'summary-check')}
    <label for="open">${w('open')}</label>
    <input id="open" type="file" accept="application/json,.json" @change=${(e: Event) => ctx.onOpenFile(e)} />
    ${ctx.importProblem ? html`<p class="problem" role="alert">${ctx.importProblem}</p>` : nothing} ${renderDrafts(ctx.drafts)}
  </section>`;
}
