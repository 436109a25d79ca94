// Shared by the benchmark pages of `npm run bench` (bench/run.mjs): ours (served as it is), and the
// bare Cornerstone3D, DWV and lower-bound pages (bundled by Vite from bench/vite.pages.config.mjs).
//
// Every page sets window.__bench = { ready, show(url), clear(), ...extras } and, when the URL has
// ?file=URL, starts showing that file at once and puts the result promise in window.__benchFirst
// (the cold run). All times are performance.now(): milliseconds from navigation start.

/** Errors the page saw, as plain strings (the failure reason of a cell). */
export const problems = [];
window.addEventListener('error', (event) => problems.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) =>
  problems.push(`unhandled rejection: ${describe(event.reason)}`),
);

export function describe(error) {
  if (!error) return String(error);
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (typeof error === 'object') return error.message ?? error.type ?? JSON.stringify(error).slice(0, 200);
  return String(error);
}

/**
 * The box every viewer draws into: the same size for all three (560 x 560 CSS px on the desktop
 * profile, the page width on a phone), the size of our viewer's picture box.
 */
export function makeBox() {
  const box = document.createElement('div');
  box.className = 'bench-box';
  document.querySelector('main').append(box);
  return box;
}

/** Share of the canvas's pixels brighter than near-black: a rendered event alone proves nothing. */
export function litFraction(source) {
  try {
    if (!source || !source.width || !source.height) return null;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d', { willReadFrequently: true });
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let lit = 0;
    let total = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      total += 1;
      if (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2] > 24) lit += 1;
    }
    return total ? lit / total : null;
  } catch {
    return null;
  }
}

/** Resolves after the next animation frame and a task: the drawn frame has been produced. */
export const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** A promise that rejects after `ms` with a plain reason. */
export const timeout = (ms, what) =>
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing after ${Math.round(ms / 1000)} s`)), ms));

/** Resource Timing entries of this page, with paths only (the bytes table and "where the time goes"). */
export function resources() {
  return performance.getEntriesByType('resource').map((entry) => ({
    name: new URL(entry.name).pathname,
    startTime: entry.startTime,
    responseEnd: entry.responseEnd,
    transferSize: entry.transferSize,
    encodedBodySize: entry.encodedBodySize,
    decodedBodySize: entry.decodedBodySize,
  }));
}

/**
 * Publish the page's API and start the cold run when asked. `api.show(url)` resolves
 * `{ ok, addedAt, renderedAt, lit, renderer?, error? }` and never rejects.
 */
export function boot(api) {
  const params = new URLSearchParams(location.search);
  const limit = Number(params.get('timeout')) || 60_000;
  const guarded = (name) => {
    const original = api[name];
    if (!original) return;
    api[name] = async (...args) => {
      const started = performance.now();
      try {
        return await Promise.race([original(...args), timeout(limit, name)]);
      } catch (error) {
        const seen = problems.length ? ` (${[...new Set(problems)].slice(0, 3).join('; ')})` : '';
        return { ok: false, addedAt: started, error: `${describe(error)}${seen}` };
      }
    };
  };
  for (const name of ['show', 'scroll']) guarded(name);
  window.__bench = api;
  // ?source=JSON: a source that is not one URL (the DICOMweb section: { dicomwebRoot, studyUid, seriesUid }).
  const source = params.get('source');
  const file = source ? JSON.parse(source) : params.get('file');
  if (file) window.__benchFirst = Promise.resolve(api.ready).then(() => api.show(file));
}
