import { expect } from '@open-wc/testing';
import { enGB } from '../../src/lay/messages.js';
import type { PatientImageViewer, PvErrorEvent } from '../../src/index.js';
import { box, heapSize, loaded, markerPosition, nextFrame, serverInfo, settle } from '../support/helpers.js';
import { nothingRan } from '../support/injection-corpus.js';
import { dicomFile, hostileFiles, noise, randomFiles, truncatedFiles, type HostileFile } from './hostile-dicom.js';
import { shownText, stuck, watchUncaught } from './support.js';
import { storeInOrthanc } from '../support/stow.js';

/**
 * Hostile and broken DICOM: each file gives its plain message and error type within a bounded time
 * (or, for a strange but usable file, the picture), the page keeps answering, a second viewer on
 * the page keeps drawing, and memory stays bounded.
 */

/** Generous: a file must be refused or shown within this, never leave a spinner. */
const BOUND_MS = 15000;

describe('hostile and broken DICOM', function () {
  this.timeout(120000);
  let other: PatientImageViewer;
  let uncaught: ReturnType<typeof watchUncaught>;
  let heartbeat: number;
  let lastBeat = 0;
  let longestStall = 0;
  let tried = 0;
  let heapBefore = 0;

  before(async () => {
    uncaught = watchUncaught();
    const { synthetic } = await serverInfo();
    // The other viewer on the page: a CT series that must keep drawing throughout.
    other = document.createElement('patient-image-viewer');
    other.loading = 'eager';
    other.urls = synthetic.ct.slice(0, 10).map((name) => `/__synthetic/${name}`);
    box(300, 300).append(other);
    await loaded(other);
    heapBefore = await heapSize();
    lastBeat = performance.now();
    heartbeat = window.setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - lastBeat);
      lastBeat = now;
    }, 50);
  });

  after(() => {
    clearInterval(heartbeat);
    uncaught.stop();
    other.parentElement?.remove();
  });

  /** Give one file to a viewer (as a local file), and check what the patient gets. */
  async function tryFile(el: PatientImageViewer, file: HostileFile): Promise<string> {
    tried++;
    const outcome = settle(el, BOUND_MS);
    el.files = [new File([file.buffer], 'image.dcm', { type: 'application/dicom' })];
    const event = await outcome;
    await el.updateComplete;
    if (event.type === 'pv-load') {
      expect(file.expect, `${file.name}: loaded`).to.include('loads');
      expect(el.status).to.equal('loaded');
      return 'loads';
    }
    const { type, message } = (event as PvErrorEvent).detail;
    expect(file.expect, `${file.name}: gave ${type}`).to.include(type);
    const words = enGB[`error.${type}` as keyof typeof enGB];
    expect(message, file.name).to.equal(words);
    expect(shownText(el), file.name).to.contain(words);
    expect(stuck(el), `${file.name}: still loading`).to.equal(false);
    expect(el._view === undefined, `${file.name}: a picture left behind the message`).to.equal(true);
    return type;
  }

  async function otherStillDraws(): Promise<void> {
    const from = other.index;
    const to = from === 9 ? 0 : 9;
    await other.goTo(to);
    await nextFrame();
    expect(other.status).to.equal('loaded');
    expect(other.index).to.equal(to);
    // The phantom's marker moves left to right through its 40 slices: it shows which slice is drawn.
    expect(markerPosition(other)).to.be.closeTo(0.06 + (0.8 * to) / 39, 0.05);
  }

  function hostViewer(): PatientImageViewer {
    const el = document.createElement('patient-image-viewer');
    el.loading = 'eager';
    el.timeout = BOUND_MS - 3000;
    box(300, 300).append(el);
    return el;
  }

  /**
   * A one-image grey series (the given size and bits) stored in the real Orthanc under `study`, and a
   * viewer pointed at it through DICOMweb.
   */
  async function dicomwebViewer(
    study: string,
    image: Record<string, number>,
    options: Parameters<typeof dicomFile>[1],
  ): Promise<PatientImageViewer> {
    const series = `${study}.1`;
    const fields = { PixelRepresentation: 0, SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2', ...image };
    await storeInOrthanc(dicomFile({ ...fields, StudyInstanceUID: study, SeriesInstanceUID: series }, options));
    const el = hostViewer();
    el.dicomwebRoot = '/dicom-web';
    el.studyUid = study;
    el.seriesUid = series;
    return el;
  }

  for (const file of hostileFiles()) {
    it(`[HAZ-004] [HAZ-010] ${file.name}: ${file.expect.join(' or ')}`, async () => {
      const el = hostViewer();
      await tryFile(el, file);
      await otherStillDraws();
      el.parentElement!.remove();
      expect(nothingRan()).to.equal(true);
    });
  }

  it('[HAZ-004] [HAZ-010] a small CT cut at 48 places: each says it is damaged (or not a picture), never a picture', async () => {
    const files = truncatedFiles();
    expect(files.length).to.be.greaterThan(40);
    const el = hostViewer();
    const seen = new Map<string, number>();
    for (const file of files) {
      const type = await tryFile(el, file);
      seen.set(type, (seen.get(type) ?? 0) + 1);
    }
    expect(seen.has('loads')).to.equal(false);
    expect(seen.get('corrupt-file')).to.be.greaterThan(20);
    console.log(`cut files: ${JSON.stringify(Object.fromEntries(seen))}`);
    await otherStillDraws();
    el.parentElement!.remove();
  });

  it('[HAZ-004] [HAZ-010] random bytes: refused with a plain message every time', async () => {
    const el = hostViewer();
    for (const file of randomFiles()) expect(await tryFile(el, file)).not.to.equal('loads');
    await otherStillDraws();
    el.parentElement!.remove();
  });

  it('[HAZ-004] [HAZ-010] the same hostile files through a URL (fetched, not local)', async () => {
    const el = hostViewer();
    for (const file of hostileFiles().slice(0, 8)) {
      tried++;
      const url = URL.createObjectURL(new Blob([file.buffer], { type: 'application/dicom' }));
      const outcome = settle(el, BOUND_MS);
      el.src = url;
      const event = await outcome;
      URL.revokeObjectURL(url);
      expect(event.type).to.equal('pv-error');
      expect(file.expect).to.include((event as PvErrorEvent).detail.type);
    }
    el.parentElement!.remove();
  });

  describe('garbage a decoder "decodes" (from a real DICOMweb server, so no header check sees it first)', () => {
    for (const [what, transferSyntax] of [
      ['JPEG 2000', '1.2.840.10008.1.2.4.90'],
      ['JPEG baseline', '1.2.840.10008.1.2.4.50'],
    ] as const) {
      it(`[HAZ-004] a ${what} frame of random bytes says the file is damaged, never a blank picture`, async function () {
        const info = await serverInfo();
        if (!info.orthanc.available) this.skip();
        tried++;
        const el = await dicomwebViewer(
          `2.25.88${transferSyntax.length}${Date.now() % 100000}`,
          { Rows: 64, Columns: 64, BitsAllocated: 8, BitsStored: 8, HighBit: 7 },
          { transferSyntax, pixels: [noise(4000, 42).buffer] },
        );
        const event = await settle(el, BOUND_MS);
        expect(event.type).to.equal('pv-error');
        expect((event as PvErrorEvent).detail.type).to.equal('corrupt-file');
        await el.updateComplete;
        expect(shownText(el)).to.contain(enGB['error.corrupt-file']);
        expect(el._view === undefined).to.equal(true);
        await otherStillDraws();
        el.parentElement!.remove();
      });
    }
  });

  it('[HAZ-010] a DICOMweb series whose header claims 65535 x 65535 pixels is refused before anything allocates it', async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) this.skip();
    tried++;
    const el = await dicomwebViewer(
      `2.25.77${Date.now() % 100000}`,
      { Rows: 65535, Columns: 65535, BitsAllocated: 16, BitsStored: 12, HighBit: 11 },
      { pixels: [noise(8192, 43).buffer] },
    );
    const event = await settle(el, BOUND_MS);
    expect(event.type).to.equal('pv-error');
    expect((event as PvErrorEvent).detail.type).to.equal('too-large');
    await el.updateComplete;
    expect(shownText(el)).to.contain(enGB['error.too-large']);
    await otherStillDraws();
    el.parentElement!.remove();
  });

  it('[HAZ-010] throughout: the page kept answering, nothing uncaught, nothing ran, memory stayed bounded', async () => {
    await otherStillDraws();
    // A frozen page (a decoder allocating 16 GiB, an endless loop) would stall the timer for good.
    console.log(`hostile inputs tried: ${tried}; longest stall of the page: ${Math.round(longestStall)} ms`);
    expect(longestStall).to.be.lessThan(5000);
    expect(uncaught.errors).to.deep.equal([]);
    expect(nothingRan()).to.equal(true);
    await nextFrame();
    const growth = (await heapSize()) - heapBefore;
    console.log(`heap growth after ${tried} hostile files: ${(growth / 1e6).toFixed(1)} MB`);
    // Holding on to the files would be far more (the cut series alone is 48 copies of a CT slice,
    // the random ones 800 KB, the 1 MB comment...): allow caches and compiled code.
    expect(growth).to.be.lessThan(25e6);
  });
});
