import { css } from 'lit';
import { borderToken, focusRing, hostBase, questionComposer, visuallyHidden } from '../../styles/shared.js';
import { markerDisc } from '../../styles/marker.js';

export const styles = [
  hostBase,
  borderToken,
  visuallyHidden,
  questionComposer,
  markerDisc,
  css`
  :host {
    --_secondary: var(--pv-color-secondary-text, var(--nhsuk-secondary-text-colour, #4c6272));
    --_finding: var(--pv-finding-color, #ffffff);
    /* The body drawing's own inputs (BODY_MAP_COLOURS in src/lay/body-map.ts), from the public tokens. */
    --_body-outline: var(--pv-body-map-outline, #4c6272);
    --_body-fill: var(--pv-body-map-fill, #ffffff);
    --_body-highlight: var(--pv-body-map-highlight, var(--pv-color-brand, var(--nhsuk-brand-colour, #005eb8)));
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* Over the viewer's picture box: placed from the viewer's frameBox(). */
  .overlay {
    position: absolute;
    overflow: hidden;
    pointer-events: none;
  }

  .outlines {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }

  .outlines * {
    fill: none;
    stroke: var(--_marker);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }

  .leaders line,
  .pointers line {
    stroke: var(--_marker);
    stroke-width: 2;
    stroke-dasharray: none;
  }

  /* Every outline and line is drawn twice: a dark casing under the light line, so that one of the
     two has 3:1 contrast or more against any part of the picture (WCAG 1.4.11). */
  .outlines .casing,
  .leaders line.casing,
  .pointers line.casing {
    stroke: var(--_marker-text);
    stroke-width: 5;
    stroke-dasharray: none;
  }

  .marker {
    pointer-events: auto;
    cursor: pointer;
    /* Above the tags: a tag never hides a marker. */
    z-index: 1;
  }

  /* Drags and pinches that start on a marker or tag move the picture, not the page: the same
     touch-action as the picture (pan-y while fitted, none when zoomed). */
  .marker,
  .tag {
    touch-action: none;
  }

  .overlay[data-touch='pan-y'] .marker,
  .overlay[data-touch='pan-y'] .tag {
    touch-action: pan-y;
  }

  /* A bigger, invisible hit area: 44 x 44 px. */
  .marker::after {
    content: '';
    position: absolute;
    inset: -10px;
  }

  .marker.finding {
    border-radius: 4px;
    background: var(--_finding);
  }

  .marker.selected {
    outline: 3px solid var(--_marker-text);
    outline-offset: 2px;
  }

  /* On a narrow picture: a tapped marker's words, beside it, inside the picture box. */
  .marker-card {
    position: absolute;
    left: 0;
    top: 0;
    z-index: 2;
    width: min(280px, calc(100% - 8px));
    max-height: calc(100% - 8px);
    overflow-y: auto;
    padding: 8px 12px;
    border: 2px solid var(--_marker-text);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 0 0 2px var(--_marker);
    pointer-events: auto;
  }

  .marker-card p {
    margin: 0 0 8px;
  }

  .marker-card .card-title {
    display: flex;
    align-items: center;
    gap: 8px;
    font-weight: 700;
  }

  .marker-card .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }

  .marker-card:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
  }

  .tag {
    position: absolute;
    left: 0;
    top: 0;
    max-width: 45%;
    padding: 2px 8px;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    border: 2px solid var(--_marker-text);
    font-size: 0.875rem;
    line-height: 1.3;
    pointer-events: auto;
    cursor: pointer;
  }

  .tag.selected {
    border-color: var(--_brand);
    box-shadow: 0 0 0 3px var(--_marker);
  }

  .edge {
    position: absolute;
    padding: 2px 6px;
    border-radius: var(--_radius);
    background: rgb(0 0 0 / 70%);
    color: #ffffff;
    font-size: 0.875rem;
    font-weight: 600;
  }

  .edge.top {
    top: 4px;
    left: 50%;
    transform: translateX(-50%);
  }

  .edge.bottom {
    bottom: 4px;
    left: 50%;
    transform: translateX(-50%);
  }

  .edge.left {
    left: 4px;
    top: 50%;
    transform: translateY(-50%);
  }

  .edge.right {
    right: 4px;
    top: 50%;
    transform: translateY(-50%);
  }

  .scale {
    position: absolute;
    left: 8px;
    bottom: 36px;
    color: #ffffff;
    font-size: 0.875rem;
    font-weight: 600;
    text-shadow: 0 0 2px #000000;
  }

  .scale .bar {
    height: 6px;
    border: 2px solid #ffffff;
    border-top: 0;
    box-shadow: 0 1px 0 #000000;
  }

  .panel {
    display: grid;
    gap: 16px;
    padding: 16px;
    border: 1px solid var(--_border);
    border-top: 0;
    background: var(--_surface);
  }

  .h-main,
  .h-sub {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.4;
  }

  .h-sub {
    font-size: 1.125rem;
  }

  p {
    margin: 0;
  }

  .summary {
    padding: 8px 16px;
    border-left: 8px solid var(--_brand);
  }

  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 8px;
  }

  .item {
    display: grid;
    gap: 4px;
    padding: 8px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  .item.selected {
    border-color: var(--_brand);
  }

  .item-head {
    display: flex;
    gap: 8px;
    align-items: center;
  }

  .number {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    border: 2px solid var(--_marker-text);
    background: var(--_marker);
    color: var(--_marker-text);
    font-weight: 700;
    font-size: 0.875rem;
  }

  .item.finding .number {
    border-radius: 4px;
    background: var(--_finding);
  }

  .kind {
    color: var(--_secondary);
    font-size: 0.875rem;
  }

  button.choose,
  button.term,
  button.goto,
  button.close {
    font: inherit;
    cursor: pointer;
  }

  button.choose {
    flex: 1;
    min-height: var(--_target);
    text-align: left;
    padding: 4px 8px;
    background: none;
    border: 0;
    color: var(--_brand);
    font-weight: 600;
    text-decoration: underline;
  }

  button.term {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: underline dotted 2px;
    text-underline-offset: 3px;
  }

  button.goto,
  button.close {
    min-height: var(--_target);
    padding: 8px 12px;
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_brand);
    font-weight: 600;
    justify-self: start;
  }

  a {
    color: var(--_brand);
  }

  a:visited {
    color: var(--pv-color-link-visited, var(--nhsuk-link-visited-colour, #330072));
  }

  .links {
    margin: 0;
    padding-left: 20px;
  }

  .untrusted {
    color: var(--_secondary);
  }

  .body-map {
    display: flex;
    gap: 16px;
    align-items: center;
  }

  .body-map svg {
    width: 60px;
    height: auto;
    flex: none;
  }

  .popover {
    position: fixed;
    left: 0;
    top: 0;
    z-index: 10;
    width: max-content;
    max-width: min(320px, 90vw);
    padding: 12px 16px;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
    display: grid;
    gap: 8px;
    /* Never taller than the room on screen (the controller sets max-height): scroll inside. */
    overflow-y: auto;
    overscroll-behavior: contain;
    font-weight: normal;
    text-align: left;
  }

  .popover .definition {
    display: block;
  }

  /* Close stays in view while the explanation scrolls. */
  .popover .close {
    position: sticky;
    bottom: 0;
  }

  .sensitive {
    display: grid;
    gap: 8px;
    padding: 16px;
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
  }

  .findings {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 8px;
  }

  .findings > li {
    display: grid;
    gap: 4px;
    padding-left: 12px;
    border-left: 4px solid var(--_border);
  }

  .findings .h-sub {
    margin: 0;
    font-size: 1rem;
  }

  button.ask {
    justify-self: start;
    min-height: var(--_target);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_brand);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  /* A sent or saved question: NHS success-style panel with a green edge. */
  .confirmation {
    display: grid;
    gap: 4px;
    margin-top: 8px;
    padding: 12px 16px;
    border: 1px solid var(--_border);
    border-left: 8px solid var(--nhsuk-success-colour, #007f3b);
    background: var(--_surface);
  }

  .confirmation blockquote {
    margin: 0;
    padding-left: 12px;
    border-left: 4px solid var(--_border);
    white-space: pre-wrap;
  }

  .ask-error {
    color: var(--pv-color-error, var(--nhsuk-error-colour, #d5281b));
    font-weight: 600;
  }

  .care-card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  .care-heading {
    padding: 12px 16px;
    background: var(--_brand);
    color: #ffffff;
  }

  .care-card.urgent .care-heading,
  .care-card.emergency .care-heading {
    background: var(--pv-color-error, var(--nhsuk-error-colour, #d5281b));
  }

  .care-content {
    padding: 12px 16px;
    background: var(--_surface);
  }

  .care-card.emergency .care-content {
    background: var(--_text);
    color: #ffffff;
  }

  .care-card.emergency .care-content button.term {
    color: #ffffff;
  }

  .saved {
    display: grid;
    gap: 8px;
  }

  .saved-item {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
    padding: 8px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }

  .problem {
    padding: 8px 16px;
    border-left: 8px solid var(--_secondary);
  }

`,
  focusRing,
  css`
  /* Two tones, dark inside and yellow outside: over dark lungs or brain the yellow stands out, over
     white bone the dark does (WCAG 1.4.11). It stands in for the selection ring while focused. */
  .marker:focus-visible {
    background: var(--_focus);
    outline: 3px solid transparent;
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_focus-text), 0 0 0 6px var(--_focus);
    z-index: 2;
  }

  /* Forced colours: the chosen label was shown by colour and a shadow, both lost here. Lines over
     the picture keep their colour, as the picture itself is not recoloured. */
  @media (forced-colors: active) {
    .tag.selected,
    .item.selected {
      outline: 3px solid Highlight;
      outline-offset: 1px;
    }
  }

`,
];
