import { html, nothing, svg } from 'lit';
import type { PlacementGeometry } from '../../controllers/label-placement-controller.js';
import type { MessageKey } from '../../lay/messages.js';
import type { EdgeLabels } from '../../lay/orientation.js';
import type { LayerItem, LayerRenderContext } from './render-context.js';

/** Frame widths below this show numbered markers only, with the words in the list below. */
export const COMPACT_WIDTH = 480;

export interface OverlayContext extends LayerRenderContext {
  /** The labels on the image on screen. */
  here: readonly LayerItem[];
  geometry: PlacementGeometry;
  edges: EdgeLabels | undefined;
  /** Numbered markers only (a narrow or crowded picture): a tapped marker opens its card. */
  compact: boolean;
  /** The label whose marker card is open. */
  card: string | undefined;
  onMarker(item: LayerItem, compact: boolean): void;
  onMarkerFocus(item: LayerItem): void;
  onChoose(item: LayerItem): void;
  onCloseCard(): void;
  onShowInList(id: string): void;
}

/**
 * The layer over the picture: outlines, pointer and leader lines, orientation words, the scale,
 * markers, and tags or the marker card. Positions and sizes are written by the label-placement
 * controller through the CSSOM, never as style attributes (a strict CSP blocks those).
 */
export function renderOverlay(ctx: OverlayContext) {
  const { here, compact, selected, t } = ctx;
  const scale = ctx.geometry.scale;
  return html`<div class="overlay" part="overlay">
    <svg class="outlines" aria-hidden="true">
      ${(['casing', 'line'] as const).map((layer) =>
        here.map((item) => {
          // Each outline twice: a dark casing under a light dashed line, so one of them stands out
          // (3:1 or more) against any part of the picture (WCAG 1.4.11).
          const outline = item.label.target.outline;
          if (!outline) return nothing;
          return outline.type === 'ellipse'
            ? svg`<ellipse class=${layer} data-id=${item.label.id}></ellipse>`
            : outline.closed
              ? svg`<polygon class=${layer} data-id=${item.label.id}></polygon>`
              : svg`<polyline class=${layer} data-id=${item.label.id}></polyline>`;
        }),
      )}
    </svg>
    <svg class="outlines pointers" aria-hidden="true">
      ${(['casing', 'line'] as const).map((layer) => here.map((item) => svg`<line class=${layer} data-id=${item.label.id}></line>`))}
    </svg>
    ${compact
      ? nothing
      : html`<svg class="outlines leaders" aria-hidden="true">
          ${(['casing', 'line'] as const).map((layer) => here.map((item) => svg`<line class=${layer} data-id=${item.label.id}></line>`))}
        </svg>`}
    ${edgeWords(ctx)}
    ${scale
      ? html`<div class="scale" role="img" aria-label=${t('layer.scale', { length: scale.label })}>
          <div class="bar"></div>
          <span aria-hidden="true">${scale.label}</span>
        </div>`
      : nothing}
    ${here.map(
      (item) => html`<button
        class="marker ${item.label.kind} ${selected === item.label.id ? 'selected' : ''}"
        part="marker"
        type="button"
        data-id=${item.label.id}
        data-pv-gesture-through
        aria-label=${t('layer.marker', { number: item.number, title: item.label.title })}
        aria-pressed=${selected === item.label.id ? 'true' : 'false'}
        aria-expanded=${compact ? (ctx.card === item.label.id ? 'true' : 'false') : nothing}
        @click=${() => ctx.onMarker(item, compact)}
        @focus=${() => ctx.onMarkerFocus(item)}
      >
        ${item.number}
      </button>`,
    )}
    ${compact ? renderCard(ctx) : nothing}
    ${compact
      ? nothing
      : here.map(
          (item) => html`<span
            class="tag ${selected === item.label.id ? 'selected' : ''}"
            part="tag"
            data-id=${item.label.id}
            data-pv-gesture-through
            aria-hidden="true"
            lang=${ctx.docLang}
            @click=${() => ctx.onChoose(item)}
            >${item.label.title}</span
          >`,
        )}
  </div>`;
}

/** "Your right", "Head"...: the orientation words at the picture's edges ("roughly" when oblique). */
function edgeWords({ edges, t }: OverlayContext) {
  if (!edges) return nothing;
  const word = (direction: string | undefined) => {
    if (!direction) return undefined;
    const text = t(`orientation.${direction}` as MessageKey);
    return edges.oblique ? t('orientation.roughly', { direction: text }) : text;
  };
  return (['top', 'bottom', 'left', 'right'] as const).map((side) => {
    const text = word(edges[side]);
    return text ? html`<span class="edge ${side}">${text}</span>` : nothing;
  });
}

/** A tapped marker's words, beside it: title, description, "Show in the list" and Close. */
function renderCard(ctx: OverlayContext) {
  const item = ctx.here.find((entry) => entry.label.id === ctx.card);
  if (!item) return nothing;
  const { label } = item;
  return html`<div
    class="marker-card"
    part="marker-card"
    role="dialog"
    aria-labelledby="marker-card-title"
    tabindex="-1"
    @keydown=${(event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      ctx.onCloseCard();
    }}
  >
    <p class="card-title" id="marker-card-title"><span class="number" aria-hidden="true">${item.number}</span> ${label.title}</p>
    ${label.description ? html`<p>${label.description}</p>` : nothing}
    <div class="card-actions">
      <button class="goto" type="button" @click=${() => ctx.onShowInList(label.id)}>${ctx.t('layer.showInList')}</button>
      <button class="goto" type="button" @click=${() => ctx.onCloseCard()}>${ctx.t('layer.close')}</button>
    </div>
  </div>`;
}
