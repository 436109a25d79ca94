import { expect } from '@open-wc/testing';
import rs from 'text-readability';
import { enGB, format } from '../../src/lay/messages.js';
import { describe as describeImage } from '../../src/lay/describe.js';

/** Realistic values for placeholders, so templates are judged as patients read them. */
const SAMPLE = { skipped: 2, percent: 40, description: 'CT scan of the head', index: 3, count: 10, kind: 'CT scan', part: 'head' };

/** Words that need a definition or that NHS content style avoids in patient-facing text. */
const JARGON = /\b(dicom|modality|render|rendering|decode|codec|invalid|error|failed|failure|pixel|window level|metadata|series|slice thickness|lesion|pathology|abnormal|webgl)\b/i;

// English only: the reading-age formulas (Flesch-Kincaid) are built for English. The Welsh catalogue
// (src/lay/messages-cy.ts) awaits review by a Welsh speaker; test/lay/welsh.test.ts checks its keys,
// placeholders and sentence length.
describe('patient-facing words', () => {
  const sentences = Object.entries(enGB)
    .map(([key, text]) => [key, format(text, SAMPLE)] as const)
    .filter(([, text]) => text.split(/\s+/).length >= 5);

  it('there are sentences to check', () => {
    expect(sentences.length).to.be.greaterThan(20);
  });

  for (const [key, text] of sentences) {
    it(`[HAZ-006] "${key}" reads at age 9 to 11 (Flesch-Kincaid grade 6 or lower)`, () => {
      // Reading age is about US grade + 5: grade 6 is a reading age of 11.
      expect(rs.fleschKincaidGrade(text), text).to.be.at.most(6);
    });
  }

  it('[HAZ-006] uses no jargon', () => {
    for (const [key, text] of Object.entries(enGB)) {
      expect(JARGON.test(text), `${key}: ${text}`).to.equal(false);
    }
  });

  it('[HAZ-006] keeps sentences short (25 words at most)', () => {
    for (const [key, text] of Object.entries(enGB)) {
      for (const sentence of format(text, SAMPLE).split(/[.!?]\s/)) {
        expect(sentence.split(/\s+/).length, `${key}: ${sentence}`).to.be.at.most(25);
      }
    }
  });

  it('[HAZ-006] describes images in plain words, never with codes', () => {
    expect(describeImage({ modality: 'CT', bodyPart: 'HEAD' })).to.equal('CT scan of the head');
    expect(describeImage({ modality: 'CR', bodyPart: 'CHEST' })).to.equal('X-ray of the chest');
    expect(describeImage({ modality: 'MR', bodyPart: 'LSPINE' })).to.equal('MRI scan of the lower back');
    expect(describeImage({ modality: 'US', bodyPart: '' })).to.equal('Ultrasound scan');
    // Unknown codes and strange strings are left out rather than shown.
    expect(describeImage({ modality: 'XYZ', bodyPart: '<SCRIPT>' })).to.equal('Medical image');
  });
});
