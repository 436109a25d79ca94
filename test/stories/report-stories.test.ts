import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { LayReport, PatientImageViewer, PvReportErrorEvent } from '../../src/index.js';
import * as stories from '../../stories/lay-report.stories.js';
import { box, cleanup, loaded, until } from '../support/helpers.js';
import { deepText } from '../lay-report/support.js';

/** Every story is a fixture: it reaches its state (ready, or the error it shows), and axe finds nothing. */
async function mount(story: Parameters<typeof stories.reportStoryTemplate>[0]) {
  const host = box(720, 360);
  const errors: PvReportErrorEvent[] = [];
  host.addEventListener('pv-report-error', (event) => errors.push(event));
  render(stories.reportStoryTemplate(story), host);
  const report = host.querySelector('lay-report') as LayReport;
  expect(report, 'the story renders a report').to.exist;
  await until(() => report.status === 'ready' || report.status === 'error', 10000, 'report ready or failed');
  await report.updateComplete;
  const viewer = host.querySelector('patient-image-viewer') as PatientImageViewer | null;
  if (viewer) await loaded(viewer);
  await report.updateComplete;
  return { host, report, root: report.shadowRoot!, viewer, errors };
}

describe('report stories as fixtures', () => {
  afterEach(cleanup);

  it('PlainText: headings in plain words, term buttons, who added the meanings; no axe violations', async () => {
    const { report, root } = await mount(stories.PlainText);
    expect(report.status).to.equal('ready');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.include.members(['What the scan showed', 'What it means']);
    expect(root.querySelectorAll('button.term').length).to.be.greaterThan(3);
    expect(root.querySelector('.explained')!.textContent).to.contain('Example NHS Foundation Trust');
    await expect(report).to.be.accessible();
  });

  it('FhirDiagnosticReport: the report text and conclusion, never the names in the resource', async () => {
    const { report, host } = await mount(stories.FhirDiagnosticReport);
    expect(report.status).to.equal('ready');
    const text = deepText(host);
    expect(text).to.contain('No acute intracranial abnormality.');
    for (const name of ['Storyperson', 'Storyteller', 'Jane']) expect(text).to.not.contain(name);
    await expect(report).to.be.accessible();
  });

  it('ImrWithImageLinks: image links beside sentences move the viewer; the sensitive paragraph waits', async () => {
    const { report, root, viewer } = await mount(stories.ImrWithImageLinks);
    await until(() => root.querySelectorAll('button.image-link').length >= 2, 5000, 'image links');
    const link = [...root.querySelectorAll<HTMLButtonElement>('button.image-link')].find((b) => b.textContent!.trim() === 'Show image 15')!;
    link.click();
    await until(() => viewer!.index === 14, 5000, 'image 15 showing');
    expect(root.querySelectorAll('finding-disclosure').length).to.equal(1);
    expect(deepText(root)).to.not.contain('maxillary');
    await expect(report).to.be.accessible();
  });

  it('SensitiveWaiting: the marked sentence is not in the page; no axe violations', async () => {
    const { report, host, root } = await mount(stories.SensitiveWaiting);
    const gate = root.querySelector('finding-disclosure') as HTMLElement & { phase: string };
    await until(() => gate.phase === 'asking', 5000, 'asking');
    expect(deepText(host)).to.not.contain('Malignancy cannot be excluded');
    await expect(report).to.be.accessible();
  });

  it('ImpressionHeld: the impression waits; image links on the findings still work', async () => {
    const { report, host, root } = await mount(stories.ImpressionHeld);
    await until(() => root.querySelectorAll('button.image-link').length === 3, 5000, 'image links');
    expect(deepText(host)).to.not.contain('No acute intracranial abnormality');
    await expect(report).to.be.accessible();
  });

  it('Welsh: Welsh headings; no axe violations', async () => {
    const { report, root } = await mount(stories.Welsh);
    await until(() => [...root.querySelectorAll('h3')].some((h) => h.textContent!.trim() === 'Beth ddangosodd y sgan'), 5000, 'Welsh');
    await expect(report).to.be.accessible();
  });

  it('NotAReport: a plain message and pv-report-error not-text; no axe violations', async () => {
    const { report, errors, root } = await mount(stories.NotAReport);
    expect(report.status).to.equal('error');
    expect(errors.map((e) => e.detail.type)).to.deep.equal(['not-text']);
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('This file is not a report we can show.');
    await expect(report).to.be.accessible();
  });
});
