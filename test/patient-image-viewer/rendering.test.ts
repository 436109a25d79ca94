import { expect } from '@open-wc/testing';
import {
  cleanup,
  correlation,
  imageGrid,
  loaded,
  mean,
  pictureGrid,
  requireSharedDicom,
  spread,
  viewer,
} from '../support/helpers.js';
import { SHARED_FILES as FILES } from '../support/files.js';


describe('rendering real DICOM (WebGL through SwiftShader)', () => {
  afterEach(cleanup);

  for (const file of FILES) {
    it(`[HAZ-012] shows ${file.name} (${file.what}) the way reference decoders draw it`, async function () {
      await requireSharedDicom(this);
      const el = viewer({ src: `/__dicom/${file.name}` });
      const event = await loaded(el);
      expect(event.detail.modality).to.equal(file.modality);
      expect(event.detail.imageCount).to.equal(file.count);
      expect(el.imageCount).to.equal(file.count);
      const grid = pictureGrid(el);
      // Not a blank box: a real picture has light and dark parts.
      expect(spread(grid), 'grey-level spread').to.be.greaterThan(40);
      if (!file.noReference) {
        const reference = await imageGrid(`/__dicom/reference/${file.name.replace('.dcm', '.png')}`);
        const r = correlation(grid, reference);
        // Near 1: the same picture, the right way round (negative would be inverted).
        expect(r, `correlation with the reference picture`).to.be.greaterThan(0.9);
      }
    });
  }

  it('[HAZ-012] shows the chest X-ray with dark lungs and light bones (MONOCHROME1 the right way round)', async function () {
    await requireSharedDicom(this);
    const el = viewer({ src: '/__dicom/RG1_J2KI.dcm' });
    await loaded(el);
    const grid = pictureGrid(el, 8);
    // Rows 2..5 of an 8 x 8 grid: left lung columns 1..2, spine and heart column 3..4.
    const cell = (x: number, y: number) => grid[y * 8 + x]!;
    const lungs = mean([cell(1, 3), cell(1, 4), cell(6, 3), cell(6, 4)]);
    const middle = mean([cell(3, 5), cell(4, 5), cell(3, 6), cell(4, 6)]);
    expect(lungs, 'lungs darker than the heart and spine').to.be.lessThan(middle - 30);
  });

  it('[HAZ-012] uses the window stored in the file (CT head: brain window 40/100)', async function () {
    await requireSharedDicom(this);
    const el = viewer({ src: '/__dicom/693_UNCR.dcm' });
    await loaded(el);
    const state = el._view!.state();
    expect(state.windowCentre).to.be.closeTo(40, 1);
    expect(state.windowWidth).to.be.closeTo(100, 2);
  });

  it('shows the synthetic radiograph and CT series anywhere (no shared folder needed)', async () => {
    const xray = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(xray);
    expect(spread(pictureGrid(xray))).to.be.greaterThan(40);
    expect(xray._view!.backend).to.equal('gpu');
  });
});
