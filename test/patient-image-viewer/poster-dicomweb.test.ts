/**
 * Issue 15, the poster frame for DICOMweb: the server's rendered picture of the first frame
 * (WADO-RS `.../frames/1/rendered`), fetched while the engine loads, is the same picture, in the same
 * place, as the live view's first draw. Real Orthanc (Debian's, with its DICOMweb plugin), real
 * Cornerstone, real DICOM.
 */
import { expect } from '@open-wc/testing';
import dicomParser from 'dicom-parser';
import { posterOptions } from '../../src/poster/index.js';
import { clearFaults, proxyLog, setFaults } from '../components/support.js';
import { cleanup, loaded, nextEvent, serverInfo, skipBecause, until, viewer, type ViewerSetup } from '../support/helpers.js';
import { storeInOrthanc } from '../support/stow.js';
import { samePicture } from './poster-cases.js';

/** Store one file in the test Orthanc and name its series for a viewer. */
async function stored(buffer: ArrayBuffer): Promise<ViewerSetup> {
  await storeInOrthanc(buffer);
  const dataSet = dicomParser.parseDicom(new Uint8Array(buffer), { untilTag: 'x0020000e' });
  return { dicomwebRoot: '/dicom-web', studyUid: dataSet.string('x0020000d'), seriesUid: dataSet.string('x0020000e') };
}

/**
 * The poster against the live view, through the fault proxy with the first frame requests held back
 * 1.5 s: on this page the engine is already loaded, so without that it could draw first (a cold
 * page's engine takes longer than that to start, which is when the poster matters).
 */
async function samePictureViaDicomweb(setup: ViewerSetup): Promise<void> {
  await setFaults([{ match: '/frames/\\d+$', kind: 'slow', ms: 1500, times: 4 }]);
  try {
    await samePicture('WebGL', { ...setup, dicomwebRoot: '/faulty-dicom-web' });
  } finally {
    await clearFaults();
  }
}

async function sharedFile(context: Mocha.Context, name: string): Promise<ArrayBuffer> {
  const info = await serverInfo();
  if (!info.orthanc.available) skipBecause(context, info.orthanc.reason);
  if (!info.sharedDicom) skipBecause(context, '../shared/dicom is not beside this checkout');
  return (await fetch(`/__dicom/${name}`)).arrayBuffer();
}

describe('poster frame from a DICOMweb server (issue 15)', () => {
  afterEach(cleanup);
  // One page, one engine: after the first test it is loaded, and the viewer would skip the poster.
  before(() => (posterOptions.whenEngineReady = true));
  after(() => (posterOptions.whenEngineReady = false));

  it('the synthetic CT series: the server-rendered poster is the live picture, in the same place', async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) skipBecause(this, info.orthanc.reason);
    await samePictureViaDicomweb({ studyUid: info.orthanc.ct.study, seriesUid: info.orthanc.ct.series });
  });

  it('the synthetic chest X-ray, stored through STOW-RS: the same picture, in the same place', async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) skipBecause(this, info.orthanc.reason);
    await samePictureViaDicomweb(await stored(await (await fetch(`/__synthetic/${info.synthetic.xray}`)).arrayBuffer()));
  });

  for (const name of ['693_UNCR.dcm', 'MR2_UNCR.dcm', 'CT_small.dcm', 'MR_small.dcm', 'US1_UNCR.dcm', 'emri_small.dcm']) {
    it(`${name} through DICOMweb: the server-rendered poster is the live picture, in the same place`, async function () {
      await samePictureViaDicomweb(await stored(await sharedFile(this, name)));
    });
  }

  it('asks the server for a picture no larger than the viewer shows (a few kilobytes, not the whole image)', async function () {
    const setup = await stored(await sharedFile(this, 'MR2_UNCR.dcm'));
    performance.clearResourceTimings();
    await setFaults([{ match: '/frames/\\d+$', kind: 'slow', ms: 1500, times: 1 }]);
    try {
      const el = viewer({ ...setup, dicomwebRoot: '/faulty-dicom-web' }, [200, 150]);
      const first = nextEvent(el, 'pv-first-picture', 20000);
      const load = loaded(el);
      expect((await first).detail.poster, 'a poster').to.equal(true);
      await load;
    } finally {
      await clearFaults();
    }
    const rendered = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname.endsWith('/frames/1/rendered'));
    expect(rendered, 'one rendered picture fetched').to.have.length(1);
    const [columns, rows] = rendered[0]!.searchParams.get('viewport')!.split(',').map(Number);
    const ratio = devicePixelRatio || 1;
    // MR2_UNCR is 1024 x 1024, the box 200 x 150 CSS pixels: the picture is drawn 150 pixels square.
    expect(columns, 'columns asked for').to.be.at.most(Math.ceil(200 * ratio));
    expect(rows, 'rows asked for').to.be.at.most(Math.ceil(200 * ratio));
    expect(columns, "the image's own proportions").to.equal(rows);
  });

  it('a JPEG 2000 radiograph the server cannot render: no poster, the engine draws the first picture', async function () {
    this.timeout(60000);
    const setup = await stored(await sharedFile(this, 'RG1_J2KI.dcm'));
    const el = viewer(setup, [400, 300]);
    const first = nextEvent(el, 'pv-first-picture', 30000);
    const load = loaded(el, 30000);
    expect((await first).detail.poster).to.equal(false);
    await load;
    expect(el.shadowRoot!.querySelector('canvas.poster')).to.equal(null);
  });

  it('a server with no rendered pictures (404) or a failing one (500): no poster, and the image still loads', async function () {
    this.timeout(60000);
    const info = await serverInfo();
    if (!info.orthanc.available) skipBecause(this, info.orthanc.reason);
    for (const status of [404, 500]) {
      await setFaults([{ match: '/rendered', kind: 'status', status }]);
      try {
        const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: info.orthanc.ct.study, seriesUid: info.orthanc.ct.series }, [400, 300]);
        const first = nextEvent(el, 'pv-first-picture', 20000);
        const load = loaded(el);
        expect((await first).detail.poster, `${status}: no poster`).to.equal(false);
        expect((await load).detail.imageCount, `${status}: the series loads`).to.be.greaterThan(1);
        expect(el.status).to.equal('loaded');
        const { log } = await proxyLog();
        expect(log.some((entry) => entry.path.includes('/rendered') && entry.status === status), `${status}: the rendered picture was asked for`).to.equal(true);
        el.remove();
      } finally {
        await clearFaults();
      }
    }
  });

  it('a rendered picture still on its way when the viewer is held is never shown', async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) skipBecause(this, info.orthanc.reason);
    await setFaults([{ match: '/rendered', kind: 'slow', ms: 1500 }]);
    try {
      const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: info.orthanc.ct.study, seriesUid: info.orthanc.ct.series }, [400, 300]);
      let posters = 0;
      el.addEventListener('pv-first-picture', (event) => (posters += event.detail.poster ? 1 : 0));
      await until(() => el.status === 'loading', 10000, 'loading');
      for (let tries = 0; !(await proxyLog()).log.some((entry) => entry.path.includes('/rendered')); tries++) {
        expect(tries, 'the rendered picture was asked for').to.be.lessThan(100);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      el.hold = true;
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await el.updateComplete;
      expect(posters, 'no poster after the hold').to.equal(0);
      expect(el.shadowRoot!.querySelector('canvas.poster')).to.equal(null);
    } finally {
      await clearFaults();
    }
  });
});
