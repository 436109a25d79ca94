// Our viewer's benchmark page (served at /ours/, with the script-tag build at /cdn/). See bench/run.mjs.
import { afterFrame, boot, litFraction, problems, resources, timeout } from '../common/page-kit.js';

const RENDERED = 'CORNERSTONE_IMAGE_RENDERED';
let current;
// The DICOMweb section counts every request of a cold page and a warm show (a 100-image series
// is over 100 requests): keep more than the default 250 Resource Timing entries.
performance.setResourceTimingBufferSize(5000);

/**
 * Add a viewer for `source` (a URL, a list of URLs, or `{ dicomwebRoot, studyUid, seriesUid }`);
 * resolves when its first image is drawn.
 */
async function mount(source, holder = document.querySelector('main')) {
  const viewer = document.createElement('patient-image-viewer');
  viewer.setAttribute('loading', 'eager');
  viewer.setAttribute('alt', 'Benchmark image');
  viewer.timeout = 120_000;
  if (Array.isArray(source)) viewer.urls = source;
  else if (source && typeof source === 'object') {
    viewer.setAttribute('dicomweb-root', source.dicomwebRoot);
    viewer.setAttribute('study-uid', source.studyUid);
    viewer.setAttribute('series-uid', source.seriesUid);
  } else viewer.src = source;
  let drawnAt;
  let detail;
  // Issue 15: the first picture on screen (a poster frame, or the live view): pv-first-picture.
  // A build without that event (ours-b before the change) has its first picture at pv-load.
  let firstPictureAt;
  let poster = false;
  viewer.addEventListener(
    'pv-first-picture',
    (event) => {
      firstPictureAt = performance.now();
      poster = Boolean(event.detail?.poster);
    },
    { once: true },
  );
  const loaded = new Promise((resolve, reject) => {
    viewer.addEventListener('pv-load', (event) => resolve((detail = event.detail)), { once: true });
    viewer.addEventListener('pv-error', (event) => reject(new Error(`pv-error ${event.detail?.type}`)), { once: true });
  });
  // Animation frames while loading: how many, and the longest gap (where the wait is, if any).
  const ticks = [];
  let ticking = true;
  const tick = (ts) => {
    ticks.push(ts);
    if (ticking) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const addedAt = performance.now();
  holder.append(viewer);
  // The script-tag build defines the element from its own chunk once one is in the page; the stage
  // (the element Cornerstone draws into) exists after the element's first update.
  await customElements.whenDefined('patient-image-viewer');
  await viewer.updateComplete;
  const drawn = new Promise((resolve) =>
    viewer.stage.addEventListener(RENDERED, () => resolve((drawnAt ??= performance.now())), { once: true }),
  );
  await loaded;
  const loadAt = performance.now();
  // The first frame with the picture: pv-load, or the engine's draw if that comes later.
  // The time limit's timer is cleared once drawn: the memory section's cycles leave nothing pending.
  let limit;
  const late = new Promise((_, reject) => (limit = setTimeout(() => reject(new Error('draw after pv-load: nothing after 30 s')), 30_000)));
  const renderedAt = Math.max(loadAt, await Promise.race([drawn, late]).finally(() => clearTimeout(limit)));
  ticking = false;
  const gaps = ticks.slice(1).map((t, i) => t - ticks[i]);
  const frames = { count: ticks.length, longestGap: gaps.length ? Math.max(...gaps) : undefined, afterLoad: ticks.filter((t) => t >= loadAt).length };
  return { viewer, addedAt, loadAt, renderedAt, firstPictureAt: Math.min(firstPictureAt ?? renderedAt, renderedAt), poster, renderer: detail?.renderer, frames };
}

function unmount() {
  current?.remove();
  current = undefined;
}

async function show(url) {
  unmount();
  const { viewer, addedAt, loadAt, renderedAt, firstPictureAt, poster, renderer, frames } = await mount(url);
  current = viewer;
  await afterFrame();
  return { ok: true, addedAt, loadAt, renderedAt, firstPictureAt, poster, renderer, frames, lit: litFraction(viewer._view?.canvas), resources: resources() };
}

/**
 * Scroll `length` images from image `start` (start + 1, start + 2, ..., wrapping round), each shown
 * once the previous one was drawn. Milliseconds per image.
 */
async function pass(viewer, count, start = 0, length = count) {
  if (viewer.index !== start) await step(viewer, start);
  const times = [];
  for (let k = 1; k <= length; k += 1) {
    const started = performance.now();
    await step(viewer, (start + k) % count);
    times.push(performance.now() - started);
  }
  return times;
}

async function step(viewer, i) {
  const drawn = new Promise((resolve) => viewer.stage.addEventListener(RENDERED, resolve, { once: true }));
  await viewer.goTo(i);
  await Promise.race([drawn, timeout(10_000, `image ${i}`)]);
}

let series;
/** Load the series (all slices fetched, sorted, first image drawn), then one unmeasured pass (caches every slice). */
async function loadSeries(urls) {
  unmount();
  const { viewer } = await mount(urls);
  current = viewer;
  series = { viewer, count: urls.length };
  await pass(viewer, urls.length);
  await afterFrame();
  return { ok: true, count: viewer.imageCount, cache: viewer._view?.cacheStats?.() };
}

async function scroll(start = 0, length = series.count) {
  const times = await pass(series.viewer, series.count, start, length);
  await afterFrame();
  return { ok: true, times, cache: series.viewer._view?.cacheStats?.() };
}

/** Mount and unmount `cycles` viewers of `url`, one after the other (the runner reads the heap around it). */
async function cycles(url, count) {
  unmount();
  for (let i = 0; i < count; i += 1) {
    const { viewer } = await mount(`${url}${url.includes('?') ? '&' : '?'}cycle=${i}`);
    viewer.remove();
  }
  await afterFrame();
  return { ok: true, count, problems: [...problems] };
}

/**
 * The image cache under its cap: a small cap, the whole series scrolled through once, the cache
 * size read after every image.
 */
async function cacheUnderCap(urls, capBytes) {
  unmount();
  const { configureEngine } = await import('/cdn/patient-image-viewer.js');
  configureEngine({ maxCacheBytes: capBytes });
  const { viewer } = await mount(urls);
  current = viewer;
  let largest = 0;
  for (let k = 1; k <= urls.length; k += 1) {
    await step(viewer, k % urls.length);
    largest = Math.max(largest, viewer._view.cacheStats().bytes);
  }
  const stats = viewer._view.cacheStats();
  unmount();
  return { ok: true, capBytes, cap: stats.cap, largestBytes: largest, endBytes: stats.bytes };
}

/** A viewer inside an unrevealed <finding-disclosure>: what downloads before the patient chooses. */
async function consent(url, settleMs) {
  const disclosure = document.createElement('finding-disclosure');
  disclosure.setAttribute('modality', 'CT');
  const viewer = document.createElement('patient-image-viewer');
  viewer.setAttribute('loading', 'eager');
  viewer.src = url;
  disclosure.append(viewer);
  document.querySelector('main').append(disclosure);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return { ok: true, status: viewer.status, resources: resources() };
}

boot({
  // Nothing to wait for: the element is defined when the first one is added (see mount()).
  ready: Promise.resolve(),
  show,
  clear: unmount,
  loadSeries,
  scroll,
  cycles,
  cacheUnderCap,
  consent,
});
