import { css } from 'lit';

/**
 * The study list's styles, added to the viewer's shadow root (adopted, so a strict CSP allows them)
 * only when a study is shown: they load with this chunk, not with the viewer. Uses the viewer's
 * private tokens (`--_border`, `--_radius`, `--_button-*`, `--_target`).
 */
export const studyStyles = css`
  .study,
  .study-bar {
    display: grid;
    gap: 8px;
    padding: 16px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--pv-color-surface, var(--nhsuk-card-background-colour, #ffffff));
    color: var(--pv-color-text, var(--nhsuk-text-colour, #212b32));
  }

  .study-bar {
    border-radius: var(--_radius) var(--_radius) 0 0;
    border-bottom: 0;
    justify-items: start;
  }

  .study .h-main,
  .study .h-sub,
  .study-bar .h-main {
    margin: 0;
  }

  .study .h-sub {
    margin-top: 8px;
    font-size: 1.1rem;
  }

  .study-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 240px), 1fr));
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .study-list > li {
    display: grid;
    gap: 4px;
    align-content: start;
  }

  .study-choice {
    display: flex;
    gap: 12px;
    align-items: center;
    width: 100%;
    min-height: var(--_target, 44px);
    padding: 8px;
    text-align: start;
  }

  .study-choice[aria-current='true'] {
    border-width: 3px;
  }

  .study-thumb {
    flex: none;
    display: grid;
    place-items: center;
    width: 96px;
    height: 96px;
    background: var(--pv-stage-background, #000000);
    border-radius: var(--_radius);
    overflow: hidden;
  }

  .study-thumb > img {
    max-width: 100%;
    max-height: 100%;
    object-fit: contain;
  }

  .study-words {
    display: grid;
    gap: 2px;
  }

  .study-name {
    font-weight: 600;
  }

  .study-kind {
    font-weight: 400;
  }

  .study-note,
  .study-error > p {
    margin: 0;
  }

  .study-error {
    display: grid;
    gap: 8px;
    justify-items: start;
    padding: 8px 16px;
    border-left: 8px solid var(--_error);
  }

  .study-detail > p {
    margin: 4px 0 0;
    overflow-wrap: anywhere;
  }
`;
