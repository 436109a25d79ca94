import { expect } from '@open-wc/testing';
import { configureEngine, getEngineSettings, isEngineRequested, loadEngine, preloadEngine, setEngineLoader } from '../../src/engine/index.js';
import { ViewerError } from '../../src/sources/errors.js';
import { installFakeEngine, uninstallFakeEngine } from '../fakes/fake-engine.js';

/** Requests this page has made for Cornerstone. */
const cornerstoneRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /cornerstone|dicom-image-loader/i.test(name));

describe('loadEngine: one engine a page, behind one loader (unit, fake engine)', () => {
  afterEach(uninstallFakeEngine);

  it('starts the engine once however often it is asked, and remembers it', async () => {
    const fake = installFakeEngine();
    expect(isEngineRequested()).to.equal(false);
    const [a, b] = await Promise.all([loadEngine(), loadEngine()]);
    expect(a).to.equal(fake.engine);
    expect(b).to.equal(fake.engine);
    expect(await loadEngine()).to.equal(fake.engine);
    expect(fake.starts).to.equal(1);
    expect(isEngineRequested()).to.equal(true);
  });

  it('a failed start is engine-failed, logged for the portal, and the next call starts again', async () => {
    const logged: unknown[][] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const fake = installFakeEngine();
      const cause = new TypeError('Failed to fetch dynamically imported module: /chunks/cornerstone-core.js');
      fake.startWill = cause;
      const error = await loadEngine().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ViewerError);
      expect((error as ViewerError).type).to.equal('engine-failed');
      expect((error as ViewerError).cause).to.equal(cause);
      expect(logged).to.have.length(1);
      expect(String(logged[0]![0])).to.contain('imaging engine could not start');
      expect(logged[0]![1]).to.equal(cause);

      fake.startWill = 'ok';
      expect(await loadEngine()).to.equal(fake.engine);
      expect(fake.starts).to.equal(2);
    } finally {
      console.error = realError;
    }
  });

  it('the cache cap applies at once to a started engine; other settings only before it starts', async () => {
    const before = getEngineSettings();
    try {
      const fake = installFakeEngine();
      configureEngine({ maxCacheBytes: 1000 });
      expect(fake.engine.configured, 'nothing to tell before the engine starts').to.deep.equal([]);
      await loadEngine();
      configureEngine({ maxCacheBytes: 2000, rendering: 'cpu' });
      expect(fake.engine.configured).to.deep.equal([{ maxCacheBytes: 2000 }]);
      configureEngine({ maxWebWorkers: 1 });
      expect(fake.engine.configured).to.have.length(1);
      expect(getEngineSettings()).to.include({ maxCacheBytes: 2000, rendering: 'cpu', maxWebWorkers: 1 });
    } finally {
      configureEngine(before);
    }
  });

  it('a new loader forgets the engine loaded so far', async () => {
    const first = installFakeEngine();
    await loadEngine();
    const second = installFakeEngine();
    expect(await loadEngine()).to.equal(second.engine);
    expect(first.starts).to.equal(1);
    setEngineLoader(undefined);
    expect(isEngineRequested()).to.equal(false);
  });

  it('with a fake installed, preloading downloads no Cornerstone', async () => {
    installFakeEngine();
    await preloadEngine();
    await loadEngine();
    expect(cornerstoneRequests()).to.deep.equal([]);
  });
});
