import { expect } from '@open-wc/testing';
import rs from 'text-readability';
import { daleChall } from 'dale-chall';
import {
  EVERYDAY_WORDS,
  NHS_PATHS,
  buildGlossary,
  glossaryEnGB,
  glossaryEntrySchema,
  type GlossaryEntry,
} from '../../src/lay/glossary.js';
import { EN_GB_ENTRIES } from '../../src/lay/glossary/en-GB.js';
import enGbSource from '../../src/lay/glossary/en-GB.ts?raw';
import { glossaryCy } from '../../src/lay/glossary/cy.js';
import cySource from '../../src/lay/glossary/cy.ts?raw';
import { welshGlossary } from '../../src/lay/glossary-cy.js';
import { segmentText } from '../../src/lay/glossary-text.js';

/**
 * Familiar words: the New Dale-Chall list (US, 4th grade), plus the plain words the NHS website itself
 * uses for health (scan, tummy, pee, womb, harmless...), with plurals and -ed, -ing forms folded.
 */
const NHS_PLAIN = ['image', 'images', 'problem', 'problems', 'illness', 'treatment', 'condition', 'medicine', 'scan', 'scans', 'fluid', 'tummy', 'pee', 'urine', 'poo', 'womb', 'harmless', 'common', 'usual', 'usually', 'tissue', 'area', 'areas', 'tube', 'tubes', 'operation', 'sac', 'sacs', 'swollen', 'injury', 'earlier', 'later'];
const EASY = new Set([...daleChall, ...NHS_PLAIN]);
const easyWord = (word: string): boolean => {
  const w = word.toLowerCase();
  return [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/er$/, ''), w.replace(/ly$/, '')].some(
    (form) => EASY.has(form),
  );
};
/**
 * Glossary words a definition may use without explaining them: everyday entries (heart, X-ray),
 * report words explained as words (no, likely), and glossary words that are familiar English words on
 * the Dale-Chall list (tear, narrow). Any other glossary word in a definition is a hard word that
 * needs explaining, so the definition has to say it another way.
 */
const mayUse = (text: string, entry: GlossaryEntry): boolean =>
  Boolean(entry.everyday) || entry.kind === 'hedge' || text.split(/[^\p{L}']+/u).filter(Boolean).every(easyWord);

/** Words NHS content style avoids that are not glossary words themselves. */
const JARGON = /\b(pathology|pathological|aetiology|etiology|radiological|morphology|parenchyma|parenchymal|clinically|e\.g|i\.e|etc)\b/i;
/** US spellings: the glossary is en-GB. */
const US_SPELLING = /\b(color|colors|center|tumor|tumors|edema|hemorrhage|hematoma|esophagus|gray|fiber|fibers|liter|pediatric|anemia)\b/i;

const { glossary } = buildGlossary();
const forms = (entry: GlossaryEntry): string[] => [entry.term, ...(entry.aliases ?? [])];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole-word, case-insensitive: an independent check that does not use segmentText. */
const usesWord = (text: string, word: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}_])${escape(word)}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
const join = (segments: { text: string }[]): string => segments.map((segment) => segment.text).join('');
const marked = (text: string, words = glossary) =>
  segmentText(text, words)
    .filter((segment) => segment.entry)
    .map((segment) => [segment.text, segment.entry!.id]);

describe('glossary (en-GB)', () => {
  it('has at least 450 words', () => {
    expect(glossaryEnGB.length).to.be.at.least(450);
  });

  it('keeps every built-in entry valid against the one entry schema', () => {
    for (const data of EN_GB_ENTRIES) {
      const result = glossaryEntrySchema.safeParse(data);
      expect(result.success, `${data.id}: ${result.success ? '' : result.error.issues[0]?.message}`).to.equal(true);
    }
  });

  it('keeps the words as data: the en-GB and Welsh files hold no code, only type imports', () => {
    for (const [file, source] of [['en-GB.ts', enGbSource], ['cy.ts', cySource]] as const) {
      // What is left once the texts and comments are taken out: no functions, classes or code imports.
      const code = source
        .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(code.match(/\bfunction\b|=>|\bclass\b|\bnew\b|\(/g), `${file}: code`).to.equal(null);
      expect(code.match(/^import (?!type ).*$/gm), `${file}: imports of code`).to.equal(null);
    }
  });

  it('keeps every Welsh entry valid against the one entry schema, once made into a glossary entry', () => {
    const { entries } = welshGlossary(glossaryEnGB, EVERYDAY_WORDS);
    for (const entry of entries.filter((e) => Object.hasOwn(glossaryCy, e.id))) {
      const result = glossaryEntrySchema.safeParse(entry);
      expect(result.success, `${entry.id}: ${result.success ? '' : result.error.issues[0]?.message}`).to.equal(true);
    }
  });

  it('derives EVERYDAY_WORDS from the everyday flag', () => {
    expect(EVERYDAY_WORDS.has('heart')).to.equal(true);
    expect(EVERYDAY_WORDS.has('lungs')).to.equal(true);
    expect(EVERYDAY_WORDS.has('effusion')).to.equal(false);
    for (const e of glossaryEnGB.filter((entry) => entry.everyday)) expect(EVERYDAY_WORDS.has(e.term.toLowerCase()), e.id).to.equal(true);
  });

  it('has unique kebab-case ids', () => {
    const ids = glossaryEnGB.map((entry) => entry.id);
    expect(new Set(ids).size, 'duplicate ids').to.equal(ids.length);
    for (const id of ids) expect(id, id).to.match(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives each word one meaning: no term or alias belongs to two entries', () => {
    const owner = new Map<string, string>();
    for (const entry of glossaryEnGB) {
      for (const form of forms(entry)) {
        const key = form.toLowerCase().replace(/\u2019/g, "'");
        const other = owner.get(key);
        if (other !== undefined && other !== entry.id) expect.fail(`"${form}" is in both ${other} and ${entry.id}`);
        owner.set(key, entry.id);
      }
    }
  });

  it('[HAZ-018] links only to known NHS website pages, in one path style', () => {
    const known = new Set(NHS_PATHS);
    for (const path of NHS_PATHS) expect(path, path).to.match(/^\/(conditions|tests-and-treatments)\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/);
    for (const entry of glossaryEnGB) {
      if (entry.url === undefined) continue;
      const url = new URL(entry.url);
      expect(`${url.protocol}//${url.host}`, entry.id).to.equal('https://www.nhs.uk');
      expect(url.search + url.hash, entry.id).to.equal('');
      expect(known.has(url.pathname), `${entry.id}: ${url.pathname} is not in glossary/nhs-paths.ts`).to.equal(true);
    }
    // The list holds no path nobody uses.
    const used = new Set(glossaryEnGB.filter((e) => e.url).map((e) => new URL(e.url!).pathname));
    for (const path of NHS_PATHS) expect(used.has(path), `${path} is unused`).to.equal(true);
  });

  it('[HAZ-018] never links to the conditions index, an alarming page for a normal body part, or a cancer page for a word that is not about cancer', () => {
    const gentle = /^\/(tests-and-treatments\/[a-z-]+|conditions\/([a-z-]+-pain|sprains-and-strains|tendonitis|bursitis|osteoarthritis|plantar-fasciitis|sciatica|kyphosis|spondylolisthesis))\/$/;
    for (const entry of glossaryEnGB) {
      if (!entry.url) continue;
      const path = new URL(entry.url).pathname;
      expect(path, entry.id).not.to.equal('/conditions/');
      if (entry.kind === 'anatomy') expect(path, `${entry.id} (a normal body part) links to ${path}`).to.match(gentle);
      if (path === '/conditions/cancer/') expect(entry.sensitive, `${entry.id} links to the cancer page`).to.equal(true);
    }
    // Words from the audit that linked to alarming or unrelated pages.
    const path = (id: string) => new URL(glossaryEnGB.find((e) => e.id === id)!.url!).pathname;
    expect(path('aorta')).not.to.match(/aneurysm/);
    expect(path('pancreas')).not.to.match(/pancreatitis/);
    expect(path('appendix')).not.to.match(/appendicitis/);
    expect(path('liver')).not.to.match(/disease/);
    expect(glossaryEnGB.find((e) => e.id === 'benign')!.url ?? '').not.to.match(/cancer/);
    expect(path('ischaemia')).not.to.match(/stroke/);
  });

  it('defines each word in 1 to 3 full sentences of 25 words at most', () => {
    for (const { id, definition } of glossaryEnGB) {
      expect(definition, id).to.match(/^[A-Z"].*\.$/);
      const sentences = definition.split(/(?<=[.!?])\s+/);
      expect(sentences.length, `${id}: ${definition}`).to.be.within(1, 3);
      for (const sentence of sentences) expect(sentence.split(/\s+/).length, `${id}: ${sentence}`).to.be.at.most(25);
    }
  });

  describe('reads at age 11 or lower (Flesch-Kincaid grade 6 or lower)', () => {
    // Flesch-Kincaid means nothing for a few words ("Next to, or touching." scores like a long
    // sentence): definitions under 12 words are checked word by word below instead.
    for (const { id, definition } of glossaryEnGB.filter((e) => e.definition.split(/\s+/).length >= 12)) {
      it(`"${id}"`, () => {
        // Reading age is about US grade + 5: grade 6 is a reading age of 11.
        expect(rs.fleschKincaidGrade(definition), definition).to.be.at.most(6);
      });
    }

    it('[HAZ-006] uses mostly familiar words (Dale-Chall): at most half the words off the list in any definition, 1 in 12 overall', () => {
      // Words every definition may use: the scan names and body words the glossary marks everyday.
      let words = 0;
      let hard = 0;
      for (const { id, definition } of glossaryEnGB) {
        const all = definition.split(/[^\p{L}']+/u).filter((w) => w.length > 2);
        const off = all.filter((w) => !easyWord(w) && !EVERYDAY_WORDS.has(w.toLowerCase()));
        words += all.length;
        hard += off.length;
        expect(off.length / all.length, `${id}: ${off.join(', ')}`).to.be.at.most(0.5);
      }
      console.log(`Glossary definitions: ${((hard / words) * 100).toFixed(1)}% of words outside the Dale-Chall familiar words`);
      expect(hard / words).to.be.at.most(1 / 12);
    });

    it('reports the median grade', () => {
      const graded = glossaryEnGB
        .map(({ id, definition }) => ({ id, grade: rs.fleschKincaidGrade(definition) }))
        .sort((a, b) => a.grade - b.grade);
      const middle = graded.length >> 1;
      const median = graded.length % 2 ? graded[middle]!.grade : (graded[middle - 1]!.grade + graded[middle]!.grade) / 2;
      const hardest = graded.at(-1)!;
      console.log(
        `Glossary: ${graded.length} definitions, median Flesch-Kincaid grade ${median}, ` +
          `highest ${hardest.grade} ("${hardest.id}")`,
      );
      expect(median).to.be.at.most(6);
    });
  });

  it('never uses a word to define itself (except when quoting the report, "like this")', () => {
    for (const entry of glossaryEnGB) {
      const unquoted = entry.definition.replace(/"[^"]*"/g, '""');
      for (const form of forms(entry)) {
        expect(usesWord(unquoted, form), `${entry.id} uses "${form}": ${entry.definition}`).to.equal(false);
      }
    }
  });

  it('uses no other hard glossary word in a definition, only everyday ones', () => {
    for (const entry of glossaryEnGB) {
      const unquoted = entry.definition.replace(/"[^"]*"/g, '""');
      for (const found of segmentText(unquoted, glossary).filter((segment) => segment.entry)) {
        expect(found.entry!.id, `${entry.id} uses itself`).not.to.equal(entry.id);
        expect(mayUse(found.text, found.entry!), `${entry.id} uses the hard word "${found.text}" (${found.entry!.id}): ${entry.definition}`).to.equal(true);
      }
    }
  });

  it('uses plain words and UK spelling in definitions', () => {
    for (const { id, definition } of glossaryEnGB) {
      expect(JARGON.test(definition), `${id}: ${definition}`).to.equal(false);
      expect(US_SPELLING.test(definition), `${id}: ${definition}`).to.equal(false);
      // One word for what the viewer shows, as in the messages: "image", never "picture".
      expect(/\bpictures?\b/i.test(definition), `${id}: ${definition}`).to.equal(false);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(glossaryEnGB)).to.equal(true);
    expect(Object.isFrozen(glossaryEnGB[0])).to.equal(true);
  });
});

describe('segmentText', () => {
  it('marks the longest glossary word first', () => {
    expect(segmentText('Small right pleural effusion.', glossary)).to.deep.equal([
      { text: 'Small right ' },
      { text: 'pleural effusion', entry: glossary.get('pleural-effusion') },
      { text: '.' },
    ]);
    expect(marked('Effusion and pleural fluid and pleural thickening')).to.deep.equal([
      ['Effusion', 'effusion'],
      ['pleural fluid', 'pleural-effusion'],
      ['pleural thickening', 'pleural-thickening'],
    ]);
    expect(marked('Pleural and thickening')).to.deep.equal([
      ['Pleural', 'pleura'],
      ['thickening', 'thickening'],
    ]);
  });

  it('ignores case', () => {
    expect(marked('PLEURAL Effusion, Rib and LUNG')).to.deep.equal([
      ['PLEURAL Effusion', 'pleural-effusion'],
      ['Rib', 'rib'],
      ['LUNG', 'lung'],
    ]);
  });

  it('matches abbreviations only when written in capitals', () => {
    expect(marked('PA chest X-ray; an X-ray; MRI with FLAIR.')).to.deep.equal([
      ['PA', 'pa'],
      ['chest X-ray', 'chest-x-ray'],
      ['X-ray', 'x-ray'],
      ['MRI', 'mri-scan'],
      ['FLAIR', 'flair'],
    ]);
    expect(marked('My pa has a flair for mri')).to.deep.equal([]);
  });

  it('leaves punctuation around words as plain text', () => {
    expect(segmentText('(effusion), rib; "lung"!', glossary).map((segment) => [segment.text, segment.entry?.id])).to.deep.equal([
      ['(', undefined],
      ['effusion', 'effusion'],
      ['), ', undefined],
      ['rib', 'rib'],
      ['; "', undefined],
      ['lung', 'lung'],
      ['"!', undefined],
    ]);
  });

  it('finds plurals and other spellings through aliases', () => {
    expect(marked('Two nodules, three ribs, oedema and edema, tumours.')).to.deep.equal([
      ['nodules', 'nodule'],
      ['ribs', 'rib'],
      ['oedema', 'oedema'],
      ['edema', 'oedema'],
      ['tumours', 'tumour'],
    ]);
  });

  it('matches whole words only, never inside other words', () => {
    expect(marked('We describe the ribbon, the tribune and a masseur.')).to.deep.equal([]);
    expect(marked('lungfish ribs2 _rib rib_')).to.deep.equal([]);
    expect(marked('cafébrain éribé')).to.deep.equal([]);
    expect(marked('🦴rib')).to.deep.equal([['rib', 'rib']]);
  });

  it('matches a term across line breaks and either kind of apostrophe', () => {
    expect(marked('pleural\n   effusion')).to.deep.equal([['pleural\n   effusion', 'pleural-effusion']]);
    expect(marked('Baker’s cyst, Baker\'s cyst')).to.deep.equal([
      ['Baker’s cyst', 'bakers-cyst'],
      ["Baker's cyst", 'bakers-cyst'],
    ]);
  });

  it('marks every time a word appears', () => {
    expect(marked('rib, rib and rib')).to.have.length(3);
  });

  it('gives back exactly the original text when joined', () => {
    const report =
      'FINDINGS: PA chest X-ray. Small left pleural effusion with basal atelectasis.\n' +
      'No pneumothorax. Heart size normal (no cardiomegaly). Old healed fracture of the right 6th rib.\r\n' +
      'Degenerative changes in the thoracic spine — unremarkable otherwise.  Baker’s cyst?';
    const segments = segmentText(report, glossary);
    expect(join(segments)).to.equal(report);
    expect(segments.filter((segment) => segment.entry).length).to.be.greaterThan(8);
    // No empty parts, and plain parts never sit next to each other.
    for (const [i, segment] of segments.entries()) {
      expect(segment.text.length).to.be.greaterThan(0);
      if (i > 0) expect(Boolean(segment.entry) || Boolean(segments[i - 1]!.entry)).to.equal(true);
    }
    expect(segmentText('', glossary)).to.deep.equal([]);
  });

  it('gives back the original for random text', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['rib', 'pleural', ' ', 'effusion', '\n', 'é', '’', '-', '🦴', 'X', 'ray', 'PA', 'a', '\ud800', '.', 'lung'];
    for (let run = 0; run < 200; run++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect(join(segmentText(text, glossary)), JSON.stringify(text)).to.equal(text);
    }
  });

  it('finishes quickly on hostile 100 KB text', () => {
    const size = 100_000;
    const hostile = [
      'a'.repeat(size),
      ' '.repeat(size),
      'pleural '.repeat(size / 8),
      'pleural effusio'.repeat(size / 15),
      `pleural${' '.repeat(size)}x`,
      'rib'.repeat(size / 3),
      '(('.repeat(size / 2),
      'ground glass opacit '.repeat(size / 20),
      '\ud83e'.repeat(size),
    ];
    for (const text of hostile) {
      const start = performance.now();
      const segments = segmentText(text, glossary);
      const took = performance.now() - start;
      expect(took, `${JSON.stringify(text.slice(0, 20))}… took ${took} ms`).to.be.below(1000);
      expect(join(segments)).to.equal(text);
    }
  });
});

describe('buildGlossary', () => {
  it('gives the built-in glossary when there are no overrides', () => {
    const { glossary: built, rejected } = buildGlossary();
    expect(rejected).to.deep.equal([]);
    expect(built.entries.length).to.equal(glossaryEnGB.length);
    expect(built.get('pleural-effusion')?.term).to.equal('pleural effusion');
    expect(built.get('Pleural Effusions')?.id).to.equal('pleural-effusion');
    expect(built.get('PA')?.id).to.equal('pa');
    expect(built.get('no such word')).to.equal(undefined);
  });

  it('replaces an entry with the same id, keeping the fields the override leaves out', () => {
    const { glossary: built, rejected } = buildGlossary([
      { id: 'rib', definition: 'A bone that curves around your chest.', url: 'https://portal.example/rib' },
    ]);
    expect(rejected).to.deep.equal([]);
    expect(built.entries.length).to.equal(glossaryEnGB.length);
    const builtIn = glossaryEnGB.find((entry) => entry.id === 'rib')!;
    expect(built.get('rib')).to.deep.equal({
      ...builtIn,
      definition: 'A bone that curves around your chest.',
      url: 'https://portal.example/rib',
    });
    expect(built.get('ribs')?.url).to.equal('https://portal.example/rib');
    // The built-in glossary is untouched.
    expect(builtIn.url).to.equal('https://www.nhs.uk/tests-and-treatments/x-ray/');
  });

  it('adds entries with new ids, and segmentText finds them', () => {
    const { glossary: built, rejected } = buildGlossary([
      { id: 'portal-widget', term: 'widget', aliases: ['widgets'], definition: 'A small tool.', url: 'https://portal.example/widget' },
      { id: 'c-plus', term: 'C++ (test)', definition: 'Words with symbols in them.', url: 'https://portal.example/c' },
    ]);
    expect(rejected).to.deep.equal([]);
    expect(built.entries.length).to.equal(glossaryEnGB.length + 2);
    expect(built.get('Widgets')?.id).to.equal('portal-widget');
    expect(marked('Two widgets next to a rib, and C++ (test).', built)).to.deep.equal([
      ['widgets', 'portal-widget'],
      ['rib', 'rib'],
      ['C++ (test)', 'c-plus'],
    ]);
  });

  it('skips bad entries and says which field is wrong', () => {
    const good = { term: 'word', definition: 'A word.', url: 'https://portal.example/' };
    const { glossary: built, rejected } = buildGlossary([
      null,
      'rib',
      { ...good, id: 'Not Kebab' },
      { ...good, id: 'no-url', url: 'http://portal.example/' },
      { ...good, id: 'script-url', url: 'javascript:alert(1)' },
      { ...good, id: 'broken-url', url: 'not a url' },
      { id: 'no-term', definition: 'A word.', url: 'https://portal.example/' },
      { ...good, id: 'empty-definition', definition: '   ' },
      { ...good, id: 'bad-aliases', aliases: 'words' },
      { ...good, id: 'long-term', term: 'x'.repeat(101) },
      { id: 'rib', url: 'ftp://portal.example/rib' },
      { ...good, id: 'fine' },
    ]);
    expect(rejected.map(({ index }) => index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const reasons = rejected.map(({ reason }) => reason);
    expect(reasons[0]).to.match(/^entry must be an object/);
    expect(reasons[1]).to.match(/^entry must be an object/);
    expect(reasons[2]).to.match(/^id must be kebab-case/);
    expect(reasons[3]).to.equal('url must be https');
    expect(reasons[4]).to.equal('url must be https');
    expect(reasons[5]).to.equal('url must be https');
    expect(reasons[6]).to.match(/^term must be/);
    expect(reasons[7]).to.match(/^definition must be/);
    expect(reasons[8]).to.match(/^aliases must be/);
    expect(reasons[9]).to.match(/^term must be/);
    expect(reasons[10]).to.equal('url must be https');
    // Good entries still apply; rejected ones change nothing.
    expect(built.get('fine')?.term).to.equal('word');
    expect(built.get('rib')?.url).to.equal('https://www.nhs.uk/tests-and-treatments/x-ray/');
    expect(built.entries.length).to.equal(glossaryEnGB.length + 1);
  });

  it('rejects overrides that are not a list, and still gives the built-in glossary', () => {
    const { glossary: built, rejected } = buildGlossary({ id: 'rib' });
    expect(rejected).to.deep.equal([{ index: -1, reason: 'overrides must be a list of entries' }]);
    expect(built.entries.length).to.equal(glossaryEnGB.length);
  });
});
