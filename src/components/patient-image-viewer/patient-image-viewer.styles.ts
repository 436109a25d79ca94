import { css } from 'lit';
import { borderToken, focusRing, hostBase, visuallyHidden } from '../../styles/shared.js';

/**
 * Public tokens (`--pv-*`) default to the NHS.UK frontend's runtime properties (`--nhsuk-*`), then
 * to NHS values. Internals use private `--_*` tokens declared once on `:host`.
 */
export const styles = [
  hostBase,
  borderToken,
  visuallyHidden,
  css`
  :host {
    --_stage: var(--pv-stage-background, #000000);
    --_error: var(--pv-color-error, var(--nhsuk-error-colour, #d5281b));
    --_button-text: var(--pv-button-text-color, var(--pv-color-brand, var(--nhsuk-secondary-button-text-colour, #005eb8)));
    --_button-border: var(--pv-button-border-color, var(--pv-color-brand, var(--nhsuk-secondary-button-border-colour, #005eb8)));
    --_button-background: var(--pv-button-background, var(--nhsuk-secondary-button-solid-background-colour, #ffffff));
    /* A pale tint of the brand for hover, only when a page sets --pv-color-brand: with it unset, this
       var() has no value and no fallback, so --_brand-tint is invalid and --_button-hover falls back
       to the NHS pale blue. (15% NHS blue on white is that same #d9e7f4.) */
    --_brand-tint: color-mix(in srgb, var(--pv-color-brand) 15%, #ffffff);
    --_button-hover: var(--pv-button-hover-background, var(--_brand-tint, var(--nhsuk-secondary-button-hover-colour, #d9e7f4)));
    --_height: var(--pv-stage-height, min(70vh, 560px));
    --_font: var(--pv-font-family, inherit);

    box-sizing: border-box;
    min-width: 0;
    font-family: var(--_font);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .viewer {
    /* Overlays slotted into "annotations" place themselves over the frame from here. */
    position: relative;
  }

  .frame {
    position: relative;
    /* Never so tall that the way to the next image is below the screen with the picture in view. */
    height: min(var(--_height), max(200px, calc(100svh - 260px)));
    min-height: 200px;
    background: var(--_stage);
    border-radius: var(--_radius) var(--_radius) 0 0;
    overflow: hidden;
  }

  /* Which touches the browser keeps (scrolling the page) and which reach the picture is decided
     here, on the element the engine draws into. The engine writes an inline touch-action: none on
     it when it starts (and again whenever it restarts), which would trap the page's scrolling under
     the picture: these rules are !important so that they, not the engine, decide. */
  .stage {
    position: absolute;
    inset: 0;
    touch-action: none !important;
    cursor: grab;
    outline: none;
  }

  .stage.fitted {
    /* A fitted picture lets the page scroll up and down; sideways swipes change the image. Zoomed
       in, or with "Drag to change brightness" on, every touch goes to the picture. */
    touch-action: pan-y !important;
  }

  .stage:active {
    cursor: grabbing;
  }

  /* The focus ring is drawn on its own layer above the picture: the engine's canvas fills the
     stage and would paint over a ring drawn on the stage itself (WCAG 2.4.7). */
  .focus-ring {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }

  .stage:focus-visible + .focus-ring {
    /* The transparent outline shows in forced colours, where box shadows are dropped. */
    outline: 4px solid transparent;
    outline-offset: -4px;
    box-shadow: inset 0 0 0 4px var(--_focus), inset 0 0 0 8px var(--_focus-text);
  }

  .frame[data-status='error'] .stage,
  .frame[data-status='waiting'] .stage {
    visibility: hidden;
  }

  /* The poster frame (issue 15): the first picture, drawn before the engine, exactly where the
     live picture will be; it never takes a touch or a click. */
  .poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }

  /* Over a poster, the loading line and an engine failure sit at the bottom, the picture above. */
  .overlay.over-poster {
    inset: auto 0 0 0;
    gap: 8px;
    padding: 8px 16px;
  }

  .loading.over-poster {
    background: rgb(0 0 0 / 70%);
  }

  .controls-pending {
    margin: 0;
    padding: 12px 16px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 0;
  }

  .overlay {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 16px;
    padding: 16px;
    text-align: center;
    pointer-events: none;
  }

  .loading {
    color: #ffffff;
  }

  progress {
    width: min(80%, 320px);
    height: 12px;
    accent-color: var(--_brand);
  }

  .error {
    background: var(--_surface);
    color: var(--_text);
    pointer-events: auto;
    border: 4px solid var(--_error);
    border-radius: var(--_radius) var(--_radius) 0 0;
  }

  .error .h-main {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.4;
  }

  .error p {
    margin: 0;
    max-width: 36em;
  }

  .notice {
    margin: 0;
    padding: 8px 16px;
    border-left: 8px solid var(--_brand);
    background: var(--_surface);
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 8px;
    margin: 0;
    padding: 8px 16px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 0;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
    padding: 16px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-top: 0;
    border-radius: 0 0 var(--_radius) var(--_radius);
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    /* The legend is a flex item here: keep it first, above the slider. */
    order: -2;
    padding: 0;
    margin-bottom: 4px;
    font-weight: 600;
    float: left;
    width: 100%;
  }

  .navigate {
    flex: 1 1 100%;
    /* "Image N of M" and the slider, full width; Previous and Next side by side in one row below,
       however narrow the screen (each takes half). */
    display: grid;
    grid-template-columns: 1fr 1fr;
    column-gap: 8px;
    align-items: stretch;
  }

  .navigate legend {
    grid-column: 1 / -1;
  }

  .navigate label {
    order: -1;
    display: flex;
    grid-column: 1 / -1;
    flex-direction: column;
  }

  .navigate button {
    min-width: 0;
  }

  input[type='range'] {
    width: 100%;
    min-height: var(--_target);
    accent-color: var(--_brand);
    margin: 0;
  }

  button {
    min-width: var(--_target);
    min-height: var(--_target);
    padding: 8px 12px;
    font: inherit;
    font-weight: 600;
    color: var(--_button-text);
    background: var(--_button-background);
    border: 2px solid var(--_button-border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 0 var(--_button-border);
    margin-bottom: 4px;
    cursor: pointer;
  }

  button:hover {
    background: var(--_button-hover);
  }

  button:active {
    box-shadow: none;
    transform: translateY(4px);
  }

  button[aria-pressed='true'] {
    background: var(--_button-text);
    color: var(--_button-background);
  }

  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

`,
  focusRing,
  css`
  /* The toolbar's buttons have an edge of their own: dark with the ring, not the brand colour. */
  button:focus-visible {
    border-color: var(--_focus-text);
  }

  .error button {
    pointer-events: auto;
  }

  details {
    flex: 1 1 100%;
  }

  summary {
    cursor: pointer;
    color: var(--_brand);
    text-decoration: underline;
    min-height: var(--_target);
    display: flex;
    align-items: center;
  }


  @media (prefers-reduced-motion: reduce) {
    button:active {
      transform: none;
    }
  }

  /* A phone on its side: the picture takes the height there is (the controls follow below). */
  @media (orientation: landscape) and (max-height: 500px) {
    .frame {
      height: calc(100svh - 56px);
      min-height: 160px;
    }
  }

  /* Only touch to hand (a phone or tablet with no mouse, trackpad or keyboard cover): keyboard help
     would be of no use, so it is not offered. */
  @media (any-hover: none) and (any-pointer: coarse) {
    details.keys {
      display: none;
    }
  }

  /* Forced colours (Windows High Contrast and the like): the system's colours win. Keep the
     states that colour alone showed: the pressed button and disabled buttons. */
  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }

    button:disabled {
      opacity: 1;
      color: GrayText;
      border-color: GrayText;
    }

    /* The picture is not recoloured, so the ring keeps two tones (the system's text and
       background colours): one of them stands out against any part of the picture. */
    .stage:focus-visible + .focus-ring {
      forced-color-adjust: none;
      outline: 4px solid CanvasText;
      box-shadow: inset 0 0 0 4px CanvasText, inset 0 0 0 8px Canvas;
    }
  }
`,
];
