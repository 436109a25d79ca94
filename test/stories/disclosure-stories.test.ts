import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { FindingDisclosure, PatientImageViewer } from '../../src/index.js';
import * as stories from '../../stories/finding-disclosure.stories.js';
import { box, cleanup, loaded, until } from '../support/helpers.js';

/** Every story of the consent step reaches its state and passes axe. */
describe('finding-disclosure stories as fixtures', () => {
  afterEach(cleanup);

  function mount(story: Parameters<typeof stories.disclosureStoryTemplate>[0]): FindingDisclosure {
    const host = box(480, 360);
    render(stories.disclosureStoryTemplate(story), host);
    return host.querySelector('finding-disclosure')!;
  }

  for (const [name, story, phase] of [
    ['Asking', stories.Asking, 'asking'],
    ['WithTalkRoute', stories.WithTalkRoute, 'asking'],
    ['NotNow', stories.NotNow, 'deferred'],
  ] as const) {
    it(`${name}: ${phase}, images held, no axe violations`, async () => {
      const step = mount(story);
      await until(() => step.phase === phase, 5000, phase);
      await new Promise((r) => setTimeout(r, 300));
      const viewer = step.querySelector('patient-image-viewer') as PatientImageViewer;
      expect(viewer.hold).to.equal(true);
      expect(viewer.status).to.equal('idle');
      await expect(step).to.be.accessible();
    });
  }

  for (const [name, story, words] of [
    ['WrappedFinding', stories.WrappedFinding, 'Show me now'],
    ['WrappedFindingDated', stories.WrappedFindingDated, 'You can choose to see it from 1 December 2099'],
  ] as const) {
    it(`${name}: says a finding is there, not what it is; no axe violations`, async () => {
      const host = box(480, 360);
      render(story.render(), host);
      const step = host.querySelector('finding-disclosure')!;
      await until(() => step.phase === 'asking', 5000, 'asking');
      expect(step.shadowRoot!.textContent).to.contain(words);
      expect(step.shadowRoot!.textContent).not.to.contain('shadow');
      expect(step.querySelector('p')!.getClientRects().length).to.equal(0);
      await expect(step).to.be.accessible();
    });
  }

  it('Shown: the remembered choice shows the images and labels, with no axe violations', async () => {
    const step = mount(stories.Shown);
    await until(() => step.phase === 'shown', 5000, 'shown');
    await until(() => Boolean(step.querySelector('patient-image-viewer')?.files), 5000, 'files');
    await loaded(step.querySelector('patient-image-viewer') as PatientImageViewer);
    await expect(step).to.be.accessible();
  });

  // --- issue 17 carer ---
  it('Carer: the step speaks to the helper about the patient, with no axe violations', async () => {
    const host = box(480, 360);
    render(stories.Carer.render(stories.default.args as never), host);
    const step = host.querySelector('finding-disclosure')!;
    await until(() => step.phase === 'asking' && step.shadowRoot!.textContent!.includes("the person's images"), 5000, 'carer words');
    expect(step.shadowRoot!.textContent).to.contain('Show the images');
    expect(step.shadowRoot!.textContent).not.to.match(/\byour images\b/i);
    await expect(step).to.be.accessible();
  });

  it('SignedOut: only "Signed out", the images inside held and cleared, with no axe violations', async () => {
    const host = box(480, 360);
    render(stories.SignedOut.render(stories.default.args as never), host);
    const step = host.querySelector('finding-disclosure')!;
    await until(() => step.shadowRoot!.textContent!.includes('Signed out'), 5000, 'signed out');
    expect(step.shadowRoot!.textContent).not.to.contain('Before you look');
    const viewer = step.querySelector('patient-image-viewer') as PatientImageViewer;
    expect(viewer.status).to.equal('idle');
    await expect(step).to.be.accessible();
  });
});
