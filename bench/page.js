// The bench page's script (served at /page.js). Adds one eager viewer for ?file=NAME and records,
// in window.__bench, when pv-load (or pv-error) fired, measured with performance.now() (milliseconds
// since navigation start), plus the page's Resource Timing entries and a check that something is drawn.
const params = new URLSearchParams(location.search);
const file = params.get('file') ?? '';
const result = { file, done: false };
window.__bench = result;

let finish;
window.__benchDone = new Promise((resolve) => (finish = resolve));

const viewer = document.createElement('patient-image-viewer');
viewer.setAttribute('loading', 'eager');
viewer.setAttribute('timeout', params.get('timeout') ?? '120000');
viewer.setAttribute('alt', 'Benchmark image');

viewer.addEventListener('pv-load', (event) => {
  result.loadAt = performance.now();
  result.renderer = event.detail?.renderer;
  // Let the frame reach the screen before reading it back (outside the timed span).
  requestAnimationFrame(() => setTimeout(() => done(), 0));
});
viewer.addEventListener('pv-error', (event) => {
  result.errorAt = performance.now();
  result.error = `${event.detail?.type}: ${event.detail?.message}`;
  done();
});

function done() {
  if (result.done) return;
  result.done = true;
  result.lit = litFraction();
  result.timeOrigin = performance.timeOrigin;
  result.resources = performance.getEntriesByType('resource').map((entry) => ({
    name: new URL(entry.name).pathname,
    initiatorType: entry.initiatorType,
    startTime: entry.startTime,
    responseEnd: entry.responseEnd,
    encodedBodySize: entry.encodedBodySize,
    decodedBodySize: entry.decodedBodySize,
  }));
  finish(result);
}

/** Share of the drawn picture's pixels that are not near-black (a rendered event alone proves nothing). */
function litFraction() {
  try {
    const source = viewer._view?.canvas;
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
  } catch (error) {
    return null;
  }
}

viewer.src = `/dicom/${encodeURIComponent(file)}`;
document.querySelector('main').append(viewer);
