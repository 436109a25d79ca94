/**
 * One story per state of `<finding-disclosure>`: asking, "not now", shown (with the viewer and its
 * labels), and with a route to talk to someone. Reused as test fixtures through
 * `disclosureStoryTemplate(Story)`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import chestXray from '../examples/annotations/chest-xray.json';
import '../src/define.js';
import type { ChoiceStore } from '../src/index.js';
import { syntheticFiles } from './patient-image-viewer.stories.js';

export interface DisclosureArgs {
  modality: string;
  talkHref: string;
  /** Story only: a choice the patient made before (as if remembered), or none. */
  remembered: 'none' | 'reveal' | 'defer';
}

/** A store that remembers one earlier choice, to show the states after a choice. */
function rememberedStore(choice: DisclosureArgs['remembered']): ChoiceStore | 'memory' {
  if (choice === 'none') return 'memory';
  const value = JSON.stringify({ choice, at: '2026-11-01T09:00:00.000Z' });
  return { get: () => value, set: () => undefined, delete: () => undefined };
}

export function renderDisclosure(args: DisclosureArgs): TemplateResult {
  const files = syntheticFiles('chest-xray');
  return html`<finding-disclosure
    modality=${args.modality}
    talk-href=${args.talkHref}
    study-key=${args.remembered === 'none' ? '' : 'story-study'}
    .storage=${rememberedStore(args.remembered)}
  >
    ${until(
      files.then(
        (list) => html`<patient-image-viewer loading="eager" .files=${list}>
          <lay-annotation-layer .annotations=${chestXray}></lay-annotation-layer>
        </patient-image-viewer>`,
      ),
      html`<patient-image-viewer loading="eager"></patient-image-viewer>`,
    )}
  </finding-disclosure>`;
}

const meta = {
  title: 'finding-disclosure',
  component: 'finding-disclosure',
  render: renderDisclosure,
  args: { modality: 'DX', talkHref: '', remembered: 'none' },
  argTypes: {
    modality: { control: 'select', options: ['CR', 'DX', 'CT', 'MR', 'US', 'NM'] },
    remembered: { control: 'inline-radio', options: ['none', 'reveal', 'defer'] },
  },
} satisfies Meta<DisclosureArgs>;

export default meta;
type Story = StoryObj<DisclosureArgs>;

export function disclosureStoryTemplate(story: { args?: Partial<DisclosureArgs> }, overrides: Partial<DisclosureArgs> = {}) {
  return renderDisclosure({ ...meta.args, ...story.args, ...overrides } as DisclosureArgs);
}

/** Asking: the step before the images. Nothing behind it has loaded. */
export const Asking = {} satisfies Story;

/** With a route to talk to someone first ("I'd rather talk to someone first"). */
export const WithTalkRoute = { args: { talkHref: '#talk' } } satisfies Story;

/** "Not now": the patient chose to wait; the way back is one button. */
export const NotNow = { args: { remembered: 'defer' } } satisfies Story;

/** Shown: the patient chose to see the images; "Hide my images" puts them away. */
export const Shown = { args: { remembered: 'reveal' } } satisfies Story;
