import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What the host's status region (`role="status"`) says. Every announcement is heard, even the same
 * words twice ("sent", then "sent" again): the region is emptied first, then the words are set a
 * moment later (WCAG 4.1.3). The host renders {@link text} in its region.
 */
export class AnnouncerController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #text = '';
  #token = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The words in the status region now. */
  get text(): string {
    return this.#text;
  }

  /** Nothing to set up: words are only set while the host is on the page (checked after each wait). */
  hostConnected(): void {}

  /** Say `text` through the status region. */
  async announce(text: string): Promise<void> {
    const token = ++this.#token;
    if (text !== this.#text) {
      this.#set(text);
      return;
    }
    this.#set('');
    await this.#host.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (token === this.#token && this.#host.isConnected) this.#set(text);
  }

  #set(text: string): void {
    this.#text = text;
    this.#host.requestUpdate();
  }
}
