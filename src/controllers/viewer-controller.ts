import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadEngine, type RegisteredStack, type StackView } from '../engine/index.js';
import { posterOptions } from '../poster/index.js';
import { ViewerError, toViewerError } from '../sources/errors.js';
import type { SafeFacts, StackImage } from '../sources/inspect.js';
import { prepare, type PreparedStack, type ViewerSource } from '../sources/prepare.js';
import { untilAborted } from '../sources/until-aborted.js';
import type { VisibilityController } from './visibility-controller.js';

/** `idle`: nothing to show; `waiting`: off screen (lazy); then `loading`, `loaded` or `error`. */
export type ViewerStatus = 'idle' | 'waiting' | 'loading' | 'loaded' | 'error';

export interface ViewerInputs {
  source: ViewerSource | undefined;
  stage: HTMLDivElement | null;
  /** Headers for a request; `refresh` asks the portal for fresh credentials (after a 401). */
  headers: (options?: { refresh?: boolean }) => Promise<Record<string, string>>;
  /** Whether the portal can give fresh credentials (its `requestHeaders` is a function). */
  canRefresh: boolean;
  /** Milliseconds a load may take before it is reported as a time-out. */
  timeout: number;
}

export interface ViewerCallbacks {
  onLoad(facts: SafeFacts, count: number, index: number, renderer: 'gpu' | 'cpu', skipped: number): void;
  onError(error: ViewerError): void;
  /**
   * Another image is on screen (`index` is already set): called at most once per animation frame,
   * in the frame the image is drawn, with the last image reached. No host update is asked for:
   * the host writes what depends on the index itself.
   */
  onImageChange(index: number, count: number): void;
  /** The picture was drawn differently; called at most once per animation frame, in the frame of the draw. */
  onViewChange(): void;
  /**
   * Issue 15, the poster: the images are in and have passed every check that can refuse them, and
   * the engine is not drawing yet. `start` is the image the engine will show first.
   */
  onPrepared?(prepared: PreparedStack, start: number): void;
  /** Issue 15: the engine has drawn the loaded stack (after `onLoad`): a poster can give way now. */
  onDrawn?(): void;
}

/** Whether the engine has loaded in this page (issue 15: no poster once it has). */
let engineLoaded = false;

/** When the viewer may start (./visibility-controller.ts, or a test's stand-in). */
export type ViewerVisibility = Pick<VisibilityController, 'whenWanted' | 'whenDrawable' | 'sized'>;

/**
 * Owns one viewer's load: visibility gate, fetch and check the bytes while the engine imports,
 * draw, navigate; and tears all of it down when the host leaves the page.
 */
export class ViewerController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #inputs: () => ViewerInputs;
  readonly #visibility: ViewerVisibility;
  readonly #callbacks: ViewerCallbacks;

  status: ViewerStatus = 'idle';
  /** 0..1 while loading, or undefined when the size is not known. */
  progress: number | undefined;
  error: ViewerError | undefined;
  facts: SafeFacts | undefined;
  index = 0;
  count = 0;
  /** Files of a series that could not be shown; the others are. */
  skipped = 0;
  /** One per image, in stack order (geometry, and internal ids for matching annotations). */
  images: readonly StackImage[] = [];
  renderer: 'gpu' | 'cpu' | undefined;

  #abort?: AbortController;
  #view?: StackView;
  #registered?: RegisteredStack;
  #loadedSource: ViewerSource | undefined;
  #wantedIndex = 0;
  /** The image the patient was on when a loaded stack failed: "Try again" returns to it. */
  #resumeIndex = 0;
  #navigating = false;
  #teardownPending = false;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    inputs: () => ViewerInputs,
    visibility: ViewerVisibility,
    callbacks: ViewerCallbacks,
  ) {
    this.#host = host;
    this.#inputs = inputs;
    this.#visibility = visibility;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    // Moved within the page: keep everything (no redraw, no refetch).
    this.#teardownPending = false;
  }

  hostDisconnected(): void {
    // Defer, so moving the element in the DOM does not throw away the picture.
    this.#teardownPending = true;
    queueMicrotask(() => {
      if (this.#teardownPending && !this.#host.isConnected) {
        this.#teardownPending = false;
        this.#teardown();
        this.#loadedSource = undefined;
        this.status = 'idle';
      }
    });
  }

  hostUpdate(): void {
    // Before render, so the state a new load sets lands in this same update.
    const { source } = this.#inputs();
    if (source === this.#loadedSource) return;
    this.#loadedSource = source;
    this.#resumeIndex = 0;
    void this.load();
  }

  /** The live view, once drawn (for tests and benchmarks, through the host). */
  get view(): StackView | undefined {
    return this.#view;
  }

  /** (Re)load the current source from the start. */
  async load(): Promise<void> {
    this.#teardown();
    const { source } = this.#inputs();
    if (!source) {
      this.#set({ status: 'idle', error: undefined, facts: undefined, count: 0, index: 0 });
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    let refreshed = false;
    for (;;) {
      try {
        await this.#run(source, abort.signal);
        return;
      } catch (error) {
        // Aborted: replaced by a newer load, or removed from the page. (A time-out is not an abort
        // of this signal: it arrives here as a ViewerError of type `timeout`.)
        if (abort.signal.aborted) return;
        const failure = toViewerError(error);
        // Signed out (401): ask the portal once for fresh credentials and try once more, then give up.
        if (failure.status === 401 && !refreshed && this.#inputs().canRefresh) {
          refreshed = true;
          this.#releaseView();
          try {
            await untilAborted(this.#inputs().headers({ refresh: true }), abort.signal);
            continue;
          } catch {
            if (abort.signal.aborted) return;
          }
        }
        this.#fail(failure);
        return;
      }
    }
  }

  async #run(source: ViewerSource, signal: AbortSignal): Promise<void> {
    this.#set({ status: 'waiting', error: undefined, progress: undefined, facts: undefined, index: 0, count: 0, skipped: 0, images: [] });
    await untilAborted(this.#visibility.whenWanted(), signal);
    const { timeout, headers } = this.#inputs();
    const timer = new AbortController();
    const startTimer = () => setTimeout(() => timer.abort(new ViewerError('timeout', 'The image took too long to load.')), timeout);
    let timeoutId = startTimer();
    const loadSignal = AbortSignal.any([signal, timer.signal]);
    try {
      this.#set({ status: 'loading' });
      // Start the engine download now; it overlaps with fetching and checking the image bytes.
      const starting = loadEngine();
      starting.catch(() => undefined);
      // Issue 15: with the engine already loaded when this load starts (a second viewer, a new
      // image) the poster would be wasted work on the way to the engine's own picture. (An engine
      // that finishes loading during this fetch still has to start and decode: the poster helps.)
      const engineReady = engineLoaded;
      void starting.then(() => (engineLoaded = true), () => undefined);
      // Raced with the load's signal too: a portal's headers callback that never answers must still
      // end in the timeout message, not a spinner for ever.
      const prepared = await untilAborted(
        prepare(source, {
          signal: loadSignal,
          headers,
          onProgress: (fraction) => this.#set({ progress: fraction }),
        }),
        loadSignal,
      );
      this.#set({ facts: prepared.facts, count: prepared.count, skipped: prepared.skipped, images: prepared.images });
      if (!engineReady || posterOptions.whenEngineReady) this.#callbacks.onPrepared?.(prepared, Math.min(this.#resumeIndex, prepared.count - 1));
      const engine = await untilAborted(starting, loadSignal);
      if (!this.#visibility.sized) {
        // Waiting for the page to show the box (a closed tab, a hidden section) is not a slow load:
        // the time limit stops while it waits, and starts again for drawing.
        clearTimeout(timeoutId);
        await untilAborted(this.#visibility.whenDrawable(), signal);
        timeoutId = startTimer();
      }
      await untilAborted(this.#visibility.whenDrawable(), loadSignal);
      const stage = this.#inputs().stage;
      if (!this.#host.isConnected || !stage) throw signal.reason ?? new Error('removed');
      // Issue 15: `onDrawn` once the engine has drawn after the load (or, should it never say so, soon after).
      const drawn = {
        rendered: false,
        shown: false,
        told: false,
        tell: () => {
          if (drawn.told || !drawn.rendered || !drawn.shown || view !== this.#view) return;
          drawn.told = true;
          this.#callbacks.onDrawn?.();
        },
      };
      const view = engine.open(stage, {
        // While loading, show() rejects with the same error; once shown, it is this load's failure.
        onImageFailed: (error) => {
          if (this.status === 'loaded') this.#fail(error);
        },
        onRendered: () => {
          this.#drawn = true;
          this.#queueFlush();
          drawn.rendered = true;
          drawn.tell();
        },
        onContextLost: (redrawn) => {
          redrawn.then(
            () => this.#set({ renderer: 'cpu' }),
            (error: ViewerError) => {
              if (view === this.#view) this.#fail(error);
            },
          );
        },
      });
      this.#view = view;
      this.#registered = engine.register(prepared, headers);
      const start = Math.min(this.#resumeIndex, prepared.count - 1);
      await untilAborted(view.show(this.#registered.imageIds, start), loadSignal);
      if (!this.#host.isConnected) return;
      this.#wantedIndex = start;
      this.#set({ status: 'loaded', index: start, progress: 1, renderer: view.backend });
      this.#callbacks.onLoad(prepared.facts, prepared.count, start, view.backend, prepared.skipped);
      // The first draw came while loading: overlays hear of it now, after pv-load.
      if (this.#drawn) this.#queueFlush();
      drawn.shown = true;
      drawn.tell();
      if (!drawn.told) {
        setTimeout(() => {
          drawn.rendered = true;
          drawn.tell();
        }, 1000);
      }
    } finally {
      clearTimeout(timeoutId);
    }
  }

  /**
   * Show image `index` (0-based, clamped). Quick repeated calls end on the last one asked for: one
   * image per animation frame (the images asked for in between are skipped). Resolves once the image
   * is on screen and reported (`onImageChange`), in the frame it is drawn.
   */
  async goTo(index: number): Promise<void> {
    if (this.status !== 'loaded' || !this.#view) return;
    this.#wantedIndex = Math.max(0, Math.min(this.count - 1, Math.round(Number.isFinite(index) ? index : this.count - 1)));
    if (this.#navigating) return;
    this.#navigating = true;
    const started = this.#view;
    try {
      while (this.#view && this.#wantedIndex !== this.index) {
        const target = this.#wantedIndex;
        const view: StackView = this.#view;
        await this.#withTimeout(view.setIndex(target));
        if (view !== this.#view) return;
        // On screen in the next frame: the index, the host's words and the event go with the draw.
        await this.#shown(target);
        if (view !== this.#view) return;
      }
    } catch (error) {
      // A view that has since been torn down (a failure, a new load) is not this load's failure.
      if (started !== this.#view) return;
      this.#fail(toViewerError(error, 'corrupt-file'));
    } finally {
      this.#navigating = false;
    }
  }

  /**
   * Issue 17 (sign-out): stop any load, let go of the view and its images, and forget everything
   * read from the source (facts, geometry, counts). The source in use is forgotten too, so the next
   * one set loads afresh.
   */
  clear(): void {
    this.#teardown();
    this.#loadedSource = undefined;
    this.#resumeIndex = 0;
    this.#set({ status: 'idle', error: undefined, progress: undefined, facts: undefined, index: 0, count: 0, skipped: 0, images: [], renderer: undefined });
  }

  step(delta: number): void {
    void this.goTo(this.#wantedIndex + delta);
  }

  // One report per animation frame, in the frame of the draw: the engine's draw (or, when no draw
  // comes, an animation frame or a short timer) flushes the image reached and the view change.
  /** The image the engine has, not yet reported. */
  #pendingIndex: number | undefined;
  /** The engine drew since the last report. */
  #drawn = false;
  #flushQueued = false;
  /** A report was made in this frame: the next waits for the next frame. */
  #frameUsed = false;
  #frameRequest = 0;
  #fallbackRequest = 0;
  #fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  #flushed: (() => void)[] = [];

  /** Resolves once image `index` is reported (in the frame it is drawn). */
  #shown(index: number): Promise<void> {
    this.#pendingIndex = index;
    const reported = new Promise<void>((resolve) => this.#flushed.push(resolve));
    // The engine's draw was asked for before this; if it draws nothing, report anyway.
    if (!this.#fallbackRequest) {
      this.#fallbackRequest = requestAnimationFrame(() => {
        this.#fallbackRequest = 0;
        this.#flush();
      });
    }
    // No animation frames (a hidden page): report anyway, 100 ms on. One timer for a whole scroll.
    this.#pendingSince = performance.now();
    this.#armFallbackTimer(100);
    return reported;
  }

  #pendingSince = 0;

  #armFallbackTimer(delay: number): void {
    if (this.#fallbackTimer !== undefined) return;
    this.#fallbackTimer = setTimeout(() => {
      this.#fallbackTimer = undefined;
      if (this.#pendingIndex === undefined) return;
      const waited = performance.now() - this.#pendingSince;
      if (waited >= 95) this.#flush(true);
      else this.#armFallbackTimer(100 - waited);
    }, delay);
  }

  /** After the engine's draw callback (a microtask: still the draw's frame, before it is painted). */
  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      this.#flush();
    });
  }

  #flush(force = false): void {
    const image = this.#pendingIndex !== undefined;
    const view = this.#drawn && this.status === 'loaded' && Boolean(this.#view);
    if (!image && !view) return;
    // This frame has had its report: the next frame's callback makes this one.
    if (this.#frameUsed && !force) return;
    this.#frameUsed = true;
    cancelAnimationFrame(this.#frameRequest);
    this.#frameRequest = requestAnimationFrame(() => {
      this.#frameRequest = 0;
      this.#frameUsed = false;
      this.#flush();
    });
    if (image) {
      this.index = this.#pendingIndex!;
      this.#pendingIndex = undefined;
      this.#callbacks.onImageChange(this.index, this.count);
    }
    if (view) {
      this.#drawn = false;
      this.#callbacks.onViewChange();
    }
    const waiting = this.#flushed;
    this.#flushed = [];
    for (const resolve of waiting) resolve();
  }

  #withTimeout<T>(promise: Promise<T>): Promise<T> {
    return untilAborted(promise, AbortSignal.timeout(this.#inputs().timeout)).catch((error: unknown) => {
      throw error instanceof DOMException && error.name === 'TimeoutError'
        ? new ViewerError('timeout', 'The image took too long to load.')
        : error;
    });
  }

  #fail(error: ViewerError): void {
    // Keep the patient's place: the image they were going to (or were on) is where "Try again" resumes.
    if (this.status === 'loaded') this.#resumeIndex = this.#wantedIndex;
    this.#teardown();
    this.#set({ status: 'error', error, progress: undefined });
    this.#callbacks.onError(error);
  }

  #set(changes: Partial<Pick<ViewerController, 'status' | 'progress' | 'error' | 'facts' | 'index' | 'count' | 'skipped' | 'images' | 'renderer'>>): void {
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }

  #teardown(): void {
    cancelAnimationFrame(this.#frameRequest);
    cancelAnimationFrame(this.#fallbackRequest);
    clearTimeout(this.#fallbackTimer);
    this.#fallbackTimer = undefined;
    this.#frameRequest = 0;
    this.#fallbackRequest = 0;
    this.#frameUsed = false;
    this.#drawn = false;
    this.#pendingIndex = undefined;
    // A goTo() waiting for its image's report returns (its view is gone).
    const waiting = this.#flushed;
    this.#flushed = [];
    for (const resolve of waiting) resolve();
    this.#abort?.abort();
    this.#abort = undefined;
    this.#releaseView();
    this.#navigating = false;
  }

  /** Let go of the engine view and its images (and stop their requests), keeping the load going. */
  #releaseView(): void {
    this.#view?.destroy();
    this.#view = undefined;
    this.#registered?.release();
    this.#registered = undefined;
    this.#navigating = false;
  }
}
