import { css } from 'lit';

/**
 * What every element shares on :host: the NHS tokens they all use (each chained through a
 * public `--pv-*` property to the NHS.UK frontend's `--nhsuk-*`, then to the NHS value), block
 * display, text colour and size, `hidden` that hides, and no motion under
 * `prefers-reduced-motion: reduce`.
 */
export const hostBase = css`
  :host {
    --_text: var(--pv-color-text, var(--nhsuk-text-colour, #212b32));
    --_brand: var(--pv-color-brand, var(--nhsuk-brand-colour, #005eb8));
    --_surface: var(--pv-color-surface, var(--nhsuk-card-background-colour, #ffffff));
    --_focus: var(--pv-color-focus, var(--nhsuk-focus-colour, #ffeb3b));
    --_focus-text: var(--pv-color-focus-text, var(--nhsuk-focus-text-colour, #212b32));
    --_target: var(--pv-target-size, 44px);
    --_radius: var(--pv-radius, 4px);

    display: block;
    color: var(--_text);
    font-size: 1rem;
    line-height: 1.5;
  }

  :host([hidden]) {
    display: none;
  }

  /* No movement for people who ask for less: nothing inside slides, fades or scrolls smoothly. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0s !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0s !important;
      scroll-behavior: auto !important;
    }
  }
`;

/**
 * The border colour, `--_border`, for the elements that draw edges (every element but
 * `<finding-disclosure>`, whose panels have none): chained through `--pv-color-border` to the NHS.UK
 * frontend's `--nhsuk-border-colour`, then to the NHS grey.
 */
export const borderToken = css`
  :host {
    --_border: var(--pv-color-border, var(--nhsuk-border-colour, #d8dde0));
  }
`;

/**
 * The one focus ring, the NHS.UK frontend's (`core/tools/_focused.scss`): buttons, links and a
 * details summary get `nhsuk-focused-text` (NHS yellow behind, with a 4px dark underline and 2px of
 * yellow above); text boxes and inputs get `nhsuk-focused-input` (a 4px yellow outline and the dark
 * edge doubled inside). The transparent outline is what shows in forced colours, where backgrounds
 * and shadows are dropped. Each element puts this sheet where its own focus rules were, after the
 * rules that style its buttons (which it must win over) and before its forced-colours rules (which
 * must win over it). Rings for other shapes (the picture, the markers) stay with their element.
 */
export const focusRing = css`
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible {
    outline: 4px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }

  textarea:focus-visible,
  input:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
`;

/** Text for screen readers only (the NHS.UK frontend's visually-hidden pattern). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    border: 0;
    white-space: nowrap;
  }
`;

/**
 * The question composer that the layer and the report share ("Ask a question about this"): its
 * box, suggested questions, buttons and text box. Reads `--_border`, `--_radius`, `--_target`,
 * `--_brand` and `--_text` from the element.
 */
export const questionComposer = css`
  .composer {
    display: grid;
    gap: 8px;
    padding: 12px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  .composer fieldset {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .composer legend {
    font-weight: 600;
    margin-bottom: 4px;
  }

  .choice {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    min-height: var(--_target);
  }

  .choice input {
    width: 24px;
    height: 24px;
    margin: 0;
    flex: none;
    accent-color: var(--_brand);
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  textarea {
    font: inherit;
    padding: 8px;
    border: 2px solid var(--_text);
    border-radius: 0;
    width: 100%;
  }
`;
