import { expect } from '@open-wc/testing';
import { blankLabel, type DraftLabel } from '../../src/annotations/draft.js';
import { entryAllowed, MAX_RESULTS, resultsFor, searchGlossary, sensitiveWordsIn, siteEntry, useEntry } from '../../src/components/lay-annotation-editor/glossary-words.js';
import type { GlossaryEntry } from '../../src/lay/glossary.js';
import { EN_GB_ENTRIES } from '../../src/lay/glossary/en-GB.js';

const glossary = EN_GB_ENTRIES as readonly GlossaryEntry[];

const entry = (id: string, term: string, more: Partial<GlossaryEntry> = {}): GlossaryEntry => ({ id, term, definition: `About ${term}.`, ...more });
const ENTRIES: GlossaryEntry[] = [
  entry('lung', 'lung', { aliases: ['lungs'], url: 'https://www.nhs.uk/conditions/lung/' }),
  entry('pleural-effusion', 'pleural effusion', { aliases: ['effusion'] }),
  entry('biopsy', 'biopsy', { aliases: ['biopsies'], sensitive: true }),
  entry('surgical-clips', 'surgical clips', { aliases: ['biopsy clip'] }),
];
const label = (more: Partial<DraftLabel> = {}): DraftLabel => blankLabel('label-1', { index: 0 }, { column: 1, row: 1 }, more);

describe('the editor’s glossary words (unit)', () => {
  it('finds words that start with what was typed first, then words that contain it; nothing under 2 letters', () => {
    expect(searchGlossary(ENTRIES, 'l')).to.deep.equal([]);
    expect(searchGlossary(ENTRIES, ' LUN ').map((e) => e.id)).to.deep.equal(['lung']);
    expect(searchGlossary(ENTRIES, 'effus').map((e) => e.id)).to.deep.equal(['pleural-effusion']);
    expect(searchGlossary(ENTRIES, 'biops').map((e) => e.id)).to.deep.equal(['biopsy', 'surgical-clips']);
  });

  it('offers the word itself first, then terms, then aliases that start with what was typed (the real glossary: "lung" before "V/Q scan")', () => {
    const vq = entry('vq', 'V/Q scan', { aliases: ['lung perfusion scan'] });
    const bases = entry('lung-bases', 'lung bases');
    expect(searchGlossary([vq, bases, ...ENTRIES], 'lung').map((e) => e.id)).to.deep.equal(['lung', 'lung-bases', 'vq']);
    expect(searchGlossary([vq, ...ENTRIES], 'lungs').map((e) => e.id)).to.deep.equal(['lung']);
    expect(searchGlossary(glossary, 'lung')[0]?.id).to.equal('lung');
  });

  it('[HAZ-001] offers a sensitive word only to a label marked sensitive', () => {
    const matches = searchGlossary(ENTRIES, 'biops');
    expect(resultsFor(matches, label()).map((e) => e.id)).to.deep.equal(['surgical-clips']);
    expect(resultsFor(matches, undefined).map((e) => e.id)).to.deep.equal(['surgical-clips']);
    expect(resultsFor(matches, label({ sensitivity: 'sensitive' })).map((e) => e.id)).to.deep.equal(['biopsy', 'surgical-clips']);
    expect(entryAllowed(ENTRIES[2]!, label())).to.equal(false);
    expect(entryAllowed(ENTRIES[2]!, label({ sensitivity: 'sensitive' }))).to.equal(true);
    expect(entryAllowed(ENTRIES[0]!, label())).to.equal(true);
  });

  it(`offers ${MAX_RESULTS} words at most`, () => {
    const many = Array.from({ length: 20 }, (_, i) => entry(`lobe-${i}`, `lobe ${i}`));
    expect(resultsFor(searchGlossary(many, 'lobe'), label())).to.have.length(MAX_RESULTS);
  });

  it('matches a PACS finding site to a glossary word by its term or an alias, never a sensitive one', () => {
    expect(siteEntry(ENTRIES, ' Lungs ')?.id).to.equal('lung');
    expect(siteEntry(ENTRIES, 'biopsy')).to.equal(undefined);
    expect(siteEntry(ENTRIES, 'lu')).to.equal(undefined);
    expect(siteEntry(ENTRIES, undefined)).to.equal(undefined);
  });

  it('[HAZ-018] a word chosen fills the title, an empty description, the term once, and its page on a trusted site once, named for the page it goes to', () => {
    const change = useEntry(label(), ENTRIES[0]!, []);
    expect(change).to.deep.equal({
      title: 'Lung',
      description: 'About lung.',
      terms: ['lung'],
      links: [{ title: 'Lung on the NHS website', url: 'https://www.nhs.uk/conditions/lung/' }],
    });
    // Named for the page it goes to, not the word: a V/Q scan's page is the NHS's PET scan page.
    expect(useEntry(label(), entry('vq', 'V/Q scan', { url: 'https://www.nhs.uk/tests-and-treatments/pet-scan/' }), []).links).to.deep.equal([
      { title: 'PET scan on the NHS website', url: 'https://www.nhs.uk/tests-and-treatments/pet-scan/' },
    ]);
    const again = useEntry(label({ ...change, description: 'My own words.' } as Partial<DraftLabel>), ENTRIES[0]!, []);
    expect(again.description).to.equal('My own words.');
    expect(again.terms).to.deep.equal(['lung']);
    expect(again.links).to.have.length(1);
    const untrusted = useEntry(label(), entry('x', 'x', { url: 'https://example.com/x' }), []);
    expect(untrusted.links).to.deep.equal([]);
  });

  it('[HAZ-001] names the sensitive words a label not marked sensitive carries, in its terms, title or description; none once it is sensitive', () => {
    const find = (text: string) => ENTRIES.filter((e) => [e.term, ...(e.aliases ?? [])].some((n) => text.toLowerCase().includes(n))).map((e) => ({ entry: e }));
    expect(sensitiveWordsIn(label({ terms: ['biopsy', 'lung'] }), ENTRIES, undefined)).to.deep.equal(['biopsy']);
    expect(sensitiveWordsIn(label({ title: 'After the biopsy', description: 'More biopsies of the lung.' }), ENTRIES, find)).to.deep.equal(['biopsy']);
    expect(sensitiveWordsIn(label({ title: 'Your lung', terms: ['lung'] }), ENTRIES, find)).to.deep.equal([]);
    expect(sensitiveWordsIn(label({ title: 'After the biopsy', terms: ['biopsy'], sensitivity: 'sensitive' }), ENTRIES, find)).to.deep.equal([]);
  });
});
