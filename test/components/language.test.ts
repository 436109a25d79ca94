/** Language of parts (WCAG 3.1.2): the document's words carry its language where the page's differs. */
import { expect } from '@open-wc/testing';
import chestDoc from '../../examples/annotations/chest-xray.json';
import { validateAnnotationDocument } from '../../src/annotations/validate.js';
import type { LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { box, cleanup, loaded, until } from '../support/helpers.js';

async function mount(lang: string, annotations: unknown): Promise<LayAnnotationLayer> {
  const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
  viewer.loading = 'eager';
  viewer.src = '/__synthetic/chest-xray.dcm';
  const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
  layer.annotations = annotations;
  viewer.append(layer);
  const host = box(640, 480);
  host.lang = lang;
  host.append(viewer);
  await loaded(viewer);
  await until(() => (layer.shadowRoot!.querySelectorAll('ol > li').length ?? 0) > 0, 8000, 'labels');
  await layer.updateComplete;
  return layer;
}

/** The language a text is in: its closest `lang` inside the shadow root. */
function langOfText(root: ShadowRoot, text: string): string | undefined {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent!.includes(text)) return node.parentElement!.closest('[lang]')?.getAttribute('lang') ?? undefined;
  }
  throw new Error(`"${text}" is not in the layer`);
}

describe('language of parts (WCAG 3.1.2)', () => {
  afterEach(cleanup);

  const careCard = { level: 'non-urgent', heading: 'Contact your GP surgery if:', text: 'You get a cough that does not go away.' };
  const label = chestDoc.labels[2]!;

  it('an English document on a Welsh page: its words are marked lang="en", the layer\'s own words stay Welsh', async () => {
    const layer = await mount('cy', { ...chestDoc, language: 'en', careCard });
    const root = layer.shadowRoot!;
    expect(langOfText(root, 'You do not need to do anything'), 'summary').to.equal('en');
    expect(langOfText(root, label.title), 'label title').to.equal('en');
    expect(langOfText(root, 'It looks light grey'), 'label description').to.equal('en');
    expect(langOfText(root, careCard.heading), 'care card heading').to.equal('en');
    expect(langOfText(root, careCard.text.slice(0, 20)), 'care card text').to.equal('en');
    const ask = [...root.querySelectorAll('button.ask')][0]!;
    expect(ask.closest('[lang]')!.getAttribute('lang'), 'the layer\'s own words').to.equal('cy');
    await expect(layer).to.be.accessible();
  });

  it('the same document on an English page gets no extra marks; no language field, none either', async () => {
    let layer = await mount('en-GB', { ...chestDoc, language: 'en-GB' });
    expect(layer.shadowRoot!.querySelectorAll('[lang="en-GB"] [lang], .panel [lang]').length).to.equal(0);
    cleanup();
    layer = await mount('cy', chestDoc);
    expect(langOfText(layer.shadowRoot!, label.title)).to.equal('cy');
  });

  it('the schema takes a BCP 47 tag and reports anything else', () => {
    expect(validateAnnotationDocument({ version: 1, labels: [], language: 'cy-GB' }).document?.language).to.equal('cy-GB');
    const bad = validateAnnotationDocument({ version: 1, labels: [], language: 'Welsh please' });
    expect(bad.problems.some((p) => p.path === 'language')).to.equal(true);
    expect(bad.document?.language).to.equal(undefined);
  });
});
