import { css } from 'lit';
import { focusRing, hostBase, visuallyHidden } from '../../styles/shared.js';

export const styles = [
  hostBase,
  visuallyHidden,
  css`
  :host {
    --_panel: var(--pv-interruption-background, var(--pv-color-brand, var(--nhsuk-brand-colour, #005eb8)));
    --_panel-text: var(--pv-interruption-text, var(--nhsuk-reverse-text-colour, #ffffff));
    --_button: var(--pv-reverse-button-background, var(--nhsuk-reverse-button-colour, #ffffff));
    --_button-text: var(--pv-reverse-button-text, var(--nhsuk-reverse-button-text-colour, #212b32));
    --_button-shadow: var(--pv-reverse-button-shadow, var(--nhsuk-reverse-button-shadow-colour, #b3b3b3));
  }

  .panel {
    display: grid;
    gap: 16px;
    padding: 24px;
    border-radius: var(--_radius);
  }

  .interruption {
    background: var(--_panel);
    color: var(--_panel-text);
  }

  .h-main {
    margin: 0;
    font-size: 1.5rem;
    line-height: 1.3;
  }

  p {
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 16px;
  }

  button {
    min-height: var(--_target);
    padding: 8px 16px;
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    cursor: pointer;
    margin-bottom: 4px;
  }

  .interruption button {
    background: var(--_button);
    color: var(--_button-text);
    border: 2px solid transparent;
    box-shadow: 0 4px 0 var(--_button-shadow);
  }

  .finding,
  .deferred {
    background: var(--_surface);
    color: var(--_text);
    border-left: 8px solid var(--_brand);
  }

  .finding .h-main {
    font-size: 1.1875rem;
  }

  .finding button,
  .deferred button,
  .shown button {
    background: var(--_surface);
    color: var(--_brand);
    border: 2px solid var(--_brand);
    box-shadow: 0 4px 0 var(--_brand);
  }

  a {
    color: inherit;
    font-weight: 600;
    min-height: var(--_target);
    display: inline-flex;
    align-items: center;
  }

  .shown {
    display: grid;
    gap: 8px;
  }

  .shown-bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
  }

  .shown .h-main:focus {
    outline: none;
  }

  .shown .h-main:focus-visible {
    /* The transparent outline shows in forced colours, where the background is replaced. */
    outline: 4px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
  }

`,
  focusRing,
  css`
  /* Forced colours: the step's coloured panel has no edge of its own, so give it one. */
  @media (forced-colors: active) {
    .panel {
      border: 2px solid CanvasText;
    }
  }

`,
];
