import { css } from 'lit';
import { borderToken, focusRing, hostBase, questionComposer, visuallyHidden } from '../../styles/shared.js';

export const styles = [
  hostBase,
  borderToken,
  visuallyHidden,
  questionComposer,
  css`
    :host {
      --_secondary: var(--pv-color-secondary-text, var(--nhsuk-secondary-text-colour, #4c6272));
      --_error: var(--pv-color-error, var(--nhsuk-error-colour, #d5281b));
      --_statement-border: var(--pv-report-statement-border, var(--nhsuk-border-colour, #d8dde0));
      /* The popover is placed against this box. */
      position: relative;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    .report {
      display: grid;
      gap: 16px;
      overflow-wrap: anywhere;
    }

    .h-main,
    .h-sub {
      margin: 0;
      line-height: 1.3;
    }

    .h-main {
      font-size: 1.5rem;
    }

    .h-sub {
      font-size: 1.25rem;
      margin-top: 8px;
    }

    p {
      margin: 0 0 8px;
    }

    .header {
      display: grid;
      gap: 8px;
    }

    /* NHS inset text. */
    .statement {
      padding: 8px 16px;
      border-left: 8px solid var(--_statement-border);
    }

    .explained,
    .original {
      color: var(--_secondary);
      font-size: 0.875rem;
    }

    .original {
      margin: 0 0 8px;
    }

    .section {
      display: grid;
      gap: 4px;
    }

    .block {
      display: grid;
      gap: 4px;
      justify-items: start;
    }

    .block > p,
    .block > ul,
    .block > ol {
      justify-self: stretch;
    }

    ul,
    ol {
      margin: 0 0 8px;
      padding-left: 24px;
    }

    finding-disclosure {
      justify-self: stretch;
      margin: 4px 0 8px;
    }

    button {
      font: inherit;
      cursor: pointer;
    }

    button.term {
      display: inline;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      text-align: inherit;
      text-decoration: underline dotted 2px;
      text-underline-offset: 3px;
    }

    button.term[aria-expanded='true'] {
      text-decoration-style: solid;
    }

    .popover {
      position: absolute;
      left: 0;
      top: 0;
      z-index: 10;
      display: grid;
      gap: 8px;
      justify-items: start;
      width: max-content;
      max-width: min(22rem, calc(100vw - 16px));
      overflow: auto;
      padding: 12px 16px;
      border: 2px solid var(--_text);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font-weight: 400;
      box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
      white-space: normal;
      text-align: left;
    }

    /* Narrow screens (phones, or 400% zoom): the meaning opens in the text, under its word. */
    @media (max-width: 30em) {
      .popover {
        position: static;
        display: block;
        width: auto;
        max-width: none !important;
        max-height: none !important;
        margin: 4px 0;
      }

      .popover > * {
        display: block;
        margin-top: 8px;
      }
    }

    .popover-title {
      font-weight: 600;
    }

    button.image-link,
    button.ask {
      min-height: var(--_target);
      padding: 0 4px;
      border: 0;
      background: none;
      color: var(--_brand);
      text-decoration: underline;
    }

    button.image-link {
      display: inline;
      min-height: 24px;
      font-weight: 600;
    }

    button.close,
    button.action {
      min-height: var(--_target);
      padding: 8px 12px;
      border: 2px solid var(--_brand);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_brand);
      font-weight: 600;
    }

    a {
      color: var(--_brand);
    }

    .composer {
      justify-self: stretch;
    }


    .ask-error {
      color: var(--_error);
      font-weight: 600;
    }

    .error {
      padding: 16px;
      border-left: 8px solid var(--_error);
    }

    .truncated {
      font-weight: 600;
    }

  `,
  focusRing,
  css`
    @media (forced-colors: active) {
      button.term {
        text-decoration-color: CanvasText;
      }

      .popover {
        border-color: CanvasText;
      }
    }
  `,
];
