import type { PreparedStack } from '../sources/prepare.js';
import type { Cornerstone } from './engine.js';
import type { HeaderSource, RegisteredStack } from './index.js';

/**
 * How many registered stacks use each image id, per engine. `dicomfile:` ids are new for every
 * registration (one use each); a DICOMweb frame's `wadors:` id is its URL, the same in every viewer
 * of that series, so two viewers share its metadata and its cached image: the last one to let go
 * frees them. Freeing them under a viewer that still shows them would leave it with images it can
 * no longer load (no metadata) and make it fetch and decode again when the patient scrolls back.
 */
const usesByEngine = new WeakMap<Cornerstone, Map<string, number>>();

function usesOf(engine: Cornerstone): Map<string, number> {
  let uses = usesByEngine.get(engine);
  if (!uses) usesByEngine.set(engine, (uses = new Map()));
  return uses;
}

// --- issue 17 carer: a clean end ---
/** The stacks registered and not yet released, per engine: `clearEngine()` lets go of them all. */
const liveByEngine = new WeakMap<Cornerstone, Set<RegisteredStack>>();
/** Every image id registered since the last clear, per engine: what `cachedImageIds()` looks for. */
const idsByEngine = new WeakMap<Cornerstone, Set<string>>();

function setOf<T>(map: WeakMap<Cornerstone, Set<T>>, engine: Cornerstone): Set<T> {
  let set = map.get(engine);
  if (!set) map.set(engine, (set = new Set()));
  return set;
}

/**
 * Sign-out: release every stack still registered (their cached images, metadata, files and
 * requests in flight), then drop from the image cache any image of ours still in it.
 */
export function clearEngine(engine: Cornerstone): void {
  const live = setOf(liveByEngine, engine);
  for (const stack of [...live]) stack.release();
  live.clear();
  for (const imageId of cachedImageIds(engine)) {
    try {
      engine.core.cache.removeImageLoadObject(imageId, { force: true });
    } catch {
      // Already gone.
    }
  }
  setOf(idsByEngine, engine).clear();
}

/** The image ids of ours the engine's cache still holds (none after `clearEngine`). */
export function cachedImageIds(engine: Cornerstone): string[] {
  return [...setOf(idsByEngine, engine)].filter((imageId) => engine.core.cache.getImageLoadObject(imageId) !== undefined);
}

/**
 * Hand a prepared stack to the engine: bytes we fetched become `dicomfile:` ids (so Cornerstone
 * never fetches them again), DICOMweb frames become `wadors:` ids with their metadata registered.
 * `release()` forgets what only this stack used: its cached images, its metadata, its files.
 */
export function registerStack(engine: Cornerstone, stack: PreparedStack, headers: HeaderSource): RegisteredStack {
  const { loader, core } = engine;
  const uses = usesOf(engine);
  const imageIds: string[] = [];
  const cleanups: (() => void)[] = [];
  /** Forgets `imageId`'s own registrations (`forget`) and cached image once no stack uses it. */
  const use = (imageId: string, forget?: () => void) => {
    setOf(idsByEngine, engine).add(imageId);
    uses.set(imageId, (uses.get(imageId) ?? 0) + 1);
    cleanups.push(() => {
      const left = (uses.get(imageId) ?? 1) - 1;
      if (left > 0) {
        uses.set(imageId, left);
        return;
      }
      uses.delete(imageId);
      try {
        core.cache.removeImageLoadObject(imageId, { force: true });
      } catch {
        // Not in the cache (never loaded, or already evicted).
      }
      forget?.();
    });
  };
  if (stack.kind === 'part10') {
    for (const file of stack.files) {
      const base = loader.wadouri.fileManager.add(new Blob([file.buffer], { type: 'application/dicom' }));
      const index = Number(base.slice('dicomfile:'.length));
      const url = base.slice('dicomfile:'.length);
      const ids = file.frames > 1 ? Array.from({ length: file.frames }, (_, f) => `${base}?frame=${f + 1}`) : [base];
      ids.forEach((imageId, f) => {
        imageIds.push(imageId);
        // A frame's own window and rescale (enhanced objects) win over the file's shared ones.
        const { frames, overlays, ...fixes } = file.display;
        const own = frames?.[f];
        const frameFixes = {
          ...fixes,
          ...(own?.voi ? { voi: own.voi } : {}),
          ...(own?.rescale ? { rescale: own.rescale } : {}),
          // Overlay planes here have one frame: the first image's.
          ...(overlays && f === 0 ? { overlays } : {}),
        };
        use(imageId, engine.setDisplayFixes(imageId, frameFixes));
      });
      cleanups.push(() => {
        loader.wadouri.dataSetCacheManager.unload(url);
        loader.wadouri.fileManager.remove(index);
      });
    }
  } else {
    for (const frame of stack.frames) {
      loader.wadors.metaDataManager.add(frame.imageId, frame.metadata as never);
      imageIds.push(frame.imageId);
      use(frame.imageId, () => loader.wadors.metaDataManager.remove(frame.imageId));
    }
    cleanups.push(engine.addHeaderSource(stack.headerPrefix, headers));
  }
  let released = false;
  const live = setOf(liveByEngine, engine);
  const registered: RegisteredStack = {
    imageIds,
    release() {
      if (released) return;
      released = true;
      live.delete(registered);
      for (const cleanup of cleanups) cleanup();
    },
  };
  live.add(registered);
  return registered;
}
