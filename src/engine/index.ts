/**
 * The imaging engine's one front door: what the rest of the library may know about drawing
 * pictures. Plain verbs (open a view on an element, register a prepared stack, configure), one
 * memoised `loadEngine()`, and failures already classified as `ViewerError`s (./errors.ts).
 *
 * Cornerstone3D stays behind the dynamic `import()`s below, so a page that never shows an image (a
 * closed consent step, an error) never downloads it. This file holds no Cornerstone code: the
 * script-tag shell imports it statically (for `configureEngine` and `preloadEngine`). The engine
 * itself is ./engine.ts (with ./stack-view.ts and ./register.ts), loaded by that same `import()`.
 *
 * One engine for the whole page: one RenderingEngine shared by every viewer, one decode worker
 * pool, one image cache sized for phones.
 */
import type * as CoreNS from '@cornerstonejs/core';
import type * as LoaderNS from '@cornerstonejs/dicom-image-loader';
import { ViewerError } from '../sources/errors.js';
import type { PreparedStack } from '../sources/prepare.js';

/** @internal Cornerstone's two modules, as `import()` gives them (only ./engine.ts reads them). */
export type CornerstoneModules = [typeof CoreNS, typeof LoaderNS];

/** How images are drawn: `auto` uses WebGL where the browser has it, else the CPU. */
export type RenderingMode = 'auto' | 'gpu' | 'cpu';

/** Settings for the shared imaging engine (see `configureEngine`). */
export interface EngineSettings {
  /** Image cache cap in bytes. Default 256 MiB: enough for a few CT series on a phone. */
  maxCacheBytes: number;
  /** `auto` (default), `gpu` or `cpu`. Read once, when the engine first loads. */
  rendering: RenderingMode;
  /** Decode workers. Default: half the cores, at least 1, at most 2. */
  maxWebWorkers: number;
}

/** Supplies request headers (a bearer token) for one image id; registered per viewer. */
export type HeaderSource = () => Promise<Record<string, string>> | Record<string, string>;

/** What a view looks like now. */
export interface ViewState {
  index: number;
  count: number;
  /** 1 = fitted to the box. */
  zoom: number;
  /** Window centre and width in the image's own units. */
  windowCentre: number;
  windowWidth: number;
  /** True for images stored "inverted" (MONOCHROME1): the display flips them. */
  inverted: boolean;
}

/** What a view tells its viewer. Every error is already classified. */
export interface StackViewCallbacks {
  /** The engine failed to load or decode one of this view's images. */
  onImageFailed(error: ViewerError): void;
  /**
   * The GPU went away; `redrawn` settles once the view has redrawn on the CPU path (it rejects with
   * a `rendering-unavailable` error if it could not).
   */
  onContextLost(redrawn: Promise<void>): void;
  /** The engine drew the view (a new image, a zoom, a move, a brightness change, a resize). */
  onRendered(): void;
}

/** A drawing of one image stack inside one element, owned by one viewer. Renders no DOM of its own. */
export interface StackView {
  /** `cpu` or `gpu`. */
  readonly backend: 'cpu' | 'gpu';
  /** The canvas the engine draws into. */
  readonly canvas: HTMLCanvasElement;
  /** Show a registered stack at image `index`. Resolves once drawn; rejects with a `ViewerError` (the first of its images that failed). */
  show(imageIds: string[], index: number): Promise<void>;
  /** Show image `index` (clamped). Rejects with a `ViewerError`. */
  setIndex(index: number): Promise<void>;
  /** Whether the current image has graphics overlays (marks drawn by the person who reported it). */
  hasOverlays(): boolean;
  /** Show or hide the image's overlays (they are shown by default). */
  setOverlaysVisible(visible: boolean): void;
  state(): ViewState;
  /** Multiply the zoom by `factor`, keeping it between a quarter and 20 times the fitted size. */
  zoomBy(factor: number): void;
  /** Move the picture by a number of CSS pixels on screen. */
  panBy(dx: number, dy: number): void;
  /** Lighter (`lighter` > 0) or darker, more contrast (`contrast` > 0) or less, in tenths of the window. */
  adjust(lighter: number, contrast: number): void;
  /** Fit the picture to the box again (zoom and position only). */
  fit(): void;
  /** Back to how the picture first looked: fitted, with the file's own brightness. */
  reset(): void;
  /** Where a point of the current image (column, row; integers are pixel centres) is on the canvas, in CSS pixels. */
  imageToCanvas(column: number, row: number): { x: number; y: number } | undefined;
  /** Where the picture sits on the canvas, in CSS pixels: the corners of the first and last pixel. */
  imageBox(): { x: number; y: number; width: number; height: number } | undefined;
  /** @internal The shared image cache: bytes in use and the cap (benchmarks and diagnostics). */
  cacheStats(): { bytes: number; cap: number };
  /** Tell the engine the box changed size. */
  resize(): void;
  /** Stop drawing, let go of the element, and empty it (no old pixels left behind). */
  destroy(): void;
}

/** Image ids for a prepared stack, and a function that frees everything registered for it. */
export interface RegisteredStack {
  imageIds: string[];
  /** Forget the stack's images and stop their requests still in flight. */
  release(): void;
}

/** The imaging engine, in plain verbs. */
export interface EngineApi {
  /** Start a view on `element`, which must be laid out with a non-zero size. */
  open(element: HTMLDivElement, callbacks: StackViewCallbacks): StackView;
  /** Hand a prepared stack to the engine; `headers` supplies request headers for images it fetches itself (DICOMweb). */
  register(stack: PreparedStack, headers: HeaderSource): RegisteredStack;
  /** Apply settings that can change once started (the cache cap). */
  configure(settings: Partial<EngineSettings>): void;
  /**
   * Issue 17 (sign-out): let go of every stack still registered and empty the image cache of our
   * images (decoded pixels, metadata, fetched files; requests in flight are stopped). Views are the
   * viewers' to destroy first.
   */
  clear(): void;
  /** Issue 17: what the image cache still holds: its bytes, and which of our image ids (none after `clear()`). */
  cached(): { bytes: number; imageIds: string[] };
}

const settings: EngineSettings = {
  maxCacheBytes: 256 * 1024 * 1024,
  rendering: 'auto',
  maxWebWorkers: Math.max(1, Math.min(2, Math.floor((globalThis.navigator?.hardwareConcurrency ?? 2) / 2))),
};

/**
 * @internal How Cornerstone's modules are imported (not exported from the package). A test swaps
 * `modules` for an import that fails, as it does in an app whose bundler mishandles Cornerstone
 * ("Class extends value undefined"), to check that the failure reaches the portal as `engine-failed`.
 */
export const engineImports = {
  modules: (): Promise<CornerstoneModules> =>
    Promise.all([import('@cornerstonejs/core'), import('@cornerstonejs/dicom-image-loader')]),
};

let modulesPromise: Promise<[CornerstoneModules, typeof import('./engine.js')]> | undefined;
let enginePromise: Promise<EngineApi> | undefined;
let loadedEngine: EngineApi | undefined;
let fakeLoader: (() => Promise<EngineApi>) | undefined;

/**
 * Change engine-wide settings. `maxCacheBytes` applies at once; `rendering` and `maxWebWorkers`
 * apply only if the engine has not loaded yet.
 */
export function configureEngine(next: Partial<EngineSettings>): void {
  Object.assign(settings, next);
  if (next.maxCacheBytes !== undefined) loadedEngine?.configure({ maxCacheBytes: next.maxCacheBytes });
}

/** The current engine settings (a copy). */
export function getEngineSettings(): EngineSettings {
  return { ...settings };
}

/** True once the engine has been asked for (and so its bytes requested); settings such as `rendering` no longer apply. */
export function isEngineRequested(): boolean {
  return enginePromise !== undefined;
}

/**
 * Start downloading the engine now (Cornerstone's modules and ours), without starting it: no WebGL
 * probe, no worker, settings still open to `configureEngine`. Memoised; `loadEngine()` uses the
 * same download. The script-tag shell calls it as soon as it sees a viewer that will draw, so the
 * engine downloads alongside the viewer's own chunk instead of after it.
 */
export function preloadEngine(): Promise<void> {
  if (fakeLoader) return Promise.resolve();
  return download().then(() => undefined);
}

function download(): Promise<[CornerstoneModules, typeof import('./engine.js')]> {
  modulesPromise ??= Promise.all([engineImports.modules(), import('./engine.js')]).catch((error: unknown) => {
    modulesPromise = undefined;
    throw error;
  });
  return modulesPromise;
}

/**
 * Load and start the engine once; every later call gets the same promise. A failure rejects with
 * an `engine-failed` `ViewerError` (and says why in the console), and lets a later call (the
 * "Try again" button) import again.
 */
export function loadEngine(): Promise<EngineApi> {
  enginePromise ??= (fakeLoader ?? start)().then(
    (engine) => (loadedEngine = engine),
    (error: unknown) => {
      enginePromise = undefined;
      throw engineFailure(error);
    },
  );
  return enginePromise;
}

/**
 * The engine's modules failed to load or start (a bundler setting missed, a chunk missing on the
 * server, a blocked script). Not the patient's browser and not the image: said where the portal's
 * developers look (the console), and reported as `engine-failed` with the cause.
 */
function engineFailure(error: unknown): ViewerError {
  if (error instanceof ViewerError) return error;
  console.error(
    'patient-image-viewer: the imaging engine could not start. This is a fault in how the page loads the library (bundler settings, missing files on the server, a blocked script), not in the image or the patient\'s browser. Cause:',
    error,
  );
  return new ViewerError('engine-failed', 'The image engine did not start.', { cause: error });
}

async function start(): Promise<EngineApi> {
  const [modules, { createEngine }] = await download();
  return createEngine(modules, getEngineSettings());
}

/**
 * Issue 17 (sign-out): empty the engine's image cache of our images, if the engine was ever
 * started (a page that never drew loads nothing for this).
 */
export async function clearEngineCache(): Promise<void> {
  if (!enginePromise) return;
  try {
    (await enginePromise).clear();
  } catch {
    // The engine never started: nothing is cached.
  }
}

/**
 * Test-only: make `loadEngine()` use `loader` instead of Cornerstone (a fake engine, see
 * test/fakes/fake-engine.ts), or the real engine again with `undefined`. Forgets the engine loaded
 * so far. Not exported from the package.
 */
export function setEngineLoader(loader: (() => Promise<EngineApi>) | undefined): void {
  fakeLoader = loader;
  enginePromise = undefined;
  loadedEngine = undefined;
}
