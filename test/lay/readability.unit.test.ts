import { expect } from '@open-wc/testing';
import { daleChall } from 'dale-chall';
import rs from 'text-readability';
import { findTerms } from '../../src/lay/glossary.js';
import { enGB, format } from '../../src/lay/messages.js';
import { carer } from '../../src/lay/messages-carer.js';
import { describe as describeImage } from '../../src/lay/describe.js';

/**
 * Realistic values for every placeholder, so templates are judged as patients read them (a long
 * glossary term in a template is what a patient sees).
 */
const SAMPLE = {
  skipped: 2,
  percent: 40,
  description: 'CT scan of the head',
  index: 3,
  count: 10,
  kind: 'CT scan',
  part: 'head',
  term: 'pleural effusion',
  title: 'A small pocket of fluid',
  date: '15 March 2027',
  question: 'What does this mean for me?',
  number: 2,
  total: 5,
  name: 'St Elsewhere Hospital',
  trust: 'St Elsewhere Hospital',
  heading: 'FINDINGS',
  words: 'pleural effusion',
  recipient: 'your care team',
  site: 'the NHS website',
  length: '12 mm',
  direction: 'left',
  set: 'Fat looks bright, seen from the side',
};

/** The example and demo annotation documents, as portals would send them. */
const DOCUMENTS = import.meta.glob<unknown>(['../../examples/annotations/*.json', '../../demo/annotations/*.json'], {
  eager: true,
  import: 'default',
}) as Record<string, Document>;

interface Document {
  summary?: string;
  careCard?: { heading?: string; text?: string };
  labels: { title: string; description?: string; links?: { title: string }[] }[];
}

/** Every patient-facing string in a document: summary, care card, label titles and descriptions, link titles. */
function documentStrings(document: Document): string[] {
  return [
    document.summary,
    document.careCard?.heading,
    document.careCard?.text,
    ...document.labels.flatMap((label) => [label.title, label.description, ...(label.links ?? []).map((link) => link.title)]),
  ].filter((text): text is string => typeof text === 'string' && text.trim() !== '');
}

/**
 * Familiar words: the New Dale-Chall list (US, 4th grade) plus the plain words the NHS website uses for
 * health, with plurals and -ed, -ing folded. A word the glossary explains in place also counts.
 */
const FAMILIAR = new Set([
  ...daleChall,
  'scan', 'scans', 'fluid', 'tummy', 'pee', 'poo', 'womb', 'harmless', 'common', 'usual', 'usually', 'tissue', 'area',
  'image', 'images', 'online', 'website', 'email', 'screen', 'zoom', 'button', 'browser', 'internet', 'tab', 'appointment',
  'nhs', 'gp', 'x-ray', 'ct', 'mri', 'ultrasound', 'okay', 'sorry', 'details', 'personal', 'scanner', 'label', 'labels',
  'problem', 'later', 'thigh', 'shin', 'kneecap', 'collarbone', 'breastbone', 'armpit', 'gallbladder', 'kidney', 'kidneys', 'bladder',
]);
const familiar = (word: string): boolean => {
  const w = word.toLowerCase();
  return [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/er$/, ''), w.replace(/ly$/, ''), w.replace(/'s$/, '')].some(
    (form) => FAMILIAR.has(form),
  );
};
/** Words in `text` that are neither familiar nor explained by the glossary in place. */
function unfamiliar(text: string): string[] {
  const explained = findTerms(text);
  return [...text.matchAll(/\p{L}+(?:['’-]\p{L}+)*/gu)]
    .filter((m) => m[0].length > 2 && !familiar(m[0].replace(/’/g, "'")))
    .filter((m) => !explained.some((t) => t.start <= m.index! && t.end >= m.index! + m[0].length))
    .map((m) => m[0]);
}

/** Words that need a definition or that NHS content style avoids in patient-facing text. */
const JARGON = /\b(dicom|modality|render|rendering|decode|codec|invalid|error|failed|failure|pixel|window level|metadata|series|slice thickness|lesion|pathology|abnormal|webgl)\b/i;

/**
 * Every English catalogue checked: the patient's, and the carer words (issue 17, `viewer-role="carer"`),
 * named `carer:<key>`.
 */
const ALL: Record<string, string> = { ...enGB, ...Object.fromEntries(Object.entries(carer).map(([key, text]) => [`carer:${key}`, text])) };

// English only: the reading-age formulas (Flesch-Kincaid) are built for English. The Welsh catalogue
// (src/lay/messages-cy.ts) awaits review by a Welsh speaker; test/lay/welsh.test.ts checks its keys,
// placeholders and sentence length.
describe('patient-facing words', () => {
  const sentences = Object.entries(ALL)
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
    for (const [key, text] of Object.entries(ALL)) {
      expect(JARGON.test(text), `${key}: ${text}`).to.equal(false);
    }
  });

  it('[HAZ-006] keeps sentences short (25 words at most)', () => {
    for (const [key, text] of Object.entries(ALL)) {
      for (const sentence of format(text, SAMPLE).split(/[.!?]\s/)) {
        expect(sentence.split(/\s+/).length, `${key}: ${sentence}`).to.be.at.most(25);
      }
    }
  });

  it('[HAZ-006] uses familiar words (Dale-Chall list, or explained by the glossary): at most 1 in 5 unfamiliar words in any message', () => {
    let words = 0;
    let hard = 0;
    for (const [key, template] of Object.entries(ALL)) {
      const text = format(template, SAMPLE);
      const all = text.split(/[^\p{L}'’-]+/u).filter((w) => w.length > 2);
      if (all.length < 5) continue;
      const off = unfamiliar(text);
      words += all.length;
      hard += off.length;
      expect(off.length / all.length, `${key}: ${off.join(', ')}`).to.be.at.most(0.2);
    }
    console.log(`Messages: ${((hard / words) * 100).toFixed(1)}% of words unfamiliar and unexplained`);
    expect(hard / words).to.be.at.most(0.06);
  });

  it('[HAZ-006] fills every placeholder with a realistic value when checking', () => {
    for (const [key, template] of Object.entries(ALL)) expect(format(template, SAMPLE), key).not.to.match(/\{[a-z]+\}/i);
  });

  it('[HAZ-019] says "image" throughout, never "picture", and "pee", never "wee"', () => {
    for (const [key, text] of Object.entries(ALL)) {
      expect(/\bpictures?\b/i.test(text), `${key}: ${text}`).to.equal(false);
      expect(/\bwee\b/i.test(text), `${key}: ${text}`).to.equal(false);
    }
    for (const [path, document] of Object.entries(DOCUMENTS)) {
      if (!path.includes('/examples/')) continue;
      for (const text of documentStrings(document)) expect(/\bwee\b|\bpictures?\b/i.test(text), `${path}: ${text}`).to.equal(false);
    }
  });

  it('[HAZ-019] never says "finding" to a patient, nor "contrast" on a button, nor "safe liquid" for a tracer', () => {
    for (const [key, text] of Object.entries(ALL)) {
      expect(/\bfindings?\b/i.test(text), `${key}: ${text}`).to.equal(false);
      expect(/safe liquid/i.test(text), `${key}: ${text}`).to.equal(false);
    }
    expect(enGB.moreContrast).not.to.match(/contrast/i);
    expect(enGB.lessContrast).not.to.match(/contrast/i);
    // Our viewer shows more tracer brighter: the words must not say darker.
    expect(enGB['about.nuclear']).not.to.match(/darker/i);
    expect(enGB['part.PELVIS']).not.to.match(/hips/);
  });

  describe('the example and demo documents', () => {
    it('there are documents to check', () => {
      expect(Object.keys(DOCUMENTS).length).to.be.at.least(5);
    });

    for (const [path, document] of Object.entries(DOCUMENTS)) {
      const name = path.replace(/^.*\/(examples|demo)\//, '$1/');
      it(`[HAZ-006] ${name}: summary, care card, labels and link titles read at age 9 to 11`, () => {
        for (const text of documentStrings(document)) {
          // Flesch-Kincaid is noise on a short link title ("Sinus infection on the NHS website" scores
          // 6.8): short strings are judged by their words alone.
          if (text.split(/\s+/).length >= 8) expect(rs.fleschKincaidGrade(text), text).to.be.at.most(6);
          const all = text.split(/[^\p{L}'’-]+/u).filter((w) => w.length > 2);
          const off = unfamiliar(text);
          expect(off.length / Math.max(all.length, 1), `${text}: ${off.join(', ')}`).to.be.at.most(0.25);
        }
      });
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
