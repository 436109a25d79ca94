import { autoUpdate, computePosition, flip, offset, shift, size, type Strategy } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The two elements of an open popover, as the host has rendered them. */
export interface PopoverParts {
  /** The word (a button) that opened the popover. Focus goes back here when it closes. */
  anchor: HTMLElement;
  /** The popover itself: rendered straight after `anchor` in the DOM, so Tab order stays natural. */
  popover: HTMLElement;
}

/** Why a popover closed: its Close button, Escape, or focus moving somewhere else. */
export type PopoverCloseReason = 'close' | 'escape' | 'focus-left';

export interface GlossaryPopoverOptions {
  /**
   * The parts of the open popover after each render, or undefined while none is open. The host
   * keeps which popover is open in its own state and renders it right after its word.
   */
  parts: () => PopoverParts | undefined;
  /** The popover must close: the host clears its state (and re-renders without it). */
  onClose: (reason: PopoverCloseReason) => void;
  /** Smallest height (CSS px) the popover keeps before it scrolls inside. Default 64. */
  minHeight?: number;
  /** Widest the popover may be (CSS px), room allowing. Default 320. */
  maxWidth?: number;
  /**
   * `fixed` (default): placed in the viewport. `absolute`: placed in its offset parent, so the host's
   * styles may instead show it in the text flow (`position: static`, at 400% zoom).
   */
  strategy?: Strategy;
  /**
   * Move focus into the popover when it opens (default). When false, focus stays on the word and the
   * popover is next in Tab order (`<lay-report>`, whose words sit in running text).
   */
  focusOnOpen?: boolean;
}

/**
 * A small explanation that opens from a word, as a non-modal dialog (the glossary "what does
 * this word mean" popover). One behaviour for every element that renders one:
 * `<lay-annotation-layer>` (a dialog, focus moved into it) and `<lay-report>` (a group after the
 * word in running text, focus left on the word).
 *
 * What it does, so that the popover meets WCAG 2.2 AA:
 * - **Placement** with floating-ui: beside its word, following it when the page scrolls or
 *   resizes (`autoUpdate`); never taller than the room on screen: it scrolls inside instead
 *   (`size`), so at 400% zoom every part of it can still be reached (1.4.10).
 * - **Focus**: on opening, focus moves into the popover (to its `[data-autofocus]` element, else
 *   the popover itself, which should have `tabindex="-1"`), unless `focusOnOpen` is false (then it
 *   stays on the word, and the popover is next in Tab order). Close and Escape return focus to the
 *   word. Escape acts only when focus is in the popover or on its word, never elsewhere on the page.
 * - **Closes when focus leaves** both the popover and its word (Tab past it, a click elsewhere),
 *   so it never stays over a control that has focus (2.4.11). Focus is left where the patient put it.
 *
 * The host renders the popover straight after its word (so Tab from inside it goes on to what
 * follows the word, 2.4.3), gives it `position: fixed` (or `absolute`, with `strategy`; placement writes `left`/`top`), and calls
 * {@link close} from its Close button.
 *
 * ```ts
 * readonly #popover = new GlossaryPopoverController(this, {
 *   parts: () => this._open ? { anchor: ..., popover: ... } : undefined,
 *   onClose: () => (this._open = undefined),
 * });
 * ```
 */
export class GlossaryPopoverController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: GlossaryPopoverOptions;
  #parts: PopoverParts | undefined;
  #stopUpdates: (() => void) | undefined;
  /** Where focus goes back to after the host has re-rendered without the popover. */
  #returnTo: HTMLElement | undefined;

  constructor(host: ReactiveControllerHost, options: GlossaryPopoverOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** True while a popover is open and placed. */
  get open(): boolean {
    return this.#parts !== undefined;
  }

  hostUpdated(): void {
    const parts = this.#options.parts();
    if (parts && this.#parts && parts.anchor === this.#parts.anchor && parts.popover === this.#parts.popover) return;
    this.#detach();
    if (parts) this.#attach(parts);
    const back = this.#returnTo;
    this.#returnTo = undefined;
    if (!parts && back?.isConnected) back.focus();
  }

  hostDisconnected(): void {
    this.#detach();
  }

  /** Close the popover (from its Close button, say); `returnFocus` puts focus back on the word. */
  close(reason: PopoverCloseReason = 'close', returnFocus = true): void {
    if (!this.#parts) return;
    if (returnFocus) this.#returnTo = this.#parts.anchor;
    this.#options.onClose(reason);
    this.#host.requestUpdate();
  }

  #attach(parts: PopoverParts): void {
    this.#parts = parts;
    const { anchor, popover } = parts;
    popover.addEventListener('keydown', this.#onKeyDown);
    anchor.addEventListener('keydown', this.#onKeyDown);
    popover.addEventListener('focusout', this.#onFocusOut);
    anchor.addEventListener('focusout', this.#onFocusOut);
    this.#stopUpdates = autoUpdate(anchor, popover, () => void this.#place(anchor, popover));
    if (this.#options.focusOnOpen !== false) (popover.querySelector<HTMLElement>('[data-autofocus]') ?? popover).focus({ preventScroll: true });
  }

  #detach(): void {
    this.#stopUpdates?.();
    this.#stopUpdates = undefined;
    const parts = this.#parts;
    this.#parts = undefined;
    if (!parts) return;
    parts.popover.removeEventListener('keydown', this.#onKeyDown);
    parts.anchor.removeEventListener('keydown', this.#onKeyDown);
    parts.popover.removeEventListener('focusout', this.#onFocusOut);
    parts.anchor.removeEventListener('focusout', this.#onFocusOut);
  }

  async #place(anchor: HTMLElement, popover: HTMLElement): Promise<void> {
    const minHeight = this.#options.minHeight ?? 64;
    const maxWidth = this.#options.maxWidth ?? 320;
    const { x, y } = await computePosition(anchor, popover, {
      placement: 'bottom-start',
      strategy: this.#options.strategy ?? 'fixed',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, availableWidth, elements }) {
            elements.floating.style.maxHeight = `${Math.max(minHeight, Math.floor(availableHeight))}px`;
            elements.floating.style.maxWidth = `${Math.max(160, Math.min(maxWidth, Math.floor(availableWidth)))}px`;
          },
        }),
        // Last, on both axes: on a very short screen it may cover its word, but never leaves the screen.
        shift({ padding: 8, crossAxis: true }),
      ],
    });
    if (this.#parts?.popover !== popover) return;
    // Written through the CSSOM (a strict CSP allows this, not style attributes).
    popover.style.left = `${x}px`;
    popover.style.top = `${y}px`;
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close('escape', true);
  };

  readonly #onFocusOut = (event: FocusEvent) => {
    const parts = this.#parts;
    if (!parts) return;
    const next = event.relatedTarget as Node | null;
    if (next && (parts.popover.contains(next) || parts.anchor === next)) return;
    // A click on the popover's own text focuses the popover (tabindex -1): wait for that to land.
    // The window losing focus (another app) leaves the popover as it was.
    setTimeout(() => {
      if (this.#parts !== parts || !document.hasFocus()) return;
      const active = deepActive(parts.popover.getRootNode() as Document | ShadowRoot);
      if (active && (parts.popover.contains(active) || active === parts.anchor)) return;
      this.close('focus-left', false);
    });
  };
}

/** The focused element within a root (a shadow root or the document), if focus is in it. */
function deepActive(root: Document | ShadowRoot): Element | null {
  return root.activeElement;
}
