import { expect } from '@open-wc/testing';
import rs from 'text-readability';
import { findTerms } from '../../src/lay/glossary.js';
import { enGB } from '../../src/lay/messages.js';
import { checkText, fleschKincaidGrade, splitSentences } from '../../src/lay/reading-age.js';

const DOCUMENTS = import.meta.glob<unknown>(['../../examples/annotations/*.json', '../../demo/annotations/*.json'], { eager: true, import: 'default' }) as Record<string, { summary?: string; labels: { title: string; description?: string }[] }>;

describe('the editor’s reading-age check (src/lay/reading-age.ts)', () => {
  const texts = [
    ...Object.values(enGB),
    ...Object.values(DOCUMENTS).flatMap((d) => [d.summary ?? '', ...d.labels.flatMap((l) => [l.title, l.description ?? ''])]),
    'There is a small area of consolidation in the right lower lobe, in keeping with infection, and a small pleural effusion.',
    'Approximately. Bilateral hilar lymphadenopathy is demonstrated! Is it? Yes.',
  ].filter((t) => t.trim() !== '');

  it('[HAZ-006] gives the same Flesch-Kincaid grade as text-readability (the tests’ library) on every message and example text', () => {
    expect(texts.length).to.be.greaterThan(100);
    for (const text of texts) expect(fleschKincaidGrade(text), text).to.equal(rs.fleschKincaidGrade(text));
  });

  it('splits sentences where a reader would, keeping their places in the text', () => {
    const text = 'Your heart is a normal size.  The lungs look clear!\nNothing else';
    const parts = splitSentences(text);
    expect(parts.map((p) => p.text)).to.deep.equal(['Your heart is a normal size.', 'The lungs look clear!', 'Nothing else']);
    for (const p of parts) expect(text.slice(p.start, p.end)).to.equal(p.text);
  });

  it('[HAZ-006] names the hard words, not the ones the glossary explains, and flags a sentence above the limit', () => {
    const [plain, hard] = checkText('Your heart is a normal size. Bilateral hilar lymphadenopathy is demonstrated with subsequent mediastinal widening noted.', findTerms);
    expect(plain!.over).to.equal(false);
    expect(plain!.hard).to.deep.equal([]);
    expect(hard!.over).to.equal(true);
    expect(hard!.hard).to.include('subsequent');
    // Words the glossary explains in place are not named as hard.
    expect(findTerms('lymphadenopathy').length).to.be.greaterThan(0);
    expect(hard!.hard).not.to.include('lymphadenopathy');
    expect(checkText('Bilateral hilar lymphadenopathy is demonstrated.')[0]!.hard, 'without the glossary').to.include('lymphadenopathy');
  });

  it('[HAZ-006] says a sentence of more than 25 words is too long', () => {
    const long = Array.from({ length: 30 }, () => 'big').join(' ') + '.';
    expect(checkText(long)[0]).to.include({ long: true, over: true });
  });
});
