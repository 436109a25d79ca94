import { expect } from '@open-wc/testing';
import dcmjs from 'dcmjs';
import { SYNTHETIC_PATIENT } from '../../scripts/synthetic.mjs';
import { GSPS_TEXT, OBSERVER_NAME, SR_FINDING, makeGsps, makeKos, makeSr, type About } from '../../scripts/pacs-objects.mjs';
import type { LayAnnotationEditor, PatientImageViewer, PvAnnotationErrorEvent, PvAnnotationsChangeEvent } from '../../src/index.js';
import { clearFaults, proxyLog, setFaults } from '../components/support.js';
import { newStudyUid } from '../study/study-dicom.js';
import { box, cleanup, consoleDuring, loaded, nextFrame, until } from '../support/helpers.js';
import { appearsIn, identifyingValues } from '../support/identifying.js';
import { storeInOrthanc, storeInStaticTree } from '../support/stow.js';
import { markerAt, settle } from './support.js';

const root = (editor: LayAnnotationEditor) => editor.shadowRoot!;
const message = (editor: LayAnnotationEditor) => root(editor).querySelector('.pacs-message')?.textContent?.trim() ?? '';
const blobs: string[] = [];
const blobOf = (buffer: ArrayBuffer): string => {
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/dicom' }));
  blobs.push(url);
  return url;
};

/** The synthetic chest X-ray, copied into a study of its own (fresh UIDs), with what PACS objects about it need. */
async function xrayIn(study: string): Promise<{ file: ArrayBuffer; on: Required<About> }> {
  const on = { study, series: `${study}.1`, sop: `${study}.1.1`, uid: `${study}.9` };
  const original = await (await fetch('/__synthetic/chest-xray.dcm')).arrayBuffer();
  type Dict = Record<string, { Value: unknown[] }>;
  const dicom = dcmjs.data.DicomMessage.readFile(original) as unknown as { dict: Dict; meta: Dict; write(): ArrayBuffer };
  dicom.dict['0020000D']!.Value = [on.study];
  dicom.dict['0020000E']!.Value = [on.series];
  dicom.dict['00080018']!.Value = [on.sop];
  dicom.meta['00020003']!.Value = [on.sop];
  return { file: dicom.write(), on };
}

/** A study in Orthanc: the X-ray copy, an SR (TID 1500), a GSPS and a KOS about it, and an SR that is not TID 1500. */
async function storedStudy(store = storeInOrthanc): Promise<{ study: string; on: Required<About>; files: ArrayBuffer[] }> {
  const study = newStudyUid();
  const { file, on } = await xrayIn(study);
  const objects = [makeSr({ on }), makeGsps({ on }), makeKos({ on }), makeSr({ on, template: '2000', depth: 1 })];
  await store(file, ...objects);
  return { study, on, files: [file, ...objects] };
}

/** A viewer on the study's X-ray series through DICOMweb, with an editor inside, loaded. */
async function mountDicomweb(dicomwebRoot: string, on: Required<About>, extra: Partial<PatientImageViewer> = {}): Promise<{ viewer: PatientImageViewer; editor: LayAnnotationEditor }> {
  const viewer = document.createElement('patient-image-viewer');
  viewer.loading = 'eager';
  Object.assign(viewer, { dicomwebRoot, studyUid: on.study, seriesUid: on.series, ...extra });
  const editor = document.createElement('lay-annotation-editor');
  viewer.append(editor);
  window.scrollTo(0, 0);
  box(640, 480).append(viewer);
  await loaded(viewer);
  await until(() => editor.shadowRoot?.querySelector('.overlay') != null, 5000, 'the editor overlay');
  for (let i = 0; i < 3; i++) await nextFrame();
  return { viewer, editor };
}

/** Where each draft's marker sits, relative to its viewer (so two viewers of one size compare), in label order. */
function markerSpots(viewer: PatientImageViewer, editor: LayAnnotationEditor): [number, number][] {
  const outer = viewer.getBoundingClientRect();
  return [...root(editor).querySelectorAll<HTMLElement>('.marker')].map((m) => {
    const [x, y] = markerAt(root(editor), m.dataset.id!);
    return [x - outer.left, y - outer.top];
  });
}

async function pressFind(editor: LayAnnotationEditor): Promise<void> {
  const button = root(editor).querySelector<HTMLButtonElement>('.pacs-find');
  expect(button, 'the "Find drafts in this study" button').to.exist;
  expect(button!.textContent!.trim()).to.equal('Find drafts in this study');
  button!.click();
  // The click shows "Looking for drafts..." at once (the button waits); then until it is done.
  await editor.updateComplete;
  expect(message(editor)).to.equal('Looking for drafts in this study...');
  await until(() => !root(editor).querySelector<HTMLButtonElement>('.pacs-find')!.disabled && !/^Looking for drafts/.test(message(editor)), 60000, 'the study’s drafts');
  await settle();
}

describe('<lay-annotation-editor>: drafts from a DICOMweb study', () => {
  afterEach(async () => {
    cleanup();
    for (const url of blobs.splice(0)) URL.revokeObjectURL(url);
    await clearFaults();
  });

  it('[HAZ-007] [HAZ-034] "Find drafts in this study" opens the study’s SR, GSPS and KOS from Orthanc: drafts at the same points as from the files, one bad object said and the rest opened, nothing identifying shown, axe clean', async () => {
    const { on, files } = await storedStudy();
    const { viewer, editor } = await mountDicomweb('/dicom-web', on);
    const changes: PvAnnotationsChangeEvent[] = [];
    const errors: PvAnnotationErrorEvent[] = [];
    editor.addEventListener('pv-annotations-change', (e) => changes.push(e));
    editor.addEventListener('pv-annotation-error', (e) => errors.push(e));
    const said = await consoleDuring(() => pressFind(editor));
    // The SR's point and ellipse, the GSPS's text with its arrow, the KOS's key image; the TID 2000 report said, not opened.
    expect(message(editor)).to.equal(
      'Found 4 object(s): 4 draft label(s). Drafts of findings start as sensitive: the patient sees each one only after choosing to. 1 could not be opened: The structured report is not a TID 1500 measurement report.',
    );
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(4);
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.problems[0]!.message).to.contain('not a TID 1500');
    // Drafts stay out of the document until written.
    expect(editor.value.labels).to.have.length(0);
    const notes = () => [...root(editor).querySelectorAll('.note')].map((n) => n.textContent).join('\n');

    // The same objects as Part 10 files, in a second viewer of the same study and size: the same points.
    const fromFiles = await mountDicomweb('/dicom-web', on);
    for (const object of files.slice(1, 4)) await fromFiles.editor.openDrafts(blobOf(object));
    await settle();
    const a = markerSpots(viewer, editor).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const b = markerSpots(fromFiles.viewer, fromFiles.editor).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    expect(a).to.have.length(4);
    expect(b).to.have.length(4);
    for (const [i, [x, y]] of a.entries()) {
      expect(x, `draft ${i} x`).to.be.closeTo(b[i]![0], 1);
      expect(y, `draft ${i} y`).to.be.closeTo(b[i]![1], 1);
    }
    // Each draft keeps its object's clinical words as its note (the series come in the server's order).
    const labels = [...root(editor).querySelectorAll<HTMLButtonElement>('.labels button[data-id]')];
    const seen: string[] = [];
    for (const button of labels) {
      button.click();
      await settle();
      seen.push(notes());
    }
    expect(seen.filter((n) => n.includes(SR_FINDING)), 'the SR finding as a note').to.have.length(1);
    expect(seen.filter((n) => n.includes(GSPS_TEXT)), 'the GSPS text as a note').to.have.length(1);
    expect(seen.filter((n) => n.includes('Best view of the lungs')), 'the KOS description as a note').to.have.length(1);

    // Nothing identifying from the image or the objects: page, attributes, events, console. (UIDs are left
    // out: the portal gave them to the viewer itself.)
    const secrets = [...new Set([...files.flatMap((f) => identifyingValues(f)), ...Object.values(SYNTHETIC_PATIENT).map(String), OBSERVER_NAME, 'Radiologist'])].filter((s) => !/^[0-9.]+$/.test(s));
    const attrs = [...root(editor).querySelectorAll('*')].flatMap((el) => [...el.attributes].map((at) => at.value)).join(' ');
    const page = [root(editor).textContent, viewer.shadowRoot!.textContent, document.body.textContent, attrs].join('\n');
    const events = JSON.stringify([...changes.map((c) => c.detail), ...errors.map((e) => e.detail)]);
    for (const secret of secrets) {
      expect(appearsIn(secret, page), `page: ${secret}`).to.equal(false);
      expect(appearsIn(secret, events), `events: ${secret}`).to.equal(false);
      expect(appearsIn(secret, said), `console: ${secret}`).to.equal(false);
    }
    await expect(editor).to.be.accessible();

    // Found again: the objects whose drafts are still there are not added twice; after undo they are.
    await pressFind(editor);
    expect(message(editor)).to.equal(
      'Found 4 object(s): 0 draft label(s). 3 of them were opened before, so they were not added again. 1 could not be opened: The structured report is not a TID 1500 measurement report.',
    );
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(4);
    editor.undo();
    await settle();
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(0);
    await pressFind(editor);
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(4);
  });

  it('a WADO-RS instance address given to openDrafts is read from its multipart answer; a Part 10 address still works', async () => {
    const { on } = await storedStudy();
    const { editor } = await mountDicomweb('/dicom-web', on);
    expect(await editor.openDrafts(`/dicom-web/studies/${on.study}/series/${on.uid}.1/instances/${on.uid}.1.1.0`)).to.equal(2);
    await settle();
    expect(message(editor)).to.contain('Opened 2 draft label(s) from the structured report');
    expect(await editor.openDrafts(blobOf(makeGsps({ on })))).to.equal(1);
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(3);
  });

  it('[HAZ-013] a study whose list fails (HTTP 500) says so plainly and keeps every draft opened; the portal’s headers go to its own DICOMweb server', async () => {
    const { on } = await storedStudy();
    const { editor } = await mountDicomweb('/faulty-dicom-web', on, { requestHeaders: () => ({ Authorization: 'Bearer pv-test-token' }) });
    const errors: PvAnnotationErrorEvent[] = [];
    editor.addEventListener('pv-annotation-error', (e) => errors.push(e));
    await setFaults([]);
    expect(await editor.openDrafts(`/faulty-dicom-web/studies/${on.study}/series/${on.uid}.1/instances/${on.uid}.1.1.0`)).to.equal(2);
    expect((await proxyLog()).log.filter((entry) => entry.path.includes('/instances/')).every((entry) => entry.authorization)).to.equal(true);
    await setFaults([{ match: '/studies/[^/]+/series$', kind: 'status', status: 500 }]);
    await pressFind(editor);
    expect(message(editor)).to.equal('The study\u2019s objects could not be listed: the study\u2019s list of objects could not be downloaded. Your labels are kept.');
    expect(root(editor).querySelector('.pacs-message')!.classList.contains('problem')).to.equal(true);
    expect(errors).to.have.length(1);
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(2);
    const log = (await proxyLog()).log.filter((entry) => /\/series$/.test(entry.path));
    expect(log.length).to.be.greaterThan(0);
    expect(log.every((entry) => entry.authorization && entry.status === 500)).to.equal(true);
    // The fault passes: the same button opens the study's drafts.
    await clearFaults();
    await pressFind(editor);
    expect(message(editor)).to.match(/^Found 4 object\(s\): 4 draft label\(s\)\./);
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(6);
  });

  it('a static DICOMweb tree (it ignores query strings, and keeps no whole instances): the objects are found, and why they cannot be opened is said plainly', async () => {
    const { on } = await storedStudy(storeInStaticTree);
    const { editor } = await mountDicomweb('/static-dicom-web', on);
    const errors: PvAnnotationErrorEvent[] = [];
    editor.addEventListener('pv-annotation-error', (e) => errors.push(e));
    await editor.openDrafts(blobOf(makeKos({ on })));
    await pressFind(editor);
    // Only the SR, PR and KO series are counted, though the series search answers with the picture series too.
    expect(message(editor)).to.equal('Found 4 object(s): 0 draft label(s). 4 could not be opened: it could not be downloaded.');
    expect(root(editor).querySelector('.pacs-message')!.classList.contains('problem')).to.equal(true);
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.problems).to.have.length(4);
    // What was opened before is kept.
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(1);
  });
});
