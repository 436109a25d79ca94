import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VIEWER_TAG, type ViewerLike } from './viewer-like.js';

export interface ViewerLinkCallbacks {
  /** The viewer drew the picture differently (at most once a frame). */
  onViewChange(): void;
  /** The viewer showed a new stack, failed, or changed image. */
  onLoad(): void;
}

/**
 * Finds the `<patient-image-viewer>` a child element sits in, and follows it: its view changes
 * (zoom, moves, image) and loads. Listeners live exactly as long as the host is connected.
 */
export class ViewerLinkController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #callbacks: ViewerLinkCallbacks;
  #viewer: ViewerLike | undefined;
  readonly #onView = () => this.#callbacks.onViewChange();
  readonly #onLoad = () => {
    this.#host.requestUpdate();
    this.#callbacks.onLoad();
  };

  constructor(host: ReactiveControllerHost & HTMLElement, callbacks: ViewerLinkCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** The viewer, when the host is inside one. */
  get viewer(): ViewerLike | undefined {
    return this.#viewer;
  }

  hostConnected(): void {
    const viewer = this.#host.closest<ViewerLike>(VIEWER_TAG);
    if (!viewer) return;
    this.#viewer = viewer;
    viewer.addEventListener('pv-view-change', this.#onView);
    for (const type of ['pv-load', 'pv-error', 'pv-image-change'] as const) viewer.addEventListener(type, this.#onLoad);
  }

  hostDisconnected(): void {
    const viewer = this.#viewer;
    this.#viewer = undefined;
    if (!viewer) return;
    viewer.removeEventListener('pv-view-change', this.#onView);
    for (const type of ['pv-load', 'pv-error', 'pv-image-change'] as const) viewer.removeEventListener(type, this.#onLoad);
  }
}
