import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchBytes } from '../sources/fetch-bytes.js';
import { PacsDraftError, readPacsDrafts, type PacsDrafts } from '../sources/pacs-drafts.js';

/** What reading a PACS object gave: its drafts, or why there are none (plain words). */
export type PacsReadResult = { drafts: PacsDrafts } | { reason: string };

/**
 * Opening drafts from the PACS for `<lay-annotation-editor>`: downloads an SR, GSPS or KOS and
 * reads its marks (`src/sources/pacs-drafts.ts`), with what the editor shows about it (busy, the
 * last message and whether it failed). A download going on when the host leaves the page is
 * stopped, and the host comes back not busy.
 */
export class PacsDraftsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #abort: AbortController | undefined;
  /** A download is going on. */
  busy = false;
  /** What the last import said (plain words), and whether it failed. */
  message = '';
  failed = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.busy) {
      this.busy = false;
      this.message = '';
      this.#host.requestUpdate();
    }
  }

  /** Say `text` on screen (the host announces it too). */
  say(text: string, failed: boolean): void {
    this.message = text;
    this.failed = failed;
    this.#host.requestUpdate();
  }

  /**
   * Download `url` (within `timeout` ms) and read its drafts, showing `opening` meanwhile. Undefined
   * when the host left the page meanwhile (nothing to say then); otherwise drafts or a reason.
   */
  async read(url: string, timeout: number, opening: string): Promise<PacsReadResult | undefined> {
    const abort = (this.#abort ??= new AbortController());
    this.busy = true;
    this.message = opening;
    this.#host.requestUpdate();
    let result: PacsReadResult;
    try {
      const bytes = await fetchBytes(url, { signal: AbortSignal.any([abort.signal, AbortSignal.timeout(timeout)]), accept: 'application/dicom' });
      if (!this.#host.isConnected || abort.signal.aborted) return undefined;
      result = { drafts: await readPacsDrafts(bytes) };
    } catch (error) {
      result = { reason: error instanceof PacsDraftError ? error.message : 'it could not be downloaded.' };
    }
    if (!this.#host.isConnected || abort.signal.aborted) return undefined;
    this.busy = false;
    this.#host.requestUpdate();
    return result;
  }
}
