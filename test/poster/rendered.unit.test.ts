import { expect } from '@open-wc/testing';
import { renderedUrl, windowParameter } from '../../src/poster/rendered.js';

const FRAME = 'https://pacs.example/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4/frames/1';
const grey = (extra: Record<string, unknown[]> = {}) => {
  const json: Record<string, { Value: unknown[] }> = { '00280004': { Value: ['MONOCHROME2'] } };
  for (const [tag, value] of Object.entries(extra)) json[tag] = { Value: value };
  return json;
};
const url = (metadata: ReturnType<typeof grey>, columns = 512, rows = 512, box = { width: 400, height: 300 }) =>
  renderedUrl({ frameUrl: FRAME, metadata, shape: { columns, rows }, box });

describe('the rendered poster request (issue 15)', () => {
  it("sends the file's first window with its function, so the server's picture has the live view's grey levels", () => {
    expect(windowParameter(grey({ '00281050': [40, 50], '00281051': [400, 350] }))).to.equal('40,400,linear');
    expect(windowParameter(grey({ '00281050': [40], '00281051': [400], '00281056': ['SIGMOID'] }))).to.equal('40,400,sigmoid');
    expect(windowParameter(grey({ '00281050': [40], '00281051': [400], '00281056': ['LINEAR_EXACT'] }))).to.equal('40,400,linear-exact');
    expect(windowParameter(grey()), 'no window: the server uses the image range, as the live view does').to.equal('');
  });

  it('asks for nothing where the server might draw it differently: a broken window, lookup tables, palette colour', () => {
    expect(url(grey({ '00281050': [40], '00281051': [0] }))).to.equal(undefined);
    expect(url(grey({ '00281050': [40] , '00281051': ['wide'] }))).to.equal(undefined);
    expect(url(grey({ '00281050': [40], '00281051': [400], '00281056': ['CUSTOM'] }))).to.equal(undefined);
    expect(url(grey({ '00283010': [{}] })), 'a VOI LUT').to.equal(undefined);
    expect(url(grey({ '00283000': [{}] })), 'a modality LUT').to.equal(undefined);
    expect(url({ '00280004': { Value: ['PALETTE COLOR'] } })).to.equal(undefined);
    expect(url({})).to.equal(undefined);
  });

  it("asks for a picture the size it will be drawn, in the image's own proportions, never larger than the image", () => {
    const big = new URL(url(grey({ '00281050': [40], '00281051': [400] }), 2000, 1000)!);
    expect(big.pathname.endsWith('/frames/1/rendered')).to.equal(true);
    expect(big.searchParams.get('viewport')).to.equal('600,300');
    expect(big.searchParams.get('window')).to.equal('40,400,linear');
    const small = new URL(url(grey(), 128, 64)!);
    expect(small.searchParams.get('viewport'), 'a small image at its own size').to.equal('128,64');
    expect(small.searchParams.has('window')).to.equal(false);
    const colour = new URL(url({ '00280004': { Value: ['RGB'] }, '00281050': { Value: [1] } } as never, 640, 480)!);
    expect(colour.searchParams.get('viewport')).to.equal('400,300');
    expect(colour.searchParams.has('window'), 'no window for colour').to.equal(false);
  });
});
