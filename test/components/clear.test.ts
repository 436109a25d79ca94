/**
 * Issue 17, part 4: a clean end. After `clearAll()` (sign-out, an inactivity time-out) nothing the
 * patient saw is left readable in the page: no pixel in any canvas, no label, question, summary or
 * report text in the DOM (shadow roots too), nothing of ours in Cornerstone's cache (asked through
 * the engine), and, when asked, nothing in storage. `pv-activity` tells the portal's inactivity
 * timer the patient is still looking. Real Cornerstone and the test server's synthetic files.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { loadEngine } from '../../src/engine/index.js';
import { PvActivityEvent, clearAll, type FindingDisclosure, type LayAnnotationLayer, type LayReport, type PatientImageViewer } from '../../src/index.js';
import { box, centreOf, cleanup, loaded, serverInfo, until } from '../support/helpers.js';
import { settleLayout } from '../lay-annotation-layer/support.js';

const LABEL = 'A small grey patch near the top';
const SUMMARY = 'The scan shows a small grey patch.';
const QUESTION = 'Is the grey patch why my head hurts?';
const REPORT = 'FINDINGS: Tiny calcified granuloma in the left frontal lobe.';

/** Every text and accessible name in the page, through shadow roots. */
function pageText(): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out.push(n.nodeValue ?? '');
    if (n instanceof Element) {
      for (const attr of n.getAttributeNames()) out.push(n.getAttribute(attr) ?? '');
      if (n instanceof HTMLTextAreaElement || n instanceof HTMLInputElement) out.push(n.value);
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(document.body);
  return out.join(' ');
}

/** Every canvas in the page, through shadow roots. */
function canvases(root: ParentNode = document): HTMLCanvasElement[] {
  const found: HTMLCanvasElement[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element instanceof HTMLCanvasElement) found.push(element);
    if (element.shadowRoot) found.push(...canvases(element.shadowRoot));
  }
  return found;
}

/** Whether any pixel of a canvas is not blank (read back through a 2D copy: WebGL canvases too). */
function painted(canvas: HTMLCanvasElement): boolean {
  if (canvas.width === 0 || canvas.height === 0) return false;
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d')!;
  context.drawImage(canvas, 0, 0);
  const { data } = context.getImageData(0, 0, copy.width, copy.height);
  for (let i = 0; i < data.length; i += 4) if (data[i]! | data[i + 1]! | data[i + 2]! | data[i + 3]!) return true;
  return false;
}

function ourStorageKeys(): string[] {
  return [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((key) => key.startsWith('pv-'));
}

interface Page {
  step: FindingDisclosure;
  viewer: PatientImageViewer;
  layer: LayAnnotationLayer;
  report: LayReport;
}

/** A consent step (shown) holding a CT viewer with labels and a saved question, and a report: all kept in session storage. */
async function mountPage(): Promise<Page> {
  const { synthetic } = await serverInfo();
  const host = box(720, 420);
  const step = document.createElement('finding-disclosure') as FindingDisclosure;
  step.modality = 'CT';
  step.studyKey = 'study-17';
  step.storage = 'session';
  const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
  viewer.loading = 'eager';
  viewer.urls = synthetic.ct.slice(0, 3).map((n) => `/__synthetic/${n}`);
  const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
  layer.studyKey = 'study-17';
  layer.storage = 'session';
  layer.annotations = {
    version: 1,
    summary: SUMMARY,
    labels: [{ id: 'patch', kind: 'finding', title: LABEL, target: { image: { index: 0 }, point: { column: 100, row: 100 } } }],
  };
  viewer.append(layer);
  step.append(viewer);
  const report = document.createElement('lay-report') as LayReport;
  report.text = REPORT;
  host.append(step, report);

  await until(() => step.state === 'asking', 5000, 'the step asks');
  step.shadowRoot!.querySelector<HTMLButtonElement>('.actions button')!.click();
  await loaded(viewer);
  await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 8000, 'markers');
  await until(() => report.status === 'ready', 8000, 'report');
  await settleLayout();
  // The patient saves a question for their appointment.
  layer.shadowRoot!.querySelector<HTMLButtonElement>('button.ask')!.click();
  await layer.updateComplete;
  const box_ = layer.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
  box_.value = QUESTION;
  [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.composer button')].find((b) => b.textContent!.includes('Save for my appointment'))!.click();
  await until(() => pageText().includes(QUESTION) && ourStorageKeys().some((key) => key.startsWith('pv-questions:')), 5000, 'question saved');
  return { step, viewer, layer, report };
}

describe('a clean end (issue 17): clear(), clearAll(), pv-activity', () => {
  afterEach(() => {
    cleanup();
    sessionStorage.clear();
    PvActivityEvent.interval = 30_000;
  });

  it('[HAZ-031] clearAll({ storage: true }): no pixel, label, summary, question or report text left in the page, nothing of ours in the cache or storage; "Signed out" until a new source', async () => {
    const { step, viewer, layer, report } = await mountPage();
    const before = pageText();
    for (const words of [LABEL, SUMMARY, QUESTION, 'calcified granuloma']) expect(before, words).to.include(words);
    expect(canvases().some(painted), 'the picture is drawn before').to.equal(true);
    const engine = await loadEngine();
    expect(engine.cached().imageIds.length, 'images cached before').to.be.greaterThan(0);

    await clearAll({ storage: true });

    const after = pageText();
    for (const words of [LABEL, SUMMARY, QUESTION, 'calcified granuloma', 'frontal', 'CT scan']) expect(after, words).not.to.include(words);
    expect(canvases().filter(painted), 'painted canvases').to.deep.equal([]);
    expect(engine.cached(), 'the engine\'s cache').to.deep.equal({ bytes: 0, imageIds: [] });
    expect(ourStorageKeys(), 'storage').to.deep.equal([]);
    for (const element of [step, viewer, layer, report]) {
      expect(element.shadowRoot!.textContent, element.localName).to.include('Signed out. Sign in again to see this.');
    }
    expect(viewer.status).to.equal('idle');
    expect(layer.labelCount).to.equal(0);
    expect(step.state).not.to.equal('shown');

    // Nothing comes back by itself; a new source (after signing in again) loads as usual.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(viewer.status).to.equal('idle');
    const { synthetic } = await serverInfo();
    viewer.remove();
    step.after(viewer);
    viewer.urls = synthetic.ct.slice(0, 2).map((n) => `/__synthetic/${n}`);
    await loaded(viewer);
    expect(viewer.shadowRoot!.textContent).not.to.include('Signed out');
    await expect(viewer).to.be.accessible();
  });

  it('[HAZ-031] clear() without storage keeps what the patient chose to keep in this browser, and forgets what was in memory', async () => {
    const { layer } = await mountPage();
    const kept = ourStorageKeys();
    expect(kept.length).to.be.greaterThan(0);
    await layer.clear();
    expect(ourStorageKeys()).to.deep.equal(kept);
    expect(layer.shadowRoot!.textContent).not.to.include(QUESTION);
    expect(layer.shadowRoot!.textContent).not.to.include(LABEL);
  });

  it('pv-activity: a tap, a key or the wheel inside an element, at most once an interval, with safe facts only', async () => {
    const { synthetic } = await serverInfo();
    const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
    viewer.loading = 'eager';
    viewer.urls = synthetic.ct.slice(0, 2).map((n) => `/__synthetic/${n}`);
    box(400, 300).append(viewer);
    await loaded(viewer);
    const heard: PvActivityEvent[] = [];
    document.addEventListener('pv-activity', (event) => heard.push(event));
    PvActivityEvent.interval = 400;
    await new Promise((resolve) => setTimeout(resolve, 450));

    const [x, y] = centreOf(viewer.shadowRoot!.querySelector('.stage')!);
    await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => heard.length === 1, 2000, 'one event');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard.length, 'throttled').to.equal(1);
    expect(heard[0]!.detail.kind).to.equal('pointer');
    expect(heard[0]!.detail.element).to.equal('patient-image-viewer');
    expect(Object.keys(heard[0]!.detail).sort()).to.deep.equal(['at', 'element', 'kind']);
    expect(heard[0]!.composed && heard[0]!.bubbles).to.equal(true);

    await new Promise((resolve) => setTimeout(resolve, 450));
    await sendKeys({ press: 'ArrowDown' });
    await until(() => heard.length === 2, 2000, 'a second event after the interval');
    expect(heard[1]!.detail.kind).to.equal('keyboard');
  });
});
