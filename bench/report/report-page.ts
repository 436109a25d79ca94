// The report benchmark's page (see bench/report.mjs): a 10,000-word report, explained by the same
// code <lay-report> uses, and shown by <lay-report> itself. Built by Vite in production mode.
import '../../src/components/lay-report/define.js';
import type { LayReport } from '../../src/index.js';
import { buildGlossary, EVERYDAY_WORDS } from '../../src/lay/glossary.js';
import { findTerms } from '../../src/lay/find-terms.js';
import { applyHolds, parseText } from '../../src/report/text.js';

/** Sentences as UK reports write them, cycled (with numbers changed) into sections of about 200 words. */
const SENTENCES = [
  'The heart is not enlarged and the mediastinal contours are within normal limits.',
  'There is a small right pleural effusion with adjacent atelectasis at the right base.',
  'Patchy consolidation in the left lower zone, in keeping with infection.',
  'No pneumothorax. The costophrenic angles are sharp.',
  'No intracranial haemorrhage, extra-axial collection or acute territorial infarct.',
  'The ventricles and sulci are normal in size for the patient\u2019s age, with no midline shift.',
  'A 12 mm hypodense lesion in segment 6 of the liver is too small to characterise.',
  'Mild degenerative change of the lower lumbar spine with disc space narrowing at L4/5.',
  'The gallbladder contains several calculi, with no wall thickening or pericholecystic fluid.',
  'The kidneys are normal in size with no hydronephrosis; the renal pelvis is not dilated.',
  'Mucosal thickening in the left maxillary sinus, likely inflammatory.',
  'No focal bone lesion. The osseous structures are otherwise unremarkable.',
  'Compared with the previous examination, the nodule is unchanged in size (see image 14).',
  'Mild cardiomegaly with upper lobe venous diversion, suggesting early pulmonary oedema.',
];
const HEADINGS = ['FINDINGS:', 'IMPRESSION:', 'COMPARISON:', 'CLINICAL DETAILS:', 'TECHNIQUE:'];

function makeReport(words: number): string {
  const out: string[] = [];
  let count = 0;
  let i = 0;
  while (count < words) {
    if (i % 14 === 0) out.push(`\n${HEADINGS[(i / 14) % HEADINGS.length]}`);
    const sentence = SENTENCES[i % SENTENCES.length]!.replace(/\d+/g, (n) => String(Number(n) + (i % 7)));
    out.push(i % 4 === 3 ? `${sentence}\n` : sentence);
    count += sentence.split(/\s+/).length;
    i++;
  }
  return out.join(' ');
}

const glossary = buildGlossary().glossary;

/** Read and match only: what explaining costs, without the DOM. */
function explain(text: string): { ms: number; terms: number; sentences: number } {
  const start = performance.now();
  const model = parseText(text);
  applyHolds(model, [], false);
  let terms = 0;
  let sentences = 0;
  for (const section of model.sections) {
    for (const block of section.blocks) {
      for (const p of block.kind === 'list' ? block.items : [block]) {
        for (const s of p.sentences) {
          sentences++;
          for (const run of s.runs) for (const m of findTerms(run.text, glossary)) if (!EVERYDAY_WORDS.has(m.text.toLowerCase())) terms++;
        }
      }
    }
  }
  return { ms: performance.now() - start, terms, sentences };
}

/** Show it with <lay-report>: from setting `text` to the explained report on screen (one frame after the update). */
async function show(text: string): Promise<{ ms: number; update: number; buttons: number }> {
  document.body.replaceChildren();
  const el = document.createElement('lay-report') as LayReport;
  document.body.append(el);
  await el.updateComplete;
  const start = performance.now();
  el.text = text;
  while (el.status !== 'ready') await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
  const update = performance.now() - start;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - start;
  return { ms, update, buttons: el.shadowRoot!.querySelectorAll('button.term').length };
}

const report = makeReport(10_000);
(window as unknown as { __reportBench: unknown }).__reportBench = {
  words: report.split(/\s+/).filter(Boolean).length,
  explain: () => explain(report),
  show: () => show(report),
  warmUp: async () => {
    explain(makeReport(2000));
    await show(makeReport(2000));
  },
};
