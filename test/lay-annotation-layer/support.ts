import type { LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { box, loaded, nextFrame, until } from '../support/helpers.js';

/** A few frames: the layer places its tags in the frames after a draw. */
export async function settleLayout(): Promise<void> {
  for (let i = 0; i < 4; i++) await nextFrame();
}

/**
 * A viewer (eager, with `setup`) holding a layer with `annotations`, in a box of `size`, loaded and
 * with its labels rendered: `ready` is what to wait for in the layer (its markers by default; the
 * list items for a test about the list).
 */
export async function mountWithLayer(
  setup: Partial<PatientImageViewer>,
  annotations: unknown,
  size: [number, number] = [640, 480],
  setupLayer?: (layer: LayAnnotationLayer) => void,
  ready = '.marker',
): Promise<{ viewer: PatientImageViewer; layer: LayAnnotationLayer }> {
  const viewer = document.createElement('patient-image-viewer');
  viewer.loading = 'eager';
  Object.assign(viewer, setup);
  const layer = document.createElement('lay-annotation-layer');
  setupLayer?.(layer);
  layer.annotations = annotations;
  viewer.append(layer);
  box(...size).append(viewer);
  await loaded(viewer);
  await until(() => (layer.shadowRoot?.querySelectorAll(ready).length ?? 0) > 0, 5000, ready);
  await settleLayout();
  return { viewer, layer };
}
