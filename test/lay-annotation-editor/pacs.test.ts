import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SYNTHETIC_PATIENT } from '../../scripts/synthetic.mjs';
import type { LayAnnotationEditor, PvAnnotationErrorEvent, PvAnnotationsChangeEvent } from '../../src/index.js';
import { cleanup, consoleDuring, until } from '../support/helpers.js';
import { GSPS_TEXT, OBSERVER_NAME, SR_FINDING, SR_SITE, XR_SOP, makeGsps, makeKos, makeSr } from '../../scripts/pacs-objects.mjs';
import { mountWithLayer } from '../lay-annotation-layer/support.js';
import { markerAt, mountEditor, screenPoint, settle } from './support.js';

const root = (editor: LayAnnotationEditor) => editor.shadowRoot!;
const urls: string[] = [];
const urlOf = (buffer: ArrayBuffer | string): string => {
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/dicom' }));
  urls.push(url);
  return url;
};
const IDENTIFYING = [...Object.values(SYNTHETIC_PATIENT), OBSERVER_NAME, 'Phantom', 'SYNTH-00042', 'Radiologist'];

/** The text of the editor (with its shadow root), the viewer's, and its attributes. */
function pageText(editor: LayAnnotationEditor): string {
  const viewer = editor.closest('patient-image-viewer')!;
  const attrs = [...root(editor).querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
  return [root(editor).textContent, viewer.shadowRoot!.textContent, document.body.textContent, attrs.join(' ')].join('\n');
}

function notes(editor: LayAnnotationEditor): string {
  return [...root(editor).querySelectorAll('.note')].map((n) => n.textContent).join('\n');
}

/** The ids of the markers a patient's layer draws. */
const markerIds = (layer: Element) => [...layer.shadowRoot!.querySelectorAll<HTMLElement>('.marker')].map((m) => m.dataset.id);

/** In a patient's layer: the held findings' notice is there; choose to see them. */
async function showHeld(layer: Element): Promise<void> {
  await until(() => layer.shadowRoot?.querySelector('[part="sensitive"]') != null, 20000, 'the held findings’ notice');
  [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="sensitive"] button')].find((b) => /^Show me (all of them )?now$/.test(b.textContent!.trim()))!.click();
  await until(() => markerIds(layer).length > 0, 5000, 'the findings, once chosen');
}

describe('<lay-annotation-editor>: drafts from the PACS', () => {
  afterEach(() => {
    cleanup();
    for (const url of urls.splice(0)) URL.revokeObjectURL(url);
  });

  it('[HAZ-007] [HAZ-034] an SR (TID 1500) becomes draft labels at the same image points, its clinical words kept as notes and never exported, and nothing identifying shown', async () => {
    const { viewer, editor } = await mountEditor();
    const changes: PvAnnotationsChangeEvent[] = [];
    editor.addEventListener('pv-annotations-change', (e) => changes.push(e));
    let added = 0;
    const said = await consoleDuring(async () => {
      added = await editor.openDrafts(urlOf(makeSr()));
      await settle();
    });
    expect(added).to.equal(2);
    expect(root(editor).querySelector('.pacs-message')!.textContent).to.contain('Opened 2 draft label(s) from the structured report');
    // Drafts are not in the document until written.
    expect(editor.value.labels).to.have.length(0);
    expect(root(editor).querySelectorAll('.marker.draft').length).to.equal(2);
    // At the SR's points: the POINT, and the ELLIPSE's centre.
    const [first, second] = [...root(editor).querySelectorAll<HTMLElement>('.marker')].map((m) => m.dataset.id!);
    const expectAt = (id: string, column: number, row: number) => {
      const want = screenPoint(viewer, column, row);
      const got = markerAt(root(editor), id);
      expect(got[0], `${id} x`).to.be.closeTo(want[0], 1);
      expect(got[1], `${id} y`).to.be.closeTo(want[1], 1);
    };
    expectAt(first!, 160, 256);
    expectAt(second!, 276, 338);
    // The first draft is open, with its clinical words as a note for the writer.
    const note = notes(editor);
    expect(note).to.contain(SR_FINDING);
    expect(note).to.contain(SR_SITE);
    expect(note).to.contain('8 mm');
    expect(note).to.contain('lesion-1');
    // Written: it goes into the document, at the same point, on the same image, without the note.
    root(editor).querySelector<HTMLInputElement>('#title')!.focus();
    await sendKeys({ type: 'A small round spot' });
    await settle();
    const label = editor.value.labels[0]!;
    expect(label.target.point).to.deep.equal({ column: 160, row: 256 });
    expect(label.target.image).to.deep.equal({ sopInstanceUid: XR_SOP, frame: 1 });
    const exported = JSON.stringify(editor.value);
    for (const word of [SR_FINDING, 'lesion-1', 'Length', '8 mm']) expect(exported, word).not.to.contain(word);
    // Nothing identifying anywhere: page, attributes, events, console.
    const text = pageText(editor);
    const events = JSON.stringify(changes.map((c) => c.detail));
    for (const value of IDENTIFYING) {
      expect(text, `page: ${value}`).not.to.contain(value);
      expect(events, `events: ${value}`).not.to.contain(value);
      expect(said, `console: ${value}`).not.to.contain(value);
    }
    // The patient's layer shows the written draft at the same point (a finding: once the patient chooses).
    const patient = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, JSON.parse(exported), undefined, undefined, '[part="sensitive"]');
    await showHeld(patient.layer);
    const want = screenPoint(patient.viewer, 160, 256);
    const got = markerAt(patient.layer.shadowRoot!, label.id);
    expect(got[0]).to.be.closeTo(want[0], 1);
    expect(got[1]).to.be.closeTo(want[1], 1);
    expect(patient.layer.shadowRoot!.textContent).not.to.contain(SR_FINDING);
  });

  it('a GSPS: its text and the arrow drawn from it become one draft at the text\'s point, with the line; a circle elsewhere is a draft of its own', async () => {
    const { viewer, editor } = await mountEditor();
    expect(await editor.openDrafts(urlOf(makeGsps()))).to.equal(1);
    await settle();
    expect(notes(editor)).to.contain(GSPS_TEXT);
    const markers = root(editor).querySelectorAll<HTMLElement>('.marker');
    expect(markers.length).to.equal(1);
    const want = screenPoint(viewer, 150, 180);
    const got = markerAt(root(editor), markers[0]!.dataset.id!);
    expect(got[0]).to.be.closeTo(want[0], 1);
    expect(got[1]).to.be.closeTo(want[1], 1);
    // Write its label: the line comes with it.
    root(editor).querySelector<HTMLButtonElement>('.labels li:nth-child(1) button')!.click();
    await settle();
    root(editor).querySelector<HTMLInputElement>('#title')!.focus();
    await sendKeys({ type: 'Your right lung' });
    await settle();
    expect(editor.value.labels[0]!.target.outline).to.deep.equal({ type: 'polyline', points: [[150, 180], [110, 140]], closed: false });
    expect(pageText(editor)).not.to.contain(OBSERVER_NAME);

    // A circle that does not start at the text is a mark of its own, with the text as its note.
    const second = await mountEditor();
    expect(await second.editor.openDrafts(urlOf(makeGsps({ circle: true })))).to.equal(2);
  });

  it('a KOS: each key image gets a draft in its middle', async () => {
    const { viewer, editor } = await mountEditor();
    expect(await editor.openDrafts(urlOf(makeKos()))).to.equal(1);
    await settle();
    const geometry = viewer.imageGeometry(0)!;
    const want = screenPoint(viewer, geometry.columns / 2, geometry.rows / 2);
    const got = markerAt(root(editor), root(editor).querySelector<HTMLElement>('.marker')!.dataset.id!);
    expect(got[0]).to.be.closeTo(want[0], 1);
    expect(got[1]).to.be.closeTo(want[1], 1);
    expect(notes(editor)).to.contain('Best view of the lungs');
  });

  it('[HAZ-001] [HAZ-034] drafts of findings from an SR or a GSPS start sensitive: written and saved, each waits for the patient’s choice in the preview; key images do not', async () => {
    const { editor } = await mountEditor();
    expect(await editor.openDrafts(urlOf(makeSr()))).to.equal(2);
    // The GSPS's text with its arrow is one draft, and a circle drawn elsewhere another.
    expect(await editor.openDrafts(urlOf(makeGsps({ circle: true })))).to.equal(2);
    await settle();
    // Said to the writer, in the message and beside the box.
    expect(root(editor).querySelector('.pacs-message')!.textContent).to.contain('Drafts of findings start as sensitive: the patient sees each one only after choosing to.');
    const ids = [...root(editor).querySelectorAll<HTMLElement>('.labels button')].map((b) => b.dataset.id!);
    expect(ids).to.have.length(4);
    for (const [i, id] of ids.entries()) {
      root(editor).querySelector<HTMLButtonElement>(`.labels button[data-id="${id}"]`)!.click();
      await settle();
      expect(root(editor).querySelector<HTMLInputElement>('#sensitive')!.checked, `${id} ticked`).to.equal(true);
      expect(root(editor).querySelector('#draft-held')!.textContent).to.contain('Untick the box if they may see it straight away');
      root(editor).querySelector<HTMLInputElement>('#title')!.focus();
      await sendKeys({ type: `Something seen ${i + 1}` });
      await settle();
    }
    // Saved: every one is sensitive.
    const saved = editor.value.labels;
    expect(saved).to.have.length(4);
    for (const label of saved) expect(label.sensitivity, label.id).to.equal('sensitive');
    // The preview as the patient: all four wait behind the choice; none of their words are there.
    root(editor).querySelector<HTMLButtonElement>('.preview-toggle')!.click();
    await until(() => root(editor).querySelector('.phone lay-annotation-layer') != null, 5000, 'the preview');
    const layer = root(editor).querySelector('.phone lay-annotation-layer')!;
    await until(() => layer.shadowRoot?.querySelector('[part="sensitive"]') != null, 20000, 'the held findings\u2019 notice');
    expect(markerIds(layer)).to.deep.equal([]);
    expect(layer.shadowRoot!.textContent).not.to.contain('Something seen');
    await showHeld(layer);
    expect(markerIds(layer).sort()).to.deep.equal(saved.map((l) => l.id).sort());
    // A key image marks no finding: its draft starts routine, with no such line.
    const more = await mountEditor();
    expect(await more.editor.openDrafts(urlOf(makeKos()))).to.equal(1);
    await settle();
    expect(root(more.editor).querySelector<HTMLInputElement>('#sensitive')!.checked).to.equal(false);
    expect(root(more.editor).querySelector('#draft-held')).to.equal(null);
    expect(root(more.editor).querySelector('.pacs-message')!.textContent).not.to.contain('start as sensitive');
  });

  it('hostile inputs: marks on other images or outside the image are left out and said; too deep, not TID 1500, not DICOM: plain messages and pv-annotation-error; nothing lost', async () => {
    const { editor } = await mountEditor();
    const errors: PvAnnotationErrorEvent[] = [];
    editor.addEventListener('pv-annotation-error', (e) => errors.push(e));
    expect(await editor.openDrafts(urlOf(makeSr({ hostile: true })))).to.equal(2);
    await settle();
    expect(root(editor).querySelector('.pacs-message')!.textContent).to.contain('Left out: 2 mark(s) (1 on images not in this study, 1 outside the image)');

    expect(await editor.openDrafts(urlOf(makeSr({ depth: 30 })))).to.equal(0);
    await settle();
    expect(root(editor).querySelector('.pacs-message')!.textContent).to.contain('It had no marks to make drafts from. Left out: 1 mark(s) (1 that could not be read)');

    expect(await editor.openDrafts(urlOf(makeSr({ template: '2000' })))).to.equal(0);
    await settle();
    expect(root(editor).querySelector('.pacs-message')!.textContent).to.contain('not a TID 1500 measurement report');
    expect(await editor.openDrafts(urlOf('not a DICOM file at all'))).to.equal(0);
    await settle();
    expect(root(editor).querySelector('.pacs-message')!.textContent).to.contain('not a DICOM object');
    expect(errors).to.have.length(2);
    // The drafts already opened are all still there.
    expect(root(editor).querySelectorAll('.labels li').length).to.equal(2);
    await until(() => true);
    await expect(editor).to.be.accessible();
  });
});
