import { expect } from '@open-wc/testing';
import { cleanup, nextEvent, viewer } from '../support/helpers.js';

/**
 * A decoder that never answers: every Web Worker on this page swallows its messages. Cornerstone
 * would wait for ever; the viewer must give up, say so and offer "Try again".
 * (Its own file: the engine and its workers are per page.)
 */
class SilentWorker extends EventTarget {
  onmessage: unknown = null;
  onerror: unknown = null;
  postMessage(): void {}
  terminate(): void {}
}

describe('a decoder that never answers', () => {
  let original: typeof Worker;
  before(() => {
    original = window.Worker;
    (window as unknown as { Worker: unknown }).Worker = SilentWorker;
  });
  after(() => {
    window.Worker = original;
  });
  afterEach(cleanup);

  it('[HAZ-008] times out with a plain message and a Try again button', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm', timeout: 2000 });
    const event = await nextEvent(el, 'pv-error', 15000);
    expect(event.detail.type).to.equal('timeout');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('taking too long');
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Try again'));
    expect(retry).to.exist;
  });
});
