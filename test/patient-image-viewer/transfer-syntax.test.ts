import { expect } from '@open-wc/testing';
import { cleanup, correlation, loaded, pictureGrid, serverInfo, skipBecause, spread, viewer } from '../support/helpers.js';

/**
 * Every transfer syntax DCMTK can write (uncompressed variants, deflate, JPEG baseline, extended,
 * lossless, JPEG-LS, RLE), made from the synthetic radiograph when the tests start. Each must look
 * like the uncompressed original. JPEG 2000 is covered by the real chest X-ray (RG1_J2KI.dcm).
 */
describe('every transfer syntax', () => {
  afterEach(cleanup);

  it('has copies to test', async function () {
    const { transferSyntaxes } = await serverInfo();
    if (!transferSyntaxes.available) skipBecause(this, transferSyntaxes.reason);
    expect(transferSyntaxes.variants.length).to.equal(10);
  });

  const grids = new Map<string, number[]>();
  async function baseGrid(name: string): Promise<number[]> {
    if (!grids.has(name)) {
      const el = viewer({ src: `/__synthetic/${name}` });
      await loaded(el);
      grids.set(name, pictureGrid(el));
      el.remove();
    }
    return grids.get(name)!;
  }

  const names = [
    'ts-implicit.dcm', 'ts-big-endian.dcm', 'ts-deflate.dcm', 'ts-jpeg-baseline.dcm', 'ts-jpeg-extended.dcm',
    'ts-jpeg-lossless.dcm', 'ts-jpeg-lossless-sv1.dcm', 'ts-jpeg-ls.dcm', 'ts-jpeg-ls-near.dcm', 'ts-rle.dcm',
  ];
  for (const name of names) {
    it(name, async function () {
      const { transferSyntaxes } = await serverInfo();
      if (!transferSyntaxes.available) skipBecause(this, transferSyntaxes.reason);
      const variant = transferSyntaxes.variants.find((v) => v.name === name)!;
      const expected = await baseGrid(variant.base);
      const el = viewer({ src: `/__synthetic/${name}` });
      await loaded(el);
      const grid = pictureGrid(el);
      expect(spread(grid), `${variant.what}: not blank`).to.be.greaterThan(40);
      expect(correlation(grid, expected), `${variant.what} looks like the original`).to.be.greaterThan(0.98);
    });
  }
});
