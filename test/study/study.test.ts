/**
 * Issue 16: a viewer given a study alone (no series) lists every series in plain words, the images
 * the care team picked first, against the real Orthanc the test runner starts.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PatientImageViewer, PvErrorEvent, PvSeriesChangeEvent } from '../../src/index.js';
import { enGB } from '../../src/lay/messages.js';
import { clearFaults, proxyLog, setFaults } from '../components/support.js';
import { box, cleanup, loaded, nextEvent, serverInfo, until, viewer } from '../support/helpers.js';
import { LISTED, PLAN, instanceOf, kosFile, newStudyUid, pictureFiles, reportFile, rleFile, store, uidOf } from './study-dicom.js';
import { KEYS, choices, listed, names, shadow, text } from './support.js';

const frame = (el: PatientImageViewer) => shadow(el).querySelector<HTMLElement>('[part="frame"]')!;

/** Scroll through the list so every small image comes near the screen (they load lazily). */
async function scrollThrough(el: PatientImageViewer): Promise<void> {
  for (const choice of choices(el)) {
    choice.scrollIntoView({ block: 'center' });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Each small picture's shape is its image's (within a pixel of rounding): 80 x 60 for the ultrasound, else square. */
function expectProportions(el: PatientImageViewer, study: string): void {
  const images = [...shadow(el).querySelectorAll<HTMLImageElement>('.study-thumb > img')];
  expect(images.length).to.be.greaterThan(0);
  for (const img of images) {
    const id = (img.parentElement as HTMLElement).dataset.thumb ?? '';
    const [columns, rows] = id.split('/')[0] === uidOf(study, PLAN.us!) ? [80, 60] : [64, 64];
    expect(Math.abs(img.naturalWidth - (img.naturalHeight * columns) / rows), `${img.naturalWidth} x ${img.naturalHeight} for ${columns} x ${rows}`).to.be.at.most(1);
  }
}



let fullStudy: string | undefined;
/** The full study, stored once for this file. */
async function full(): Promise<string> {
  if (!fullStudy) {
    const study = newStudyUid();
    await store([...pictureFiles(study), reportFile(study), kosFile(study, KEYS)]);
    fullStudy = study;
  }
  return fullStudy;
}

describe('<patient-image-viewer> with a study alone (issue 16)', function () {
  this.timeout(60000);

  before(async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) this.skip();
    // The tests count requests by resource timing: room for them after the page's own modules.
    performance.setResourceTimingBufferSize(100000);
  });

  beforeEach(() => performance.clearResourceTimings());

  afterEach(async () => {
    cleanup();
    await clearFaults();
  });

  it('[HAZ-030] lists every series in plain words, key images first, and counts what is not an image', async () => {
    const study = await full();
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    const headings = [...shadow(el).querySelectorAll('.study h2, .study h3')].map((h) => text(h));
    expect(headings).to.deep.equal([enGB['study.title'], enGB['study.keyTitle'], enGB['study.allTitle']]);
    const [keys, all] = names(el);
    expect(keys).to.deep.equal(LISTED.keys);
    expect(all).to.deep.equal(LISTED.all);
    // Kinds and counts in plain words.
    expect(text(choices(el)[3])).to.contain('X-ray of the chest');
    expect(text(choices(el)[5])).to.contain('CT scan of the head, 4 images');
    expect(text(shadow(el))).to.contain(enGB['study.left'].replace('{count}', '2'));
    // The picture box stays out of the way while the list shows.
    expect(frame(el).hidden).to.equal(true);
    // Free-text descriptions (one holds the patient's name) are not shown without the portal's opt-in.
    expect(text(shadow(el))).not.to.match(/Phantom|Topogram|t1_tse|H30s/);
    expect(shadow(el).querySelector('details.study-detail')).to.equal(null);
  });

  it('[HAZ-001] a held viewer given a study asks for nothing and shows nothing until let go', async () => {
    const study = await full();
    const el = document.createElement('patient-image-viewer');
    el.loading = 'eager';
    el.hold = true;
    Object.assign(el, { dicomwebRoot: '/dicom-web', studyUid: study });
    box(700, 400).append(el);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await el.updateComplete;
    const asked = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(study));
    expect(asked()).to.have.length(0);
    expect(shadow(el).querySelector('.study')).to.equal(null);
    el.hold = false;
    await listed(el);
    expect(choices(el)).to.have.length(12);
    // Held again: the list goes away.
    el.hold = true;
    await el.updateComplete;
    expect(shadow(el).querySelector('.study')).to.equal(null);
  });

  it('[HAZ-027] loads a small image for each choice from WADO-RS /rendered, keeping the shape of its image, a few at a time', async () => {
    const study = await full();
    const started = performance.now();
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    const total = choices(el).length;
    await scrollThrough(el);
    await until(() => shadow(el).querySelectorAll('.study-thumb > img').length === total, 20000, 'every small image');
    const images = [...shadow(el).querySelectorAll<HTMLImageElement>('.study-thumb > img')];
    await Promise.all(images.map((img) => img.decode()));
    for (const img of images) {
      expect(img.naturalWidth).to.be.greaterThan(0);
      expect(img.alt).to.equal('');
    }
    // Each in its image's own proportions: the ultrasound's 80 x 60 stays wider than tall (it came
    // back 96 x 96 when asked for a square), the others square.
    expectProportions(el, study);
    const rendered = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= started && entry.name.includes(study) && entry.name.includes('/rendered'));
    expect(rendered.length).to.equal(total);
    // Never more than three at once.
    const points = rendered.flatMap((entry) => [
      { at: entry.startTime, step: 1 },
      { at: (entry as PerformanceResourceTiming).responseEnd, step: -1 },
    ]);
    points.sort((a, b) => a.at - b.at || a.step - b.step);
    let open = 0;
    let most = 0;
    for (const point of points) most = Math.max(most, (open += point.step));
    expect(most).to.be.at.most(3);
  });

  it('a server with no small images: the list shows plain places instead, and still works', async () => {
    const study = await full();
    // No /rendered, no /thumbnail (Orthanc has none), and no image files or frames either (nothing to draw from).
    await setFaults([
      { match: '/rendered$', kind: 'status', status: 404 },
      { match: '/instances/[0-9.]+$', kind: 'status', status: 404 },
      { match: '/frames/[0-9]+$', kind: 'status', status: 404 },
    ]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    await scrollThrough(el);
    // Each choice tries its frame (refused here) after the rest; /thumbnail (which Orthanc does not
    // have) and the file are asked for only until the server has said 404 to them: at most by the
    // three small pictures in flight at once, not once a choice.
    const completed = async (pattern: RegExp) => (await proxyLog()).log.filter((entry) => pattern.test(entry.path) && entry.outcome === 'completed').length;
    for (let waited = 0; (await completed(/\/frames\/[0-9]+$/)) < 12; waited += 200) {
      expect(waited, 'every frame tried').to.be.below(20000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const [what, pattern] of [['/thumbnail', /\/thumbnail$/], ['the file', /\/instances\/[0-9.]+$/]] as const) {
      expect(await completed(pattern), what).to.be.within(1, 3);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.study-thumb > img')).to.have.length(0);
    expect(shadow(el).querySelectorAll('.study-thumb')).to.have.length(12);
    // The server mends: the chosen series' frames come.
    await clearFaults();
    choices(el)[3]!.click();
    await loaded(el);
    expect(el.imageFacts?.modality).to.equal('DX');
  });

  it('[HAZ-027] a server with neither /rendered nor /thumbnail: each small picture is its middle image drawn in the page, a compressed one the plain box', async () => {
    const study = newStudyUid();
    await store([...pictureFiles(study, [PLAN.front!, PLAN.us!]), rleFile(study)]);
    await setFaults([
      { match: '/rendered$', kind: 'status', status: 404 },
      { match: '/thumbnail$', kind: 'status', status: 404 },
    ]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    expect(choices(el)).to.have.length(3);
    await scrollThrough(el);
    await until(() => shadow(el).querySelectorAll('.study-thumb > img').length === 2, 20000, 'the two drawn small pictures');
    const fileRequests = async () => (await proxyLog()).log.filter((entry) => /\/instances\/[0-9.]+$/.test(entry.path) && entry.outcome === 'completed');
    for (let waited = 0; (await fileRequests()).length < 3; waited += 200) {
      expect(waited, 'every file fetched').to.be.below(20000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    const log = (await proxyLog()).log;
    // Drawn from the series' middle image (the second of the ultrasound's three), one file each.
    const files = log.filter((entry) => /\/instances\/[0-9.]+$/.test(entry.path)).map((entry) => entry.path.split('/').pop());
    expect(files.sort()).to.deep.equal([instanceOf(study, PLAN.front!, 1), instanceOf(study, PLAN.us!, 2), `${study}.10.1`].sort());
    const images = [...shadow(el).querySelectorAll<HTMLImageElement>('.study-thumb > img')];
    await Promise.all(images.map((img) => img.decode()));
    expectProportions(el, study);
    for (const img of images) {
      // A real picture: the image's two halves, one black and one white (windowed to the image's
      // own range, as the viewer first shows it), not one flat colour.
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const row = context.getImageData(0, Math.floor(canvas.height / 2), canvas.width, 1).data;
      const [left, right] = [row[4 * 2]!, row[4 * (canvas.width - 3)]!].sort((a, b) => a - b);
      expect(left, 'one half black').to.be.below(30);
      expect(right, 'the other white').to.be.above(225);
    }
    // The compressed image (RLE, which the poster code does not read): the plain box, no error.
    const rle = shadow(el).querySelector<HTMLElement>(`.study-thumb[data-thumb="${study}.10"]`)!;
    expect(rle.querySelector('img')).to.equal(null);
    expect(shadow(el).querySelector('.study-error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('no small picture starts while a series is open (its own images come first); the rest come on the way back', async () => {
    const study = newStudyUid();
    const plan = [PLAN.front!, PLAN.side!, PLAN.thin!, PLAN.thick!, PLAN.t1!];
    await store(pictureFiles(study, plan));
    // Slow small pictures: three on their way, two waiting, when the patient opens a series.
    await setFaults([{ match: '/rendered$', kind: 'slow', ms: 1500 }]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    await scrollThrough(el);
    const opened = uidOf(study, PLAN.t1!);
    // The small pictures asked for (the open series' own first picture is left out: it is not one of them).
    const thumbs = async () => (await proxyLog()).log.filter((entry) => entry.path.endsWith('/rendered') && !entry.path.includes(`/series/${opened}/`));
    for (let waited = 0; (await thumbs()).length < 3; waited += 50) {
      expect(waited, 'three small pictures on their way').to.be.below(15000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    choices(el).find((button) => text(button).startsWith('Fat looks bright'))!.click();
    await loaded(el);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await thumbs(), 'no new small picture while the series is open').to.have.length(3);
    shadow(el).querySelector<HTMLButtonElement>('.study-back')!.click();
    await until(() => shadow(el).querySelectorAll('.study-thumb > img').length === plan.length, 20000, 'every small picture, back at the list');
  });

  it('[HAZ-030] a key image opens its series at that image; the event holds safe facts only; back is one step', async () => {
    const study = await full();
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    const changed = nextEvent(el, 'pv-series-change');
    choices(el)[0]!.click();
    const event = (await changed) as PvSeriesChangeEvent;
    expect(event.detail).to.deep.equal({
      view: 'series',
      modality: 'MR',
      name: 'Picked image 1: Fluid looks bright, seen from above',
      imageCount: 3,
      keyImage: true,
    });
    expect(JSON.stringify(event.detail)).not.to.match(/Phantom|T2 AX|2\.25\./);
    await loaded(el);
    await until(() => el.index === 1, 5000, 'the picked image');
    expect(el.imageCount).to.equal(3);
    expect(frame(el).hidden).to.equal(false);
    // The series' name is the focused heading: a screen reader hears which series is showing.
    const current = shadow(el).activeElement as HTMLElement;
    expect(current.matches('h2')).to.equal(true);
    expect(text(current)).to.equal('Picked image 1: Fluid looks bright, seen from above');
    await expect(el).to.be.accessible();
    // Back: one button, and the patient is where they were in the list.
    const back = nextEvent(el, 'pv-series-change');
    shadow(el).querySelector<HTMLButtonElement>('.study-back')!.click();
    expect((await back).detail).to.deep.equal({ view: 'list', modality: '', name: '', imageCount: 0, keyImage: false });
    await el.updateComplete;
    expect(frame(el).hidden).to.equal(true);
    const focused = shadow(el).activeElement as HTMLButtonElement;
    expect(focused).to.equal(choices(el)[0]);
    expect(focused.getAttribute('aria-current')).to.equal('true');
  });

  it('keyboard: a choice opens with Enter, and Shift+Tab then Enter goes back', async () => {
    const study = await full();
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    await expect(el).to.be.accessible();
    const side = choices(el)[4]!;
    expect(text(side)).to.contain('Side view');
    side.focus();
    expect(shadow(el).activeElement).to.equal(side);
    const opened = nextEvent(el, 'pv-series-change');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.name).to.equal('Side view');
    await loaded(el);
    expect(el.imageFacts?.modality).to.equal('DX');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(text(shadow(el).activeElement)).to.equal(enGB['study.back']);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await until(() => shadow(el).activeElement === choices(el)[4], 2000, 'focus back on the choice');
  });

  it('[HAZ-030] shows each description behind "More detail" only when the portal opts in', async () => {
    const study = await full();
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    el.seriesDetails = true;
    await listed(el);
    const details = [...shadow(el).querySelectorAll('details.study-detail')];
    expect(details.length).to.equal(9);
    expect(text(details[5]!.querySelector('summary'))).to.equal(enGB['study.moreDetail']);
    expect(text(details[5]!)).to.contain('T2 AX Phantom');
    await expect(el).to.be.accessible();
  });

  it('a study with one series of images: shown at once, with no list and no way back to one', async () => {
    const study = newStudyUid();
    await store([...pictureFiles(study, [PLAN.t1!]), reportFile(study)]);
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    const changed = nextEvent(el, 'pv-series-change');
    await loaded(el);
    expect((await changed).detail).to.include({ view: 'series', name: 'Fat looks bright, seen from the side', keyImage: false });
    expect(el.imageCount).to.equal(3);
    expect(shadow(el).querySelector('.study')).to.equal(null);
    expect(shadow(el).querySelector('.study-back')).to.equal(null);
    expect(text(shadow(el).querySelector('.study-bar'))).to.equal('Fat looks bright, seen from the side');
    // Nothing took the focus from the page.
    expect(shadow(el).activeElement).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a study with only a report: a plain message and a typed error, no choices', async () => {
    const study = newStudyUid();
    await store([reportFile(study)]);
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study });
    const failed = (await nextEvent(el, 'pv-error')) as PvErrorEvent;
    expect(failed.detail.type).to.equal('not-an-image');
    expect(failed.detail.message).to.equal(enGB['study.empty']);
    await listed(el);
    expect(text(shadow(el).querySelector('.study-error'))).to.contain(enGB['study.empty']);
    expect(text(shadow(el))).to.contain(enGB['study.leftOne']);
    expect(choices(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a KOS naming a missing image: the others are offered, and the patient is told one is missing', async () => {
    const study = newStudyUid();
    await store([...pictureFiles(study, [PLAN.front!, PLAN.t1!]), kosFile(study, [{ series: PLAN.t1!, image: 3 }, { series: PLAN.t1!, image: 1, missing: true }])]);
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    const [keys, all] = names(el);
    expect(keys).to.deep.equal(['Picked image 1: Fat looks bright, seen from the side']);
    expect(all).to.deep.equal(['Front view', 'Fat looks bright, seen from the side']);
    expect(text(shadow(el))).to.contain(enGB['study.keyMissing'].replace('{count}', '1'));
    choices(el)[0]!.click();
    await loaded(el);
    await until(() => el.index === 2, 5000, 'the picked image');
  });

  it('QIDO answering 500: the server message and Try again, which works once the server does', async () => {
    const study = await full();
    await setFaults([{ match: '/series$', kind: 'status', status: 500 }]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study });
    const failed = (await nextEvent(el, 'pv-error')) as PvErrorEvent;
    expect(failed.detail).to.include({ type: 'server', retryable: true, message: enGB['error.server'] });
    await listed(el);
    expect(text(shadow(el).querySelector('.study-error'))).to.contain(enGB['error.server']);
    await expect(el).to.be.accessible();
    await clearFaults();
    shadow(el).querySelector<HTMLButtonElement>('.study-error button')!.click();
    await until(() => choices(el).length === 12, 20000, 'the list after Try again');
  });

  it('QIDO answering 204 (nothing found): the plain "no images" message, not a server fault', async () => {
    const study = await full();
    await setFaults([{ match: '/series$', kind: 'status', status: 204 }]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study });
    const failed = (await nextEvent(el, 'pv-error')) as PvErrorEvent;
    expect(failed.detail.type).to.equal('not-an-image');
    await listed(el);
    expect(text(shadow(el).querySelector('.study-error'))).to.contain(enGB['study.empty']);
  });

  it('QIDO that never answers: the time-out message, not a spinner for ever', async () => {
    const study = await full();
    await setFaults([{ match: '/series$', kind: 'hang' }]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study, timeout: 1500 });
    const failed = (await nextEvent(el, 'pv-error', 10000)) as PvErrorEvent;
    expect(failed.detail.type).to.equal('timeout');
    await listed(el);
    expect(text(shadow(el).querySelector('.study-error'))).to.contain(enGB['error.timeout']);
  });

  it('removed while the list loads: its request is aborted, and nothing is left running', async () => {
    const study = await full();
    await setFaults([{ match: '/series$', kind: 'hang' }]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study });
    const search = async () => (await proxyLog()).log.find((entry) => entry.path.endsWith('/series'));
    for (let waited = 0; !(await search()); waited += 100) {
      expect(waited, 'the series search reached the server').to.be.below(15000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    el.remove();
    for (let waited = 0; (await search())?.outcome === 'open'; waited += 100) {
      expect(waited, 'the series search was let go').to.be.below(5000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await search())?.outcome).to.equal('client-closed');
  });

  it('in Welsh: the words of the list come from the Welsh catalogue', async () => {
    const study = await full();
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    expect(names(el)[1]![1]).to.equal(enGB['study.view.side']);
    // The language changes once the list is there: the choices are named again.
    el.lang = 'cy';
    const { cy } = await import('../../src/lay/messages-cy.js');
    await until(() => names(el)[1]![1] === cy['study.view.side'], 5000, 'the Welsh names');
    const headings = [...shadow(el).querySelectorAll('.study h2, .study h3')].map((h) => text(h));
    expect(headings).to.deep.equal([cy['study.title'], cy['study.keyTitle'], cy['study.allTitle']]);
    expect(names(el)[1]![1]).to.equal(cy['study.view.side']);
  });

  it('sends the portal token with the list and the small images, asking once for a fresh one after a 401', async () => {
    const study = await full();
    const info = await serverInfo();
    const asked: boolean[] = [];
    let fresh = false;
    const el = viewer(
      {
        dicomwebRoot: '/secure-dicom-web',
        studyUid: study,
        requestHeaders: ({ refresh }) => {
          asked.push(refresh);
          if (refresh) fresh = true;
          return { Authorization: `Bearer ${fresh ? info.token : 'stale'}` };
        },
      },
      [700, 400],
    );
    await listed(el);
    expect(choices(el)).to.have.length(12);
    expect(asked.slice(0, 2)).to.deep.equal([false, true]);
    await scrollThrough(el);
    await until(() => shadow(el).querySelectorAll('.study-thumb > img').length === 12, 20000, 'every small image, with the token');
  });

  it('a series that fails: its message, and back to the list, where the rest still work', async () => {
    const study = await full();
    await setFaults([{ match: `${uidOf(study, PLAN.thick!)}/metadata$`, kind: 'status', status: 500 }]);
    const el = viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    const thick = choices(el).find((button) => text(button).startsWith('Thicker slices'))!;
    thick.click();
    const failed = (await nextEvent(el, 'pv-error')) as PvErrorEvent;
    expect(failed.detail.type).to.equal('server');
    expect(text(shadow(el).querySelector('[part="error"]'))).to.contain(enGB['error.server']);
    shadow(el).querySelector<HTMLButtonElement>('.study-back')!.click();
    await el.updateComplete;
    choices(el).find((button) => text(button).startsWith('Front view'))!.click();
    await loaded(el);
    expect(el.imageFacts?.modality).to.equal('DX');
  });

  it('what one study costs before the first image (requests and bytes), reported', async () => {
    const study = await full();
    performance.clearResourceTimings();
    const started = performance.now();
    const el = viewer({ dicomwebRoot: '/dicom-web', studyUid: study }, [700, 400]);
    await listed(el);
    const count = choices(el).length;
    await scrollThrough(el);
    await until(() => shadow(el).querySelectorAll('.study-thumb > img').length === count, 20000, 'every small image');
    const entries = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry): entry is PerformanceResourceTiming => entry.startTime >= started && entry.name.includes('/dicom-web/'));
    const sum = (list: PerformanceResourceTiming[]) => list.reduce((total, entry) => total + entry.encodedBodySize, 0);
    const list = entries();
    // Each series' search for its middle image's shape (`offset` where the count is known) belongs to its small picture.
    const shapes = list.filter((entry) => /\/instances\?limit=1&offset=/.test(entry.name));
    const lists = list.filter((entry) => !entry.name.includes('/rendered') && !shapes.includes(entry));
    const thumbs = list.filter((entry) => entry.name.includes('/rendered'));
    choices(el)[0]!.click();
    await loaded(el);
    await until(() => el.index === 1, 5000, 'the picked image');
    const opened = entries().slice(list.length);
    const report = {
      listRequests: lists.length,
      listBytes: sum(lists),
      shapeSearches: shapes.length,
      shapeSearchBytes: sum(shapes),
      smallImages: thumbs.length,
      smallImageBytes: sum(thumbs),
      firstKeyImageRequests: opened.length,
      firstKeyImageBytes: sum(opened),
    };
    console.log(`Study cost: ${JSON.stringify(report)}`);
    // QIDO series, the KOS's metadata, one instance search per series it names (3).
    expect(lists.length).to.equal(5);
    expect(thumbs.length).to.equal(count);
    // One search a series (9); a key image's shape came with its KOS search.
    expect(shapes.length).to.equal(Object.keys(PLAN).length);
    expect(list.length).to.equal(5 + Object.keys(PLAN).length + count);
  });
});
