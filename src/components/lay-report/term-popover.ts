import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One open word meaning at a time, for `<lay-report>`: the element renders each word as a button
 * and, when open, its popover right after it (so it is next in reading and tab order); this
 * controller decides which is open, places it beside the word with floating-ui (`place`, the
 * annotation layer's approach), and closes it on Escape (focus back to the word), on the close button, on a
 * second press of the word, and when focus leaves the word and its popover. Never on hover.
 *
 * Kept apart from the element so it can be swapped for the library's shared glossary popover
 * controller when there is one: the element needs only `openKey`, `toggle`, `close`,
 * `onFocusOut` and `onKeyDown` (the last two on one container of all the words).
 */
export class TermPopoverController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #openKey: string | undefined;
  #anchor: HTMLElement | undefined;
  #stopPlacing: (() => void) | undefined;
  #popover: HTMLElement | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The key of the open word, if any. */
  get openKey(): string | undefined {
    return this.#openKey;
  }

  /** Open this word's meaning, or close it if it is open. Focus stays on the word. */
  toggle(key: string, anchor: HTMLElement): void {
    if (this.#openKey === key) {
      this.close(false);
      return;
    }
    this.#stop();
    this.#openKey = key;
    this.#anchor = anchor;
    this.#host.requestUpdate();
  }

  /** Close the open meaning; with `returnFocus`, focus goes back to its word. */
  close(returnFocus: boolean): void {
    if (this.#openKey === undefined) return;
    const anchor = this.#anchor;
    this.#stop();
    this.#openKey = undefined;
    this.#anchor = undefined;
    this.#host.requestUpdate();
    if (returnFocus && anchor?.isConnected) anchor.focus();
  }

  /**
   * For a container of the words (listen there once, not on every word): closes the open meaning
   * when focus leaves its word and its popover for anything else.
   */
  readonly onFocusOut = (event: FocusEvent): void => {
    if (!this.#inOpen(event.target)) return;
    if (this.#inOpen(event.relatedTarget)) return;
    this.close(false);
  };

  /** For the same container: Escape in the word or its popover closes it and returns focus to the word. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#inOpen(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    this.close(true);
  };

  /** Whether `node` is the open word or inside its popover. */
  #inOpen(node: EventTarget | null): boolean {
    const anchor = this.#anchor;
    if (this.#openKey === undefined || !anchor || !(node instanceof Node)) return false;
    return node === anchor || Boolean(this.#popover?.contains(node));
  }

  /** The open word's button. */
  get anchor(): HTMLElement | undefined {
    return this.#anchor;
  }

  /**
   * Keep `popover` (the open word's meaning, right after it in the DOM) beside the word while it is
   * open (scrolls, resizes, zoom), inside the viewport; taller than the space left, it scrolls. At
   * 400% zoom and on narrow screens the styles show it in the text flow instead.
   */
  place(popover: HTMLElement): void {
    const anchor = this.#anchor;
    if (!anchor || (this.#stopPlacing && this.#popover === popover)) return;
    this.#stop();
    this.#popover = popover;
    this.#stopPlacing = autoUpdate(anchor, popover, () => {
      void computePosition(anchor, popover, {
        placement: 'bottom-start',
        strategy: 'absolute',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight, availableWidth }) {
              popover.style.maxHeight = `${Math.max(96, Math.floor(availableHeight))}px`;
              popover.style.maxWidth = `${Math.max(160, Math.min(352, Math.floor(availableWidth)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        popover.style.left = `${x}px`;
        popover.style.top = `${y}px`;
      });
    });
  }

  hostDisconnected(): void {
    this.#stop();
    this.#openKey = undefined;
    this.#anchor = undefined;
  }

  #stop(): void {
    this.#stopPlacing?.();
    this.#stopPlacing = undefined;
    this.#popover = undefined;
  }
}
