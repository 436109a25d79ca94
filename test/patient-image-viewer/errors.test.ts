import { expect } from '@open-wc/testing';
import type { PatientImageViewer } from '../../src/index.js';
import { box, cleanup, loaded, nextEvent, requireSharedDicom, serverInfo, settle, viewer } from '../support/helpers.js';

function shadowText(el: PatientImageViewer): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

function tryAgainButton(el: PatientImageViewer): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again');
}

const CASES = [
  { what: 'a 404', src: '/__fault/status/404', type: 'not-found', words: 'could not find this image', retry: false },
  { what: 'a 401', src: '/__fault/status/401', type: 'unauthorised', words: 'sign in', retry: true },
  { what: 'a 403', src: '/__fault/status/403', type: 'unauthorised', words: 'sign in', retry: true },
  { what: 'a server error', src: '/__fault/status/500', type: 'server', words: 'problem with the image service', retry: true },
  { what: 'a web page instead of an image', src: '/__synthetic/not-dicom.html', type: 'unsupported-format', words: 'cannot show this type of file', retry: false },
  { what: 'an unreachable server', src: 'http://127.0.0.1:9/nothing.dcm', type: 'network', words: 'internet connection', retry: true },
] as const;

const BAD_FILES = [
  { name: 'bad/MR_truncated.dcm', type: 'corrupt-file', words: 'damaged or not complete' },
  { name: 'bad/test-SR.dcm', type: 'not-an-image', words: 'does not have an image' },
  { name: 'bad/liver.dcm', type: 'not-an-image', words: 'does not have an image' },
] as const;

describe('bad input and faults', () => {
  afterEach(cleanup);

  for (const c of CASES) {
    it(`[HAZ-004] ${c.what}: a plain message on screen and pv-error type ${c.type}`, async () => {
      const el = viewer({ src: c.src });
      const event = await nextEvent(el, 'pv-error');
      expect(event.detail.type).to.equal(c.type);
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Sorry, we cannot show this image');
      expect(shadowText(el).toLowerCase()).to.contain(c.words);
      expect(event.detail.message.toLowerCase()).to.contain(c.words);
      expect(Boolean(tryAgainButton(el))).to.equal(c.retry);
      expect(el.status).to.equal('error');
    });
  }

  for (const file of BAD_FILES) {
    it(`[HAZ-004] ${file.name}: ${file.type}`, async function () {
      await requireSharedDicom(this);
      const el = viewer({ src: `/__dicom/${file.name}` });
      const event = await nextEvent(el, 'pv-error');
      expect(event.detail.type).to.equal(file.type);
      await el.updateComplete;
      expect(shadowText(el).toLowerCase()).to.contain(file.words);
    });
  }

  it('[HAZ-008] a server that never answers: a time-out message, not an endless spinner', async () => {
    const el = viewer({ src: '/__fault/hang', timeout: 1500 });
    const event = await nextEvent(el, 'pv-error', 10000);
    expect(event.detail.type).to.equal('timeout');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('taking too long');
    expect(tryAgainButton(el)).to.exist;
  });

  it("a portal's headers callback that never answers: a time-out message, not an endless spinner", async () => {
    const el = document.createElement('patient-image-viewer');
    el.loading = 'eager';
    el.timeout = 1500;
    el.requestHeaders = () => new Promise<Record<string, string>>(() => undefined);
    el.src = '/__synthetic/chest-xray.dcm';
    box(640, 480).append(el);
    const event = await nextEvent(el, 'pv-error', 10000);
    expect(event.detail.type).to.equal('timeout');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('taking too long');
  });

  it('"Try again" loads the image once the fault has passed', async () => {
    const el = viewer({ src: `/__fault/flaky/retry-${Date.now()}/chest-xray.dcm` });
    expect((await nextEvent(el, 'pv-error')).detail.type).to.equal('server');
    await el.updateComplete;
    const load = nextEvent(el, 'pv-load');
    tryAgainButton(el)!.click();
    expect((await load).detail.modality).to.equal('DX');
    expect(shadowText(el)).not.to.contain('Sorry');
  });

  it('a series with a damaged file, a missing file and a report shows the rest, and says so', async function () {
    await requireSharedDicom(this);
    const { synthetic } = await serverInfo();
    const good = synthetic.ct.slice(0, 5).map((n) => `/__synthetic/${n}`);
    const el = viewer({ urls: [...good, '/__dicom/bad/MR_truncated.dcm', '/__fault/status/404', '/__dicom/bad/test-SR.dcm'] });
    const event = await loaded(el);
    expect(event.detail.imageCount).to.equal(5);
    expect(event.detail.skippedImages).to.equal(3);
    await el.updateComplete;
    expect(shadowText(el)).to.contain('We could not show 3 of the images in this set');
  });

  it('a series where nothing can be shown is an error', async function () {
    await requireSharedDicom(this);
    const el = viewer({ urls: ['/__dicom/bad/MR_truncated.dcm', '/__dicom/bad/liver.dcm'] });
    const event = await nextEvent(el, 'pv-error');
    expect(['corrupt-file', 'not-an-image']).to.include(event.detail.type);
  });

  it('[HAZ-010] a broken viewer does not stop a second viewer on the page', async function () {
    await requireSharedDicom(this);
    const broken = viewer({ src: '/__dicom/bad/MR_truncated.dcm' });
    const good = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const [bad, ok] = await Promise.all([settle(broken), settle(good)]);
    expect(bad.type).to.equal('pv-error');
    expect(ok.type).to.equal('pv-load');
  });

  it('no source: nothing is fetched and nothing is announced as an error', async () => {
    const el = viewer({});
    await el.updateComplete;
    expect(el.status).to.equal('idle');
  });

  it('[HAZ-009] hostile strings in alt and messages are shown as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = viewer({ src: '/__fault/status/404', alt: hostile, messages: { 'error.not-found': hostile } });
    await nextEvent(el, 'pv-error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(shadowText(el)).to.contain(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('[HAZ-003] a loaded viewer stays usable after a bad source is replaced by a good one', async () => {
    const el = viewer({ src: '/__fault/status/404' });
    await nextEvent(el, 'pv-error');
    el.src = '/__synthetic/chest-xray.dcm';
    await loaded(el);
    expect(el.status).to.equal('loaded');
  });
});
