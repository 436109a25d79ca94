/**
 * The demo page's own script: plain JavaScript, no bundling, loaded as a file (the page's Content
 * Security Policy allows no inline scripts).
 *
 * - gives the CT viewer its 40 slices (`urls`) from data/manifest.json;
 * - gives the third viewer the files the person picks (`files`); nothing is uploaded;
 * - lists the viewers' events in the "Events" panel. Their details hold only safe facts
 *   (modality, image count, index, error type), never personal data.
 */
const EVENT_TYPES = [
  'pv-load',
  'pv-error',
  'pv-image-change',
  'pv-disclosure-request',
  'pv-reveal',
  'pv-defer',
  'pv-label-select',
  'pv-annotation-error',
  'pv-link-blocked',
  'pv-question',
  'pv-report-error',
];
const MAX_EVENTS = 30;

const eventList = /** @type {HTMLOListElement} */ (document.getElementById('events'));
const eventsEmpty = /** @type {HTMLElement} */ (document.getElementById('events-empty'));

/** Add one line to the Events panel, newest first. */
function record(type, source, detail) {
  const item = document.createElement('li');
  item.className = `demo-events__item demo-events__item--${type}`;
  const time = document.createElement('span');
  time.className = 'demo-events__time';
  time.textContent = new Date().toLocaleTimeString('en-GB');
  const name = document.createElement('strong');
  name.textContent = type;
  const from = document.createElement('span');
  from.textContent = ` from ${source}`;
  const data = document.createElement('code');
  data.className = 'demo-events__detail';
  data.textContent = JSON.stringify(detail);
  item.append(time, ' ', name, from, document.createElement('br'), data);
  eventList.prepend(item);
  while (eventList.children.length > MAX_EVENTS) eventList.lastElementChild?.remove();
  eventsEmpty.hidden = true;
}

/** Which viewer an event came from, in words. */
function sourceName(target) {
  const section = target instanceof Element ? target.closest('section') : null;
  return section?.querySelector('h2')?.textContent?.trim() ?? 'a viewer';
}

for (const type of EVENT_TYPES) {
  document.addEventListener(type, (event) => record(type, sourceName(event.target), event.detail));
}

document.getElementById('clear-events')?.addEventListener('click', () => {
  eventList.replaceChildren();
  eventsEmpty.hidden = false;
});

// Your own files: read in the browser, never uploaded.
const picker = /** @type {HTMLInputElement} */ (document.getElementById('own-file'));
const own = document.getElementById('own');
picker.addEventListener('change', async () => {
  const files = Array.from(picker.files ?? []);
  if (files.length === 0) return;
  await customElements.whenDefined('patient-image-viewer');
  own.hidden = false;
  own.files = files;
});

// The CT series: one URL per slice, in any order (the viewer sorts them by position).
const ct = document.getElementById('ct');
try {
  const response = await fetch('data/manifest.json');
  if (!response.ok) throw new Error(`data/manifest.json: HTTP ${response.status}`);
  const manifest = await response.json();
  await customElements.whenDefined('patient-image-viewer');
  ct.urls = manifest.ct.map((name) => `data/${name}`);
} catch (error) {
  record('demo-error', 'this page', { message: String(error instanceof Error ? error.message : error) });
}
