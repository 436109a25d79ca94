/**
 * One story per state of `<lay-annotation-layer>`, always as a child of `<patient-image-viewer>`.
 * The stories double as test fixtures: import a story and render it with
 * `layerStoryTemplate(Story)` (meta args, then the story's args, then yours).
 *
 * The images are the synthetic ones the viewer's stories use (made in the browser by
 * scripts/synthetic.mjs), and the documents are the examples in examples/annotations/. No real
 * patient data.
 */
import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { until } from 'lit/directives/until.js';
import chestXray from '../examples/annotations/chest-xray.json';
import ctHead from '../examples/annotations/ct-head.json';
import '../src/define.js';
import type {
  Messages,
  PvAnnotationErrorEvent,
  PvErrorEvent,
  PvLabelSelectEvent,
  PvLinkBlockedEvent,
  PvLoadEvent,
  PvShareRequestEvent,
} from '../src/index.js';
import { syntheticFiles, type SyntheticImage } from './patient-image-viewer.stories.js';

/** The story args: the layer's settable properties, the viewer's image, and `--pv-*` styles. */
export interface LayerArgs {
  /** Story only: the synthetic image the viewer shows. */
  image: Exclude<SyntheticImage, 'none'>;
  /** Story only: the width of the box round the viewer (any CSS length); empty for the full width. */
  containerWidth: string;
  /** The annotation document, as an object (the layer's `annotations` property). */
  annotations?: unknown;
  /** URL of an annotation document, used when `annotations` is not set. */
  src: string;
  trustedDomains: string[];
  hold: boolean;
  noQuestions: boolean;
  studyKey: string;
  storage: 'memory' | 'session' | 'local';
  questionRecipient: string;
  questionNextSteps: string;
  headingLevel: number;
  /** Who is looking: the patient (`self`) or a parent, carer or helper (`carer`), issue 17. */
  viewerRole: 'self' | 'carer';
  /** Where it runs: `auto`, `nhs-app` or `web` (issue 17). */
  platform: 'auto' | 'nhs-app' | 'web';
  /** Offer "Share with a doctor" (`pv-share-request`). */
  share: boolean;
  messages?: Messages;
  onPvLoad?: (event: PvLoadEvent) => void;
  onPvError?: (event: PvErrorEvent) => void;
  onPvAnnotationError?: (event: PvAnnotationErrorEvent) => void;
  onPvLinkBlocked?: (event: PvLinkBlockedEvent) => void;
  onPvLabelSelect?: (event: PvLabelSelectEvent) => void;
  onPvShareRequest?: (event: PvShareRequestEvent) => void;
  /** Any CSS custom property (`--pv-*`), set as an inline style on the viewer; the layer inherits it. */
  [customProperty: `--${string}`]: string | undefined;
}

/**
 * A chest document with two mistakes a portal might make: label 2 points at a place that cannot
 * be (a negative column, a row in words), and label 1 links to a site that is not on the trusted
 * list. The good labels still show; the untrusted link shows as plain text.
 */
export const documentWithErrors = {
  version: 1,
  summary: 'Your chest X-ray looks normal. You do not need to do anything.',
  labels: [
    {
      ...chestXray.labels.find((label) => label.id === 'heart')!,
      links: [
        { title: 'Keeping your heart healthy on the NHS website', url: 'https://www.nhs.uk/live-well/' },
        { title: 'Heart facts from a site we do not know', url: 'https://heart-facts.example.com/your-heart' },
      ],
    },
    {
      id: 'spine',
      kind: 'anatomy',
      title: 'Your spine',
      target: { image: { index: 0 }, point: { column: -20, row: 'middle' } },
    },
    chestXray.labels.find((label) => label.id === 'right-lung')!,
    chestXray.labels.find((label) => label.id === 'left-lung')!,
  ],
};

/** A summary and no labels: hard words in it can still be explained. */
export const summaryOnly = {
  version: 1,
  summary:
    'Your chest X-ray looks normal. There is no sign of pneumonia, and no fluid around your lungs ' +
    '(pleural effusion). You do not need to do anything.',
  labels: [],
};

/** Renders a viewer showing a synthetic image, with the layer inside it. */
export function renderLayer(args: LayerArgs): TemplateResult {
  const customProperties = Object.fromEntries(
    Object.entries(args).filter(
      (entry): entry is [string, string] => entry[0].startsWith('--') && typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
  const viewer = html`<patient-image-viewer
    loading="eager"
    style=${styleMap(customProperties)}
    .files=${until(syntheticFiles(args.image ?? 'chest-xray'), null)}
    @pv-load=${args.onPvLoad}
    @pv-error=${args.onPvError}
  >
    <lay-annotation-layer
      .annotations=${args.annotations}
      .src=${args.src ?? ''}
      .trustedDomains=${args.trustedDomains ?? []}
      ?hold=${args.hold ?? false}
      ?no-questions=${args.noQuestions ?? false}
      study-key=${args.studyKey ?? ''}
      storage=${args.storage ?? 'memory'}
      question-recipient=${args.questionRecipient ?? ''}
      question-next-steps=${args.questionNextSteps ?? ''}
      heading-level=${args.headingLevel ?? 2}
      .viewerRole=${args.viewerRole === 'carer' ? 'carer' : undefined}
      platform=${args.platform ?? 'auto'}
      ?share=${args.share ?? false}
      .messages=${args.messages}
      @pv-annotation-error=${args.onPvAnnotationError}
      @pv-link-blocked=${args.onPvLinkBlocked}
      @pv-label-select=${args.onPvLabelSelect}
      @pv-share-request=${args.onPvShareRequest}
    ></lay-annotation-layer>
  </patient-image-viewer>`;
  return args.containerWidth
    ? html`<div class="story-container" style=${styleMap({ width: args.containerWidth })}>${viewer}</div>`
    : viewer;
}

/** Controls for manifest entries that the story args do not carry as text. */
const manifestOnlyArgTypes: ArgTypes = {
  messages: { control: false },
  // A read-only getter, and attribute spellings of properties with controls: nothing more to set.
  ...Object.fromEntries(
    ['labelCount', 'no-questions', 'study-key', 'question-recipient', 'question-next-steps', 'heading-level', 'viewer-role'].map((name) => [
      name,
      { table: { disable: true } },
    ]),
  ),
};

/**
 * The Actions panel logs these events. The layer's come from the manifest too, but under the arg
 * name; the viewer's are not in this component's manifest entry.
 */
const eventArgTypes: ArgTypes = Object.fromEntries(
  (
    [
      ['onPvLoad', 'pv-load'],
      ['onPvError', 'pv-error'],
      ['onPvAnnotationError', 'pv-annotation-error'],
      ['onPvLinkBlocked', 'pv-link-blocked'],
      ['onPvLabelSelect', 'pv-label-select'],
      ['onPvShareRequest', 'pv-share-request'],
    ] as const
  ).map(([arg, event]) => [arg, { action: event, table: { disable: true } }]),
);

const meta = {
  title: 'Annotation layer',
  component: 'lay-annotation-layer',
  // Helpers and fixtures start with a lower-case letter; stories with a capital.
  excludeStories: /^[a-z]/,
  render: renderLayer,
  args: {
    image: 'chest-xray',
    containerWidth: '',
    src: '',
    trustedDomains: [],
    hold: false,
    noQuestions: false,
    studyKey: '',
    storage: 'memory',
    questionRecipient: '',
    questionNextSteps: '',
    headingLevel: 2,
    viewerRole: 'self',
    platform: 'auto',
    share: false,
  },
  argTypes: {
    image: {
      name: 'image',
      description: 'Story only: a synthetic image, made in the browser and passed to the viewer\u2019s `files` property.',
      control: 'inline-radio',
      options: ['chest-xray', 'ct-head'],
      table: { category: 'story' },
    },
    containerWidth: {
      name: 'containerWidth',
      description: 'Story only: the width of the box round the viewer (a CSS length, like `320px`); empty for the full width.',
      control: 'text',
      table: { category: 'story' },
    },
    annotations: { control: 'object' },
    src: { control: 'text' },
    trustedDomains: { control: 'object' },
    hold: { control: 'boolean' },
    noQuestions: { control: 'boolean' },
    studyKey: { control: 'text' },
    storage: { control: 'inline-radio', options: ['memory', 'session', 'local'] },
    questionRecipient: { control: 'text' },
    questionNextSteps: { control: 'text' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    viewerRole: { control: 'inline-radio', options: ['self', 'carer'] },
    platform: { control: 'inline-radio', options: ['auto', 'nhs-app', 'web'] },
    share: { control: 'boolean' },
    ...manifestOnlyArgTypes,
    ...eventArgTypes,
  },
} satisfies Meta<LayerArgs>;

export default meta;

type Story = StoryObj<LayerArgs>;

/**
 * Render a story outside Storybook (tests, demos): meta args, then the story's args, then
 * `overrides`. The template's root is the `<patient-image-viewer>` (or, when `containerWidth` is
 * set, a box round it); the `<lay-annotation-layer>` is its child.
 */
export function layerStoryTemplate(
  story: { args?: Partial<LayerArgs>; render?: (args: LayerArgs) => TemplateResult },
  overrides: Partial<LayerArgs> = {},
): TemplateResult {
  const args = { ...meta.args, ...story.args, ...overrides } as LayerArgs;
  return (story.render ?? renderLayer)(args);
}

/**
 * The synthetic chest X-ray with examples/annotations/chest-xray.json: five numbered markers with
 * short labels beside them and dashed outlines, "Your right" and "Your left" at the edges, a scale
 * bar, a body drawing with the chest marked, the summary and the list of labels. Zoom or move the
 * picture and the markers stay on their points.
 */
export const ChestXrayAnatomy = {
  args: { image: 'chest-xray', annotations: chestXray },
} satisfies Story;

/**
 * The synthetic 40-slice CT head with examples/annotations/ct-head.json. The labels are on
 * different slices (images 5, 15 and 21), so image 1 shows no markers: the list says which image
 * each label is on, with a "Show image" button. Choose one, or move through the slices, and the
 * markers for that slice appear. Square markers are findings from the report.
 */
export const CtFindingsOnSlices = {
  args: { image: 'ct-head', annotations: ctHead },
} satisfies Story;

/**
 * The chest X-ray in a 320 px wide box, as on a small phone. There is no room for words on the
 * picture, so it shows numbered markers only; the words are in the numbered list below.
 */
export const NarrowPhone = {
  args: { image: 'chest-xray', annotations: chestXray, containerWidth: '320px' },
} satisfies Story;

/**
 * A document with one bad label (a point that cannot be) and one link to a site that is not
 * trusted. The bad label is left out and the rest still show; the untrusted link is plain text.
 * The Actions panel shows `pv-annotation-error` (every problem, with the field's path) and
 * `pv-link-blocked`.
 */
export const DocumentWithErrors = {
  args: { image: 'chest-xray', annotations: documentWithErrors },
} satisfies Story;

/**
 * "Keep a copy" (issue 17) as inside the NHS App (`platform="nhs-app"`): "Save this image" makes a
 * PNG of the picture with the labels the patient can see, the orientation words, the scale and a
 * caption; "Share with a doctor" lets the patient choose what and asks the portal (`pv-share-request`
 * in the Actions panel; nothing is uploaded). Saved questions can be saved as a text file, and
 * "Print my questions" is not offered, as the App cannot print. Storybook has no App script, so the
 * copy comes as a normal download here; inside the App it goes through `nhsapp.storage.downloadFromBytes`.
 */
export const KeepACopyInTheNhsApp = {
  args: { image: 'chest-xray', annotations: chestXray, platform: 'nhs-app', share: true },
} satisfies Story;

/** A summary of the report and no labels: no markers, and the hard words in the summary are explained. */
export const NoLabels = {
  args: { image: 'chest-xray', annotations: summaryOnly },
} satisfies Story;

/**
 * A document with a finding marked sensitive and "when to get help" advice: the finding, and the
 * summary that may mention it, wait until the patient chooses "Show me now".
 */
export const sensitiveFinding = {
  version: 1,
  summary: 'There is a small shadow in your right lung. Your care team will talk to you about it.',
  careCard: {
    level: 'non-urgent',
    heading: 'Contact your GP surgery if:',
    text: 'You have a cough that does not go away, or you feel more out of breath than usual.',
  },
  labels: [
    chestXray.labels[0]!,
    chestXray.labels[2]!,
    {
      id: 'shadow',
      kind: 'finding',
      sensitivity: 'sensitive',
      title: 'A small shadow',
      description: 'A small shadow in your right lung. Your care team will explain what it means.',
      target: { image: { index: 0 }, point: { column: 150, row: 220 } },
    },
  ],
};

/** A sensitive finding held back until the patient chooses, with an NHS care card. */
export const SensitiveFinding = {
  args: { image: 'chest-xray', annotations: sensitiveFinding },
} satisfies Story;

/** Two sensitive findings, one of them dated: the patient can see them one at a time. */
export const twoSensitiveFindings = {
  ...sensitiveFinding,
  labels: [
    ...sensitiveFinding.labels,
    {
      id: 'spot',
      kind: 'finding',
      sensitivity: 'sensitive',
      title: 'A tiny spot',
      description: 'A tiny spot near the top of your left lung. Your care team will explain what it means.',
      notBefore: '2099-12-01',
      target: { image: { index: 0 }, point: { column: 300, row: 120 } },
    },
  ],
};

/** Two sensitive findings: one can be seen now, one only from a date the portal set. */
export const TwoSensitiveFindings = {
  args: { image: 'chest-xray', annotations: twoSensitiveFindings },
} satisfies Story;

/**
 * The document could not be used at all (here, a version this layer does not know): the picture
 * still shows, with no labels, and the panel says the labels could not be loaded.
 */
export const NotLoaded = {
  args: { image: 'chest-xray', annotations: { version: 99, labels: 'not a list' } },
} satisfies Story;

/** In a story's play step: the layer's shadow root once it shows `selector`, clicked. */
async function clickInLayer(canvas: HTMLElement, selector: string): Promise<void> {
  const started = performance.now();
  for (;;) {
    const target = canvas.querySelector('lay-annotation-layer')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (target) return target.click();
    if (performance.now() - started > 20000) throw new Error(`The story never showed ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A hard word explained: "pleural effusion" in the summary is a button; choosing it opens its
 * plain-English meaning beside it (opened here by the story).
 */
export const WordExplained = {
  args: { image: 'chest-xray', annotations: summaryOnly },
  play: ({ canvasElement }) => clickInLayer(canvasElement, 'button.term'),
} satisfies Story;

/**
 * "Ask a question about this": the composer, with suggested questions and a box for the
 * patient's own words (opened here by the story). Sending fires `pv-question` for the portal.
 */
export const AskingAQuestion = {
  args: { image: 'chest-xray', annotations: chestXray },
  play: ({ canvasElement }) => clickInLayer(canvasElement, 'button.ask'),
} satisfies Story;

/**
 * A question sent: the confirmation the patient sees under "Ask a question about this": what was
 * sent, to whom (`question-recipient`) and what happens next (`question-next-steps`).
 */
export const QuestionSent = {
  args: {
    image: 'chest-xray',
    annotations: chestXray,
    questionRecipient: 'the X-ray team at your hospital',
    questionNextSteps: 'They will reply in your inbox within 5 working days.',
  },
  play: async ({ canvasElement }) => {
    await clickInLayer(canvasElement, 'button.ask');
    await clickInLayer(canvasElement, '.composer input[type="radio"]');
    await clickInLayer(canvasElement, '.composer button[type="submit"]');
  },
} satisfies Story;

/**
 * Issue 17: a parent or carer is looking (`viewer-role="carer"` around the viewer): "Their right"
 * and "Their left" at the edges, "Labels on their image", "Questions for their appointment", and the
 * glossary's meanings about them. The document is the portal's words: write it about the patient too.
 */
export const Carer = {
  args: {
    image: 'ct-head',
    annotations: {
      version: 1,
      summary: 'Their head scan looks normal.',
      labels: [{ id: 'brain', kind: 'anatomy', title: 'The brain', terms: ['brain'], target: { image: { index: 0 }, point: { column: 256, row: 256 } } }],
    },
  },
  render: (args: LayerArgs) => html`<div viewer-role="carer">${renderLayer(args)}</div>`,
} satisfies Story;
