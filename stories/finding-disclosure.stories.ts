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
import type { ChoiceStore, Messages } from '../src/index.js';
import { syntheticFiles } from './patient-image-viewer.stories.js';

export interface DisclosureArgs {
  modality: string;
  talkHref: string;
  scope: 'study' | 'finding';
  studyKey: string;
  findingId: string;
  /** The older name of `findingId`. */
  findingKey: string;
  storage: 'memory' | 'session' | 'local';
  notBefore: string;
  headingLevel: number;
  /** Who is looking: the patient (`self`) or a parent, carer or helper (`carer`), issue 17. */
  viewerRole: 'self' | 'carer';
  messages?: Messages;
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
    scope=${args.scope ?? 'study'}
    finding-id=${args.findingId ?? ''}
    finding-key=${args.findingKey ?? ''}
    not-before=${args.notBefore ?? ''}
    heading-level=${args.headingLevel ?? 2}
    .viewerRole=${args.viewerRole === 'carer' ? 'carer' : undefined}
    .messages=${args.messages}
    study-key=${args.remembered === 'none' ? (args.studyKey ?? '') : 'story-study'}
    .storage=${args.remembered === 'none' ? (args.storage ?? 'memory') : rememberedStore(args.remembered)}
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
  title: 'Consent step',
  component: 'finding-disclosure',
  // Helpers and fixtures start with a lower-case letter; stories with a capital.
  excludeStories: /^[a-z]/,
  render: renderDisclosure,
  args: {
    modality: 'DX',
    talkHref: '',
    scope: 'study',
    studyKey: '',
    findingId: '',
    findingKey: '',
    storage: 'memory',
    notBefore: '',
    headingLevel: 2,
    viewerRole: 'self',
    remembered: 'none',
  },
  argTypes: {
    modality: { control: 'select', options: ['CR', 'DX', 'CT', 'MR', 'US', 'NM'] },
    talkHref: { control: 'text' },
    scope: { control: 'inline-radio', options: ['study', 'finding'] },
    studyKey: { control: 'text' },
    findingId: { control: 'text' },
    findingKey: { control: 'text' },
    storage: { control: 'inline-radio', options: ['memory', 'session', 'local'] },
    notBefore: { control: 'text' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    viewerRole: { control: 'inline-radio', options: ['self', 'carer'] },
    remembered: {
      description: 'Story only: a choice the patient made before, as if remembered (sets a study key and a store).',
      control: 'inline-radio',
      options: ['none', 'reveal', 'defer'],
      table: { category: 'story' },
    },
    // An object: set from code, not editable as text.
    messages: { control: false },
    // Attribute spellings of the properties above, and a read-only getter: nothing to set.
    ...Object.fromEntries(['talk-href', 'study-key', 'finding-id', 'finding-key', 'not-before', 'heading-level', 'viewer-role', 'phase'].map((name) => [name, { table: { disable: true } }])),
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

/** `scope="finding"`: one finding in the report, wrapped; told it is there, not what it is. */
export const WrappedFinding = {
  render: () => html`<finding-disclosure scope="finding">
    <h3>About the shadow</h3>
    <p>There is a small shadow in your right lung. Your care team will talk to you about what it means.</p>
  </finding-disclosure>`,
} satisfies Story;

/** A wrapped finding the portal has dated: the patient is told from when they can see it. */
export const WrappedFindingDated = {
  render: () => html`<finding-disclosure scope="finding" not-before="2099-12-01">
    <p>There is a small shadow in your right lung.</p>
  </finding-disclosure>`,
} satisfies Story;

/**
 * Issue 17: a parent or carer is looking (`viewer-role="carer"` on a container): the step speaks to
 * them about the patient ("Before you look at the person's images", "Show the images").
 */
export const Carer = {
  render: (args: DisclosureArgs) => html`<div viewer-role="carer">${renderDisclosure({ ...meta.args, ...args } as DisclosureArgs)}</div>`,
} satisfies Story;

/**
 * Issue 17: after `clear()` (sign-out, an inactivity time-out): nothing of the patient's is left,
 * only "Signed out", until a study key is set again.
 */
export const SignedOut = {
  render: (args: DisclosureArgs) => {
    const template = renderDisclosure({ ...meta.args, ...args } as DisclosureArgs);
    queueMicrotask(() => void (document.querySelector('finding-disclosure') as (HTMLElement & { clear(): Promise<void> }) | null)?.clear());
    return template;
  },
} satisfies Story;
