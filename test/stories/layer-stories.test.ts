import { expect } from '@open-wc/testing';
import { render } from 'lit';
import chestXray from '../../examples/annotations/chest-xray.json';
import ctHead from '../../examples/annotations/ct-head.json';
import type { LayAnnotationLayer, PatientImageViewer, PvAnnotationErrorEvent, PvLinkBlockedEvent } from '../../src/index.js';
import * as stories from '../../stories/lay-annotation-layer.stories.js';
import { box, cleanup, loaded, nextFrame, until } from '../support/helpers.js';

interface Mounted {
  viewer: PatientImageViewer;
  layer: LayAnnotationLayer;
  /** The layer's shadow root. */
  root: ShadowRoot;
  /** Every pv-annotation-error and pv-link-blocked that reached the fixture box. */
  events: (PvAnnotationErrorEvent | PvLinkBlockedEvent)[];
}

/**
 * Every story is a fixture: render it into a box wide enough for labels on the picture (the layer
 * shows numbered markers only below 480 px), and wait until the viewer has drawn its image.
 */
async function mount(
  story: Parameters<typeof stories.layerStoryTemplate>[0],
  overrides: Parameters<typeof stories.layerStoryTemplate>[1] = {},
): Promise<Mounted> {
  const host = box(720, 420);
  const events: Mounted['events'] = [];
  // Listen before rendering: the layer reports a bad document as soon as it has read it.
  host.addEventListener('pv-annotation-error', (event) => events.push(event));
  host.addEventListener('pv-link-blocked', (event) => events.push(event));
  render(stories.layerStoryTemplate(story, overrides), host);
  const viewer = host.querySelector('patient-image-viewer') as PatientImageViewer;
  expect(viewer, 'the story renders a viewer').to.exist;
  expect(viewer.loading).to.equal('eager');
  const layer = viewer.querySelector('lay-annotation-layer') as LayAnnotationLayer;
  expect(layer, 'the layer is a child of the viewer').to.exist;
  if (viewer.status !== 'loaded') await loaded(viewer);
  await layer.updateComplete;
  return { viewer, layer, root: layer.shadowRoot!, events };
}

/** Markers are placed in an animation frame, and tags after floating-ui measures them. */
async function settleLayout(): Promise<void> {
  for (let i = 0; i < 4; i++) await nextFrame();
}

function count(root: ShadowRoot, selector: string): number {
  return root.querySelectorAll(selector).length;
}

describe('annotation layer stories as fixtures', () => {
  afterEach(cleanup);

  it('ChestXrayAnatomy: a marker, a tag and a list item for every label, with no axe violations', async () => {
    const { viewer, root } = await mount(stories.ChestXrayAnatomy);
    const labels = chestXray.labels.length;
    await until(() => count(root, '.marker') === labels, 5000, `${labels} markers`);
    await settleLayout();
    expect(count(root, '.tag')).to.equal(labels);
    expect(count(root, '.panel ol > li')).to.equal(labels);
    expect(root.querySelector('.summary')?.textContent).to.contain(chestXray.summary);
    expect(root.querySelector('.edge.left')?.textContent?.trim()).to.equal('Your right');
    expect(root.querySelector('.edge.right')?.textContent?.trim()).to.equal('Your left');
    expect(root.querySelector('.body-map svg')).to.exist;
    await expect(viewer).to.be.accessible();
  });

  it('ChestXrayAnatomy: a glossary popover is open, with no axe violations', async () => {
    // chest-xray.json has no hard word in its summary or descriptions ("diaphragm" is only in a
    // title and in `terms`, which the layer does not mark), so add one sentence to the summary.
    const annotations = {
      ...chestXray,
      summary: `${chestXray.summary} There is no fluid around your lungs (pleural effusion).`,
    };
    const { viewer, layer, root } = await mount(stories.ChestXrayAnatomy, { annotations });
    await until(() => count(root, '.marker') === chestXray.labels.length, 5000, 'markers');
    await settleLayout();
    const term = root.querySelector<HTMLButtonElement>('button.term');
    expect(term, 'a hard word is a button').to.exist;
    expect(term!.getAttribute('aria-expanded')).to.equal('false');
    term!.click();
    await layer.updateComplete;
    await nextFrame();
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog, 'the popover opens').to.exist;
    expect(dialog!.getAttribute('aria-label')).to.equal(term!.textContent);
    expect(term!.getAttribute('aria-expanded')).to.equal('true');
    await expect(viewer).to.be.accessible();
  });

  it('[HAZ-007] CtFindingsOnSlices: labels on other slices are listed, and each slice shows its own markers', async () => {
    const { viewer, root } = await mount(stories.CtFindingsOnSlices);
    // The finding the care team marked waits for the patient's choice; the rest are listed.
    const labels = ctHead.labels.filter((l) => !('sensitivity' in l) || l.sensitivity !== 'sensitive');
    expect(labels.length).to.be.lessThan(ctHead.labels.length);
    await until(() => count(root, '.panel ol > li') === labels.length, 5000, 'the list');
    expect(viewer.index).to.equal(0);
    // Image 1 has no labels: every label has a "Show image" button, and the list says so plainly.
    expect(count(root, '.marker')).to.equal(0);
    const words = root.textContent!.replace(/\s+/g, ' ');
    expect(words).to.contain(`There are no labels on this image. ${labels.length} labels are on other images.`);
    expect(words).not.to.contain('more labels');
    expect(count(root, 'ol > li button.goto')).to.equal(labels.length);
    expect(count(root, 'ol > li.finding')).to.equal(labels.filter((l) => l.kind === 'finding').length);
    await expect(viewer).to.be.accessible();

    const slices = [...new Set(labels.map((l) => (l.target.image as { index: number }).index))];
    expect(slices.length, 'labels on different slices').to.be.greaterThan(1);
    for (const slice of slices) {
      const here = labels.filter((l) => (l.target.image as { index: number }).index === slice);
      // The patient's way there: the label's "Show image" button in the list.
      const item = root.querySelectorAll('.panel ol > li')[labels.indexOf(here[0]!)]!;
      item.querySelector<HTMLButtonElement>('button.goto')!.click();
      await until(() => viewer.index === slice, 10000, `image ${slice + 1}`);
      await until(() => count(root, '.marker') === here.length, 5000, `${here.length} markers on image ${slice + 1}`);
      const ids = [...root.querySelectorAll<HTMLElement>('.marker')].map((m) => m.dataset.id);
      expect(ids).to.have.members(here.map((l) => l.id));
      expect(count(root, 'ol > li button.goto')).to.equal(labels.length - here.length);
    }
    await settleLayout();
    await expect(viewer).to.be.accessible();
  });

  it('NarrowPhone: numbered markers only, the words in the list, with no axe violations', async () => {
    const { viewer, root } = await mount(stories.NarrowPhone);
    const labels = chestXray.labels.length;
    await until(() => count(root, '.marker') === labels, 5000, `${labels} markers`);
    await settleLayout();
    expect(viewer.getBoundingClientRect().width).to.be.at.most(320);
    expect(count(root, '.tag'), 'no tags on the picture').to.equal(0);
    const items = [...root.querySelectorAll('.panel ol > li')];
    expect(items.length).to.equal(labels);
    chestXray.labels.forEach((label, i) => {
      expect(items[i]!.querySelector('.number')?.textContent?.trim()).to.equal(String(i + 1));
      expect(items[i]!.textContent).to.contain(label.title);
    });
    await expect(viewer).to.be.accessible();
  });

  it('DocumentWithErrors: reports the bad label and the untrusted link, shows the rest, with no axe violations', async () => {
    const { viewer, root, events } = await mount(stories.DocumentWithErrors);
    const doc = stories.documentWithErrors;
    const good = doc.labels.filter((label) => label.id !== 'spine');
    await until(() => count(root, '.marker') === good.length, 5000, `${good.length} markers`);
    await until(() => events.some((e) => e.type === 'pv-link-blocked'), 5000, 'pv-link-blocked');
    await settleLayout();

    const errors = events.filter((e): e is PvAnnotationErrorEvent => e.type === 'pv-annotation-error');
    expect(errors.length).to.equal(1);
    const paths = errors[0]!.detail.problems.map((p) => p.path);
    expect(paths.some((path) => path.startsWith('labels[1]')), paths.join(', ')).to.equal(true);
    expect(errors[0]!.detail.problems.every((p) => p.labelId === undefined || p.labelId === 'spine')).to.equal(true);

    const blocked = events.filter((e): e is PvLinkBlockedEvent => e.type === 'pv-link-blocked');
    expect(blocked.map((e) => e.detail)).to.deep.equal([
      { labelId: 'heart', url: 'https://heart-facts.example.com/your-heart' },
    ]);

    const ids = [...root.querySelectorAll<HTMLElement>('.marker')].map((m) => m.dataset.id);
    expect(ids).to.have.members(good.map((label) => label.id));
    expect(count(root, '.panel ol > li')).to.equal(good.length);
    expect(root.querySelector('.panel')!.textContent).not.to.contain('Your spine');
    // The trusted link is a link; the untrusted one is plain text.
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.links a')].map((a) => a.href);
    expect(links).to.deep.equal(['https://www.nhs.uk/live-well/']);
    expect(root.querySelector('.links .untrusted')?.textContent).to.contain('Heart facts');
    await expect(viewer).to.be.accessible();
  });

  it('NoLabels: shows the summary with its hard words, and no markers, with no axe violations', async () => {
    const { viewer, root } = await mount(stories.NoLabels);
    await until(() => root.querySelector('.panel .summary') !== null, 5000, 'the summary');
    await settleLayout();
    expect(root.querySelector('.summary')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      stories.summaryOnly.summary.replace(/\s+/g, ' '),
    );
    expect(count(root, '.marker')).to.equal(0);
    expect(count(root, '.panel ol > li')).to.equal(0);
    expect([...root.querySelectorAll('.summary button.term')].map((b) => b.textContent)).to.include.members([
      'pneumonia',
      'pleural effusion',
    ]);
    await expect(viewer).to.be.accessible();
  });

  it('[HAZ-001] SensitiveFinding: the finding and summary wait; a care card shows; no axe violations either way', async () => {
    const { viewer, root } = await mount(stories.SensitiveFinding);
    await until(() => root.querySelector('[part="sensitive"]') !== null, 5000, 'the notice');
    await settleLayout();
    expect(count(root, '.panel ol > li')).to.equal(2);
    expect(root.querySelector('[part="care-card"]')).to.exist;
    expect(root.textContent).not.to.contain('small shadow');
    await expect(viewer).to.be.accessible();
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Show me now')!.click();
    await until(() => count(root, '.panel ol > li') === 3, 5000, 'revealed');
    await expect(viewer).to.be.accessible();
  });

  it('TwoSensitiveFindings: one at a time; the dated one stays hidden; no axe violations', async () => {
    const { viewer, root } = await mount(stories.TwoSensitiveFindings);
    await until(() => root.querySelector('[part="sensitive"]') !== null, 5000, 'the notice');
    await settleLayout();
    expect(root.textContent).to.contain('There are 2 things in your report your care team wants to talk through');
    expect(root.textContent).to.contain('You can choose to see this from 1 December 2099');
    expect(root.textContent).not.to.contain('spot');
    await expect(viewer).to.be.accessible();
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Show part 1')!.click();
    await until(() => count(root, '.panel ol > li') === 3, 5000, 'first revealed');
    expect(root.textContent).not.to.contain('tiny spot');
    await expect(viewer).to.be.accessible();
  });

  it('KeepACopyInTheNhsApp: "Keep a copy" with Save this image and Share with a doctor; no Print in the App; no axe violations', async () => {
    const { viewer, root } = await mount(stories.KeepACopyInTheNhsApp);
    await until(() => root.querySelector('[part="copy"]') !== null, 5000, 'Keep a copy');
    const copy = root.querySelector('[part="copy"]')!;
    expect(copy.querySelector('h2')?.textContent?.trim()).to.equal('Keep a copy');
    expect(copy.querySelector('button.save-picture')?.textContent?.trim()).to.equal('Save this image');
    expect(copy.querySelector('legend')?.textContent?.trim()).to.equal('Share with a doctor');
    expect(root.textContent).not.to.contain('Print my questions');
    await expect(viewer).to.be.accessible();
  });
});
