/**
 * The engine itself: Cornerstone3D set up once for the page. Loaded only through `loadEngine()`
 * (./index.ts), by dynamic import, together with Cornerstone's modules; nothing outside
 * `src/engine/` imports this file. It imports Cornerstone for its types only: the modules come in
 * as arguments, from the one `import()` in ./index.ts.
 *
 * One engine for the whole page: one RenderingEngine shared by every viewer, one decode worker
 * pool, one image cache sized for phones.
 */
import type * as CoreNS from '@cornerstonejs/core';
import type { DisplayFixes } from '../sources/inspect.js';
import type { CornerstoneModules, EngineApi, EngineSettings, HeaderSource } from './index.js';
import { cachedImageIds, clearEngine, registerStack } from './register.js';
import { CornerstoneStackView } from './stack-view.js';

export type Core = CornerstoneModules[0];
export type Loader = CornerstoneModules[1];

/** The started engine as ./stack-view.ts and ./register.ts see it: Cornerstone's objects. Never leaves `src/engine/`. */
export interface Cornerstone {
  core: Core;
  loader: Loader;
  renderingEngine: CoreNS.RenderingEngine;
  /**
   * Register a header source for image ids starting with `prefix`. Returns an unregister function,
   * which also aborts that prefix's requests still in flight (a viewer removed mid-load).
   */
  addHeaderSource(prefix: string, source: HeaderSource): () => void;
  /**
   * Tell the engine what it would misread in one image (issue 14: Pixel Aspect Ratio...). Returns
   * a function that forgets it.
   */
  setDisplayFixes(imageId: string, fixes: DisplayFixes): () => void;
}

/** Per image id: what our metadata provider adds to or corrects in the engine's own metadata. */
const displayFixes = new Map<string, DisplayFixes>();

/** What was registered for one image id (overlays, for the view to draw). */
export function displayFixesFor(imageId: string): DisplayFixes | undefined {
  return displayFixes.get(imageId);
}

/**
 * Cornerstone 5.14's new "naturalized" metadata path did not find the pixel data of plain
 * uncompressed Part 10 files here; the dicom-parser path (still shipped) draws every test file.
 */
const LEGACY_METADATA = true;

interface HeaderEntry {
  prefix: string;
  source: HeaderSource;
  /** Requests the image loader has open for this prefix. */
  requests: Set<XMLHttpRequest>;
  released: boolean;
}
const headerSources = new Set<HeaderEntry>();

function hasWebGL2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** Start Cornerstone with `settings` (once a page: ./index.ts memoises it) and give back its plain verbs. */
export function createEngine([core, loader]: CornerstoneModules, settings: EngineSettings): EngineApi {
  const useCPU = settings.rendering === 'cpu' || (settings.rendering === 'auto' && !hasWebGL2());
  core.init({
    rendering: {
      useCPURendering: useCPU,
      // One context is enough for stack viewports and saves memory on phones.
      webGlContextCount: 1,
      preferSizeOverAccuracy: false,
    },
  } as CoreNS.Types.Cornerstone3DConfig);
  if (useCPU) core.setUseCPURendering(true);
  core.cache.setMaxCacheSize(settings.maxCacheBytes);

  const restoreLoggers = quietDeprecationNotes(core);
  loader.init({
    maxWebWorkers: settings.maxWebWorkers,
    useLegacyMetadataProvider: LEGACY_METADATA,
    beforeSend: async (xhr, imageId) => {
      for (const entry of headerSources) {
        if (!imageId.startsWith(entry.prefix)) continue;
        entry.requests.add(xhr);
        xhr.addEventListener('loadend', () => entry.requests.delete(xhr), { once: true });
        const headers = await entry.source();
        // Released while the headers were coming: the loader sends right after this returns, so stop it then.
        if (entry.released) setTimeout(() => xhr.abort(), 0);
        return headers;
      }
      return undefined;
    },
  });
  restoreLoggers();

  installSafeMetadata(core);
  quietFailedCacheLoads(core);

  const engine: Cornerstone = {
    core,
    loader,
    renderingEngine: new core.RenderingEngine('patient-image-viewer'),
    setDisplayFixes(imageId, fixes) {
      if (Object.keys(fixes).length === 0) return () => undefined;
      displayFixes.set(imageId, fixes);
      return () => displayFixes.delete(imageId);
    },
    addHeaderSource(prefix, source) {
      const entry: HeaderEntry = { prefix, source, requests: new Set(), released: false };
      headerSources.add(entry);
      return () => {
        if (entry.released) return;
        entry.released = true;
        headerSources.delete(entry);
        // Another viewer of the same series still wants these frames: its requests (queued, or sent
        // with this entry's headers) go on, and are its to stop.
        const other = [...headerSources].find((e) => e.prefix === prefix);
        if (other) {
          for (const xhr of entry.requests) {
            other.requests.add(xhr);
            xhr.addEventListener('loadend', () => other.requests.delete(xhr), { once: true });
          }
          entry.requests.clear();
          return;
        }
        // Requests still queued are dropped; those on the wire are aborted.
        const keep = (request: { additionalDetails?: unknown }) => {
          const imageId = (request.additionalDetails as { imageId?: unknown } | undefined)?.imageId;
          return !(typeof imageId === 'string' && imageId.startsWith(prefix));
        };
        core.imageLoadPoolManager.filterRequests(keep);
        core.imageRetrievalPoolManager.filterRequests(keep);
        for (const xhr of entry.requests) xhr.abort();
        entry.requests.clear();
      };
    },
  };
  return {
    open: (element, callbacks) => new CornerstoneStackView(engine, element, callbacks),
    register: (stack, headers) => registerStack(engine, stack, headers),
    configure(next) {
      if (next.maxCacheBytes !== undefined) core.cache.setMaxCacheSize(next.maxCacheBytes);
    },
    clear: () => clearEngine(engine),
    cached: () => ({ bytes: core.cache.getCacheSize(), imageIds: cachedImageIds(engine) }),
  };
}

/**
 * Quiets the image loader's two deprecation warnings ("wadors/wadouri metaDataProvider is
 * deprecated"), which its `init()` logs: they are about LEGACY_METADATA, our deliberate choice, and
 * are noise in a portal's console. Only those two loggers, only below errors, and only until the
 * returned function puts their levels back (call it right after `init()`).
 */
function quietDeprecationNotes(core: Core): () => void {
  // loglevel loggers; `persist: false` keeps the levels out of the portal's localStorage.
  type Leveled = { getLevel(): number; setLevel(level: string | number, persist: boolean): void };
  const loggers = ['wadors', 'wadouri'].map((name) => core.utilities.logger.loaderLog.getLogger(name) as unknown as Leveled);
  const levels = loggers.map((logger) => logger.getLevel());
  for (const logger of loggers) logger.setLevel('error', false);
  return () => loggers.forEach((logger, i) => logger.setLevel(levels[i]!, false));
}

/**
 * Cornerstone 5.14's `loadAndCacheImage` drops the promise `cache.putImageLoadObject` returns, and
 * that promise rethrows when a load fails (a 404, a cut connection, an aborted request): an
 * unhandled rejection on the portal's page for every failed frame. The failure itself still reaches
 * the viewer (the image-load-failed event and the viewport's own promise); this only marks the
 * cache's copy as handled. Callers that keep the promise still see the rejection.
 */
function quietFailedCacheLoads(core: Core): void {
  const cache = core.cache as unknown as { putImageLoadObject: (...args: unknown[]) => unknown };
  const put = cache.putImageLoadObject.bind(cache);
  cache.putImageLoadObject = (...args: unknown[]) => {
    const result = put(...args);
    if (result instanceof Promise) result.catch(() => undefined);
    return result;
  };
}

/**
 * Real files carry odd geometry: a chest X-ray with Pixel Spacing `0\0` draws nothing at all on
 * the WebGL path. This provider runs before the loaders' own and replaces impossible spacing
 * (zero, negative, not a number) with 1 mm, so the picture is drawn on every path. The scale is
 * then unknown, which later issues must respect (no ruler on such images).
 *
 * A file with no pixel spacing but a Pixel Aspect Ratio (an ultrasound with `4\3`) gets spacing in
 * that ratio (the engine reads the tag and never uses it), so the picture keeps its true shape on
 * both drawing paths and labels placed through the image's geometry stay on their points. The size
 * in millimetres stays unknown (src/sources/inspect.ts leaves `pixelSpacing` undefined).
 */
const CORRECTED_MODULES = new Set(['imagePlaneModule', 'voiLutModule', 'modalityLutModule', 'imagePixelModule']);

/**
 * The VOI module the engine should have read. Cornerstone 5.14's image loader takes the first
 * character of a VOI LUT Function given as a string (`'SIGMOID'[0]` is `'S'`), which its window
 * code then rejects, leaving the picture at a default 0..255 window: a mammogram with SIGMOID (or
 * any file naming LINEAR or LINEAR_EXACT) came out as a white silhouette. Given as a one-item
 * list, the loader reads the whole name. An enhanced object's window from its functional groups
 * (src/sources/inspect.ts) replaces what the engine found.
 */
function voiLutModule(module: Record<string, unknown> | undefined, fixes: DisplayFixes | undefined): unknown {
  const voi = fixes?.voi;
  const fromFile = module?.voiLUTFunction;
  const name = voi ? voi.fn : typeof fromFile === 'string' ? fromFile.trim().toUpperCase() || undefined : undefined;
  const centres = voi ? voi.centre : (module?.windowCenter as number[] | undefined);
  const widths = voi ? voi.width : (module?.windowWidth as number[] | undefined);
  const narrow = Array.isArray(widths) && widths.some((w) => w > 0 && w < 1) && (name === undefined || name === 'LINEAR');
  if (!voi && !name && !narrow) return undefined;
  let windowCenter = centres;
  let windowWidth = widths;
  if (narrow && Array.isArray(centres) && Array.isArray(widths)) {
    // A window under 1 wide (an RT Image with a rescale slope of 5.6E-06 has values below 1) has no
    // meaning for LINEAR, whose formula then turns the range inside out: the picture was drawn
    // inverted. Read it as the exact range c ± w/2, written as the LINEAR window that spans it.
    windowCenter = centres.map((c, i) => ((widths[i] ?? 1) < 1 ? c + 0.5 : c));
    windowWidth = widths.map((w) => (w < 1 ? w + 1 : w));
  }
  return { ...module, windowCenter, windowWidth, voiLUTFunction: name ? [name] : undefined };
}

function installSafeMetadata(core: Core): void {
  let inside = false;
  const provider = (type: string, imageId: string): unknown => {
    if (inside || !CORRECTED_MODULES.has(type)) return undefined;
    inside = true;
    try {
      const fixes = displayFixes.get(imageId);
      const module = core.metaData.get(type, imageId) as Record<string, unknown> | undefined;
      if (type === 'voiLutModule') return voiLutModule(module, fixes);
      if (type === 'modalityLutModule') {
        return fixes?.rescale
          ? { ...module, rescaleSlope: fixes.rescale.slope, rescaleIntercept: fixes.rescale.intercept, rescaleType: fixes.rescale.type }
          : undefined;
      }
      if (type === 'imagePixelModule') return fixes?.planar && module ? { ...module, planarConfiguration: 1 } : undefined;
      const plane = module;
      if (!plane) return undefined;
      const aspect = fixes?.aspect;
      if (aspect) {
        // [vertical, horizontal] pixel size: rows are `aspect[0] / aspect[1]` apart, columns 1.
        const rowSpacing = aspect[0] / aspect[1];
        return {
          ...plane,
          pixelSpacing: [rowSpacing, 1],
          rowPixelSpacing: rowSpacing,
          columnPixelSpacing: 1,
          usingDefaultValues: true,
        };
      }
      const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
      const spacing = plane.pixelSpacing as number[] | undefined;
      const broken =
        !ok(plane.rowPixelSpacing) ||
        !ok(plane.columnPixelSpacing) ||
        (Array.isArray(spacing) && !spacing.every(ok));
      if (!broken) return plane;
      return {
        ...plane,
        pixelSpacing: [1, 1],
        rowPixelSpacing: 1,
        columnPixelSpacing: 1,
        usingDefaultValues: true,
      };
    } finally {
      inside = false;
    }
  };
  core.metaData.addProvider(provider, 100000);
}
