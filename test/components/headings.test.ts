/** Headings fit the portal's page outline (WCAG 1.3.1): `heading-level` on every element. */
import { expect } from '@open-wc/testing';
import chestDoc from '../../examples/annotations/chest-xray.json';
import type { FindingDisclosure, LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { box, cleanup, loaded, nextEvent, until } from '../support/helpers.js';

const levels = (root: ShadowRoot) =>
  [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent!.trim().replace(/\s+/g, ' ')}`);

describe('heading-level (WCAG 1.3.1)', () => {
  afterEach(cleanup);

  it('<finding-disclosure heading-level="3"> uses h3, before and after the choice; default h2', async () => {
    const el = document.createElement('finding-disclosure') as FindingDisclosure;
    el.setAttribute('heading-level', '3');
    box(600, 400).append(el);
    await until(() => el.phase === 'asking', 3000, 'asking');
    await el.updateComplete;
    expect(levels(el.shadowRoot!)).to.deep.equal(['h3 Before you look at your images']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => el.phase === 'shown', 3000, 'shown');
    await el.updateComplete;
    expect(levels(el.shadowRoot!)[0]).to.match(/^h3 /);
    expect(el.shadowRoot!.activeElement?.localName, 'focus on the heading').to.equal('h3');
    const plain = document.createElement('finding-disclosure') as FindingDisclosure;
    box(600, 400).append(plain);
    await until(() => plain.phase === 'asking', 3000, 'asking');
    await plain.updateComplete;
    expect(levels(plain.shadowRoot!)[0]).to.match(/^h2 /);
  });

  it('<lay-annotation-layer heading-level="4">: its headings are h4 and those below them h5', async () => {
    const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
    viewer.loading = 'eager';
    viewer.src = '/__synthetic/chest-xray.dcm';
    const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
    layer.setAttribute('heading-level', '4');
    const sensitive = (id: string) => ({ ...chestDoc.labels[0]!, id, sensitivity: 'sensitive' });
    layer.annotations = { ...chestDoc, labels: [...chestDoc.labels, sensitive('s1'), sensitive('s2')], careCard: { level: 'non-urgent', heading: 'Speak to a GP if:', text: 'You have a cough.' } };
    viewer.append(layer);
    box(640, 480).append(viewer);
    await loaded(viewer);
    await until(() => layer.shadowRoot!.querySelectorAll('ol > li').length > 0, 5000, 'labels');
    const found = levels(layer.shadowRoot!);
    expect(found.length).to.be.greaterThan(3);
    for (const h of found) expect(h, h).to.match(/^h[45] /);
    expect(found.filter((h) => h.startsWith('h5 ')).length, 'finding names one level down').to.equal(2);
    expect(found).to.include('h4 Labels on your image');
    await expect(viewer).to.be.accessible();
  });

  it('<lay-report heading-level="3">: its title is h3, the report\'s sections h4, and a held part\'s step h4', async () => {
    const report = document.createElement('lay-report') as HTMLElement & { text: string; sensitive: unknown[]; updateComplete: Promise<boolean> };
    report.setAttribute('heading-level', '3');
    report.text = 'FINDINGS:\nThe lungs are clear.\nThere is a 12 mm nodule in the right upper lobe.\n\nIMPRESSION:\nNo acute abnormality.';
    report.sensitive = [{ match: 'There is a 12 mm nodule', findingId: 'f-1' }];
    box(600, 800).append(report);
    await until(() => report.shadowRoot!.querySelector('finding-disclosure')?.shadowRoot?.querySelector('h1, h2, h3, h4, h5, h6') != null, 5000, 'the report');
    await report.updateComplete;
    const own = levels(report.shadowRoot!);
    expect(own[0]).to.match(/^h3 /);
    expect(own.slice(1).length).to.be.greaterThan(0);
    for (const h of own.slice(1)) expect(h, h).to.match(/^h4 /);
    const step = report.shadowRoot!.querySelector('finding-disclosure')!;
    expect(levels(step.shadowRoot!)[0]).to.match(/^h4 /);
    await expect(report).to.be.accessible();
  });

  it('<patient-image-viewer heading-level="3">: the error heading is h3', async () => {
    const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
    viewer.loading = 'eager';
    viewer.setAttribute('heading-level', '3');
    viewer.src = '/__fault/status/500';
    box(400, 300).append(viewer);
    await nextEvent(viewer, 'pv-error');
    await viewer.updateComplete;
    expect(levels(viewer.shadowRoot!)).to.deep.equal(['h3 Sorry, we cannot show this image']);
  });
});
