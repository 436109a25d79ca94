import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { PatientImageViewer } from '../../src/index.js';
import * as stories from '../../stories/patient-image-viewer.stories.js';
import { box, cleanup, loaded } from '../support/helpers.js';

// In the no-WebGL browser: the NoWebGL story draws on the CPU and passes axe.
describe('NoWebGL story as a fixture', () => {
  afterEach(cleanup);

  it('draws on the CPU with no axe violations', async () => {
    const host = box(480, 360);
    render(stories.storyTemplate(stories.NoWebGL), host);
    const el = host.querySelector('patient-image-viewer') as PatientImageViewer;
    expect((await loaded(el)).detail.renderer).to.equal('cpu');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
