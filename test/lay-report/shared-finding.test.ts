import { expect } from '@open-wc/testing';
import chestDoc from '../../examples/annotations/chest-xray.json';
import type { LayAnnotationLayer } from '../../src/index.js';
import type { ChoiceStore } from '../../src/disclosure/choice-store.js';
import { box, cleanup, loaded, until } from '../support/helpers.js';
import { deepText, disclosures, mountReport, showHeld } from './support.js';

/**
 * One finding shown in two elements of a page: a sensitive label of `<lay-annotation-layer>` and a
 * held part of `<lay-report>`, with the same finding id and study. The report's part follows the
 * patient's choice made on the layer (or read back) with its words, not with an empty "shown" box.
 */

const CHEST = `FINDINGS:
The heart size is normal. There is a small right pleural effusion.

IMPRESSION:
Right lower zone consolidation. Suggest follow-up radiograph in 6 weeks to confirm resolution.`;

const SENTENCE = 'Suggest follow-up radiograph in 6 weeks to confirm resolution.';
const FINDING = 'marked-61';

const doc = {
  version: 1,
  summary: 'There is a small shadow in the right lung. Your care team will talk to you about it.',
  labels: [
    chestDoc.labels[0],
    {
      id: 'shadow',
      findingId: FINDING,
      kind: 'finding',
      sensitivity: 'sensitive',
      title: 'A small shadow',
      description: 'A small shadow in your right lung.',
      target: { image: { index: 0 }, point: { column: 150, row: 220 } },
    },
  ],
};

type Store = ChoiceStore;

async function mountLayer(studyKey: string, storage: Store | 'memory' = 'memory'): Promise<LayAnnotationLayer> {
  const viewer = document.createElement('patient-image-viewer');
  viewer.loading = 'eager';
  viewer.src = '/__synthetic/chest-xray.dcm';
  const layer = document.createElement('lay-annotation-layer');
  layer.studyKey = studyKey;
  layer.storage = storage;
  layer.annotations = doc;
  viewer.append(layer);
  box(640, 480).append(viewer);
  await loaded(viewer);
  await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 5000, 'markers');
  return layer;
}

const press = (layer: LayAnnotationLayer, label: string) =>
  [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
const shownLabels = (layer: LayAnnotationLayer) => [...layer.shadowRoot!.querySelectorAll<HTMLElement>('ol > li')].map((li) => li.dataset.id);
type Step = HTMLElement & { state: string };

describe('<lay-report>: a held part whose finding is chosen elsewhere on the page', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('[HAZ-001] follows "Show me now" and "Hide it again" on the layer: the words come with the choice and go with it', async () => {
    const layer = await mountLayer('study-61');
    const { el, root } = await mountReport((r) => {
      r.studyKey = 'study-61';
      r.sensitive = [{ match: SENTENCE, findingId: FINDING }];
      r.text = CHEST;
    });
    const [step] = disclosures(root) as unknown as Step[];
    await until(() => step!.state === 'asking', 5000, 'the report part asks');
    expect(deepText(document.body)).to.not.contain('confirm resolution');

    press(layer, 'Show me now')!.click();
    await until(() => shownLabels(layer).includes('shadow'), 3000, 'the label shown');
    await until(() => step!.state === 'shown', 3000, 'the report part follows');
    // Never an empty "shown" box: the words are there.
    await until(() => deepText(document.body).includes('confirm resolution'), 3000, 'the report part\u2019s words');
    await el.updateComplete;
    expect(step!.querySelector('.sentence')?.textContent).to.contain('confirm resolution');

    // Hidden again on the layer: the report's words go too (HAZ-001).
    press(layer, 'Hide it again')!.click();
    await until(() => step!.state === 'waiting', 3000, 'the report part waits');
    await until(() => !deepText(document.body).includes('confirm resolution'), 3000, 'the words taken out');
    expect(step!.children.length).to.equal(0);

    // And back, from the report's own step: the label follows, and the words come back.
    await showHeld(el, step!);
    expect(deepText(document.body)).to.contain('confirm resolution');
    await until(() => shownLabels(layer).includes('shadow'), 3000, 'the label shown again');
  });

  it('[HAZ-001] opened after the patient chose on the layer, with nothing remembered: shown with its words at once', async () => {
    const layer = await mountLayer('study-62');
    press(layer, 'Show me now')!.click();
    await until(() => shownLabels(layer).includes('shadow'), 3000, 'the label shown');
    const { root } = await mountReport((r) => {
      r.studyKey = 'study-62';
      // A store that keeps nothing: the choice made on this page stands.
      r.storage = { get: () => undefined, set: () => undefined, delete: () => undefined };
      r.sensitive = [{ match: SENTENCE, findingId: FINDING }];
      r.text = CHEST;
    });
    const [step] = disclosures(root) as unknown as Step[];
    await until(() => step!.state === 'shown', 3000, 'the report part takes the page\u2019s choice');
    await until(() => deepText(document.body).includes('confirm resolution'), 3000, 'the report part\u2019s words');
  });

  it('[HAZ-001] a remembered "show" read back by the layer first: the report part shows its words, and hides them with the layer', async () => {
    const kept = JSON.stringify({ choice: 'reveal', at: '2026-11-01T09:00:00.000Z' });
    const quick: Store = { get: () => kept, set: () => undefined, delete: () => undefined };
    // The report's store answers late: the layer's read-back is on the page before the report's own.
    const slow: Store = { get: () => new Promise<string>((resolve) => setTimeout(() => resolve(kept), 400)), set: () => undefined, delete: () => undefined };
    const layer = await mountLayer('study-63', quick);
    await until(() => shownLabels(layer).includes('shadow'), 5000, 'the label read back');
    const { el, root } = await mountReport((r) => {
      r.studyKey = 'study-63';
      r.storage = slow;
      r.sensitive = [{ match: SENTENCE, findingId: FINDING }];
      r.text = CHEST;
    });
    const [step] = disclosures(root) as unknown as Step[];
    await until(() => step!.state === 'shown', 3000, 'the report part shown');
    await until(() => deepText(document.body).includes('confirm resolution'), 3000, 'the report part\u2019s words');
    await el.updateComplete;
    press(layer, 'Hide it again')!.click();
    await until(() => !deepText(document.body).includes('confirm resolution'), 3000, 'the words taken out');
  });

  it('[HAZ-020] two parts of one report with the finding of a label: "Show me now" in one part shows that part and the label, never the other part; the layer’s choice moves both', async () => {
    const layer = await mountLayer('study-64');
    const { el, root } = await mountReport((r) => {
      r.studyKey = 'study-64';
      r.sensitive = [
        { match: 'small right pleural effusion', findingId: FINDING },
        { match: SENTENCE, findingId: FINDING },
      ];
      r.text = CHEST;
    });
    const steps = disclosures(root) as unknown as Step[];
    expect(steps.length).to.equal(2);
    await until(() => steps.every((s) => s.state === 'asking'), 5000, 'both parts ask');
    await showHeld(el, steps[0]!);
    await until(() => shownLabels(layer).includes('shadow'), 3000, 'the label follows');
    expect(steps[1]!.state).to.equal('asking');
    expect(deepText(document.body)).to.contain('small right pleural effusion');
    expect(deepText(document.body)).to.not.contain('confirm resolution');

    press(layer, 'Hide it again')!.click();
    await until(() => steps.every((s) => s.state === 'waiting'), 3000, 'both parts wait');
    await until(() => !deepText(document.body).includes('pleural effusion'), 3000, 'the words taken out');
    expect(deepText(document.body)).to.not.contain('confirm resolution');

    press(layer, 'Show me now')!.click();
    await until(() => steps.every((s) => s.state === 'shown'), 3000, 'both parts shown');
    await until(() => deepText(document.body).includes('confirm resolution') && deepText(document.body).includes('small right pleural effusion'), 3000, 'both parts\u2019 words');
  });
});
