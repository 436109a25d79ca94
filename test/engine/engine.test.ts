import { expect } from '@open-wc/testing';
import { configureEngine, getEngineSettings, loadEngine } from '../../src/engine/index.js';
import { cleanup, loaded, viewer } from '../support/helpers.js';

/** Cornerstone itself, started: the engine API hides it, so the test reads the same module the engine imported. */
async function cornerstone() {
  await loadEngine();
  return import('@cornerstonejs/core');
}

// Its own file: engine settings are page-wide.
describe('one engine for the page, set up for phones', () => {
  afterEach(cleanup);

  it('shares one rendering engine between viewers, with one WebGL context and a capped cache', async () => {
    configureEngine({ maxCacheBytes: 64 * 1024 * 1024 });
    const a = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const b = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await Promise.all([loaded(a), loaded(b)]);
    const core = await cornerstone();
    expect(core.getRenderingEngines()!.length).to.equal(1);
    expect(core.getConfiguration().rendering?.webGlContextCount).to.equal(1);
    expect(core.cache.getMaxCacheSize()).to.equal(64 * 1024 * 1024);
    // The cap can change at any time.
    configureEngine({ maxCacheBytes: 32 * 1024 * 1024 });
    expect(core.cache.getMaxCacheSize()).to.equal(32 * 1024 * 1024);
    expect(getEngineSettings().maxCacheBytes).to.equal(32 * 1024 * 1024);
  });

  it('frees a viewer\'s images from the cache when it is removed', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(el);
    const core = await cornerstone();
    const before = core.cache.getCacheSize();
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(core.cache.getCacheSize()).to.be.lessThan(before);
  });
});
