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

  it('[HAZ-001] loads nothing behind the step (no engine, no image, no labels) until "Show my images"', async () => {
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

  it('[HAZ-001] the portal can veto the reveal with the cancellable pv-disclosure-request', async () => {
    const { step, viewer } = mount();
    await until(() => step.phase === 'asking', 3000, 'the step');
    step.addEventListener('pv-disclosure-request', (e) => e.preventDefault(), { once: true });
    button(step, 'Show my images').click();
    await step.updateComplete;
    expect(step.phase).to.equal('asking');
    expect(viewer.hold).to.equal(true);
  });

  it('[HAZ-001] "Not now" keeps the images hidden, says so, and moves focus to the way back', async () => {
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
    // They have looked: the words say the images are hidden, not that the patient has not looked "yet".
    await step.updateComplete;
    const words = step.shadowRoot!.querySelector('.deferred')!.textContent!.replace(/\s+/g, ' ');
    expect(words).to.contain('Your images are hidden.');
    expect(words).not.to.match(/\byet\b/);
  });

  for (const storage of ['session', 'local'] as const) {
    it(`[HAZ-005] remembers the choice across a reload with ${storage} storage, keyed by a hash, holding no identifying data`, async () => {
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

describe('<finding-disclosure scope="finding">: one finding, wrapped', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  /** A report paragraph about a finding, wrapped as a portal would. */
  function wrap(attrs: Record<string, string> = {}): FindingDisclosure {
    const step = document.createElement('finding-disclosure');
    step.setAttribute('scope', 'finding');
    for (const [k, v] of Object.entries(attrs)) step.setAttribute(k, v);
    step.innerHTML = '<h3>About the shadow</h3><p>There is a small shadow in the right lung.</p>';
    const before = document.createElement('button');
    before.textContent = 'Something before';
    const page = box(480, 400);
    page.append(before, step);
    return step;
  }
  /** What a sighted patient can see: the shadow root's words plus whatever is slotted. */
  const visibleText = (step: FindingDisclosure) => {
    const slot = step.shadowRoot!.querySelector('slot');
    const slotted = slot ? slot.assignedNodes({ flatten: true }).map((n) => n.textContent).join(' ') : '';
    return `${step.shadowRoot!.textContent} ${slotted}`.replace(/\s+/g, ' ');
  };

  it('[HAZ-001] says a finding is there without saying what, and shows it only when the patient chooses', async () => {
    const step = wrap();
    await until(() => step.phase === 'asking', 3000, 'the step');
    expect(visibleText(step)).to.contain('There is something in your report your care team wants to talk through with you');
    expect(visibleText(step)).not.to.contain('shadow');
    // The wrapped words are not on screen and not in the accessibility tree (not slotted).
    expect(step.querySelector('p')!.getClientRects().length).to.equal(0);
    await expect(step).to.be.accessible();

    const request = nextEvent(step, 'pv-disclosure-request');
    const reveal = nextEvent(step, 'pv-reveal');
    button(step, 'Show me now').click();
    expect((await request).detail.scope).to.equal('finding');
    expect((await reveal).detail.scope).to.equal('finding');
    await until(() => step.querySelector('p')!.getClientRects().length > 0, 3000, 'shown');
    expect(visibleText(step)).to.contain('small shadow in the right lung');
    expect(step.shadowRoot!.activeElement?.textContent).to.equal('What your care team wants to talk through');
    expect(step.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('This part of your report is now showing');
    await expect(step).to.be.accessible();

    // The way back is one step.
    button(step, 'Hide it again').click();
    await until(() => step.phase === 'deferred', 3000, 'hidden again');
    expect(step.querySelector('p')!.getClientRects().length).to.equal(0);
    expect(visibleText(step)).to.contain('You chose to wait');
    await until(() => step.shadowRoot!.activeElement?.textContent?.trim() === 'Show me now', 3000, 'focus on the way back');
  });

  it('[HAZ-001] cannot be shown before the date the portal set, and the patient is told when', async () => {
    const step = wrap({ 'not-before': '2099-12-01' });
    await until(() => step.phase === 'asking', 3000, 'the step');
    expect(visibleText(step)).to.contain('You can choose to see it from 1 December 2099');
    expect([...step.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal([
      "I'll wait to talk to my care team",
    ]);
    await expect(step).to.be.accessible();
  });

  it('[HAZ-001] a remembered "show" still waits for the date; each finding in a study is remembered on its own', async () => {
    const shown = wrap({ 'study-key': 'study-7', 'finding-key': 'a', storage: 'local' });
    await until(() => shown.phase === 'asking', 3000, 'the step');
    button(shown, 'Show me now').click();
    await until(() => shown.phase === 'shown', 3000, 'shown');
    cleanup();
    const again = wrap({ 'study-key': 'study-7', 'finding-key': 'a', storage: 'local' });
    await until(() => again.phase === 'shown', 3000, 'remembered');
    const other = wrap({ 'study-key': 'study-7', 'finding-key': 'b', storage: 'local' });
    await until(() => other.phase === 'asking', 3000, 'a different finding asks');
    cleanup();
    const moved = wrap({ 'study-key': 'study-7', 'finding-key': 'a', storage: 'local', 'not-before': '2099-12-01' });
    await until(() => moved.phase === 'deferred', 3000, 'the date wins');
    expect(visibleText(moved)).not.to.contain('shadow');
  });

  it('the portal can veto, and the patient is told it cannot be shown just now', async () => {
    const step = wrap();
    await until(() => step.phase === 'asking', 3000, 'the step');
    step.addEventListener('pv-disclosure-request', (e) => e.preventDefault(), { once: true });
    button(step, 'Show me now').click();
    await step.updateComplete;
    expect(step.phase).to.equal('asking');
    expect(step.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('This cannot be shown just now');
  });

  it('keyboard only: Tab from the page to "Show me now", Enter', async () => {
    const step = wrap();
    await until(() => step.phase === 'asking', 3000, 'the step');
    (step.previousElementSibling as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(step.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Show me now');
    await sendKeys({ press: 'Enter' });
    await until(() => step.phase === 'shown', 3000, 'shown');
  });
});
