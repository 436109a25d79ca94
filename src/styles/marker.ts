import { css } from 'lit';

/**
 * A label's numbered marker on the picture, the same in the patient's layer and the clinicians'
 * editor (what the writer places is what the patient sees): a 28 px yellow disc with a dark border
 * and number, centred on its point. Declares the `--pv-marker-*` tokens it reads.
 */
export const markerDisc = css`
  :host {
    --_marker: var(--pv-marker-color, #ffeb3b);
    --_marker-text: var(--pv-marker-text-color, #212b32);
  }

  .marker {
    position: absolute;
    left: 0;
    top: 0;
    width: 28px;
    height: 28px;
    margin: -14px 0 0 -14px;
    border-radius: 50%;
    border: 2px solid var(--_marker-text);
    background: var(--_marker);
    color: var(--_marker-text);
    font: inherit;
    font-weight: 700;
    font-size: 0.875rem;
    line-height: 1;
    padding: 0;
  }
`;
