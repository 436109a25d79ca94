import { expect } from '@open-wc/testing';
import {
  cleanup,
  loaded,
  markerPosition,
  nextEvent,
  serverInfo,
  settle,
  shuffled,
  skipBecause,
  viewer,
} from '../support/helpers.js';
import type { PatientImageViewer } from '../../src/index.js';

async function expectAnatomicalOrder(el: PatientImageViewer, count: number): Promise<void> {
  const positions: number[] = [];
  for (const index of [0, Math.floor(count / 2), count - 1]) {
    await el.goTo(index);
    await new Promise((r) => requestAnimationFrame(r));
    positions.push(markerPosition(el));
  }
  // The marker moves left to right from the first slice to the last.
  expect(positions[0]).to.be.lessThan(0.15);
  expect(positions[1]).to.be.within(0.35, 0.6);
  expect(positions[2]).to.be.greaterThan(0.8);
}

describe('sources', () => {
  afterEach(cleanup);

  it('src: one file URL', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const event = await loaded(el);
    expect(event.detail).to.include({ modality: 'DX', bodyPart: 'CHEST', imageCount: 1, index: 0 });
  });

  it('[HAZ-011] urls: a series given in shuffled order is shown in anatomical order', async () => {
    const { synthetic } = await serverInfo();
    const urls = shuffled(synthetic.ct.map((name) => `/__synthetic/${name}`));
    const el = viewer({ urls });
    const event = await loaded(el);
    expect(event.detail.imageCount).to.equal(40);
    await expectAnatomicalOrder(el, 40);
  });

  it('files: local files (as from a file picker) in shuffled order', async () => {
    const { synthetic } = await serverInfo();
    const files = await Promise.all(
      shuffled(synthetic.ct.slice(0, 12)).map(async (name) => {
        const blob = await (await fetch(`/__synthetic/${name}`)).blob();
        return new File([blob], name, { type: 'application/dicom' });
      }),
    );
    const el = viewer({ files });
    const event = await loaded(el);
    expect(event.detail.imageCount).to.equal(12);
    await el.goTo(0);
    const first = markerPosition(el);
    await el.goTo(11);
    await new Promise((r) => requestAnimationFrame(r));
    expect(markerPosition(el)).to.be.greaterThan(first + 0.1);
  });

  it('files: a single File works too', async () => {
    const blob = await (await fetch('/__synthetic/chest-xray.dcm')).blob();
    const el = viewer({ files: new File([blob], 'x.dcm') });
    expect((await loaded(el)).detail.modality).to.equal('DX');
  });

  it('[HAZ-013] requestHeaders: a bearer token (from a callback) reaches the server; none gives a sign-in message', async () => {
    const { token } = await serverInfo();
    let calls = 0;
    const el = viewer({
      src: '/__secure/chest-xray.dcm',
      requestHeaders: () => {
        calls++;
        return Promise.resolve({ Authorization: `Bearer ${token}` });
      },
    });
    await loaded(el);
    expect(calls).to.be.greaterThan(0);
    // The token is a property only: it never appears in the page's HTML.
    expect(el.outerHTML).not.to.contain(token);

    const denied = viewer({ src: '/__secure/chest-xray.dcm' });
    const error = await nextEvent(denied, 'pv-error');
    expect(error.detail.type).to.equal('unauthorised');
  });

  it('[HAZ-003] switching src shows the new image', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(el);
    const next = nextEvent(el, 'pv-load');
    el.src = `/__synthetic/${synthetic.ct[0]}`;
    expect((await next).detail.modality).to.equal('CT');
  });
});

describe('DICOMweb (a real Orthanc on 127.0.0.1)', () => {
  afterEach(cleanup);

  async function orthanc(context: Mocha.Context) {
    const info = await serverInfo();
    if (!info.orthanc.available) skipBecause(context, info.orthanc.reason);
    return info.orthanc.ct;
  }

  it('[HAZ-011] lists the series with metadata and loads frames with WADO-RS, in anatomical order', async function () {
    const ct = await orthanc(this);
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: ct.study, seriesUid: ct.series });
    const event = await loaded(el);
    expect(event.detail).to.include({ modality: 'CT', bodyPart: 'HEAD', imageCount: 40 });
    await expectAnatomicalOrder(el, 40);
  });

  it('decodes compressed frames (JPEG 2000 chest X-ray)', async function () {
    await orthanc(this);
    if (!(await serverInfo()).sharedDicom) skipBecause(this, '../shared/dicom is not beside this checkout');
    const series = (await (await fetch('/dicom-web/series?Modality=CR')).json()) as Record<string, { Value: string[] }>[];
    expect(series.length).to.be.greaterThan(0);
    const el = viewer({
      dicomwebRoot: '/dicom-web',
      studyUid: series[0]!['0020000D']!.Value[0]!,
      seriesUid: series[0]!['0020000E']!.Value[0]!,
    });
    const event = await loaded(el);
    expect(event.detail.modality).to.equal('CR');
  });

  it('sends the bearer token with metadata and frame requests', async function () {
    const ct = await orthanc(this);
    const { token } = await serverInfo();
    const el = viewer({
      dicomwebRoot: '/secure-dicom-web',
      studyUid: ct.study,
      seriesUid: ct.series,
      requestHeaders: { Authorization: `Bearer ${token}` },
    });
    expect((await loaded(el)).detail.imageCount).to.equal(40);
    const denied = viewer({ dicomwebRoot: '/secure-dicom-web', studyUid: ct.study, seriesUid: ct.series });
    expect((await nextEvent(denied, 'pv-error')).detail.type).to.equal('unauthorised');
  });

  it('a frame that fails mid-stack: a message, and "Try again" returns to the same image', async function () {
    const ct = await orthanc(this);
    const el = viewer({
      dicomwebRoot: '/flaky-dicom-web',
      studyUid: ct.study,
      seriesUid: ct.series,
      requestHeaders: { 'X-Test-Run': String(Math.random()) },
    });
    await loaded(el);
    const failed = nextEvent(el, 'pv-error');
    void el.goTo(4);
    expect((await failed).detail.type).to.equal('server');
    await el.updateComplete;
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again')!;
    const reloaded = nextEvent(el, 'pv-load');
    retry.click();
    expect((await reloaded).detail.index).to.equal(4);
    expect(el.index).to.equal(4);
    await new Promise((r) => requestAnimationFrame(r));
    expect(markerPosition(el)).to.be.closeTo(0.06 + (0.8 * 4) / 39, 0.05);
  });

  it('an unknown series gives a not-found message', async function () {
    const ct = await orthanc(this);
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: ct.study, seriesUid: '1.2.3.4.5' });
    const event = await settle(el);
    expect(event.type).to.equal('pv-error');
    expect((event as GlobalEventHandlersEventMap['pv-error']).detail.type).to.equal('not-found');
  });
});
