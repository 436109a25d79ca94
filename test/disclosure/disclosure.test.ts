import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FindingDisclosure, PatientImageViewer } from '../../src/index.js';
import { box, cleanup, loaded, nextEvent, until } from '../support/helpers.js';

/** Requests this page has made for the engine, images or annotation documents. */
function contentRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /cornerstone|dicom-image-loader|vtk|codec|chest-xray|\.json(\?|$)/i.test(name) && !name.includes('/__info'));
}

function mount(attrs: Record<string, string> = {}): { step: FindingDisclosure; viewer: PatientImageViewer } {
  const step = document.createElement('finding-disclosure');
  step.setAttribute('modality', 'DX');
  for (const [k, v] of Object.entries(attrs)) step.setAttribute(k, v);
  step.innerHTML = `<patient-image-viewer loading="eager" src="/__synthetic/chest-xray.dcm">
      <lay-annotation-layer src="/examples/annotations/chest-xray.json"></lay-annotation-layer>
    </patient-image-viewer>`;
  box(640, 400).append(step);
  return { step, viewer: step.querySelector('patient-image-viewer')! };
}

function button(step: FindingDisclosure, label: string): HTMLButtonElement {
  const found = [...step.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no "${label}" button`);
  return found;
}

// Its own file: the engine must not have been loaded on this page before the first test.
describe('<finding-disclosure>: the patient chooses', () => {
  before(() => performance.setResourceTimingBufferSize(100000));
  afterEach(() => {
    cleanup();
    sessionStorage.clear();
    localStorage.clear();
  });

  it('loads nothing behind the step (no engine, no image, no labels) until "Show my images"', async () => {
    const { step, viewer } = mount();
    await until(() => step.phase === 'asking', 3000, 'the step');
    await new Promise((r) => setTimeout(r, 1500));
    expect(contentRequests(), contentRequests().join(', ')).to.deep.equal([]);
    expect(viewer.hold).to.equal(true);
    expect(viewer.status).to.equal('idle');
    const text = step.shadowRoot!.textContent!;
    expect(text).to.contain('Before you look at your images');
    expect(text).to.contain('X-ray');
    expect(text).to.contain('You can stop looking at any time');
    await expect(step).to.be.accessible();

    const reveal = nextEvent(step, 'pv-reveal');
    button(step, 'Show my images').click();
    const event = await reveal;
    expect(event.detail.scope).to.equal('study');
    expect(event.detail.remembered).to.equal(false);
    expect(Object.keys(event.detail).sort()).to.deep.equal(['at', 'remembered', 'scope']);
    await loaded(viewer);
    // Focus moves to the heading of what was revealed, and a screen reader hears it.
    expect(step.shadowRoot!.activeElement?.textContent).to.equal('Your images');
    expect(step.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('now showing');
    expect(contentRequests().some((n) => n.includes('chest-xray'))).to.equal(true);
    await expect(step).to.be.accessible();
  });

  it('the portal can veto the reveal with the cancellable pv-disclosure-request', async () => {
    const { step, viewer } = mount();
    await until(() => step.phase === 'asking', 3000, 'the step');
    step.addEventListener('pv-disclosure-request', (e) => e.preventDefault(), { once: true });
    button(step, 'Show my images').click();
    await step.updateComplete;
    expect(step.phase).to.equal('asking');
    expect(viewer.hold).to.equal(true);
  });

  it('"Not now" keeps the images hidden, says so, and moves focus to the way back', async () => {
    const { step, viewer } = mount({ 'talk-href': '/talk' });
    await until(() => step.phase === 'asking', 3000, 'the step');
    expect(step.shadowRoot!.querySelector('a')!.textContent).to.contain("I'd rather talk to someone first");
    const defer = nextEvent(step, 'pv-defer');
    button(step, 'Not now').click();
    expect((await defer).detail.scope).to.equal('study');
    await step.updateComplete;
    expect(step.phase).to.equal('deferred');
    expect(viewer.hold).to.equal(true);
    expect(step.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Show my images');
    await expect(step).to.be.accessible();
  });

  it('keyboard only: Tab to "Show my images", Enter; then "Hide my images" puts them away again', async () => {
    const { step, viewer } = mount();
    await until(() => step.phase === 'asking', 3000, 'the step');
    button(step, 'Show my images').focus();
    await sendKeys({ press: 'Enter' });
    await loaded(viewer);
    button(step, 'Hide my images').click();
    await until(() => viewer.status === 'idle', 3000, 'put away');
    expect(step.phase).to.equal('deferred');
  });

  for (const storage of ['session', 'local'] as const) {
    it(`remembers the choice across a reload with ${storage} storage, keyed by a hash, holding no identifying data`, async () => {
      const studyKey = 'ACC-SYN-777';
      const first = mount({ 'study-key': studyKey, storage });
      await until(() => first.step.phase === 'asking', 3000, 'the step');
      button(first.step, 'Show my images').click();
      await loaded(first.viewer);
      cleanup();
      const store = storage === 'session' ? sessionStorage : localStorage;
      const keys = Object.keys(store);
      expect(keys.length).to.equal(1);
      expect(keys[0]).to.match(/^pv-choice:[0-9a-f]{64}$/);
      const value = store.getItem(keys[0]!)!;
      expect(value).not.to.contain(studyKey);
      expect(Object.keys(JSON.parse(value)).sort()).to.deep.equal(['at', 'choice']);
      // "Reload": a new element for the same study goes straight to the images.
      const again = mount({ 'study-key': studyKey, storage });
      const reveal = await nextEvent(again.step, 'pv-reveal');
      expect(reveal.detail.remembered).to.equal(true);
      await loaded(again.viewer);
    });
  }

  it('memory storage (the default) forgets on reload but not within the page', async () => {
    const first = mount({ 'study-key': 'memory-study' });
    await until(() => first.step.phase === 'asking', 3000, 'the step');
    button(first.step, 'Not now').click();
    await until(() => first.step.phase === 'deferred', 3000, 'deferred');
    cleanup();
    expect(Object.keys(sessionStorage).length + Object.keys(localStorage).length).to.equal(0);
    const again = mount({ 'study-key': 'memory-study' });
    await until(() => again.step.phase === 'deferred', 3000, 'remembered within the page');
  });
});
