import { expect } from '@open-wc/testing';
import { makeSr } from '../../scripts/pacs-objects.mjs';
import { draftLabels, studyDraftsMessage } from '../../src/components/lay-annotation-editor/drafts.js';
import { editorWords, fill, type EditorWordKey } from '../../src/components/lay-annotation-editor/editor-words.js';
import { firstPart } from '../../src/sources/multipart.js';
import { PART10_ACCEPT, WADO_INSTANCE_ACCEPT, acceptFor, draftSeries, instanceUids, instanceUrl, isWadoInstance, underRoot } from '../../src/sources/pacs-dicomweb.js';
import { readPacsDrafts, type PacsDrafts } from '../../src/sources/pacs-drafts.js';

const BASE = 'https://portal.example/clinic/page.html';
const w = (key: EditorWordKey, values?: Record<string, string | number>) => fill(editorWords[key], values);

/** `parts` as a WADO-RS `multipart/related` answer. */
function multipart(boundary: string, ...parts: ArrayBuffer[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) chunks.push(enc.encode(`--${boundary}\r\nContent-Type: application/dicom\r\nContent-Location: x\r\n\r\n`), new Uint8Array(part), enc.encode('\r\n'));
  chunks.push(enc.encode(`--${boundary}--\r\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

describe('drafts from the PACS through DICOMweb: addresses, answers and what is said', () => {
  it('a WADO-RS instance address is asked for as multipart/related with one type; any other address as a Part 10 file, as before', () => {
    for (const url of ['/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4', 'https://pacs.example/wado/studies/1/series/2/instances/3/', '../dicom-web/studies/1/series/2/instances/3?x=1']) {
      expect(isWadoInstance(url, BASE), url).to.equal(true);
      expect(acceptFor(url, BASE), url).to.equal(WADO_INSTANCE_ACCEPT);
    }
    expect(WADO_INSTANCE_ACCEPT).to.equal('multipart/related; type="application/dicom"');
    for (const url of ['/files/report.dcm', '/dicom-web/studies/1/series/2/instances/3/frames/1', '/dicom-web/studies/1/series/2/instances/3/metadata', '/dicom-web/studies/1/series/2', 'blob:https://portal.example/5d1c', 'not a url at all ::']) {
      expect(isWadoInstance(url, BASE), url).to.equal(false);
      expect(acceptFor(url, BASE), url).to.equal(PART10_ACCEPT);
    }
    expect(instanceUrl('https://portal.example/dicom-web', '1.2', '1.2.3', '1.2.3.4')).to.equal('https://portal.example/dicom-web/studies/1.2/series/1.2.3/instances/1.2.3.4');
  });

  it('[HAZ-013] the portal’s headers go only to addresses under the viewer’s DICOMweb root: not to another server, nor to a path that only starts the same', () => {
    expect(underRoot('/dicom-web/studies/1/series/2/instances/3', '/dicom-web', BASE)).to.equal(true);
    expect(underRoot('https://portal.example/dicom-web/studies/1', '/dicom-web/', BASE)).to.equal(true);
    expect(underRoot('https://pacs.example/dicom-web/studies/1', 'https://pacs.example/dicom-web', BASE)).to.equal(true);
    expect(underRoot('https://elsewhere.example/dicom-web/studies/1', '/dicom-web', BASE)).to.equal(false);
    expect(underRoot('/dicom-web-other/studies/1', '/dicom-web', BASE)).to.equal(false);
    expect(underRoot('/files/sr.dcm', '/dicom-web', BASE)).to.equal(false);
    expect(underRoot('/dicom-web/studies/1', '', BASE)).to.equal(false);
  });

  it('the first part of a multipart answer is the object itself, read as the Part 10 file is; a file sent as it is stays as it is', async () => {
    const sr = makeSr();
    const answer = multipart('pv-b0undary-1', sr, new TextEncoder().encode('second part').buffer);
    const part = firstPart(answer);
    expect(part.length).to.equal(sr.byteLength);
    expect([...part.subarray(128, 132)].map((c) => String.fromCharCode(c)).join('')).to.equal('DICM');
    const fromPart = await readPacsDrafts(part.slice().buffer);
    const fromFile = await readPacsDrafts(sr);
    expect(fromPart).to.deep.equal(fromFile);
    expect(fromPart.marks).to.have.length(2);
    const whole = new Uint8Array(sr);
    expect(firstPart(whole)).to.equal(whole);
  });

  it('a series search keeps only SR, PR and KO series, checked here (a static server ignores the query); instance lists keep only real UIDs', () => {
    const series = (uid: string, modality: string) => ({ '0020000E': { vr: 'UI', Value: [uid] }, '00080060': { vr: 'CS', Value: [modality] } });
    expect(draftSeries([series('1.1', 'DX'), series('1.2', 'SR'), series('1.3', 'PR'), series('1.4', 'KO'), series('1.5', 'CT'), series('1.2', 'SR'), series('x', 'SR'), null, {}])).to.deep.equal(['1.2', '1.3', '1.4']);
    expect(draftSeries({ not: 'a list' })).to.deep.equal([]);
    const instance = (uid: unknown) => ({ '00080018': { vr: 'UI', Value: [uid] } });
    expect(instanceUids([instance('1.2.3'), instance('1.2.3'), instance('<img>'), instance(42), instance(`1.${'2'.repeat(70)}`), instance('1.2.4')])).to.deep.equal(['1.2.3', '1.2.4']);
  });

  it('what finding a study’s drafts says: how many objects and drafts, what was left out, what could not be opened; nothing found is said plainly', () => {
    const viewer = { imageIndexFor: (t: { sopInstanceUid: string }) => (t.sopInstanceUid === '1.2.3' ? 0 : undefined), imageGeometry: () => ({ columns: 100, rows: 80 }) };
    const drafts: PacsDrafts = { kind: 'sr', unreadable: 1, marks: [1, 2, 3].map((i) => ({ image: { sopInstanceUid: i === 3 ? '9.9' : '1.2.3', frame: 1 }, point: { column: i, row: i }, note: 'Nodule' })) };
    const { added, notInStudy, outside } = draftLabels(drafts, viewer, []);
    expect(studyDraftsMessage(w, { found: 2, added, notInStudy, outside, unreadable: 1, failed: [] })).to.equal(
      'Found 2 object(s): 2 draft label(s). Drafts of findings start as sensitive: the patient sees each one only after choosing to. Left out: 2 mark(s) (1 on images not in this study, 1 that could not be read).',
    );
    expect(studyDraftsMessage(w, { found: 3, added: [], notInStudy: 0, outside: 0, unreadable: 0, failed: ['it could not be downloaded.', 'it could not be downloaded.'] })).to.equal('Found 3 object(s): 0 draft label(s). 2 could not be opened: it could not be downloaded.');
    expect(studyDraftsMessage(w, { found: 0, added: [], notInStudy: 0, outside: 0, unreadable: 0, failed: [] })).to.equal('This study has no structured reports, presentation states or key images on the PACS.');
  });
});
