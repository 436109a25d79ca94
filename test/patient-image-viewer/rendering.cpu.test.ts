import { expect } from '@open-wc/testing';
import { SHARED_FILES } from '../support/files.js';
import {
  cleanup,
  correlation,
  imageGrid,
  loaded,
  pictureGrid,
  requireSharedDicom,
  spread,
  viewer,
} from '../support/helpers.js';

// This file runs in a Chromium with no WebGL at all (--disable-3d-apis): the viewer must find
// that out by itself and draw on the CPU.
describe('rendering without WebGL (CPU fallback)', () => {
  afterEach(cleanup);

  it('falls back to CPU drawing by itself and says so in pv-load', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const event = await loaded(el);
    expect(event.detail.renderer).to.equal('cpu');
    expect(spread(pictureGrid(el, 8))).to.be.greaterThan(50);
    // Zoom is relative to the fitted size on both paths (the CPU path's own number is about 1.09),
    // so "fitted" means the same thing to the swipe gesture and to overlays.
    expect(el._view!.state().zoom).to.be.closeTo(1, 0.001);
    el.zoomIn();
    expect(el._view!.state().zoom).to.be.closeTo(1.25, 0.001);
  });

  for (const file of SHARED_FILES) {
    it(`shows ${file.name} (${file.what})`, async function () {
      await requireSharedDicom(this);
      const el = viewer({ src: `/__dicom/${file.name}` });
      const event = await loaded(el);
      expect(event.detail.imageCount).to.equal(file.count);
      const grid = pictureGrid(el);
      expect(spread(grid)).to.be.greaterThan(40);
      if (!file.noReference) {
        const reference = await imageGrid(`/__dicom/reference/${file.name.replace('.dcm', '.png')}`);
        expect(correlation(grid, reference)).to.be.greaterThan(0.9);
      }
    });
  }
});
