/**
 * Issue 16, a second DICOMweb implementation: the same study from the static tree that
 * static-wado-creator writes (scripts/static-dicomweb.mjs), served by a plain static file server (sirv,
 * /static-dicom-web/ in test/support/server.mjs). Such a server ignores every query string (no
 * QIDO-RS matching, no includefield), has no study-level instance search, no /thumbnail and no
 * /rendered: the viewer falls back, never fails. Real Cornerstone, real browser; Orthanc only to
 * compare pictures.
 */
import { expect } from '@open-wc/testing';
import type { LayAnnotationLayer, PvErrorEvent, PvSeriesChangeEvent } from '../../src/index.js';
import { enGB } from '../../src/lay/messages.js';
import { storeInStaticTree } from '../support/stow.js';
import { box, cleanup, correlation, loaded, nextEvent, pictureGrid, serverInfo, until, viewer } from '../support/helpers.js';
import { LISTED, PLAN, instanceOf, kosFile, newStudyUid, pictureFiles, reportFile, rleFile, store, uidOf } from './study-dicom.js';
import { KEYS, choices, listed, names, shadow, text } from './support.js';

const ROOT = '/static-dicom-web';


/** The test server's log of requests to the static tree (and, with `clear`, a fresh one). */
async function staticLog(clear = false): Promise<{ path: string; status: number; answered: boolean }[]> {
  const answer = (await (await fetch(`/__static-dicom-web-log${clear ? '?clear' : ''}`)).json()) as { log: { path: string; status: number; answered: boolean }[] };
  return answer.log;
}

/** Requests to the static tree since `since`. */
const requests = (since: number) =>
  performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => entry.startTime >= since && entry.name.includes(`${ROOT}/`));


let fullStudy: string | undefined;
/** The full study, in the static tree and (to compare pictures) in Orthanc. */
async function full(): Promise<string> {
  if (!fullStudy) {
    const study = newStudyUid();
    const files = [...pictureFiles(study), reportFile(study), kosFile(study, KEYS)];
    await storeInStaticTree(...files);
    if ((await serverInfo()).orthanc.available) await store(files);
    fullStudy = study;
  }
  return fullStudy;
}

describe('<patient-image-viewer> with a study from a static DICOMweb tree (issue 16)', function () {
  this.timeout(60000);

  before(() => {
    performance.setResourceTimingBufferSize(100000);
  });

  afterEach(() => cleanup());

  it('the tree is served as plain files: gzipped JSON, every query string ignored, no rendered images', async () => {
    const study = await full();
    const all = await fetch(`${ROOT}/studies/${study}/series`);
    expect(all.headers.get('Content-Type')).to.equal('application/json');
    const filtered = await fetch(`${ROOT}/studies/${study}/series?Modality=CT&limit=1&includefield=00185101`);
    const [a, b] = [(await all.json()) as unknown[], (await filtered.json()) as unknown[]];
    expect(b).to.deep.equal(a);
    expect(a).to.have.length(11);
    expect((await fetch(`${ROOT}/studies/${study}/instances?SOPInstanceUID=${instanceOf(study, PLAN.t2!, 2)}`)).status).to.equal(404);
    expect((await fetch(`${ROOT}/studies/${study}/series/${uidOf(study, PLAN.t2!)}/rendered`)).status).to.equal(404);
    expect((await fetch(`${ROOT}/studies/${study}/series/${uidOf(study, PLAN.t2!)}/thumbnail`)).status).to.equal(404);
  });

  it('[HAZ-030] lists every series in the same plain words as from Orthanc, key images first, what is not an image counted', async () => {
    const study = await full();
    const el = viewer({ dicomwebRoot: ROOT, studyUid: study }, [700, 400]);
    await listed(el);
    const headings = [...shadow(el).querySelectorAll('.study h2, .study h3')].map((h) => text(h));
    expect(headings).to.deep.equal([enGB['study.title'], enGB['study.keyTitle'], enGB['study.allTitle']]);
    const [keys, all] = names(el);
    expect(keys).to.deep.equal(LISTED.keys);
    expect(all).to.deep.equal(LISTED.all);
    expect(text(choices(el)[5])).to.contain('CT scan of the head, 4 images');
    expect(text(shadow(el))).to.contain(enGB['study.left'].replace('{count}', '2'));
    expect(text(shadow(el))).not.to.match(/Phantom|Topogram|t1_tse|H30s/);
    await expect(el).to.be.accessible();
  });

  it('a key image opens its series at that image, drawn from the static frames as from Orthanc', async function () {
    const study = await full();
    const el = viewer({ dicomwebRoot: ROOT, studyUid: study }, [700, 400]);
    await listed(el);
    const changed = nextEvent(el, 'pv-series-change');
    choices(el)[1]!.click();
    expect(((await changed) as PvSeriesChangeEvent).detail).to.deep.equal({
      view: 'series',
      modality: 'CT',
      name: 'Picked image 2: Fine slices, to see small details',
      imageCount: 4,
      keyImage: true,
    });
    await loaded(el);
    await until(() => el.index === 2, 5000, 'the picked image');
    expect(el.imageCount).to.equal(4);
    const fromTree = pictureGrid(el);
    // Not a blank or garbled picture: the two halves of the made-up image differ.
    expect(Math.max(...fromTree) - Math.min(...fromTree)).to.be.greaterThan(50);
    if (!(await serverInfo()).orthanc.available) return;
    // The same image from Orthanc, in a viewer of the same size: the same picture.
    const other = viewer({ dicomwebRoot: '/dicom-web', studyUid: study, seriesUid: uidOf(study, PLAN.thin!) }, [700, 400]);
    await loaded(other);
    await other.goTo(2);
    await until(() => other.index === 2, 5000, 'the same image from Orthanc');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(correlation(fromTree, pictureGrid(other))).to.be.greaterThan(0.99);
  });

  it('[HAZ-008] small pictures drawn from the static frames: real pictures in the proportions of each image, every request answered, a compressed series a plain place, every choice still opens', async () => {
    const study = await full();
    await staticLog(true);
    const el = viewer({ dicomwebRoot: ROOT, studyUid: study }, [700, 400]);
    await listed(el);
    for (const choice of choices(el)) {
      choice.scrollIntoView({ block: 'center' });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Each place asks for its frame (the tree has no /rendered, /thumbnail or file).
    const asked = async (pattern: RegExp) => (await staticLog()).filter((entry) => pattern.test(entry.path));
    for (let waited = 0; (await asked(/\/frames\/\d+$/)).filter((entry) => entry.answered).length < 12; waited += 200) {
      expect(waited, 'every frame asked for').to.be.below(20000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // What the tree lacks is asked for only until it has said 404: at most by the three small
    // pictures in flight at once, not once a choice.
    for (const pattern of [/\/rendered\?/, /\/thumbnail\?/, /\/instances\/[\d.]+$/]) {
      const statuses = (await asked(pattern)).map((entry) => entry.status);
      expect(statuses.length, String(pattern)).to.be.within(1, 3);
      expect(statuses.every((status) => status === 404), String(pattern)).to.equal(true);
    }
    expect((await asked(/\/frames\/\d+$/)).map((entry) => entry.status)).to.deep.equal(Array(12).fill(200));
    // The series metadata the list read for the plain names is not asked again: only the ultrasound's (not named by its facts).
    const metadata = (await asked(/\/metadata$/)).map((entry) => entry.path.split('/series/')[1]);
    expect(metadata.filter((path, i) => metadata.indexOf(path) !== i), 'no metadata asked twice').to.deep.equal([]);
    await until(() => shadow(el).querySelectorAll('.study-thumb > img').length === 12, 10000, 'every small picture');
    expect(shadow(el).querySelectorAll('.study-thumb')).to.have.length(12);
    // Real pictures: each in its image's own proportions (within a pixel), not one colour.
    const shapes = new Map(Object.values(PLAN).map((plan) => [uidOf(study, plan), [plan.columns ?? 64, plan.rows ?? 64] as const]));
    for (const place of shadow(el).querySelectorAll<HTMLElement>('.study-thumb')) {
      const img = place.querySelector('img')!;
      await img.decode();
      const [columns, rows] = shapes.get(place.dataset.thumb!.split('/')[0]!)!;
      expect(Math.abs(img.naturalWidth - (img.naturalHeight * columns) / rows), `${place.dataset.thumb} in its proportions`).to.be.at.most(1);
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const grey = context.getImageData(0, 0, canvas.width, canvas.height).data.filter((_, i) => i % 4 === 0);
      expect(Math.max(...grey) - Math.min(...grey), `${place.dataset.thumb} not one colour`).to.be.greaterThan(50);
    }
    const us = shadow(el).querySelector<HTMLImageElement>(`.study-thumb[data-thumb="${uidOf(study, PLAN.us!)}"] > img`)!;
    expect(us.naturalWidth).to.be.greaterThan(us.naturalHeight);
    // Nothing left waiting on the server.
    expect((await staticLog()).filter((entry) => !entry.answered)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    const front = choices(el).find((button) => text(button).startsWith('Front view'))!;
    front.click();
    await loaded(el);
    expect(el.imageFacts?.modality).to.equal('DX');
    await expect(el).to.be.accessible();
    cleanup();

    // A compressed series (RLE): a plain place; its frame not even downloaded (its metadata says RLE).
    const other = newStudyUid();
    await storeInStaticTree(...pictureFiles(other, [PLAN.front!]), rleFile(other));
    await staticLog(true);
    const second = viewer({ dicomwebRoot: ROOT, studyUid: other }, [700, 400]);
    await listed(second);
    await until(() => shadow(second).querySelectorAll('.study-thumb > img').length === 1, 10000, 'the front view\'s small picture');
    for (let waited = 0; (await asked(/\/instances\/[\d.]+$/)).filter((entry) => entry.answered).length < 2; waited += 200) {
      expect(waited, 'both files tried').to.be.below(20000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await second.updateComplete;
    expect(shadow(second).querySelector(`.study-thumb[data-thumb="${other}.1"] > img`)).to.not.equal(null);
    expect(shadow(second).querySelector(`.study-thumb[data-thumb="${other}.10"] > img`)).to.equal(null);
    expect(shadow(second).querySelectorAll('.study-thumb')).to.have.length(2);
    expect((await asked(/\/frames\/\d+$/)).map((entry) => entry.path.split('/series/')[1])).to.deep.equal([`${other}.1/instances/${other}.1.1/frames/1`]);
    expect((await staticLog()).filter((entry) => !entry.answered)).to.deep.equal([]);
    const ct = choices(second).find((button) => !text(button).startsWith('Front view'))!;
    ct.click();
    await loaded(second);
    expect(second.imageFacts?.modality).to.equal('CT');
  });

  it('a KOS naming a missing image: every instance comes back unasked, and the missing one is still counted missing', async () => {
    const study = newStudyUid();
    await storeInStaticTree(...pictureFiles(study, [PLAN.front!, PLAN.t1!]), kosFile(study, [{ series: PLAN.t1!, image: 3 }, { series: PLAN.t1!, image: 1, missing: true }]));
    const el = viewer({ dicomwebRoot: ROOT, studyUid: study }, [700, 400]);
    await listed(el);
    const [keys, all] = names(el);
    expect(keys).to.deep.equal(['Picked image 1: Fat looks bright, seen from the side']);
    expect(all).to.deep.equal(['Front view', 'Fat looks bright, seen from the side']);
    expect(text(shadow(el))).to.contain(enGB['study.keyMissing'].replace('{count}', '1'));
    choices(el)[0]!.click();
    await loaded(el);
    await until(() => el.index === 2, 5000, 'the picked image');
  });

  it('a study with only a report: the plain "no images" message', async () => {
    const study = newStudyUid();
    await storeInStaticTree(reportFile(study));
    const el = viewer({ dicomwebRoot: ROOT, studyUid: study });
    expect(((await nextEvent(el, 'pv-error')) as PvErrorEvent).detail.type).to.equal('not-an-image');
    await listed(el);
    expect(text(shadow(el).querySelector('.study-error'))).to.contain(enGB['study.empty']);
  });

  it('[HAZ-007] labels on other series: found through each series list (no study-level search), counted, and Go to opens them', async () => {
    const study = newStudyUid();
    await storeInStaticTree(...pictureFiles(study, [PLAN.front!, PLAN.side!, PLAN.t2!]));
    const doc = {
      version: 1,
      labels: [
        { id: 'front', kind: 'finding', title: 'A spot on the front view', target: { image: { sopInstanceUid: instanceOf(study, PLAN.front!, 1) }, point: { column: 20, row: 30 } } },
        { id: 'fluid', kind: 'finding', title: 'Some fluid', target: { image: { sopInstanceUid: instanceOf(study, PLAN.t2!, 2) }, point: { column: 40, row: 28 } } },
        // Not in this study: the static server's unfiltered answers must not place it anywhere.
        { id: 'elsewhere', kind: 'finding', title: 'Not here', target: { image: { sopInstanceUid: `${study}.55.1` }, point: { column: 1, row: 1 } } },
      ],
    };
    const el = document.createElement('patient-image-viewer');
    el.loading = 'eager';
    Object.assign(el, { dicomwebRoot: ROOT, studyUid: study });
    const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
    layer.annotations = doc;
    el.append(layer);
    box(700, 400).append(el);
    await listed(el);
    await staticLog(true);
    choices(el).find((button) => text(button).startsWith('Front view'))!.click();
    await loaded(el);
    await until(() => Boolean(layer.shadowRoot!.querySelector('.marker[data-id="front"]')), 5000, 'the front view label');
    await until(() => text(layer.shadowRoot).includes(enGB['layer.otherImage']), 10000, 'the count');
    // The study-level search is not there (404); each series' own list was read instead.
    const log = await staticLog();
    expect(log.filter((entry) => entry.path.includes(`/studies/${study}/instances?`)).map((entry) => entry.status)).to.deep.equal([404]);
    expect(log.filter((entry) => /\/series\/[\d.]+\/instances\?/.test(entry.path)).length).to.be.at.least(2);
    const go = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('li.item button.goto')];
    expect(go.map((button) => text(button))).to.deep.equal(['Go to Fluid looks bright, seen from above']);
    go[0]!.click();
    await loaded(el);
    await until(() => el.index === 1, 5000, 'the labelled image');
    await until(() => Boolean(layer.shadowRoot!.querySelector('.marker[data-id="fluid"]')), 5000, 'the label on its series');
  });

  it('what one study costs from the static tree before the first image (requests and bytes), reported', async () => {
    const study = await full();
    performance.clearResourceTimings();
    const started = performance.now();
    const el = viewer({ dicomwebRoot: ROOT, studyUid: study }, [700, 400]);
    await listed(el);
    const list = requests(started);
    const sum = (entries: PerformanceResourceTiming[]) => entries.reduce((total, entry) => total + entry.encodedBodySize, 0);
    // The first small picture (drawn from its frame: the list's metadata and one frame).
    await until(() => Boolean(shadow(el).querySelector('.study-thumb > img')), 20000, 'the first small picture');
    const firstPicture = requests(started);
    choices(el)[0]!.click();
    await loaded(el);
    await until(() => el.index === 1, 5000, 'the picked image');
    const opened = requests(started).slice(firstPicture.length);
    const report = {
      listRequests: list.length,
      listBytes: sum(list),
      firstSmallPictureRequests: firstPicture.length,
      firstSmallPictureBytes: sum(firstPicture),
      firstKeyImageRequests: opened.length,
      firstKeyImageBytes: sum(opened),
    };
    console.log(`Static tree study cost: ${JSON.stringify(report)}`);
    // The series list, the KOS's metadata, one instance list per series it names (3), and the
    // naming facts the series list lacks: one metadata per picture series (8).
    expect(list.length).to.equal(13);
  });
});
