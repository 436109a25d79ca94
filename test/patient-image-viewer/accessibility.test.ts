import { expect } from '@open-wc/testing';
import type { PatientImageViewer } from '../../src/index.js';
import { cleanup, loaded, nextEvent, serverInfo, viewer } from '../support/helpers.js';

function statusText(el: PatientImageViewer): string {
  return el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
}

function picture(el: PatientImageViewer): HTMLElement {
  return el.shadowRoot!.querySelector('[part="canvas"]')!;
}

describe('accessibility', () => {
  afterEach(cleanup);

  it('loading state: a progress bar, a live region saying so, and no axe violations', async () => {
    // Headers that never arrive keep the viewer loading.
    const el = viewer({ src: '/__synthetic/chest-xray.dcm', requestHeaders: () => new Promise(() => undefined) });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('progress')).to.exist;
    expect(statusText(el)).to.equal('Loading your image');
    await expect(el).to.be.accessible();
  });

  it('the progress bar is determinate when the size is known', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ urls: synthetic.ct.slice(0, 20).map((n) => `/__synthetic/${n}`) });
    const values: number[] = [];
    const observer = new MutationObserver(() => {
      const progress = el.shadowRoot!.querySelector('progress');
      if (progress && progress.hasAttribute('value')) values.push(progress.value);
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    await loaded(el);
    observer.disconnect();
    expect(values.length, 'progress updates').to.be.greaterThan(0);
    expect(Math.max(...values)).to.be.greaterThan(0);
  });

  it('loaded stack: named picture, announced, no axe violations', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ urls: synthetic.ct.slice(0, 10).map((n) => `/__synthetic/${n}`) });
    await loaded(el);
    await el.updateComplete;
    expect(picture(el).getAttribute('role')).to.equal('img');
    expect(picture(el).getAttribute('aria-label')).to.equal('CT scan of the head, image 1 of 10');
    expect(statusText(el)).to.equal('CT scan of the head, image 1 of 10');
    await el.goTo(2);
    await el.updateComplete;
    expect(statusText(el)).to.equal('CT scan of the head, image 3 of 10');
    await expect(el).to.be.accessible();
  });

  it('alt becomes the accessible name', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm', alt: 'Your chest X-ray from March' });
    await loaded(el);
    await el.updateComplete;
    expect(picture(el).getAttribute('aria-label')).to.equal('Your chest X-ray from March');
    expect(picture(el).tabIndex).to.equal(0);
  });

  it('[HAZ-004] error state: the message is announced and axe finds nothing', async () => {
    const el = viewer({ src: '/__fault/status/500' });
    await nextEvent(el, 'pv-error');
    await el.updateComplete;
    expect(statusText(el)).to.contain('Sorry, we cannot show this image');
    await expect(el).to.be.accessible();
  });

  it('[HAZ-005] a file with burned-in text gets a plain notice', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ src: `/__synthetic/${synthetic.burnedIn}` });
    expect((await loaded(el)).detail.burnedInText).to.equal(true);
    await el.updateComplete;
    const notice = el.shadowRoot!.querySelector('[part="notice"]');
    expect(notice?.textContent).to.contain('may have writing on it');
    const plain = viewer({ src: `/__synthetic/${synthetic.xray}` });
    await loaded(plain);
    await plain.updateComplete;
    expect(plain.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
  });

  it('explains the kind of image in plain words', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Bones look white');
  });

  it('portals can replace any words', async () => {
    const el = viewer({ src: '/__fault/status/404', messages: { errorTitle: 'Image not available' } });
    await nextEvent(el, 'pv-error');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Image not available');
  });
});
