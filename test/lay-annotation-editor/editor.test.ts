import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import chestDoc from '../../examples/annotations/chest-xray.json';
import type { AnnotationDocument, LayAnnotationEditor, PvAnnotationsChangeEvent } from '../../src/index.js';
import { cleanup, loaded, serverInfo, until } from '../support/helpers.js';
import { mountWithLayer } from '../lay-annotation-layer/support.js';
import { click, markerAt, mountEditor, mouseDrag, screenPoint, settle, tap } from './support.js';

const root = (editor: LayAnnotationEditor) => editor.shadowRoot!;
const type = async (editor: LayAnnotationEditor, selector: string, text: string) => {
  root(editor).querySelector<HTMLInputElement>(selector)!.focus();
  await sendKeys({ type: text });
};
/** A key pressed with Control (and Shift), as a person does. */
const ctrl = async (key: string, shift = false) => {
  await sendKeys({ down: 'Control' });
  if (shift) await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  if (shift) await sendKeys({ up: 'Shift' });
  await sendKeys({ up: 'Control' });
  await settle();
};
/** A sensitive finding's label, as a document gives it. */
const SHADOW = { id: 'shadow', kind: 'finding', title: 'A small shadow', sensitivity: 'sensitive', target: { image: { index: 0 }, point: { column: 160, row: 256 } } } as const;
/** Open a document of these labels. */
const open = async (editor: LayAnnotationEditor, ...labels: object[]) => {
  editor.value = { version: 1, labels };
  await settle();
};
/** Choose label `id` in the list, as a click does. */
const choose = async (editor: LayAnnotationEditor, id: string) => {
  root(editor).querySelector<HTMLButtonElement>(`.labels button[data-id="${id}"]`)!.click();
  await settle();
};
const field = (editor: LayAnnotationEditor, selector: string) => root(editor).querySelector<HTMLInputElement>(selector)!;

describe('<lay-annotation-editor>', () => {
  afterEach(cleanup);

  it('[HAZ-007] a click on the image places a label at that image point; a drag moves it; both are one undo step each', async () => {
    const { viewer, editor } = await mountEditor();
    const changes: PvAnnotationsChangeEvent[] = [];
    editor.addEventListener('pv-annotations-change', (e) => changes.push(e));
    const [x, y] = screenPoint(viewer, 300, 200);
    await click(x, y);
    await settle();
    expect(root(editor).querySelectorAll('.marker').length).to.equal(1);
    // Focus goes to the new label's title; write one.
    expect(root(editor).activeElement?.id).to.equal('title');
    await sendKeys({ type: 'Your heart' });
    await settle();
    const placed = editor.value.labels[0]!;
    expect(placed.title).to.equal('Your heart');
    expect(placed.target.image).to.deep.equal({ index: 0 });
    // Within a pixel on screen of where the click was.
    const at = screenPoint(viewer, placed.target.point.column, placed.target.point.row);
    expect(at[0]).to.be.closeTo(Math.round(x), 1);
    expect(at[1]).to.be.closeTo(Math.round(y), 1);
    const marker = markerAt(root(editor), placed.id);
    expect(marker[0]).to.be.closeTo(at[0], 1);
    expect(marker[1]).to.be.closeTo(at[1], 1);

    const to = screenPoint(viewer, 150, 300);
    const before = changes.length;
    await mouseDrag(marker, to);
    await settle();
    // One change for the whole drag, fired at its end.
    expect(changes.length).to.equal(before + 1);
    const moved = editor.value.labels[0]!.target.point;
    const movedAt = screenPoint(viewer, moved.column, moved.row);
    expect(movedAt[0]).to.be.closeTo(Math.round(to[0]), 1.5);
    expect(movedAt[1]).to.be.closeTo(Math.round(to[1]), 1.5);
    expect(changes.at(-1)!.detail.document.labels[0]!.target.point).to.deep.equal(moved);

    // Undo the move, then the title, then the label.
    root(editor).querySelector<HTMLButtonElement>('.undo')!.click();
    await settle();
    expect(editor.value.labels[0]!.target.point).to.deep.equal(placed.target.point);
    root(editor).querySelector<HTMLButtonElement>('.redo')!.click();
    await settle();
    expect(editor.value.labels[0]!.target.point).to.deep.equal(moved);
  });

  it('places and moves a label by touch (pointer events from a finger)', async () => {
    const { viewer, editor } = await mountEditor();
    const [x, y] = screenPoint(viewer, 256, 256);
    await tap(x, y);
    await settle();
    expect(root(editor).querySelectorAll('.marker').length, 'a tap places a label').to.equal(1);
    await type(editor, '#title', 'Your lungs');
    await settle();
    const from = markerAt(root(editor), 'label-1');
    const to = screenPoint(viewer, 350, 300);
    const { executeServerCommand } = await import('@web/test-runner-commands');
    await executeServerCommand('pv-touch-swipe', { from, to, steps: 10 });
    await settle();
    const point = editor.value.labels[0]!.target.point;
    const at = screenPoint(viewer, point.column, point.row);
    expect(at[0]).to.be.closeTo(to[0], 1.5);
    expect(at[1]).to.be.closeTo(to[1], 1.5);
    expect(root(editor).querySelectorAll('.marker').length, 'a drag does not add another label').to.equal(1);
  });

  it('does everything by keyboard: add, name, nudge with arrow keys, undo with Ctrl+Z, delete', async () => {
    const { viewer, editor } = await mountEditor();
    root(editor).querySelector<HTMLButtonElement>('.add')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(root(editor).activeElement?.id).to.equal('title');
    await sendKeys({ type: 'Your spine' });
    const start = editor.value.labels[0]!.target.point;
    const geometry = viewer.imageGeometry(0)!;
    expect(start).to.deep.equal({ column: geometry.columns / 2, row: geometry.rows / 2 });
    const marker = root(editor).querySelector<HTMLButtonElement>('.marker')!;
    marker.focus();
    const before = screenPoint(viewer, start.column, start.row);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    await settle();
    const now = editor.value.labels[0]!.target.point;
    const after = screenPoint(viewer, now.column, now.row);
    expect(after[0] - before[0]).to.be.closeTo(8, 0.5);
    expect(after[1] - before[1]).to.be.closeTo(20, 0.5);
    // The nudges are one step: one undo puts the label back.
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await settle();
    expect(editor.value.labels[0]!.target.point).to.deep.equal(start);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'y' });
    await sendKeys({ up: 'Control' });
    await settle();
    expect(editor.value.labels[0]!.target.point).to.deep.equal(now);
    root(editor).querySelector<HTMLButtonElement>('.marker')!.focus();
    await sendKeys({ press: 'Delete' });
    await settle();
    expect(editor.value.labels).to.have.length(0);
    expect(root(editor).querySelector('[role="status"]')!.textContent).to.contain('Label 1 deleted');
  });

  it('opens an existing document, keeps its labels at their points, and leaves unfinished labels out of what it exports', async () => {
    const { editor } = await mountEditor();
    editor.value = chestDoc;
    await settle();
    expect(root(editor).querySelectorAll('.labels li').length).to.equal(chestDoc.labels.length);
    const out = editor.value;
    for (const label of chestDoc.labels) {
      const got = out.labels.find((l) => l.id === label.id)!;
      expect(got.title).to.equal(label.title);
      expect(got.target.point).to.deep.equal(label.target.point);
    }
    expect(out.summary).to.equal(chestDoc.summary);
    // A new label with no title is a draft: listed, said, not exported.
    root(editor).querySelector<HTMLButtonElement>('.add')!.click();
    await settle();
    expect(root(editor).querySelector('.status-line')!.textContent).to.match(/1 label\(s\) not ready/);
    expect(editor.value.labels.length).to.equal(chestDoc.labels.length);
  });

  it('chooses words from the glossary as you type, and only trusted links', async () => {
    const { editor } = await mountEditor();
    root(editor).querySelector<HTMLButtonElement>('.add')!.click();
    await settle();
    await type(editor, '#search', 'pleural eff');
    await until(() => root(editor).querySelectorAll('.results button').length > 0, 5000, 'glossary results');
    root(editor).querySelector<HTMLButtonElement>('.results button')!.click();
    await settle();
    const label = editor.value.labels[0]!;
    expect(label.title.toLowerCase()).to.contain('pleural effusion');
    expect(label.description).to.be.a('string').and.not.equal('');
    expect(label.terms).to.include('pleural-effusion');
    await type(editor, '#link-title', 'A bad site');
    await type(editor, '#link-url', 'https://nhs.uk.example.com/x');
    [...root(editor).querySelectorAll<HTMLButtonElement>('.links button')].find((b) => b.textContent!.trim() === 'Add link')!.click();
    await settle();
    expect(root(editor).querySelector('#link-problem')!.textContent).to.contain('not on a trusted site');
    expect(editor.value.labels[0]!.links?.some((l) => l.url.includes('example.com'))).to.not.equal(true);
  });

  it('[HAZ-001] marks a label sensitive with a date: the export carries sensitivity and notBefore', async () => {
    const { editor } = await mountEditor();
    root(editor).querySelector<HTMLButtonElement>('.add')!.click();
    await settle();
    await sendKeys({ type: 'A shadow' });
    root(editor).querySelector<HTMLInputElement>('#sensitive')!.click();
    await settle();
    const date = root(editor).querySelector<HTMLInputElement>('#not-before')!;
    date.value = '2027-03-15';
    date.dispatchEvent(new Event('change'));
    await settle();
    expect(editor.value.labels[0]).to.include({ sensitivity: 'sensitive', notBefore: '2027-03-15' });
  });

  it('[HAZ-007] round trip: what the editor exports, the patient’s layer shows at the same points (±1 px)', async () => {
    const { viewer, editor } = await mountEditor();
    const points: [number, number][] = [
      [120, 140],
      [380, 300],
      [260, 420],
    ];
    let last: AnnotationDocument | undefined;
    editor.addEventListener('pv-annotations-change', (e) => (last = e.detail.document));
    for (const [i, [column, row]] of points.entries()) {
      const [x, y] = screenPoint(viewer, column, row);
      await click(x, y);
      await settle();
      await sendKeys({ type: `Place ${i + 1}` });
      await settle();
    }
    expect(last!.labels).to.have.length(3);
    const editorMarkers = last!.labels.map((l) => markerAt(root(editor), l.id));
    const editorBox = viewer.getBoundingClientRect();
    viewer.parentElement!.remove();
    // The patient's page: the same image in the same size, the exported document in the layer.
    const patient = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, JSON.parse(JSON.stringify(last)));
    const patientBox = patient.viewer.getBoundingClientRect();
    for (const [i, label] of last!.labels.entries()) {
      const want = screenPoint(patient.viewer, label.target.point.column, label.target.point.row);
      const got = markerAt(patient.layer.shadowRoot!, label.id);
      expect(got[0], `${label.id} x`).to.be.closeTo(want[0], 1);
      expect(got[1], `${label.id} y`).to.be.closeTo(want[1], 1);
      // And where the clinician put it, relative to the viewer.
      expect(got[0] - patientBox.left, `${label.id} x as placed`).to.be.closeTo(editorMarkers[i]![0] - editorBox.left, 1);
      expect(got[1] - patientBox.top, `${label.id} y as placed`).to.be.closeTo(editorMarkers[i]![1] - editorBox.top, 1);
    }
  });

  it('[HAZ-006] checks the reading age of every sentence as it is written, names the hard words, offers plainer ones, and still saves', async () => {
    const { editor } = await mountEditor();
    let last: PvAnnotationsChangeEvent | undefined;
    editor.addEventListener('pv-annotations-change', (e) => (last = e));
    root(editor).querySelector<HTMLButtonElement>('.add')!.click();
    await settle();
    await sendKeys({ type: 'Your chest' });
    await type(editor, '#description', 'Your heart is a normal size. Subsequent evaluation approximately demonstrates unremarkable parenchymal appearances throughout.');
    await until(() => root(editor).querySelector('#description-check') != null, 5000, 'the reading-age warning');
    const warning = root(editor).querySelector('#description-check')!.textContent!.replace(/\s+/g, ' ');
    expect(warning).to.contain('Hard to read');
    expect(warning).to.contain('Subsequent evaluation');
    expect(warning).not.to.contain('normal size');
    expect(warning).to.contain('Hard words:');
    expect(warning).to.contain('approximately');
    expect(warning).to.contain('Try \u201cabout\u201d for \u201capproximately\u201d');
    expect(root(editor).querySelector('#description')!.getAttribute('aria-describedby')).to.equal('description-check');
    expect(root(editor).querySelector('.hard-count')!.textContent).to.contain('1 sentence(s) above reading age 11. You can still save');
    expect(last!.detail.hardSentences).to.equal(1);
    // Saving is still allowed: the label and its words are in the document.
    expect(editor.value.labels[0]!.description).to.contain('Subsequent evaluation');
    await expect(editor).to.be.accessible();
  });

  it('[HAZ-001] previews as the patient on a phone-sized screen: the same labels, sensitive ones held behind the choice, in English and Welsh', async () => {
    const { editor } = await mountEditor();
    editor.value = {
      version: 1,
      summary: 'Your chest X-ray looks healthy.',
      labels: [
        { id: 'heart', kind: 'anatomy', title: 'Your heart', target: { image: { index: 0 }, point: { column: 276, row: 338 } } },
        SHADOW,
      ],
    };
    await settle();
    root(editor).querySelector<HTMLButtonElement>('.preview-toggle')!.click();
    await until(() => root(editor).querySelector('.phone lay-annotation-layer') != null, 5000, 'the preview');
    const phone = root(editor).querySelector<HTMLElement>('.phone')!;
    expect(phone.getBoundingClientRect().width).to.be.at.most(400);
    const layer = phone.querySelector('lay-annotation-layer')!;
    await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 20000, 'the preview\u2019s markers');
    const ids = () => [...layer.shadowRoot!.querySelectorAll<HTMLElement>('.marker')].map((m) => m.dataset.id);
    // The sensitive label waits for the patient's choice.
    expect(ids()).to.deep.equal(['heart']);
    const notice = layer.shadowRoot!.querySelector('[part="sensitive"]')!;
    expect(notice.textContent).to.contain('care team wants to talk through');
    expect(layer.shadowRoot!.textContent).not.to.contain('A small shadow');
    // Choosing to see it shows it, as for the patient.
    [...notice.querySelectorAll('button')].find((b) => b.textContent!.includes('Show me now'))!.click();
    await until(() => ids().includes('shadow'), 5000, 'the sensitive label after the choice');
    // Welsh.
    root(editor).querySelector<HTMLInputElement>('#preview-cy')!.click();
    await until(() => layer.shadowRoot!.textContent!.includes('Beth mae eich adroddiad yn ei ddweud'), 10000, 'the Welsh words');
    await expect(editor).to.be.accessible();
  });

  it('[HAZ-001] never offers a routine label a sensitive glossary word, even after another label is chosen or sensitive is unticked', async () => {
    const { editor } = await mountEditor();
    await open(editor, SHADOW, { id: 'heart', kind: 'anatomy', title: 'Your heart', target: { image: { index: 0 }, point: { column: 276, row: 338 } } });
    const offered = () => [...root(editor).querySelectorAll<HTMLButtonElement>('.results button')].map((b) => b.textContent!.replace(/^.*:\s*/, '').trim());
    // The sensitive label is offered the sensitive word.
    await choose(editor, 'shadow');
    await type(editor, '#search', 'biops');
    await until(() => offered().includes('biopsy'), 5000, 'the sensitive word, for the sensitive label');
    // Another label, routine, with the same search still typed: not offered.
    await choose(editor, 'heart');
    expect(root(editor).querySelector<HTMLInputElement>('#search')!.value).to.equal('biops');
    expect(offered()).not.to.include('biopsy');
    // Back to the first label; unticking sensitive takes the word away at once.
    await choose(editor, 'shadow');
    expect(offered()).to.include('biopsy');
    root(editor).querySelector<HTMLInputElement>('#sensitive')!.click();
    await settle();
    expect(offered()).not.to.include('biopsy');
    expect(editor.value.labels.every((l) => !(l.terms ?? []).includes('biopsy'))).to.equal(true);
  });

  it('[HAZ-001] unticking "Sensitive" while the words carry a sensitive glossary word: a plain warning by the box, and saving says so; not blocked, not ticked again', async () => {
    const { editor } = await mountEditor();
    let last: PvAnnotationsChangeEvent | undefined;
    editor.addEventListener('pv-annotations-change', (e) => (last = e));
    await open(editor, SHADOW, { id: 'lump', kind: 'finding', title: 'A small mass in your lung', target: { image: { index: 0 }, point: { column: 276, row: 338 } } });
    // The sensitive label takes the sensitive word from the glossary.
    await choose(editor, 'shadow');
    await type(editor, '#search', 'biops');
    await until(() => root(editor).querySelectorAll('.results button').length > 0, 5000, 'the glossary word');
    [...root(editor).querySelectorAll<HTMLButtonElement>('.results button')].find((b) => b.textContent!.includes('biopsy'))!.click();
    await settle();
    expect(root(editor).querySelector('#sensitive-words'), 'no warning while it is sensitive').to.equal(null);
    // Unticked: it stays unticked, it is saved as routine, and the warning says why that matters.
    field(editor, '#sensitive').click();
    await settle();
    const warning = root(editor).querySelector('#sensitive-words')!;
    expect(warning.textContent).to.contain('\u201cbiopsy\u201d');
    expect(warning.textContent).to.contain('shown to the patient straight away');
    expect(field(editor, '#sensitive').checked, 'not ticked again').to.equal(false);
    expect(field(editor, '#sensitive').getAttribute('aria-describedby')).to.equal('sensitive-words');
    expect(editor.value.labels.find((l) => l.id === 'shadow')).to.include({ sensitivity: 'routine', title: 'Biopsy' });
    const problems = last!.detail.problems.filter((p) => p.labelId === 'shadow');
    expect(problems.map((p) => p.message).join(' ')).to.match(/not marked sensitive.*"biopsy"/);
    // A word in the title of a label that was never sensitive is found too, and both are counted.
    await choose(editor, 'lump');
    expect(root(editor).querySelector('#sensitive-words')!.textContent).to.contain('\u201cmass\u201d');
    expect(root(editor).querySelector('.sensitive-count')!.textContent).to.contain('2 label(s) not marked sensitive');
    // Ticked: the warning goes, and nothing is reported.
    field(editor, '#sensitive').click();
    await settle();
    expect(root(editor).querySelector('#sensitive-words')).to.equal(null);
    expect(last!.detail.problems.some((p) => p.labelId === 'lump')).to.equal(false);
    await expect(editor).to.be.accessible();
  });

  it('[HAZ-006] checks the reading age of link texts as they are written and once added, like every other sentence', async () => {
    const { editor } = await mountEditor();
    let last: PvAnnotationsChangeEvent | undefined;
    editor.addEventListener('pv-annotations-change', (e) => (last = e));
    await open(editor, { id: 'chest', kind: 'anatomy', title: 'Your chest', target: { image: { index: 0 }, point: { column: 200, row: 200 } } });
    await choose(editor, 'chest');
    expect(root(editor).querySelector('.hard-count')).to.equal(null);
    const hard = 'Subsequent evaluation approximately demonstrates unremarkable parenchymal appearances';
    await type(editor, '#link-title', hard);
    await settle();
    const typing = root(editor).querySelector('#link-title-check')!.textContent!.replace(/\s+/g, ' ');
    expect(typing).to.contain('Hard to read');
    expect(typing).to.contain('Try \u201cabout\u201d for \u201capproximately\u201d');
    expect(field(editor, '#link-title').getAttribute('aria-describedby')).to.equal('link-title-check');
    await type(editor, '#link-url', 'https://www.nhs.uk/conditions/pneumonia/');
    [...root(editor).querySelectorAll<HTMLButtonElement>('.links button')].find((b) => b.textContent!.trim() === 'Add link')!.click();
    await settle();
    // Added: still saved, its warning under it, and counted with the others.
    expect(editor.value.labels[0]!.links![0]!.title).to.equal(hard);
    expect(root(editor).querySelector('#link-check-0')!.textContent).to.contain('Hard words:');
    expect(root(editor).querySelector('#link-title-check'), 'the field is empty again').to.equal(null);
    expect(root(editor).querySelector('.hard-count')!.textContent).to.contain('1 sentence(s) above reading age 11');
    expect(last!.detail.hardSentences).to.equal(1);
    await expect(editor).to.be.accessible();
  });

  it('Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in a text field undo and redo the field’s own typing; outside text fields they undo labels', async () => {
    const { editor } = await mountEditor();
    root(editor).querySelector<HTMLButtonElement>('.add')!.click();
    await settle();
    expect(root(editor).activeElement?.id).to.equal('title');
    await sendKeys({ type: 'Your heart' });
    await settle();
    /** Typing undone by the browser: part of what was typed is gone (how much at a time is the browser's choice). */
    const undoneFrom = (selector: string, typed: string) => {
      const now = field(editor, selector).value;
      expect(now.length, `${selector} undone`).to.be.below(typed.length);
      expect(typed.startsWith(now), `${selector} keeps the start`).to.equal(true);
    };
    // In the title: the browser's undo, not the labels' (which would take the title, then the label).
    await ctrl('z');
    await ctrl('z');
    expect(root(editor).querySelectorAll('.labels li').length, 'the label is still there').to.equal(1);
    undoneFrom('#title', 'Your heart');
    await ctrl('z', true);
    await ctrl('z', true);
    expect(field(editor, '#title').value).to.equal('Your heart');
    expect(editor.value.labels[0]!.title, 'the field’s redo is saved').to.equal('Your heart');
    // Link text, the glossary search and the PACS address: the same.
    for (const selector of ['#link-title', '#search', '#pacs-url']) {
      await type(editor, selector, 'nhs');
      await ctrl('z');
      undoneFrom(selector, 'nhs');
      expect(editor.value.labels[0]?.title, `${selector}: the labels are left alone`).to.equal('Your heart');
      await ctrl('y');
      await ctrl('y');
      await ctrl('y');
      expect(field(editor, selector).value, `${selector} redone`).to.equal('nhs');
    }
    // The description too.
    await type(editor, '#description', 'It pumps blood.');
    await ctrl('z');
    undoneFrom('#description', 'It pumps blood.');
    expect(editor.value.labels[0]!.title).to.equal('Your heart');
    // On a marker: the labels' undo (the title, then the label itself).
    root(editor).querySelector<HTMLButtonElement>('.marker')!.focus();
    await ctrl('z');
    await ctrl('z');
    await ctrl('z');
    expect(root(editor).querySelectorAll('.labels li').length, 'the label undone').to.equal(0);
    // On a button (the marker has gone): the labels' redo.
    root(editor).querySelector<HTMLButtonElement>('.add')!.focus();
    await ctrl('y');
    expect(root(editor).querySelectorAll('.labels li').length, 'and redone').to.equal(1);
  });

  it('[HAZ-007] labels placed by image number are kept but not shown or saved on other images when the source changes, said plainly, and come back with their images', async function () {
    const { synthetic } = await serverInfo();
    const ct = synthetic.ct.slice(0, 3).map((n) => `/__synthetic/${n}`);
    const { viewer, editor } = await mountEditor(undefined, undefined, ct);
    let last: PvAnnotationsChangeEvent | undefined;
    editor.addEventListener('pv-annotations-change', (e) => (last = e));
    await viewer.goTo(1);
    await settle();
    const [x, y] = screenPoint(viewer, 20, 30);
    await click(x, y);
    await settle();
    await sendKeys({ type: 'Your spine' });
    await settle();
    expect(editor.value.labels[0]!.target.image).to.deep.equal({ index: 1 });
    // An opened document's label by number is tied to these images too.
    editor.value = { ...editor.value, labels: [...editor.value.labels, { id: 'liver', kind: 'anatomy', title: 'Your liver', target: { image: { index: 0 }, point: { column: 40, row: 40 } } }] };
    await settle();
    // Another picture: the chest X-ray has an image 1 too (index 0): the liver label must not land on it.
    viewer.urls = [];
    viewer.src = '/__synthetic/chest-xray.dcm';
    await loaded(viewer);
    await settle();
    expect(root(editor).querySelectorAll('.marker').length, 'no marker on the other images').to.equal(0);
    expect(editor.value.labels, 'left out of what is saved').to.have.length(0);
    expect(root(editor).querySelectorAll('.labels li').length, 'kept in the list').to.equal(2);
    expect(root(editor).querySelector('.labels')!.textContent).to.contain('not on these images');
    expect(root(editor).querySelector('.away-count')!.textContent).to.contain('2 label(s) were placed on other images');
    // Choosing one says where it is, and it can still be written.
    root(editor).querySelector<HTMLButtonElement>('.labels button[data-id="liver"]')!.click();
    await settle();
    expect(root(editor).querySelector('.choose-problem')!.textContent).to.contain('Label 2 was placed on other images');
    field(editor, '#title').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' and gut' });
    await settle();
    expect(last!.detail.document.labels).to.have.length(0);
    expect(last!.detail.problems.filter((p) => p.path.endsWith('.target.image')).map((p) => p.labelId)).to.deep.equal(['label-1', 'liver']);
    await expect(editor).to.be.accessible();
    // The CT again: both come back, at their images, with the words written meanwhile.
    viewer.src = '';
    viewer.urls = ct;
    await loaded(viewer);
    await settle();
    expect(editor.value.labels.map((l) => l.title)).to.deep.equal(['Your spine', 'Your liver and gut']);
    expect(root(editor).querySelector('.away-count')).to.equal(null);
    expect(root(editor).querySelectorAll('.marker').length, 'the liver label on image 1').to.equal(1);
  });

  it('a label whose image the viewer cannot show, or that is beyond the images: a plain message, the label stays chosen, and everything else works', async () => {
    const { synthetic } = await serverInfo();
    const { viewer, editor } = await mountEditor(undefined, undefined, synthetic.ct.slice(0, 3).map((n) => `/__synthetic/${n}`));
    const on = (index: number, id: string, title: string) => ({ id, kind: 'anatomy' as const, title, target: { image: { index }, point: { column: 30, row: 30 } } });
    editor.value = { version: 1, labels: [on(0, 'first', 'Your spine'), on(2, 'third', 'Your liver'), on(7, 'beyond', 'Your kidney')] };
    await settle();
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => {
      rejections.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onRejection);
    // The viewer cannot go to the image (as when a viewer's image fails, or a portal's viewer refuses).
    viewer.goTo = () => Promise.reject(new Error('That image cannot be shown.'));
    try {
      const choose = (id: string) => root(editor).querySelector<HTMLButtonElement>(`.labels button[data-id="${id}"]`)!;
      choose('third').click();
      await until(() => (root(editor).querySelector('.choose-problem')?.textContent ?? '').includes('cannot be shown'), 5000, 'the message');
      expect(root(editor).querySelector('.choose-problem')!.textContent).to.contain('The image of label 2 cannot be shown here. You can still edit the label.');
      expect(choose('third').getAttribute('aria-pressed'), 'still chosen').to.equal('true');
      expect(root(editor).querySelector('.label-form legend')!.textContent).to.contain('Label 2');
      await until(() => root(editor).activeElement?.id === 'title', 5000, 'the title focused');
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' here' });
      await settle();
      expect(editor.value.labels[1]!.title).to.equal('Your liver here');
      // A label beyond the images: said the same way.
      choose('beyond').click();
      await settle();
      expect(root(editor).querySelector('.choose-problem')!.textContent).to.contain('The image of label 3 cannot be shown here.');
      // Everything else works: choosing a label on this image (the message goes), a new label, undo.
      choose('first').click();
      await settle();
      expect(root(editor).querySelector('.choose-problem')).to.equal(null);
      root(editor).querySelector<HTMLButtonElement>('.add')!.click();
      await settle();
      expect(root(editor).querySelectorAll('.labels li').length).to.equal(4);
      root(editor).querySelector<HTMLButtonElement>('.undo')!.click();
      await settle();
      expect(root(editor).querySelectorAll('.labels li').length).to.equal(3);
      expect(rejections, 'nothing left unhandled').to.deep.equal([]);
      await expect(editor).to.be.accessible();
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('passes axe with labels and a label open', async () => {
    const { viewer, editor } = await mountEditor();
    editor.value = chestDoc;
    await settle();
    await expect(viewer).to.be.accessible();
    root(editor).querySelector<HTMLButtonElement>('.labels button')!.click();
    await settle();
    await type(editor, '#search', 'lun');
    await until(() => root(editor).querySelectorAll('.results button').length > 0, 5000, 'glossary results');
    await expect(viewer).to.be.accessible();
  });
});
