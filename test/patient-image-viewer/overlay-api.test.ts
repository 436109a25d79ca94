import { expect } from '@open-wc/testing';
import { CT_SERIES_UID } from '../../scripts/synthetic.mjs';
import { cleanup, loaded, nextEvent, requireSharedDicom, serverInfo, shuffled, viewer } from '../support/helpers.js';

/** The viewer's API for overlays: image-to-screen mapping, geometry, image lookup, view changes. */
describe('overlay API', () => {
  afterEach(cleanup);

  it('maps image pixels to the picture box, following zoom and moves', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(el);
    const box = el._view!.imageBox()!;
    const first = el.imageToFrame(0, 0)!;
    const last = el.imageToFrame(511, 511)!;
    const pixel = box.width / 512;
    expect(first.x).to.be.closeTo(box.x + pixel / 2, 0.6);
    expect(last.y).to.be.closeTo(box.y + box.height - pixel / 2, 0.6);
    const centre = el.imageToFrame(255.5, 255.5)!;
    const change = nextEvent(el, 'pv-view-change');
    el.zoomIn();
    expect((await change).detail.zoom).to.be.closeTo(1.25, 0.01);
    // The centre stays put; a corner moves out by a quarter.
    const centreAfter = el.imageToFrame(255.5, 255.5)!;
    expect(centreAfter.x).to.be.closeTo(centre.x, 0.6);
    const firstAfter = el.imageToFrame(0, 0)!;
    expect(centre.x - firstAfter.x).to.be.closeTo((centre.x - first.x) * 1.25, 1);
    const frame = el.frameBox()!;
    expect(frame.width).to.be.greaterThan(0);
    expect(frame.y).to.be.at.least(0);
  });

  it('fires pv-view-change at most once a frame', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(el);
    await new Promise((r) => setTimeout(r, 100));
    let count = 0;
    el.addEventListener('pv-view-change', () => count++);
    for (let i = 0; i < 10; i++) el.zoomIn();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, 50));
    expect(count).to.be.within(1, 2);
  });

  it('[HAZ-007] finds images by instance and frame, in the sorted stack, without showing the UID', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ urls: shuffled(synthetic.ct.slice(0, 10).map((n) => `/__synthetic/${n}`)) });
    await loaded(el);
    expect(el.imageIndexFor({ sopInstanceUid: `${CT_SERIES_UID}.5` })).to.equal(4);
    expect(el.imageIndexFor({ sopInstanceUid: `${CT_SERIES_UID}.5`, frame: 2 })).to.equal(undefined);
    expect(el.imageIndexFor({ sopInstanceUid: '1.2.3' })).to.equal(undefined);
    expect(el.imageIndexFor({ index: 9 })).to.equal(9);
    expect(el.imageIndexFor({ index: 10 })).to.equal(undefined);
    expect(JSON.stringify(el.imageGeometry(4))).not.to.contain(CT_SERIES_UID);
  });

  it('reports geometry: orientation, spacing and its kind', async function () {
    const { synthetic } = await serverInfo();
    const ct = viewer({ src: `/__synthetic/${synthetic.ct[0]}` });
    await loaded(ct);
    expect(ct.imageGeometry(0)).to.deep.include({
      columns: 256,
      rows: 256,
      orientation: [1, 0, 0, 0, 1, 0],
      pixelSpacing: [1, 1],
      spacingKind: 'patient',
    });
    await requireSharedDicom(this);
    const enhanced = viewer({ src: '/__dicom/eCT_Supplemental.dcm' });
    await loaded(enhanced);
    // Enhanced multi-frame: orientation and spacing come from the shared functional groups.
    expect(enhanced.imageGeometry(1)).to.deep.include({
      orientation: [-1, 0, 0, 0, 1, 0],
      pixelSpacing: [0.388672, 0.388672],
      spacingKind: 'patient',
    });
    const xray = viewer({ src: '/__dicom/RG1_J2KI.dcm' });
    await loaded(xray);
    // Pixel Spacing 0\0 is not a spacing: unknown. Patient Orientation L\F is kept for the labels.
    expect(xray.imageGeometry(0)).to.deep.include({ spacingKind: 'unknown', pixelSpacing: undefined, patientOrientation: ['L', 'F'] });
  });
});
