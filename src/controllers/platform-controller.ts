import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { holdBack, inNhsApp, openInApp, saveFile, type Platform } from '../platform/nhs-app.js';

export interface PlatformInputs {
  /** The host's `platform` property: `auto`, `nhs-app` or `web`. */
  platform: Platform | string;
  /**
   * What the device's back should close first (an open explanation, a question box): asked after
   * each update; returns the function that closes it, or undefined when nothing is open.
   */
  back(): (() => void) | undefined;
}

/**
 * The NHS App, for an element that opens links or saves files (see `src/platform/nhs-app.ts`):
 * - a trusted link out (an `<a target="_blank">` in the host's shadow root) opens in the App's
 *   browser overlay instead of a new tab, which the App's web view cannot open;
 * - while something is open that `back` closes, the App's back button closes it first; released
 *   when it closes and when the host leaves the page;
 * - {@link save} saves a file through the App, or as a normal download in a browser.
 * Outside the App (or with no App script on the page) links and downloads are what a browser does.
 */
export class PlatformController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly #inputs: () => PlatformInputs;
  #release: (() => void) | undefined;
  #listening: EventTarget | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment }, inputs: () => PlatformInputs) {
    this.#host = host;
    this.#inputs = inputs;
    host.addController(this);
  }

  /** Whether the host behaves as inside the NHS App now. */
  get inApp(): boolean {
    return inNhsApp(this.#inputs().platform);
  }

  hostConnected(): void {
    this.#listening = this.#host.renderRoot;
    this.#listening?.addEventListener('click', this.#onClick);
  }

  hostUpdated(): void {
    const open = this.inApp && this.#inputs().back() !== undefined;
    if (open && !this.#release) this.#release = holdBack(() => this.#inputs().back()?.());
    else if (!open) this.#releaseBack();
  }

  hostDisconnected(): void {
    this.#listening?.removeEventListener('click', this.#onClick);
    this.#listening = undefined;
    this.#releaseBack();
  }

  /** Save a file we made: through the App inside it, else a normal download. */
  save(file: Blob, filename: string): Promise<'nhs-app' | 'download'> {
    return saveFile(file, filename, this.#inputs().platform);
  }

  #releaseBack(): void {
    this.#release?.();
    this.#release = undefined;
  }

  /** A trusted link out was chosen: inside the App, its browser overlay opens it. */
  readonly #onClick = (event: Event): void => {
    if (event.defaultPrevented) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.target === '_blank' && Boolean(node.href));
    if (link && openInApp(link.href, this.#inputs().platform)) event.preventDefault();
  };
}
