import { css } from 'lit';
import { borderToken, focusRing, hostBase, visuallyHidden } from '../../styles/shared.js';
import { markerDisc } from '../../styles/marker.js';

export const styles = [
  hostBase,
  borderToken,
  visuallyHidden,
  markerDisc,
  css`
    :host {
      --_error: var(--pv-color-error, var(--nhsuk-error-colour, #d5281b));
      --_secondary: var(--pv-color-secondary-text, var(--nhsuk-secondary-text-colour, #4c6272));
    }

    /* Over the picture box (placed by the editor): every click, tap and drag on the image is the editor's. */
    .overlay {
      position: absolute;
      overflow: hidden;
      cursor: crosshair;
      touch-action: none;
    }

    .marker {
      min-width: 0;
      min-height: 0;
      cursor: grab;
      touch-action: none;
    }

    /* A bigger, invisible hit area: 44 x 44 px. */
    .marker::after {
      content: '';
      position: absolute;
      inset: -10px;
    }

    .marker.finding {
      border-radius: 4px;
      background: #ffffff;
    }

    .marker.draft {
      border-style: dashed;
    }

    /* The chosen marker keeps its colours (not the pressed-button look): a ring shows it is chosen. */
    .marker[aria-pressed='true'] {
      background: var(--_marker);
      color: var(--_marker-text);
      outline: 3px solid var(--_marker-text);
      outline-offset: 2px;
    }

    .marker.finding[aria-pressed='true'] {
      background: #ffffff;
    }

    .marker:focus-visible {
      outline: 4px solid var(--_marker-text);
      outline-offset: 2px;
      box-shadow: 0 0 0 10px var(--_marker);
    }

    .panel {
      margin-top: 16px;
      padding: 16px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }

    button {
      min-height: var(--_target);
      min-width: var(--_target);
      padding: 8px 12px;
      border: 2px solid var(--_brand);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_brand);
      font: inherit;
      cursor: pointer;
    }

    button[aria-pressed='true'] {
      background: var(--_brand);
      color: #ffffff;
    }

    button:disabled {
      border-color: var(--_border);
      color: var(--_secondary);
      cursor: default;
    }

    label,
    legend {
      display: block;
      margin-top: 12px;
      font-weight: 600;
    }

    input[type='text'],
    input[type='search'],
    input[type='url'],
    input[type='date'],
    select,
    textarea {
      display: block;
      box-sizing: border-box;
      width: 100%;
      min-height: var(--_target);
      padding: 4px 8px;
      border: 2px solid var(--_text);
      border-radius: 0;
      font: inherit;
      color: var(--_text);
      background: #ffffff;
    }

    .check {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 12px;
    }

    .check label {
      margin: 0;
    }

    .check input {
      width: 24px;
      height: 24px;
    }

    fieldset {
      margin: 16px 0 0;
      padding: 8px 16px 16px;
      border: 1px solid var(--_border);
    }

    .labels,
    .results,
    .links ul {
      padding-left: 0;
      list-style: none;
    }

    .labels li,
    .results li,
    .links li {
      margin: 4px 0;
    }

    .definition,
    .hint {
      color: var(--_secondary);
    }

    .definition {
      display: block;
      font-size: 0.875rem;
    }

    .note {
      padding: 8px;
      border-left: 4px solid var(--_secondary);
      background: #f0f4f5;
    }

    .tag-draft {
      margin-left: 8px;
      color: var(--_secondary);
    }

    .reading .warning,
    .sensitive-warning {
      margin: 8px 0 0;
      padding: 8px;
      border-left: 4px solid var(--_error);
      background: #fff9c4;
    }

    .hard-count {
      font-weight: 600;
    }

    /* A phone-sized frame: the width of a small phone, the patient's own elements inside. */
    .phone {
      --pv-stage-height: 360px;
      width: 360px;
      max-width: 100%;
      margin-top: 12px;
      padding: 12px 8px;
      border: 8px solid #212b32;
      border-radius: 24px;
      background: #ffffff;
      max-height: 720px;
      overflow-y: auto;
    }

    .problem {
      color: var(--_error);
      font-weight: 600;
    }

    .remove {
      margin-top: 16px;
      border-color: var(--_error);
      color: var(--_error);
    }
  `,
  focusRing,
];
