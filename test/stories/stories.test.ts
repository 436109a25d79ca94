import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { PatientImageViewer } from '../../src/index.js';
import * as stories from '../../stories/patient-image-viewer.stories.js';
import { box, cleanup, settle, until } from '../support/helpers.js';

/** Every story is a fixture: it reaches its state, and axe finds nothing in it. */
async function mount(story: Parameters<typeof stories.storyTemplate>[0]): Promise<PatientImageViewer> {
  const host = box(480, 360);
  render(stories.storyTemplate(story), host);
  const el = host.querySelector('patient-image-viewer') as PatientImageViewer;
  expect(el, 'the story renders a viewer').to.exist;
  return el;
}

describe('stories as fixtures', () => {
  afterEach(cleanup);

  for (const [name, story, expected] of [
    ['Loaded', stories.Loaded, 'pv-load'],
    ['LoadedStack', stories.LoadedStack, 'pv-load'],
    ['Error', stories.Error, 'pv-error'],
    ['Themed', stories.Themed, 'pv-load'],
  ] as const) {
    it(`${name}: reaches its state with no axe violations`, async () => {
      const el = await mount(story);
      const event = await settle(el);
      expect(event.type).to.equal(expected);
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('Loading: stays loading, with no axe violations', async () => {
    const el = await mount(stories.Loading);
    await until(() => el.status === 'loading', 5000, 'loading');
    await new Promise((r) => setTimeout(r, 500));
    expect(el.status).to.equal('loading');
    await expect(el).to.be.accessible();
  });

  it('Themed: the trust colours reach the viewer through --pv-* properties only', async () => {
    const el = await mount(stories.Themed);
    await settle(el);
    const brand = getComputedStyle(el).getPropertyValue('--pv-color-brand').trim();
    expect(brand).to.not.equal('');
    const button = el.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(button).borderTopColor).to.not.equal('rgb(0, 94, 184)');
  });
});
