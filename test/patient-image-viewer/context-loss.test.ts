import { expect } from '@open-wc/testing';
import { cleanup, loaded, nextFrame, pictureGrid, settle, spread, until, viewer } from '../support/helpers.js';

/**
 * A lost WebGL context (a phone reclaiming GPU memory, a driver reset): the viewer must keep
 * showing the picture (by switching to CPU drawing) or say plainly that it cannot.
 * Its own file: it captures the engine's WebGL contexts as they are created.
 */
describe('a lost WebGL context', () => {
  const contexts: WebGLRenderingContext[] = [];
  const original = HTMLCanvasElement.prototype.getContext;
  before(() => {
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      const context = (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      if (context && (type === 'webgl2' || type === 'webgl')) contexts.push(context as WebGLRenderingContext);
      return context;
    } as typeof original;
  });
  after(() => {
    HTMLCanvasElement.prototype.getContext = original;
  });
  afterEach(cleanup);

  it('keeps showing the picture, now drawn on the CPU', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const event = await loaded(el);
    expect(event.detail.renderer).to.equal('gpu');
    expect(contexts.length).to.be.greaterThan(0);
    for (const context of contexts) context.getExtension('WEBGL_lose_context')?.loseContext();
    await until(() => el._view?.backend === 'cpu', 5000, 'switch to CPU drawing');
    expect(el.status).to.equal('loaded');
    el.zoomIn();
    el.fit();
    await nextFrame();
    expect(spread(pictureGrid(el, 8))).to.be.greaterThan(50);
    // A second viewer opened afterwards works too.
    const second = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const result = await settle(second);
    expect(result.type).to.equal('pv-load');
  });
});
