import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import chestDoc from '../../examples/annotations/chest-xray.json';
import type { FindingDisclosure, LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { box, cleanup, loaded, nextFrame, until } from '../support/helpers.js';

/**
 * One brand colour for a trust: `--pv-color-brand` carries through the buttons, panels and links of
 * all three elements (docs/theming.md: "buttons, links, the slider"), unless a more specific
 * property is set. A designer who sets only the brand must not get a mix with NHS blue left over.
 */
const NHS_BLUE = 'rgb(0, 94, 184)';
const NHS_HOVER = 'rgb(217, 231, 244)';
const BRAND = 'rgb(0, 112, 60)';

/** The chest labels, with a link on the first label and a hard word in the summary. */
const doc = {
  ...chestDoc,
  summary: `${chestDoc.summary} Your diaphragm looks normal.`,
  labels: chestDoc.labels.map((label, i) =>
    i === 0 ? { ...label, links: [{ title: 'Lungs on the NHS website', url: 'https://www.nhs.uk/conditions/lung-health/' }] } : label,
  ),
};

/** Every element in `root`, through every shadow root. */
function everyElement(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...everyElement(el.shadowRoot));
  }
  return found;
}

const COLOUR_PROPERTIES = [
  'color',
  'background-color',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'accent-color',
  'fill',
  'stroke',
  'box-shadow',
] as const;

/** Where a colour appears: "tag.class property", for each element (and property) that paints `colour`. */
function paintedWith(root: ParentNode, colour: string): string[] {
  const places: string[] = [];
  for (const el of everyElement(root)) {
    const style = getComputedStyle(el);
    for (const property of COLOUR_PROPERTIES) {
      if (style.getPropertyValue(property).includes(colour)) {
        places.push(`${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''} ${property}`);
      }
    }
  }
  return places;
}

interface Page {
  host: HTMLDivElement;
  asking: FindingDisclosure;
  finding: FindingDisclosure;
  shown: FindingDisclosure;
  viewer: PatientImageViewer;
  layer: LayAnnotationLayer;
}

/** The three elements in every state that paints in the brand: a consent step asking, a finding step, a step once shown, and a viewer with labels. */
async function mountAll(brand?: string): Promise<Page> {
  const host = box(900, 1800);
  if (brand) host.style.setProperty('--pv-color-brand', brand);
  const asking = document.createElement('finding-disclosure');
  asking.modality = 'CR';
  const finding = document.createElement('finding-disclosure');
  finding.scope = 'finding';
  finding.append(Object.assign(document.createElement('p'), { textContent: 'A finding.' }));
  const shown = document.createElement('finding-disclosure');
  shown.append(Object.assign(document.createElement('p'), { textContent: 'Shown.' }));
  const viewer = document.createElement('patient-image-viewer');
  viewer.loading = 'eager';
  viewer.src = '/__synthetic/chest-xray.dcm';
  const layer = document.createElement('lay-annotation-layer');
  layer.annotations = doc;
  viewer.append(layer);
  host.append(asking, finding, shown, viewer);
  // Listen before waiting on the steps: the picture may well be drawn first.
  const drawn = loaded(viewer);

  await until(() => asking.shadowRoot?.querySelector('.panel') != null && finding.shadowRoot?.querySelector('.panel') != null, 5000, 'the steps');
  await until(() => shown.shadowRoot?.querySelector('button') != null, 5000, 'the third step');
  shown.shadowRoot!.querySelector('button')!.click();
  await until(() => shown.shadowRoot?.querySelector('[part="shown"]') != null, 5000, 'the step once shown');
  await drawn;
  await until(() => layer.shadowRoot?.querySelector('[part="panel"] a[href]') != null, 5000, 'the labels with their link');
  await until(() => layer.shadowRoot?.querySelector('svg .region-fill') != null, 5000, 'the body drawing');
  await nextFrame();
  return { host, asking, finding, shown, viewer, layer };
}

const q = (el: Element, selector: string) => {
  const found = el.shadowRoot!.querySelector(selector);
  if (!found) throw new Error(`${el.localName} has no ${selector}`);
  return getComputedStyle(found);
};

/** The places a trust's brand must reach, with the colour each shows. */
function brandPlaces(page: Page): Record<string, string> {
  const toolbarButton = q(page.viewer, '[part="controls"] button');
  const highlight = page.layer.shadowRoot!.querySelector('svg .region-fill');
  return {
    'consent step: panel background': q(page.asking, '.panel').backgroundColor,
    'finding step: panel edge': q(page.finding, '.panel').borderLeftColor,
    'finding step: button text': q(page.finding, '.panel button').color,
    'step once shown: "Hide my images" text': q(page.shown, '[part="shown"] button').color,
    'step once shown: "Hide my images" border': q(page.shown, '[part="shown"] button').borderTopColor,
    'viewer: toolbar button text': toolbarButton.color,
    'viewer: toolbar button border': toolbarButton.borderTopColor,
    'layer: link': q(page.layer, '[part="panel"] a[href]').color,
    'layer: body drawing highlight': highlight ? getComputedStyle(highlight).fill : 'no highlight found',
  };
}

describe('one brand colour for every element', () => {
  afterEach(async () => {
    await resetMouse();
    cleanup();
  });

  it('with no brand set, the NHS look: those places are NHS blue', async () => {
    const page = await mountAll();
    for (const [place, colour] of Object.entries(brandPlaces(page))) expect(colour, place).to.equal(NHS_BLUE);
  });

  it('--pv-color-brand alone recolours buttons, panels and links of all three elements, and leaves no NHS blue anywhere', async () => {
    const page = await mountAll(BRAND);
    for (const [place, colour] of Object.entries(brandPlaces(page))) expect(colour, place).to.equal(BRAND);
    expect(paintedWith(page.host, NHS_BLUE), 'still NHS blue').to.deep.equal([]);
    expect(paintedWith(page.host, BRAND).length, 'painted in the brand').to.be.greaterThan(10);

    // Hovering a toolbar button gives a pale tint of the brand, not the NHS pale blue.
    const button = page.viewer.shadowRoot!.querySelector<HTMLButtonElement>('[part="controls"] button:not([disabled])')!;
    button.scrollIntoView({ block: 'center' });
    await nextFrame();
    const rect = button.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
    await until(() => button.matches(':hover'), 2000, 'the hover');
    const probe = document.createElement('div');
    probe.style.backgroundColor = `color-mix(in srgb, ${BRAND} 15%, #ffffff)`;
    page.host.append(probe);
    const hover = getComputedStyle(button).backgroundColor;
    expect(hover, 'hover background').to.equal(getComputedStyle(probe).backgroundColor);
    expect(hover).to.not.equal(NHS_HOVER);
  });

  it('a more specific property still wins over the brand', async () => {
    const page = await mountAll(BRAND);
    page.host.style.setProperty('--pv-button-text-color', 'rgb(1, 2, 3)');
    page.host.style.setProperty('--pv-interruption-background', 'rgb(4, 5, 6)');
    page.host.style.setProperty('--pv-body-map-highlight', 'rgb(7, 8, 9)');
    const places = brandPlaces(page);
    expect(places['viewer: toolbar button text']).to.equal('rgb(1, 2, 3)');
    expect(places['viewer: toolbar button border'], 'border still the brand').to.equal(BRAND);
    expect(places['consent step: panel background']).to.equal('rgb(4, 5, 6)');
    expect(places['layer: body drawing highlight']).to.equal('rgb(7, 8, 9)');
    expect(places['layer: link'], 'links still the brand').to.equal(BRAND);
  });
});
