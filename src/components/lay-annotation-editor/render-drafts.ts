import { html, nothing } from 'lit';
import type { Words } from './render-context.js';

export interface DraftsContext {
  w: Words;
  /** Drafts are being opened: the button waits. */
  busy: boolean;
  /** What the last PACS import said (plain words), and whether it failed. */
  message: string;
  failed: boolean;
  /** Open drafts from the address typed in `#pacs-url`. */
  onOpen(): void;
  /** The viewer was given a DICOMweb study: its drafts can be found. */
  canFind: boolean;
  /** Find and open the study's drafts. */
  onFind(): void;
}

/** Drafts from the PACS: the study's own (with a DICOMweb study), the address of an SR, GSPS or KOS, the buttons, and what the last one gave. */
export function renderDrafts(ctx: DraftsContext) {
  const { w } = ctx;
  return html`${ctx.canFind
      ? html`<p class="hint" id="pacs-find-hint">${w('pacsFindHint')}</p>
          <button type="button" class="pacs-find" aria-describedby="pacs-find-hint" ?disabled=${ctx.busy} @click=${() => ctx.onFind()}>${w('pacsFind')}</button>`
      : nothing}
    <label for="pacs-url">${w('pacsUrl')}</label>
    <p class="hint" id="pacs-hint">${w('pacsHint')}</p>
    <input id="pacs-url" type="url" aria-describedby="pacs-hint" />
    <button type="button" class="pacs-open" ?disabled=${ctx.busy} @click=${() => ctx.onOpen()}>${w('pacsOpen')}</button>
    ${ctx.message ? html`<p class="pacs-message ${ctx.failed ? 'problem' : ''}">${ctx.message}</p>` : nothing}`;
}
