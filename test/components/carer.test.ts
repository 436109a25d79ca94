/**
 * Issue 17, part 3: with `viewer-role="carer"` on a container, every element speaks to the helper
 * about the patient: no "your" (English) or "eich"/"'ch"/"dy" (Welsh) about the patient anywhere a
 * person can see or hear (text, names, the glossary's meanings, the orientation words, the consent
 * steps, a report's held parts). Real Cornerstone, the test server's synthetic CT.
 */
import { expect } from '@open-wc/testing';
import type { FindingDisclosure, LayAnnotationLayer, LayReport, PatientImageViewer } from '../../src/index.js';
import { patientAddressed } from '../support/carer-words.js';
import { box, cleanup, loaded, serverInfo, until } from '../support/helpers.js';
import { settleLayout } from '../lay-annotation-layer/support.js';

/** Everything a person can read or hear in `node`: text, and the names and labels of elements, through shadow roots. */
function everything(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out.push(n.nodeValue ?? '');
    if (n instanceof Element) {
      for (const name of ['aria-label', 'aria-valuetext', 'title', 'alt', 'value']) {
        const value = n.getAttribute(name);
        if (value) out.push(value);
      }
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(node);
  return out.join(' \n ').replace(/[ \t]+/g, ' ');
}

/** A document a portal writes for a carer: about "them", with a hard word, a sensitive finding and a care card. */
const doc = {
  version: 1,
  summary: 'Their scan shows the lungs and the heart.',
  careCard: { level: 'non-urgent', heading: 'Contact their GP surgery if:', text: 'They get a cough that does not go away.' },
  labels: [
    { id: 'lung', kind: 'anatomy', title: 'A lung', description: 'The lung is here.', terms: ['lung'], target: { image: { index: 0 }, point: { column: 100, row: 100 } } },
    {
      id: 'spot',
      kind: 'finding',
      title: 'A small spot',
      sensitivity: 'sensitive',
      target: { image: { index: 0 }, point: { column: 150, row: 150 } },
    },
  ],
};

async function mountAll(lang: string): Promise<HTMLElement> {
  const { synthetic } = await serverInfo();
  const host = box(720, 420);
  host.lang = lang;
  host.setAttribute('viewer-role', 'carer');

  const step = document.createElement('finding-disclosure') as FindingDisclosure;
  step.modality = 'CT';
  step.innerHTML = '<p>Held content</p>';
  const wrapped = document.createElement('finding-disclosure') as FindingDisclosure;
  wrapped.scope = 'finding';
  wrapped.findingId = 'wrapped-1';

  const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
  viewer.loading = 'eager';
  viewer.urls = synthetic.ct.slice(0, 3).map((n) => `/__synthetic/${n}`);
  const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
  layer.annotations = doc;
  viewer.append(layer);

  const report = document.createElement('lay-report') as LayReport;
  report.text = 'FINDINGS: The lungs are clear. A small pleural effusion.\nIMPRESSION: Small pleural effusion.';
  report.holdImpression = true;

  host.append(step, wrapped, viewer, report);
  await loaded(viewer);
  await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 8000, 'markers');
  await until(() => report.status === 'ready', 8000, 'report');
  await settleLayout();

  // Open what hides words: the question composer, a word's meaning in the layer and in the report.
  layer.shadowRoot!.querySelector<HTMLButtonElement>('button.ask')!.click();
  await layer.updateComplete;
  const term = layer.shadowRoot!.querySelector<HTMLButtonElement>('button.term');
  expect(term, 'a hard word in the layer').to.exist;
  term!.click();
  await until(() => Boolean(layer.shadowRoot!.querySelector('.popover .definition')), 3000, 'layer meaning');
  const reportTerm = report.shadowRoot!.querySelector<HTMLButtonElement>('button.term');
  expect(reportTerm, 'a hard word in the report').to.exist;
  reportTerm!.click();
  await until(() => Boolean(report.shadowRoot!.querySelector('.definition')), 3000, 'report meaning');
  return host;
}

describe('carers and parents (issue 17): viewer-role="carer"', () => {
  afterEach(cleanup);

  it('[HAZ-032] English: no "your" about the patient anywhere on the page; "Their right", "Show the images", the glossary about them', async () => {
    const host = await mountAll('en-GB');
    const text = everything(host);
    expect(patientAddressed(text, 'en')).to.deep.equal([]);
    expect(text).to.include('Their right');
    expect(text).to.include('Their left');
    expect(text).to.include("Before you look at the person's images");
    expect(text).to.include('Show the images');
    expect(text).to.include('There is something in their report their care team wants to talk through with them');
    expect(text).to.include('What does this mean for them?');
    // The glossary's meaning of "lung": "They take in air when they breathe".
    expect(text).to.match(/when they breathe/);
  });

  it('[HAZ-032] Welsh (draft, for review): no "eich" (nor its short form) or "dy" about the patient; "Eu hochr dde"', async () => {
    const host = await mountAll('cy');
    const text = everything(host);
    expect(patientAddressed(text, 'cy')).to.deep.equal([]);
    expect(text).to.include('Eu hochr dde');
    expect(text).to.include('Dangos y delweddau');
    expect(text).to.include('Mae rhywbeth yn eu hadroddiad y mae eu tîm gofal am ei drafod gyda nhw');
    expect(text).to.include('Beth mae hyn yn ei olygu iddyn nhw?');
  });

  it('[HAZ-032] without the role, the words are for the patient again, and the portal words still win', async () => {
    const host = await mountAll('en-GB');
    const step = host.querySelector('finding-disclosure') as FindingDisclosure;
    step.messages = { 'disclosure.show': 'Show them now' };
    await until(() => everything(step).includes('Show them now'), 3000, 'the portal\'s words');
    host.removeAttribute('viewer-role');
    await until(() => everything(host).includes('Your right'), 3000, 'the patient\'s words');
    expect(everything(step)).to.include('Show them now');
    expect(everything(host)).to.include('Before you look at your images');
  });
});
