import { expect } from '@open-wc/testing';
import { cleanup, loaded, pictureGrid, spread, viewer } from '../support/helpers.js';

describe('without WebGL', () => {
  afterEach(cleanup);
  it('falls back to CPU drawing and still shows the picture', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const event = await loaded(el);
    expect(event.detail.renderer).to.equal('cpu');
    expect(spread(pictureGrid(el, 8))).to.be.greaterThan(50);
  });
});
