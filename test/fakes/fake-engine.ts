/**
 * A fake imaging engine for unit tests: implements the engine API of src/engine/index.ts with no
 * Cornerstone and no WebGL, records every call, and lets a test decide what each step does (draw,
 * fail with a chosen classified error, or hang until the test settles it).
 *
 *   const engine = installFakeEngine();      // loadEngine() now gives this fake
 *   engine.showWill = 'hang';                // the next show() waits for the test
 *   ...
 *   engine.lastView!.settleShow(new ViewerError('network', 'cut'));
 *   uninstallFakeEngine();                   // in afterEach
 */
import {
  setEngineLoader,
  type EngineApi,
  type EngineSettings,
  type HeaderSource,
  type RegisteredStack,
  type StackView,
  type StackViewCallbacks,
  type ViewState,
} from '../../src/engine/index.js';
import type { ViewerError } from '../../src/sources/errors.js';
import type { PreparedStack } from '../../src/sources/prepare.js';

/** What a step does: succeed, fail with this error, or wait until the test settles it. */
export type Outcome = 'ok' | 'hang' | ViewerError;

interface Pending {
  promise: Promise<void>;
  settle(outcome: Exclude<Outcome, 'hang'>): void;
  settled: boolean;
}

function pending(outcome: Outcome): Pending {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const step: Pending = {
    promise,
    settled: false,
    settle(result) {
      if (step.settled) return;
      step.settled = true;
      if (result === 'ok') resolve();
      else reject(result);
    },
  };
  // Settled on a later task, as a real engine answers.
  if (outcome !== 'hang') setTimeout(() => step.settle(outcome), 0);
  return step;
}

/** One registered stack, as the fake saw it. */
export interface FakeRegistration extends RegisteredStack {
  stack: PreparedStack;
  headers: HeaderSource;
  released: boolean;
}

export class FakeStackView implements StackView {
  readonly element: HTMLDivElement;
  readonly callbacks: StackViewCallbacks;
  readonly canvas = document.createElement('canvas');
  backend: 'cpu' | 'gpu' = 'gpu';
  destroyed = false;
  /** Every call, in order: `show 0 of 3`, `setIndex 2`, `zoomBy 1.25`, `destroy`. */
  readonly calls: string[] = [];
  imageIds: string[] = [];
  index = 0;
  zoom = 1;
  overlays = false;
  #show: Pending | undefined;
  #setIndex: Pending | undefined;
  readonly #engine: FakeEngine;

  constructor(engine: FakeEngine, element: HTMLDivElement, callbacks: StackViewCallbacks) {
    this.#engine = engine;
    this.element = element;
    this.callbacks = callbacks;
  }

  show(imageIds: string[], index: number): Promise<void> {
    this.calls.push(`show ${index} of ${imageIds.length}`);
    this.imageIds = imageIds;
    this.index = index;
    this.#show = pending(this.#engine.showWill);
    return this.#show.promise;
  }

  /** Settle the `show()` in progress (one the test made hang). */
  settleShow(outcome: Exclude<Outcome, 'hang'>): void {
    if (!this.#show) throw new Error('show() was not called');
    this.#show.settle(outcome);
  }

  /** True while a `show()` has not settled. */
  get showing(): boolean {
    return this.#show !== undefined && !this.#show.settled;
  }

  setIndex(index: number): Promise<void> {
    this.calls.push(`setIndex ${index}`);
    this.#setIndex = pending(this.#engine.setIndexWill);
    return this.#setIndex.promise.then(() => {
      this.index = Math.max(0, Math.min(this.imageIds.length - 1, index));
    });
  }

  /** Settle the `setIndex()` in progress. */
  settleSetIndex(outcome: Exclude<Outcome, 'hang'>): void {
    this.#setIndex?.settle(outcome);
  }

  /** As the engine does when one of this view's images fails after it was shown. */
  failImage(error: ViewerError): void {
    this.callbacks.onImageFailed(error);
  }

  /** As the engine does when the GPU goes away: `redrawn` is what the CPU redraw comes to. */
  loseContext(redrawn: Exclude<Outcome, 'hang'>): void {
    this.backend = 'cpu';
    const step = pending(redrawn);
    step.promise.catch(() => undefined);
    this.callbacks.onContextLost(step.promise);
  }

  /** As the engine does after every draw. */
  render(): void {
    this.callbacks.onRendered();
  }

  hasOverlays(): boolean {
    return this.overlays;
  }

  setOverlaysVisible(visible: boolean): void {
    this.calls.push(`overlays ${visible}`);
  }

  state(): ViewState {
    return { index: this.index, count: this.imageIds.length, zoom: this.zoom, windowCentre: 40, windowWidth: 400, inverted: false };
  }

  zoomBy(factor: number): void {
    this.calls.push(`zoomBy ${factor}`);
    this.zoom *= factor;
  }

  panBy(dx: number, dy: number): void {
    this.calls.push(`panBy ${dx} ${dy}`);
  }

  adjust(lighter: number, contrast: number): void {
    this.calls.push(`adjust ${lighter} ${contrast}`);
  }

  fit(): void {
    this.calls.push('fit');
    this.zoom = 1;
  }

  reset(): void {
    this.calls.push('reset');
    this.zoom = 1;
  }

  imageToCanvas(column: number, row: number): { x: number; y: number } {
    return { x: column, y: row };
  }

  imageBox(): { x: number; y: number; width: number; height: number } {
    return { x: 0, y: 0, width: 100, height: 100 };
  }

  cacheStats(): { bytes: number; cap: number } {
    return { bytes: 0, cap: 0 };
  }

  resize(): void {
    this.calls.push('resize');
  }

  destroy(): void {
    this.calls.push('destroy');
    this.destroyed = true;
  }
}

export class FakeEngine implements EngineApi {
  /** What the next `show()` does (each view's `settleShow` ends a hang). */
  showWill: Outcome = 'ok';
  /** What the next `setIndex()` does. */
  setIndexWill: Outcome = 'ok';
  /** Every view opened, oldest first. */
  readonly views: FakeStackView[] = [];
  /** Every stack registered, oldest first. */
  readonly registrations: FakeRegistration[] = [];
  /** Every `configure()` call. */
  readonly configured: Partial<EngineSettings>[] = [];

  get lastView(): FakeStackView | undefined {
    return this.views.at(-1);
  }

  get lastRegistration(): FakeRegistration | undefined {
    return this.registrations.at(-1);
  }

  open(element: HTMLDivElement, callbacks: StackViewCallbacks): FakeStackView {
    const view = new FakeStackView(this, element, callbacks);
    this.views.push(view);
    return view;
  }

  register(stack: PreparedStack, headers: HeaderSource): FakeRegistration {
    const registration: FakeRegistration = {
      stack,
      headers,
      released: false,
      imageIds: Array.from({ length: stack.count }, (_, i) => `fake:${this.registrations.length}/${i}`),
      release: () => {
        registration.released = true;
      },
    };
    this.registrations.push(registration);
    return registration;
  }

  configure(settings: Partial<EngineSettings>): void {
    this.configured.push(settings);
  }

  /** Times `clear()` was called (issue 17). */
  clears = 0;

  clear(): void {
    this.clears++;
    for (const registration of this.registrations) registration.release();
  }

  cached(): { bytes: number; imageIds: string[] } {
    const ids = this.registrations.filter((r) => !r.released).flatMap((r) => r.imageIds);
    return { bytes: ids.length, imageIds: ids };
  }
}

/** How `loadEngine()` answers while the fake is installed, and how often it was asked. */
export interface FakeEngineInstall {
  engine: FakeEngine;
  /** What the next start does: start, fail (an engine that cannot load: any error), or hang. */
  startWill: 'ok' | 'hang' | Error;
  /** Times the engine was started (the loader was called). */
  starts: number;
  /** Settle a start the test made hang. */
  settleStart(outcome: 'ok' | Error): void;
}

let current: FakeEngineInstall | undefined;

/** Make `loadEngine()` give a fresh fake engine (see src/engine/index.ts `setEngineLoader`). */
export function installFakeEngine(): FakeEngineInstall {
  const engine = new FakeEngine();
  let settle: ((outcome: 'ok' | Error) => void) | undefined;
  const install: FakeEngineInstall = {
    engine,
    startWill: 'ok',
    starts: 0,
    settleStart: (outcome) => settle?.(outcome),
  };
  setEngineLoader(() => {
    install.starts++;
    return new Promise<EngineApi>((resolve, reject) => {
      settle = (outcome) => (outcome === 'ok' ? resolve(engine) : reject(outcome));
      if (install.startWill !== 'hang') {
        const outcome = install.startWill;
        setTimeout(() => settle!(outcome), 0);
      }
    });
  });
  current = install;
  return install;
}

/** Put the real engine back (for `afterEach`). */
export function uninstallFakeEngine(): void {
  current = undefined;
  setEngineLoader(undefined);
}

/** The fake installed now, if any. */
export function installedFakeEngine(): FakeEngineInstall | undefined {
  return current;
}
