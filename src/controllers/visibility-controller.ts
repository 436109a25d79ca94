import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NEAR_SCREEN_MARGIN } from '../sources/has-source.js';

export interface VisibilityInputs {
  /** The element to watch; its box must have a size before the engine can draw into it. */
  target: Element | null;
  /** `lazy` waits until the target is near the screen; `eager` does not. */
  loading: 'lazy' | 'eager';
}

/**
 * Watches one element's visibility and size. `whenReady()` resolves once the element is near the
 * screen (or at once for `eager`) and laid out with a non-zero size. Observers live exactly as long
 * as the host is connected.
 */
export class VisibilityController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #inputs: () => VisibilityInputs;
  readonly #onResize: () => void;
  #intersection?: IntersectionObserver;
  #resize?: ResizeObserver;
  #observed: Element | null = null;
  #visible = false;
  #sized = false;
  #waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(host: ReactiveControllerHost & Element, inputs: () => VisibilityInputs, onResize: () => void) {
    this.#host = host;
    this.#inputs = inputs;
    this.#onResize = onResize;
    host.addController(this);
  }

  hostConnected(): void {
    // Observers attach in hostUpdated, once the target exists.
  }

  hostUpdated(): void {
    const { target } = this.#inputs();
    if (target === this.#observed) return;
    this.#disconnect();
    this.#observed = target;
    if (!target) return;
    this.#intersection = new IntersectionObserver(
      (entries) => {
        this.#visible = entries.some((entry) => entry.isIntersecting);
        this.#check();
      },
      { rootMargin: NEAR_SCREEN_MARGIN },
    );
    this.#intersection.observe(this.#host);
    this.#resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      this.#sized = Boolean(box && box.width > 0 && box.height > 0);
      this.#check();
      if (this.#sized) this.#onResize();
    });
    this.#resize.observe(target);
  }

  hostDisconnected(): void {
    this.#disconnect();
    this.#observed = null;
  }

  /** True when the viewer is near the screen, or loading is eager. */
  get wanted(): boolean {
    return this.#inputs().loading === 'eager' || this.#visible;
  }

  /** True when the target has a non-zero size. */
  get sized(): boolean {
    return this.#sized;
  }

  /** Resolves once the viewer is wanted (near the screen, or eager). */
  whenWanted(): Promise<void> {
    return this.#when(() => this.wanted);
  }

  /** Resolves once the viewer is wanted and laid out with a size, so the engine can draw. */
  whenDrawable(): Promise<void> {
    return this.#when(() => this.wanted && this.#sized);
  }

  /** Re-check waiters (after `loading` changes). */
  recheck(): void {
    this.#check();
  }

  #when(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ test, resolve }));
  }

  #check(): void {
    const still: { test: () => boolean; resolve: () => void }[] = [];
    for (const waiter of this.#waiters) {
      if (waiter.test()) waiter.resolve();
      else still.push(waiter);
    }
    this.#waiters = still;
  }

  #disconnect(): void {
    this.#intersection?.disconnect();
    this.#resize?.disconnect();
    this.#intersection = undefined;
    this.#resize = undefined;
    this.#visible = false;
    this.#sized = false;
  }
}
