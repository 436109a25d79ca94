/**
 * Issue 16, labels across a whole study: a viewer given a study alone, with an annotation layer whose
 * labels are on images of several series, and a document that lists the images the care team picked
 * (`keyImages`). Against the real Orthanc the test runner starts.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LayAnnotationLayer, PatientImageViewer, PvSeriesChangeEvent } from '../../src/index.js';
import { enGB, format } from '../../src/lay/messages.js';
import { box, cleanup, loaded, nextEvent, serverInfo, until } from '../support/helpers.js';
import { clearFaults, proxyLog, setFaults } from '../components/support.js';
import { settleLayout } from '../lay-annotation-layer/support.js';
import { PLAN, instanceOf, kosFile, newStudyUid, pictureFiles, store, uidOf } from './study-dicom.js';
import { choices, listed, names, text } from './support.js';

const buttons = (layer: LayAnnotationLayer) => [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
/** The "Show image" and "Go to" buttons of the labels in the list. */
const goTos = (layer: LayAnnotationLayer) => [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('li.item button.goto')];
const marker = (layer: LayAnnotationLayer, id: string) => layer.shadowRoot!.querySelector<HTMLElement>(`.marker[data-id="${id}"]`);


/** A marker's centre, from the picture box's top-left corner (the study's bar above the box moves the box, not the picture in it). */
function inFrame(viewer: PatientImageViewer, layer: LayAnnotationLayer, id: string): { x: number; y: number } {
  const rect = marker(layer, id)!.getBoundingClientRect();
  const outer = viewer.getBoundingClientRect();
  const frame = viewer.frameBox()!;
  return { x: rect.left + rect.width / 2 - outer.left - frame.x, y: rect.top + rect.height / 2 - outer.top - frame.y };
}

/** A viewer given a study alone (or one series of it), with a layer holding `doc`. */
function mount(study: string, doc: unknown, series = '', root = '/dicom-web') {
  const viewer = document.createElement('patient-image-viewer');
  viewer.loading = 'eager';
  Object.assign(viewer, { dicomwebRoot: root, studyUid: study, seriesUid: series });
  const layer = document.createElement('lay-annotation-layer');
  layer.annotations = doc;
  viewer.append(layer);
  box(700, 400).append(viewer);
  return { viewer, layer };
}

const label = (id: string, title: string, sop: string, column: number, row: number, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'finding',
  title,
  target: { image: { sopInstanceUid: sop }, point: { column, row } },
  ...extra,
});

/** Requests made since `since` whose address holds `part`. */
const requests = (since: number, part: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.startTime >= since && entry.name.includes(part));

describe('<lay-annotation-layer> in a whole study (issue 16)', function () {
  this.timeout(60000);
  let study = '';

  before(async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) this.skip();
    performance.setResourceTimingBufferSize(100000);
    study = newStudyUid();
    await store(pictureFiles(study, [PLAN.front!, PLAN.side!, PLAN.t2!]));
  });

  afterEach(async () => {
    cleanup();
    await clearFaults();
  });

  it('[HAZ-007] labels on other series are counted, and "Go to" opens that series at the image, the label at its point', async () => {
    const doc = {
      version: 1,
      labels: [
        label('front', 'A spot on the front view', instanceOf(study, PLAN.front!, 1), 20, 30),
        label('side', 'A spot on the side view', instanceOf(study, PLAN.side!, 1), 40, 20),
        label('fluid', 'Some fluid', instanceOf(study, PLAN.t2!, 2), 40.5, 28.5),
      ],
    };
    const { viewer, layer } = mount(study, doc);
    await listed(viewer);
    // The list shows: the layer asks the server nothing yet.
    const started = performance.now();
    choices(viewer).find((button) => text(button).startsWith('Front view'))!.click();
    await loaded(viewer);
    await until(() => Boolean(marker(layer, 'front')), 5000, 'the front view label');
    // The other two are on other series: counted, each with a way to it.
    await until(() => text(layer.shadowRoot).includes(format(enGB['layer.otherImages'], { count: 2 })), 10000, 'the count');
    const fluidItem = layer.shadowRoot!.querySelector('li.item[data-id="fluid"]')!;
    expect(text(fluidItem.querySelector('.kind'))).to.contain(enGB['layer.inSeries']);
    const go = goTos(layer).map((button) => text(button));
    expect(go).to.deep.equal(['Go to Side view', 'Go to Fluid looks bright, seen from above']);
    // Found with one search of the study for the two images, not one per series.
    const searches = requests(started, '/instances?');
    expect(searches.map((entry) => new URL(entry.name).pathname.endsWith(`/studies/${study}/instances`))).to.deep.equal([true]);
    await expect(layer).to.be.accessible();

    // Keyboard: to "Go to …" and Enter.
    const goFluid = buttons(layer).find((button) => text(button) === 'Go to Fluid looks bright, seen from above')!;
    goFluid.focus();
    const changed = nextEvent(viewer, 'pv-series-change');
    await sendKeys({ press: 'Enter' });
    const event = (await changed) as PvSeriesChangeEvent;
    expect(event.detail).to.deep.equal({ view: 'series', modality: 'MR', name: 'Fluid looks bright, seen from above', imageCount: 3, keyImage: false });
    await loaded(viewer);
    await until(() => viewer.index === 1, 5000, 'the labelled image');
    await until(() => Boolean(marker(layer, 'fluid')), 5000, 'the label on its series');
    await settleLayout();
    // The label is chosen, and focus is on it (its marker, or its place in the list), not lost.
    await until(() => layer.shadowRoot!.activeElement !== null, 5000, 'focus on the label');
    expect(marker(layer, 'fluid')!.getAttribute('aria-pressed')).to.equal('true');
    const opened = inFrame(viewer, layer, 'fluid');
    const point = viewer.imageToFrame(40.5, 28.5)!;
    expect(opened.x).to.be.closeTo(point.x, 1);
    expect(opened.y).to.be.closeTo(point.y, 1);
    // Now the front view's label is the one elsewhere, with its way back.
    await until(() => buttons(layer).some((button) => text(button) === 'Go to Front view'), 10000, 'the way to the front view');
    await expect(layer).to.be.accessible();

    // The same series opened directly: the label at the same place (within 1 px).
    const direct = mount(study, doc, uidOf(study, PLAN.t2!));
    await loaded(direct.viewer);
    await direct.viewer.goTo(1);
    await until(() => Boolean(marker(direct.layer, 'fluid')), 5000, 'the label, series opened directly');
    await settleLayout();
    const there = inFrame(direct.viewer, direct.layer, 'fluid');
    expect(opened.x).to.be.closeTo(there.x, 1);
    expect(opened.y).to.be.closeTo(there.y, 1);
  });

  it('labels all on the open series: no search of the study', async () => {
    const doc = { version: 1, labels: [label('front', 'A spot on the front view', instanceOf(study, PLAN.front!, 1), 20, 30)] };
    const { viewer, layer } = mount(study, doc);
    await listed(viewer);
    const started = performance.now();
    choices(viewer).find((button) => text(button).startsWith('Front view'))!.click();
    await loaded(viewer);
    await until(() => Boolean(marker(layer, 'front')), 5000, 'the label');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requests(started, '/instances?')).to.have.length(0);
    expect(text(layer.shadowRoot)).not.to.contain('other image');
  });

  it('a server with no search of a whole study: each series\' own list, and the labels are still found', async () => {
    await setFaults([{ match: '/studies/[0-9.]+/instances$', kind: 'status', status: 400 }]);
    const doc = {
      version: 1,
      labels: [
        label('front', 'A spot on the front view', instanceOf(study, PLAN.front!, 1), 20, 30),
        label('fluid', 'Some fluid', instanceOf(study, PLAN.t2!, 2), 40.5, 28.5),
      ],
    };
    const { viewer, layer } = mount(study, doc, '', '/faulty-dicom-web');
    await listed(viewer);
    choices(viewer).find((button) => text(button).startsWith('Front view'))!.click();
    await loaded(viewer);
    await until(() => buttons(layer).some((button) => text(button) === 'Go to Fluid looks bright, seen from above'), 15000, 'the way to the label');
    expect(text(layer.shadowRoot)).to.contain(enGB['layer.otherImage']);
    // Each series' list asked for the labels (the small pictures' searches for their middle image, `limit=1`, are not these).
    const searched = (await proxyLog()).log.filter((entry) => /\/series\/[0-9.]+\/instances$/.test(entry.path) && !entry.query.includes('limit=1'));
    expect(searched.length).to.be.within(1, 3);
  });

  it('[HAZ-001] a held sensitive label on another series is counted, never shown, until the patient chooses', async () => {
    const doc = {
      version: 1,
      labels: [
        label('front', 'A spot on the front view', instanceOf(study, PLAN.front!, 1), 20, 30),
        label('shadow', 'A small shadow', instanceOf(study, PLAN.side!, 1), 40, 20, { sensitivity: 'sensitive', description: 'A small shadow in your lung.' }),
      ],
    };
    const { viewer, layer } = mount(study, doc);
    await listed(viewer);
    choices(viewer).find((button) => text(button).startsWith('Front view'))!.click();
    await loaded(viewer);
    await until(() => text(layer.shadowRoot).includes(enGB['layer.otherImage']), 10000, 'the held label counted');
    expect(text(layer.shadowRoot)).not.to.match(/shadow/i);
    expect(goTos(layer)).to.have.length(0);
    expect(layer.shadowRoot!.querySelectorAll('ol > li')).to.have.length(1);
    await expect(layer).to.be.accessible();
    // Opened by the list: still held there, no marker.
    viewer.shadowRoot!.querySelector<HTMLButtonElement>('.study-back')!.click();
    await viewer.updateComplete;
    choices(viewer).find((button) => text(button).startsWith('Side view'))!.click();
    await loaded(viewer);
    await settleLayout();
    expect(marker(layer, 'shadow')).to.equal(null);
    expect(text(layer.shadowRoot)).not.to.match(/small shadow/i);
    // The patient chooses to see it: shown, on its series.
    buttons(layer).find((button) => text(button) === 'Show me now')!.click();
    await until(() => Boolean(marker(layer, 'shadow')), 5000, 'the shown label');
    expect(text(layer.shadowRoot)).to.contain('A small shadow');
  });

  it('the images the document picked come first, after those of the KOS; missing ones are counted', async () => {
    const withKos = newStudyUid();
    await store([...pictureFiles(withKos, [PLAN.front!, PLAN.side!, PLAN.thin!]), kosFile(withKos, [{ series: PLAN.thin!, image: 3 }])]);
    const doc = {
      version: 1,
      labels: [],
      keyImages: [
        { sopInstanceUid: instanceOf(withKos, PLAN.side!, 1) },
        { sopInstanceUid: instanceOf(withKos, PLAN.thin!, 3) },
        { sopInstanceUid: instanceOf(withKos, PLAN.front!, 9) },
      ],
    };
    const { viewer } = mount(withKos, doc);
    await listed(viewer);
    await until(() => names(viewer).length === 2 && names(viewer)[0]!.length === 2, 10000, 'the picked images');
    const [keys, all] = names(viewer);
    expect(keys).to.deep.equal(['Picked image 1: Fine slices, to see small details', 'Picked image 2: Side view']);
    expect(all).to.deep.equal(['Front view', 'Side view', 'Fine slices, to see small details']);
    expect(text(viewer.shadowRoot!.querySelector('.study'))).to.contain(format(enGB['study.keyMissing'], { count: 1 }));
    await expect(viewer).to.be.accessible();
  });

  it('the images the document picked, in a study with no KOS: first, and each opens at its image', async () => {
    const doc = {
      version: 1,
      labels: [],
      keyImages: [{ sopInstanceUid: instanceOf(study, PLAN.t2!, 2) }, { sopInstanceUid: instanceOf(study, PLAN.side!, 1) }],
    };
    const { viewer } = mount(study, doc);
    await listed(viewer);
    await until(() => names(viewer).length === 2, 10000, 'the picked images');
    const headings = [...viewer.shadowRoot!.querySelectorAll('.study h2, .study h3')].map((h) => text(h));
    expect(headings).to.deep.equal([enGB['study.title'], enGB['study.keyTitle'], enGB['study.allTitle']]);
    expect(names(viewer)[0]).to.deep.equal(['Picked image 1: Fluid looks bright, seen from above', 'Picked image 2: Side view']);
    choices(viewer)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await loaded(viewer);
    await until(() => viewer.index === 1, 5000, 'the picked image');
  });
});
