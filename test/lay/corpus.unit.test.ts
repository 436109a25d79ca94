import { expect } from '@open-wc/testing';
import { findTerms } from '../../src/lay/glossary.js';
import { LABELLED } from './corpus/labelled.js';
import { isKnownWord, measureCoverage, misreadsIn } from './corpus/measure.js';

/**
 * The corpus: report sentences as UK radiologists write them (test/lay/corpus/*.txt): the first three
 * files were written with the glossary; the validation files were each written after a round of new
 * words, to measure the glossary on sentences it had not seen, and then kept.
 */
const FILES = import.meta.glob<string>('./corpus/*.txt', { query: '?raw', import: 'default', eager: true });
const SENTENCES = Object.values(FILES)
  .flatMap((file) => file.split('\n'))
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

describe('the glossary on a corpus of report sentences', () => {
  it('has 600 or more sentences across chest, head, spine, joints, tummy, pelvis, nuclear medicine, DEXA and breast', () => {
    expect(Object.keys(FILES).length).to.be.at.least(7);
    expect(SENTENCES.length).to.be.at.least(600);
  });

  it('decides jargon with public word lists, not by hand', () => {
    for (const word of ['effusion', 'consolidation', 'hyperintense', 'unremarkable', 'atelectasis', 'spiculated']) expect(isKnownWord(word), word).to.equal(false);
    for (const word of ['normal', 'heart', 'small', 'left', 'bones', 'colour']) expect(isKnownWord(word), word).to.equal(true);
  });

  it('[HAZ-019] explains at least 97% of the report jargon', () => {
    const coverage = measureCoverage(SENTENCES);
    const left = [...coverage.unexplained].map(([word, count]) => (count > 1 ? `${word} ×${count}` : word)).join(', ');
    console.log(
      `Corpus: ${coverage.sentences} sentences, ${coverage.jargon} jargon words, ${(coverage.share * 100).toFixed(1)}% explained. Left: ${left}`,
    );
    expect(coverage.share, `unexplained: ${left}`).to.be.at.least(0.97);
  });

  describe('reads every hand-labelled tricky phrase correctly', () => {
    for (const item of LABELLED) {
      it(`[${item.hazard ?? 'HAZ-015'}] "${item.text}"`, () => {
        expect(misreadsIn(item)).to.deep.equal([]);
      });
    }
  });

  it('[HAZ-015] has zero misreads over the whole labelled set', () => {
    const problems = LABELLED.flatMap((item) => misreadsIn(item).map((problem) => `${item.text}: ${problem}`));
    console.log(`Labelled phrases: ${LABELLED.length} cases, ${problems.length} misreads`);
    expect(problems).to.deep.equal([]);
  });

  it('explains a 10,000-word report quickly', () => {
    const report = SENTENCES.join(' ');
    let text = '';
    while (text.split(/\s+/).length < 10_000) text += `${report}\n`;
    findTerms(text);
    const start = performance.now();
    const found = findTerms(text);
    const took = performance.now() - start;
    console.log(`findTerms: ${text.split(/\s+/).length} words, ${found.length} terms, ${took.toFixed(1)} ms`);
    expect(found.length).to.be.greaterThan(1000);
    expect(took).to.be.below(500);
  });
});
