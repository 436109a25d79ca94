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
}

/** Drafts from the PACS: the address of an SR, GSPS or KOS, the button, and what the last one gave. */
export function renderDrafts(ctx: DraftsContext) {
  const { w } = ctx;
  return html`<label for="pacs-url">${w('pacsUrl')}</label>
    <p class="hint" id="pacs-hint">${w('pacsHint')}</p>
    <input id="pacs-url" type="url" aria-describedby="pacs-hint" />
    <button type="button" class="pacs-open" ?disabled=${ctx.busy} @click=${() => ctx.onOpen()}>${w('pacsOpen')}</button>
    ${ctx.message ? html`<p class="pacs-message ${ctx.failed ? 'problem' : ''}">${ctx.message}</p>` : nothing}`;
}
