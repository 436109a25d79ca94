import { expect } from '@open-wc/testing';
import { draftLabels, draftsMessage } from '../../src/components/lay-annotation-editor/drafts.js';
import { editorWords, fill, type EditorWordKey } from '../../src/components/lay-annotation-editor/editor-words.js';
import type { PacsDrafts } from '../../src/sources/pacs-drafts.js';

/** A study of one 100 x 80 image, instance `1.2.3`. */
const viewer = {
  imageIndexFor: (target: { sopInstanceUid: string }) => (target.sopInstanceUid === '1.2.3' ? 0 : undefined),
  imageGeometry: () => ({ columns: 100, rows: 80 }),
};
const drafts = (kind: PacsDrafts['kind']): PacsDrafts => ({
  kind,
  unreadable: 0,
  marks: [
    { image: { sopInstanceUid: '1.2.3', frame: 1 }, point: kind === 'kos' ? undefined : { column: 10, row: 20 }, note: 'Nodule, 8 mm' },
    { image: { sopInstanceUid: '1.2.3', frame: 1 }, point: kind === 'kos' ? undefined : { column: 30, row: 40 }, note: 'Second' },
  ],
});
const w = (key: EditorWordKey, values?: Record<string, string | number>) => fill(editorWords[key], values);

describe('the editor’s drafts from the PACS (unit)', () => {
  it('[HAZ-001] a draft of a finding (SR, GSPS) starts sensitive and the message says so; a key image (KOS) starts routine', () => {
    for (const kind of ['sr', 'gsps'] as const) {
      const result = draftLabels(drafts(kind), viewer, []);
      expect(result.added.map((l) => l.sensitivity), kind).to.deep.equal(['sensitive', 'sensitive']);
      expect(result.added.map((l) => l.title), kind).to.deep.equal(['', '']);
      expect(draftsMessage(w, drafts(kind), result), kind).to.contain('Drafts of findings start as sensitive');
    }
    const kos = draftLabels(drafts('kos'), viewer, []);
    expect(kos.added.map((l) => l.sensitivity)).to.deep.equal(['routine', 'routine']);
    expect(draftsMessage(w, drafts('kos'), kos)).not.to.contain('sensitive');
  });
});
