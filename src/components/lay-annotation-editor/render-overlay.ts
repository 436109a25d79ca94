import { html } from 'lit';
import type { DraftLabel } from '../../annotations/draft.js';
import { titleOf, type EditorRenderContext } from './render-context.js';

export interface OverlayContext extends EditorRenderContext {
  /** Every label, for their numbers. */
  labels: readonly DraftLabel[];
  /** The labels on the image on screen. */
  here: readonly DraftLabel[];
  onPointerDown(event: PointerEvent): void;
  onPointerMove(event: PointerEvent): void;
  /** `pointerup` and `pointercancel`. */
  onPointerUp(event: PointerEvent): void;
  onMarkerKey(event: KeyboardEvent, label: DraftLabel): void;
}

/**
 * The layer over the picture that takes clicks, taps and drags, with a numbered marker for each
 * label on the image on screen. The placement controller puts it over the picture box and each
 * marker on its point (CSSOM writes, never style attributes).
 */
export function renderOverlay(ctx: OverlayContext) {
  const { w, labels } = ctx;
  return html`<div class="overlay" part="overlay" @pointerdown=${ctx.onPointerDown} @pointermove=${ctx.onPointerMove} @pointerup=${ctx.onPointerUp} @pointercancel=${ctx.onPointerUp}>
    ${ctx.here.map((label) => {
      const number = labels.indexOf(label) + 1;
      return html`<button
        type="button"
        class="marker ${label.kind} ${label.title.trim() ? '' : 'draft'}"
        part="marker"
        data-id=${label.id}
        aria-pressed=${ctx.selected === label.id ? 'true' : 'false'}
        aria-label=${w('marker', { number, title: titleOf(w, label) })}
        @keydown=${(e: KeyboardEvent) => ctx.onMarkerKey(e, label)}
      >
        ${number}
      </button>`;
    })}
  </div>`;
}
