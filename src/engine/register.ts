import type { PreparedStack } from '../sources/prepare.js';
import type { Cornerstone } from './engine.js';
import type { HeaderSource, RegisteredStack } from './index.js';

/**
 * Hand a prepared stack to the engine: bytes we fetched become `dicomfile:` ids (so Cornerstone
 * never fetches them again), DICOMweb frames become `wadors:` ids with their metadata registered.
 */
export function registerStack(engine: Cornerstone, stack: PreparedStack, headers: HeaderSource): RegisteredStack {
  const { loader, core } = engine;
  const imageIds: string[] = [];
  const cleanups: (() => void)[] = [];
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
        cleanups.push(engine.setDisplayFixes(imageId, frameFixes));
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
      cleanups.push(() => loader.wadors.metaDataManager.remove(frame.imageId));
    }
    cleanups.push(engine.addHeaderSource(stack.headerPrefix, headers));
  }
  return {
    imageIds,
    release() {
      for (const imageId of imageIds) {
        try {
          core.cache.removeImageLoadObject(imageId, { force: true });
        } catch {
          // Not in the cache (never loaded, or already evicted).
        }
      }
      for (const cleanup of cleanups) cleanup();
    },
  };
}
