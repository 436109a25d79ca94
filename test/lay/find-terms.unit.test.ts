import { expect } from '@open-wc/testing';
import { BLOCKED_PHRASES, buildGlossary, findTerms, glossaryEnGB, type GlossaryEntry } from '../../src/lay/glossary.js';

/** What a patient sees for each phrase: [words as written, entry id]. */
const read = (text: string, glossary?: Parameters<typeof findTerms>[1]) =>
  findTerms(text, glossary).map((match) => [match.text, match.entry.id]);
const entry = (id: string): GlossaryEntry => glossaryEnGB.find((e) => e.id === id)!;
const idsIn = (text: string) => findTerms(text).map((match) => match.entry.id);

describe('findTerms', () => {
  it('gives offsets into the text, the words as written, and the entry, in text order', () => {
    const text = 'Small right pleural effusion.\nNo pneumothorax.';
    const found = findTerms(text);
    expect(found.map((m) => [m.start, m.end, m.text, m.entry.id])).to.deep.equal([
      [12, 28, 'pleural effusion', 'pleural-effusion'],
      [30, 32, 'No', 'no'],
      [33, 45, 'pneumothorax', 'pneumothorax'],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).to.equal(m.text);
  });

  it('takes the longest phrase first and never overlaps', () => {
    expect(read('Left lower lobe consolidation with pleural thickening and a pleural effusion.')).to.deep.equal([
      ['Left lower lobe', 'lobe'],
      ['consolidation', 'consolidation'],
      ['pleural thickening', 'pleural-thickening'],
      ['pleural effusion', 'pleural-effusion'],
    ]);
    const found = findTerms('Posterior acoustic shadowing from gallbladder calculi in the renal pelvis.');
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).to.be.at.least(found[i - 1]!.end);
  });

  it('uses the built-in en-GB glossary by default, and a portal glossary when given one', () => {
    const { glossary } = buildGlossary([{ id: 'portal-widget', term: 'widget', definition: 'A small tool.', url: 'https://portal.example/' }]);
    expect(read('A widget and an effusion.')).to.deep.equal([['effusion', 'effusion']]);
    expect(read('A widget and an effusion.', glossary)).to.deep.equal([['widget', 'portal-widget'], ['effusion', 'effusion']]);
  });

  it('matches a space, a line break or a hyphen alike, and hyphenated words closed up', () => {
    expect(read('ground-glass opacity, ground glass\nopacity; post operative change; postoperative change')).to.deep.equal([
      ['ground-glass opacity', 'ground-glass'],
      ['ground glass\nopacity', 'ground-glass'],
      ['post operative change', 'post-operative-change'],
      ['postoperative change', 'post-operative-change'],
    ]);
  });

  it('finds US spellings and plurals of UK entries', () => {
    expect(read('Edema, hemorrhage, esophagus, tumor, localized, hematomas, calculi, vertebrae, metastases.')).to.deep.equal([
      ['Edema', 'oedema'],
      ['hemorrhage', 'haemorrhage'],
      ['esophagus', 'oesophagus'],
      ['tumor', 'tumour'],
      ['localized', 'focal'],
      ['hematomas', 'haematoma'],
      ['calculi', 'calculus'],
      ['vertebrae', 'vertebra'],
      ['metastases', 'metastasis'],
    ]);
  });

  it('matches abbreviations only in capitals', () => {
    expect(read('PA chest X-ray. MRI with FLAIR. MDT.')).to.deep.equal([
      ['PA', 'pa'],
      ['chest X-ray', 'chest-x-ray'],
      ['MRI', 'mri-scan'],
      ['FLAIR', 'flair'],
      ['MDT', 'mdt'],
    ]);
    expect(read('my pa has a flair for mri and ct')).to.deep.equal([]);
  });

  it('respects word boundaries, hyphens and punctuation', () => {
    expect(read('ribbon tribune masseur lungfish _rib rib_ cafébrain')).to.deep.equal([]);
    expect(read('(effusion), rib; "lung"!')).to.deep.equal([['effusion', 'effusion'], ['rib', 'rib'], ['lung', 'lung']]);
    expect(read('T2-weighted; FDG-avid; L4/5; L5-S1.')).to.deep.equal([
      ['T2-weighted', 't2-weighted'],
      ['FDG-avid', 'uptake'],
      ['L4/5', 'spinal-levels'],
      ['L5-S1', 'spinal-levels'],
    ]);
  });

  it('[HAZ-015] never explains a word after a prefix that changes its meaning (non-, anti-, sub-...)', () => {
    expect(idsIn('Anti-inflammatory treatment.')).not.to.include('inflammation');
    expect(idsIn('A non-enhancing cyst.')).to.include('enhancement');
    expect(read('A non-obstructing lesion.')).to.deep.equal([['non-obstructing', 'non-obstructing'], ['lesion', 'lesion']]);
    expect(idsIn('Pseudo-obstruction of the colon.')).not.to.include('obstruction');
  });

  it('[HAZ-015] leaves every blocked compound alone', () => {
    for (const phrase of BLOCKED_PHRASES) {
      const found = findTerms(`The ${phrase} is normal.`);
      const inside = found.filter((m) => m.start >= 4 && m.end <= 4 + phrase.length);
      // A blocked phrase is either left alone or explained by an entry for the whole phrase.
      for (const m of inside) expect(m.text.length, `"${phrase}" explained through "${m.text}" (${m.entry.id})`).to.equal(phrase.length);
    }
  });

  it('[HAZ-015] lets a portal entry for a blocked compound win', () => {
    const { glossary } = buildGlossary([{ id: 'sinus-rhythm', term: 'sinus rhythm', definition: 'A normal heartbeat.', url: 'https://portal.example/' }]);
    expect(read('Sinus rhythm.')).to.deep.equal([]);
    expect(read('Sinus rhythm.', glossary)).to.deep.equal([['Sinus rhythm', 'sinus-rhythm']]);
  });

  it('is pure and fast on hostile text', () => {
    const text = 'pleural effusio'.repeat(7000) + ' rib'.repeat(5000) + '-'.repeat(20000);
    const start = performance.now();
    const first = findTerms(text);
    const took = performance.now() - start;
    expect(took).to.be.below(1000);
    expect(findTerms(text)).to.deep.equal(first);
    expect(findTerms('')).to.deep.equal([]);
    expect(findTerms(undefined as unknown as string)).to.deep.equal([]);
  });
});

describe('[HAZ-015] the 12 false meanings found by the language audit', () => {
  const cases: [string, string, string | null, string][] = [
    ['basal ganglia', 'Calcification in the basal ganglia.', 'basal-ganglia', 'ganglion'],
    ['posterior cruciate ligament', 'The posterior cruciate ligament is intact.', 'pcl', 'acl'],
    ['radial tear', 'Radial tear of the posterior horn of the medial meniscus.', 'meniscal-tear', 'radius'],
    ['posterior acoustic shadowing', 'Gallstones with posterior acoustic shadowing.', 'acoustic-shadowing', 'opacity'],
    ['renal pelvis', 'Mild dilatation of the renal pelvis.', 'renal-pelvis', 'pelvis'],
    ['gallbladder calculi', 'The gallbladder contains calculi.', 'calculus', 'kidney-stone'],
    ["Schmorl's node", "Schmorl's node at L2.", 'schmorls-node', 'lymph-node'],
    ['cystic duct', 'The cystic duct is not seen.', 'cystic-duct', 'cyst'],
    ['biliary obstruction', 'No biliary obstruction.', 'biliary-dilatation', 'bowel-obstruction'],
    ['ruptured aneurysm', 'Ruptured abdominal aortic aneurysm.', 'rupture', 'tear'],
    ['displaced mediastinum', 'The mediastinum is displaced to the left.', 'displaced', 'displaced-fracture'],
    ['ileocaecal valve', 'The ileocaecal valve is thickened.', 'ileocaecal-valve', 'heart-valve'],
  ];
  for (const [name, sentence, right, wrong] of cases) {
    it(`[HAZ-015] "${name}" is explained as ${right}, never as ${wrong}`, () => {
      const ids = idsIn(sentence);
      expect(ids, sentence).to.include(right);
      expect(ids, sentence).not.to.include(wrong);
    });
  }

  it('[HAZ-015] drops the ambiguous one-word aliases', () => {
    for (const word of ['valve', 'node', 'cystic', 'radial', 'obstruction', 'rupture', 'displaced', 'shadowing', 'ganglia', 'dose', 'follicle']) {
      const owners = glossaryEnGB.filter((e) => [e.term, ...(e.aliases ?? [])].some((form) => form.toLowerCase() === word));
      // Either nobody owns it, or it is an entry of its own with a neutral, general meaning.
      for (const owner of owners) expect(owner.term.toLowerCase(), `"${word}" is an alias of ${owner.id}`).to.equal(word);
    }
    expect(idsIn('Competent venous valves.')).not.to.include('heart-valve');
    expect(idsIn('Cystic lesion.')).not.to.include('cystic-duct');
    // "cruciate" on its own means both cruciate ligaments, never the ACL alone.
    expect(idsIn('The cruciates are intact.')).to.deep.equal(['cruciate-ligaments', 'preserved']);
  });

  it('[HAZ-015] explains a meniscal tear as a tear of the knee pad, and a tear as any tear', () => {
    expect(entry('tear').definition).to.match(/cartilage|pads in a joint/);
    expect(entry('meniscal-tear').definition).to.match(/pads that cushion the knee/);
  });
});

describe('[HAZ-016] words that can signal cancer', () => {
  const SIGNALS = [
    'uptake', 'suspicious', 'spiculated', 'sclerotic-lesion', 'lytic-lesion', 'mass', 'malignant', 'neoplasm', 'tumour', 'cancer',
    'metastasis', 'pi-rads', 'bi-rads', 'u-score', 'ti-rads', 'o-rads', 'bosniak-3', 'pathological-fracture', 'extraprostatic-extension',
    'unknown-primary', 'response',
  ];

  it('[HAZ-016] are marked sensitive and say the care team will explain', () => {
    for (const id of SIGNALS) {
      expect(entry(id).sensitive, id).to.equal(true);
      expect(entry(id).definition, id).to.match(/your care team will explain/i);
    }
  });

  it('[HAZ-016] never falsely reassure: no "healing or swollen", "wear and tear" or "heals by itself" as the whole story', () => {
    expect(entry('uptake').definition).not.to.match(/healing or swollen/);
    expect(entry('uptake').aliases).to.include('FDG-avid');
    expect(entry('sclerotic').definition).to.match(/many causes/);
    expect(entry('bone-marrow-oedema').definition).not.to.match(/heals by itself/);
    expect(entry('bone-marrow-oedema').definition).to.match(/other/);
    expect(entry('free-fluid').definition).not.to.match(/period/);
    expect(entry('osteopenia').definition).to.match(/young adult/);
    expect(entry('osteopenia').definition).not.to.match(/for your age/);
    expect(entry('hairline-fracture').definition).not.to.match(/again and again/);
    expect(idsIn('Sclerotic lesion in L3.')).to.include('sclerotic-lesion');
  });

  it('[HAZ-016] call tracers a radioactive medicine, never a "safe liquid"', () => {
    for (const e of glossaryEnGB) expect(e.definition, e.id).not.to.match(/safe liquid/i);
    expect(entry('tracer').definition).to.match(/radiation/);
  });
});

describe('[HAZ-017] neutral definitions and hedges', () => {
  it('[HAZ-017] explains negation and hedges as words', () => {
    const hedges: Record<string, string> = {
      No: 'no',
      'not excluded': 'not-excluded',
      'in keeping with': 'in-keeping-with',
      'cannot be excluded': 'not-excluded',
      suspicious: 'suspicious',
      indeterminate: 'indeterminate',
      prominent: 'prominent',
      unremarkable: 'unremarkable',
      'within normal limits': 'within-normal-limits',
      likely: 'likely',
      probably: 'probably',
      'consistent with': 'consistent-with',
      '?': 'query-mark',
      incidental: 'incidental-finding',
    };
    for (const [words, id] of Object.entries(hedges)) {
      const sentence = words === '?' ? '?fracture' : `${words} a nodule.`;
      expect(read(sentence)[0], sentence).to.deep.equal([words, id]);
    }
  });

  it('[HAZ-017] says what a word means, never what it means for this patient (most mentions are negated)', () => {
    const personal = /\b(you have|your (scan|report) shows|you will need|your care team may (want to )?check it again|needs treatment in hospital|needs urgent)\b/i;
    for (const e of glossaryEnGB) expect(personal.test(e.definition), `${e.id}: ${e.definition}`).to.equal(false);
    // Read after "No", every one of these still makes sense.
    expect(entry('bowel-obstruction').definition).not.to.match(/hospital/);
    expect(entry('nodule').definition).not.to.match(/check it again/);
  });

  it('[HAZ-017] gives the words the report used, not a heavier headword', () => {
    const [scarring] = findTerms('Scarring at the lung bases.');
    expect(scarring!.text).to.equal('Scarring');
    expect(scarring!.entry.id).to.equal('scarring');
    expect(scarring!.entry.term).to.equal('scarring');
  });
});
