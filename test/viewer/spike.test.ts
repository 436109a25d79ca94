import { expect } from '@open-wc/testing';
import { cleanup, loaded, pictureGrid, spread, viewer, mean } from '../support/helpers.js';

describe('spike', () => {
  afterEach(cleanup);
  it('draws the synthetic chest radiograph', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const event = await loaded(el);
    console.log(JSON.stringify(event.detail));
    const grid = pictureGrid(el, 8);
    console.log(JSON.stringify(grid.map(Math.round)));
    expect(spread(grid)).to.be.greaterThan(50);
    expect(mean(grid)).to.be.greaterThan(10);
  });
});
