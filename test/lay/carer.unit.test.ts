import { expect } from '@open-wc/testing';
import { glossaryEnGB } from '../../src/lay/glossary.js';
import { glossaryCy } from '../../src/lay/glossary/cy.js';
import { carer as carerCy, carerReviewStatus, theirs as theirsCy } from '../../src/lay/messages-carer-cy.js';
import { carer, theirs } from '../../src/lay/messages-carer.js';
import { cy } from '../../src/lay/messages-cy.js';
import { enGB, type MessageKey } from '../../src/lay/messages.js';
import { HELPER_OWNED_CY, HELPER_OWNED_EN, patientAddressed } from '../support/carer-words.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('carer words (issue 17, viewer-role="carer")', () => {
  it('hold only keys of the catalogue, with the same placeholders, in English and in Welsh', () => {
    for (const [key, text] of Object.entries(carer)) {
      expect(Object.keys(enGB), key).to.include(key);
      expect(placeholders(text), key).to.deep.equal(placeholders(enGB[key as MessageKey]));
    }
    for (const [key, text] of Object.entries(carerCy)) {
      expect(Object.keys(enGB), key).to.include(key);
      expect(placeholders(text), key).to.deep.equal(placeholders(cy[key as MessageKey]));
    }
  });

  it('[HAZ-032] change every catalogue word that speaks of "your" body, report, images or care team (English)', () => {
    const words = { ...enGB, ...carer } as Record<string, string>;
    for (const [key, text] of Object.entries(words)) expect(patientAddressed(text, 'en'), `${key}: ${text}`).to.deep.equal([]);
    // Sanity: the patient's own words do say "your".
    expect(patientAddressed(enGB['layer.summaryTitle'], 'en')).to.have.length(1);
  });

  it('change every catalogue word that speaks of "eich" body, report, images or care team (Welsh, for review)', () => {
    const words = { ...cy, ...carerCy } as Record<string, string>;
    for (const [key, text] of Object.entries(words)) expect(patientAddressed(text, 'cy'), `${key}: ${text}`).to.deep.equal([]);
    expect(patientAddressed(cy['layer.summaryTitle'], 'cy')).to.have.length(1);
    expect(carerReviewStatus.status).to.equal('draft');
  });

  it('leave "you" where it is the helper: their browser, their question, their choice', () => {
    expect(HELPER_OWNED_EN).to.include('question');
    expect(HELPER_OWNED_CY).to.include('cwestiwn');
    expect(carer['error.network']).to.include('your internet connection');
    expect(carerCy['error.network']).to.include('eich cysylltiad');
  });

  it('[HAZ-032] rewrites English glossary meanings about the person', () => {
    expect(theirs('Your care team will explain what it means for you.')).to.equal('Their care team will explain what it means for them.');
    expect(theirs('The dome-shaped sheet of muscle under the lungs that helps you breathe.')).to.equal(
      'The dome-shaped sheet of muscle under the lungs that helps them breathe.',
    );
    expect(theirs('A scan where you are given a medicine.')).to.equal('A scan where they are given a medicine.');
    expect(theirs('Lying flat on your back, face up.')).to.equal('Lying flat on their back, face up.');
    expect(theirs("If you're worried, you'll be told.")).to.equal("If they're worried, they'll be told.");
    for (const entry of glossaryEnGB) {
      expect(theirs(entry.definition), entry.id).not.to.match(/\byou(r|rs|rself)?\b/i);
    }
  });

  it('rewrites Welsh glossary meanings about the person (draft, for review)', () => {
    expect(theirsCy("Y cyhyr yn eich brest sy'n pwmpio gwaed o gwmpas eich corff i gyd.")).to.equal(
      "Y cyhyr yn eu brest sy'n pwmpio gwaed o gwmpas eu corff i gyd.",
    );
    expect(theirsCy("Organ fawr ar ochr dde eich bol, o dan eich asennau.")).to.equal('Organ fawr ar ochr dde eu bol, o dan eu hasennau.');
    expect(theirsCy("Prawf sy'n tynnu llun o'r tu mewn i'ch corff.")).to.equal("Prawf sy'n tynnu llun o'r tu mewn i'w corff.");
    expect(theirsCy("Maen nhw'n cymryd aer i mewn pan fyddwch chi'n anadlu.")).to.equal("Maen nhw'n cymryd aer i mewn pan fyddan nhw'n anadlu.");
    expect(theirsCy("rhwng eich brest a'ch bol")).to.equal("rhwng eu brest a'u bol");
    expect(theirsCy('Your care team will explain.', true)).to.equal('Their care team will explain.');
    for (const [id, entry] of Object.entries(glossaryCy)) {
      expect(patientAddressed(theirsCy(entry.definition), 'cy'), `${id}: ${theirsCy(entry.definition)}`).to.deep.equal([]);
    }
  });
});
