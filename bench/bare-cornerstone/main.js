// A bare Cornerstone3D page for `npm run bench`: a minimal stack viewport, no wrapper, the same
// engine and loader settings as our viewer (src/engine/engine.ts): one WebGL context, a 256 MiB
// image cache, the legacy (dicom-parser) metadata path and the same number of decode workers.
// Cornerstone is imported statically, as a page that only shows images would. Bundled by Vite
// (bench/vite.pages.config.mjs) into a temporary folder.
import { Enums, RenderingEngine, cache, eventTarget, init } from '@cornerstonejs/core';
import { init as initLoader, wadors } from '@cornerstonejs/dicom-image-loader';
import { afterFrame, boot, litFraction, makeBox, resources, timeout } from '../common/page-kit.js';

const { IMAGE_RENDERED, IMAGE_LOAD_FAILED } = Enums.Events;

init({ rendering: { webGlContextCount: 1, preferSizeOverAccuracy: false } });
cache.setMaxCacheSize(256 * 1024 * 1024);
initLoader({
  maxWebWorkers: Math.max(1, Math.min(2, Math.floor((navigator.hardwareConcurrency ?? 2) / 2))),
  useLegacyMetadataProvider: true,
});
const renderingEngine = new RenderingEngine('bench');

let current;
let nextId = 0;
let failure;
eventTarget.addEventListener(IMAGE_LOAD_FAILED, (event) => failure?.(event.detail?.error ?? 'image load failed'));

function clear() {
  if (!current) return;
  try {
    renderingEngine.disableElement(current.viewportId);
  } catch {
    /* gone */
  }
  current.element.remove();
  current = undefined;
}

/**
 * Add a viewport, show `imageIds` (or the ones a function finds: a DICOMweb series' metadata) from
 * `index`; resolves when the image is drawn.
 */
async function mount(imageIds, index = 0) {
  clear();
  const element = makeBox();
  const viewportId = `bench-${nextId++}`;
  const failed = new Promise((_, reject) => (failure = (error) => reject(new Error(`image load failed: ${error?.message ?? error}`))));
  const addedAt = performance.now();
  renderingEngine.enableElement({ viewportId, element, type: Enums.ViewportType.STACK });
  const viewport = renderingEngine.getViewport(viewportId);
  current = { element, viewportId, viewport };
  let drawnAt;
  const drawn = new Promise((resolve) => element.addEventListener(IMAGE_RENDERED, () => resolve((drawnAt ??= performance.now())), { once: true }));
  const ids = typeof imageIds === 'function' ? await imageIds() : imageIds;
  await Promise.race([viewport.setStack(ids, index), failed]);
  viewport.render();
  const loadAt = performance.now();
  const renderedAt = Math.max(loadAt, await Promise.race([drawn, failed, timeout(30_000, 'draw')]));
  return { addedAt, loadAt, renderedAt, viewport, element };
}

/**
 * A DICOMweb series by its UIDs (the bench's DICOMweb section), as a page using Cornerstone alone
 * would: the series metadata (one request), each instance's metadata given to the wadors loader,
 * `wadors:` ids for the first frames in Instance Number order.
 */
async function dicomwebImageIds({ dicomwebRoot, studyUid, seriesUid }) {
  const seriesUrl = `${new URL(dicomwebRoot, location.href).href.replace(/\/+$/, '')}/studies/${studyUid}/series/${seriesUid}`;
  const response = await fetch(`${seriesUrl}/metadata`, { headers: { accept: 'application/dicom+json' } });
  if (!response.ok) throw new Error(`series metadata: HTTP ${response.status}`);
  const instances = await response.json();
  const number = (json) => Number(json['00200013']?.Value?.[0] ?? 0);
  instances.sort((a, b) => number(a) - number(b));
  return instances.map((json) => {
    const imageId = `wadors:${seriesUrl}/instances/${json['00080018'].Value[0]}/frames/1`;
    wadors.metaDataManager.add(imageId, json);
    return imageId;
  });
}

/** Show one file by its URL, or a DICOMweb series (`{ dicomwebRoot, studyUid, seriesUid }`). */
async function show(url) {
  const ids = typeof url === 'object' ? () => dicomwebImageIds(url) : [`wadouri:${new URL(url, location.href).href}`];
  const { addedAt, loadAt, renderedAt, viewport } = await mount(ids);
  await afterFrame();
  return {
    ok: true,
    addedAt,
    loadAt,
    renderedAt,
    renderer: viewport.useCPURendering ? 'cpu' : 'gpu',
    lit: litFraction(viewport.canvas),
    resources: resources(),
  };
}

/** As ours: `length` images from `start`, each shown once the previous one was drawn (ms per image). */
async function pass(count, start = 0, length = count) {
  const { viewport } = current;
  if (viewport.getCurrentImageIdIndex() !== start) await step(start);
  const times = [];
  for (let k = 1; k <= length; k += 1) {
    const started = performance.now();
    await step((start + k) % count);
    times.push(performance.now() - started);
  }
  return times;
}

async function step(i) {
  const { viewport, element } = current;
  const drawn = new Promise((resolve) => element.addEventListener(IMAGE_RENDERED, resolve, { once: true }));
  await viewport.setImageIdIndex(i);
  await Promise.race([drawn, timeout(10_000, `image ${i}`)]);
}

let count = 0;
async function loadSeries(urls) {
  await mount(urls.map((url) => `wadouri:${new URL(url, location.href).href}`));
  count = urls.length;
  await pass(count);
  await afterFrame();
  return { ok: true, count };
}

async function scroll(start = 0, length = count) {
  const times = await pass(count, start, length);
  await afterFrame();
  return { ok: true, times };
}

boot({ ready: Promise.resolve(), show, clear, loadSeries, scroll });
