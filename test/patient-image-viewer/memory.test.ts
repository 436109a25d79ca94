import { expect } from '@open-wc/testing';
import { box, cleanup, heapSize, loaded, nextFrame } from '../support/helpers.js';
import type { PatientImageViewer } from '../../src/index.js';

/** Mount, show and remove a viewer 50 times: the heap must not grow (after garbage collection). */
describe('memory', () => {
  afterEach(cleanup);

  it('[HAZ-010] mounting and unmounting 50 times does not grow the heap', async () => {
    const host = box(320, 240);
    const cycle = async () => {
      const el = document.createElement('patient-image-viewer') as PatientImageViewer;
      el.loading = 'eager';
      el.src = '/__synthetic/chest-xray.dcm';
      host.append(el);
      await loaded(el);
      el.remove();
      await nextFrame();
    };
    // Warm up: engine, worker, codecs, first-use caches.
    for (let i = 0; i < 5; i++) await cycle();
    const before = await heapSize();
    for (let i = 0; i < 50; i++) await cycle();
    const after = await heapSize();
    const growth = after - before;
    console.log(`heap before ${(before / 1e6).toFixed(1)} MB, after 50 mounts ${(after / 1e6).toFixed(1)} MB`);
    // One decoded 512 x 512 16-bit image is 0.5 MB: leaking one per mount would be 25 MB.
    expect(growth, 'heap growth in bytes').to.be.lessThan(3e6);
  });

  it('[HAZ-008] removing a viewer while it loads stops the load and leaves nothing behind', async () => {
    const host = box(320, 240);
    const el = document.createElement('patient-image-viewer') as PatientImageViewer;
    el.loading = 'eager';
    el.src = '/__fault/hang';
    host.append(el);
    await new Promise((r) => setTimeout(r, 100));
    expect(el.status).to.equal('loading');
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.status).to.equal('idle');
    // Put back: it loads again.
    el.src = '/__synthetic/chest-xray.dcm';
    host.append(el);
    await loaded(el);
  });

  it('moving a viewer in the page keeps its picture (no reload)', async () => {
    const a = box(320, 240);
    const b = box(320, 240);
    const el = document.createElement('patient-image-viewer') as PatientImageViewer;
    el.loading = 'eager';
    el.src = '/__synthetic/chest-xray.dcm';
    a.append(el);
    await loaded(el);
    let reloaded = false;
    el.addEventListener('pv-load', () => (reloaded = true));
    b.append(el);
    await new Promise((r) => setTimeout(r, 300));
    expect(el.status).to.equal('loaded');
    expect(reloaded).to.equal(false);
  });
});
