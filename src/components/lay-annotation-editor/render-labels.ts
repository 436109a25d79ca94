import { html, nothing } from 'lit';
import type { DraftLabel } from '../../annotations/draft.js';
import { titleOf, type EditorRenderContext } from './render-context.js';

export interface LabelsContext extends EditorRenderContext {
  labels: readonly DraftLabel[];
  /** The image (0-based) a label is on, when the viewer has loaded and has it. */
  imageIndex(label: DraftLabel): number | undefined;
  /** The label was placed by image number on other images than those shown now. */
  away(label: DraftLabel): boolean;
  onChoose(label: DraftLabel): void;
}

/** The list of labels: one button each to edit it (with its image), drafts marked. */
export function renderLabels(ctx: LabelsContext) {
  const { w, labels } = ctx;
  return html`${ctx.heading(w('labelsHeading'), { sub: true })}
  ${labels.length === 0
    ? html`<p>${w('noLabels')}</p>`
    : html`<ol class="labels">
        ${labels.map((label, i) => {
          const index = ctx.imageIndex(label);
          return html`<li>
            <button type="button" aria-pressed=${ctx.selected === label.id ? 'true' : 'false'} data-id=${label.id} @click=${() => ctx.onChoose(label)}>
              ${w('select', { number: i + 1, title: titleOf(w, label) })}${index !== undefined ? html` (${w('onImage', { index: index + 1 })})` : ctx.away(label) ? html` (${w('notHere')})` : nothing}
            </button>
            ${label.title.trim() ? nothing : html`<span class="tag-draft">${w('draft')}</span>`}
          </li>`;
        })}
      </ol>`}`;
}

export interface StatusContext extends EditorRenderContext {
  /** Labels with no title yet (not exported). */
  notReady: number;
  /** Labels in the exported document. */
  ready: number;
  /** Sentences above the reading-age limit. */
  hard: number;
  /** Labels the patient sees at once whose words the glossary marks sensitive. */
  sensitiveWords: number;
  /** Labels placed by number on other images than those shown now. */
  away: number;
}

/** How many labels are ready or not, how many sentences are hard to read, and how many labels shown at once carry sensitive words. */
export function renderStatus(ctx: StatusContext) {
  const { w, notReady, hard, sensitiveWords } = ctx;
  return html`<p class="status-line">
      ${notReady > 0 ? w('notReady', { count: notReady }) : w('ready', { count: ctx.ready })}
    </p>
    ${hard > 0 ? html`<p class="status-line hard-count">${w('hardCount', { count: hard })}</p>` : nothing}
    ${ctx.away > 0 ? html`<p class="status-line away-count">${w('awayCount', { count: ctx.away })}</p>` : nothing}
    ${sensitiveWords > 0 ? html`<p class="status-line sensitive-count">${w('sensitiveCount', { count: sensitiveWords })}</p>` : nothing}`;
}
