/**
 * One story per state of `<patient-image-viewer>`. The stories double as test fixtures: import a
 * story and render it with `storyTemplate(Story)` (meta args, then the story's args, then yours).
 *
 * Every image here is made up in the browser by scripts/synthetic.mjs (dcmjs) when a story first
 * needs it. No real patient data, and nothing is read from ../shared/dicom.
 */
import type { ArgTypes, Decorator, Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { until } from 'lit/directives/until.js';
import '../src/define.js';
import { isEngineRequested } from '../src/engine/index.js';
import {
  configureEngine,
  getEngineSettings,
  type Messages,
  type PvErrorEvent,
  type PvImageChangeEvent,
  type PvLoadEvent,
  type RequestHeaders,
} from '../src/index.js';

/**
 * Which synthetic image a story generates and passes to the viewer's `files` property: the chest
 * X-ray (with or without burned-in text), the CT head (whole, or with a file that is not a scan
 * in the middle), or only a file that is not a scan.
 */
export type SyntheticImage = 'none' | 'chest-xray' | 'ct-head' | 'chest-xray-burned-in' | 'ct-head-one-broken' | 'not-dicom';

/** A text file, as if saved in the wrong place: not DICOM. */
const notAScan = () => new File(['Not a scan: a note saved by mistake.'], 'note.txt', { type: 'text/plain' });

/** The story args: the element's settable properties, the synthetic image, and `--pv-*` styles. */
export interface ViewerArgs {
  /** Story only: the synthetic image to generate and pass as `files`. */
  image: SyntheticImage;
  hold: boolean;
  src: string;
  urls: string[];
  dicomwebRoot: string;
  studyUid: string;
  seriesUid: string;
  /** A study given alone: show each series' own description to a clinician, behind "More detail". */
  seriesDetails: boolean;
  alt: string;
  loading: 'lazy' | 'eager';
  timeout: number;
  headingLevel: number;
  /** Who is looking: the patient (`self`) or a parent, carer or helper (`carer`), issue 17. */
  viewerRole: 'self' | 'carer';
  hideOverlays: boolean;
  requestHeaders?: RequestHeaders;
  messages?: Messages;
  onPvLoad?: (event: PvLoadEvent) => void;
  onPvError?: (event: PvErrorEvent) => void;
  onPvImageChange?: (event: PvImageChangeEvent) => void;
  /** Any CSS custom property (the documented ones are `--pv-*`), set as an inline style. */
  [customProperty: `--${string}`]: string | undefined;
}

// Synthetic images, generated once per page and shared by every story that shows them.
const generated = new Map<Exclude<SyntheticImage, 'none'>, Promise<File[]>>();

/** The synthetic image as DICOM Part 10 `File`s (the CT in slice order). Generated once, then cached. */
export function syntheticFiles(image: Exclude<SyntheticImage, 'none'>): Promise<File[]> {
  let files = generated.get(image);
  if (!files) {
    files = import('../scripts/synthetic.mjs').then(({ makeChestRadiograph, makeCtSeries }) => {
      const made =
        image === 'chest-xray'
          ? [makeChestRadiograph()]
          : image === 'chest-xray-burned-in'
            ? [makeChestRadiograph({ burnedIn: true })]
            : image === 'not-dicom'
              ? []
              : makeCtSeries();
      const list = made.map(({ name, buffer }) => new File([buffer], name, { type: 'application/dicom' }));
      if (image === 'ct-head-one-broken') list.splice(20, 0, notAScan());
      if (image === 'not-dicom') list.push(notAScan());
      return list;
    });
    // Let a later render try again rather than cache a failure.
    files.catch(() => generated.delete(image));
    generated.set(image, files);
  }
  return files;
}

/** A header source that never answers: the viewer waits for it before every request, so it never fetches. */
export const neverAnswers: RequestHeaders = () => new Promise<Record<string, string>>(() => undefined);

/** Renders one viewer from story args. */
export function renderViewer(args: ViewerArgs): TemplateResult {
  const customProperties = Object.fromEntries(
    Object.entries(args).filter(
      (entry): entry is [string, string] => entry[0].startsWith('--') && typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
  const image = args.image ?? 'none';
  return html`<patient-image-viewer
    loading=${args.loading ?? 'eager'}
    ?hold=${args.hold ?? false}
    style=${styleMap(customProperties)}
    .files=${image === 'none' ? null : until(syntheticFiles(image), null)}
    .src=${args.src ?? ''}
    .urls=${args.urls ?? []}
    .dicomwebRoot=${args.dicomwebRoot ?? ''}
    .studyUid=${args.studyUid ?? ''}
    .seriesUid=${args.seriesUid ?? ''}
    ?series-details=${args.seriesDetails ?? false}
    .alt=${args.alt ?? ''}
    .timeout=${args.timeout ?? 30000}
    heading-level=${args.headingLevel ?? 2}
    .viewerRole=${args.viewerRole === 'carer' ? 'carer' : undefined}
    ?hide-overlays=${args.hideOverlays ?? false}
    .requestHeaders=${args.requestHeaders}
    .messages=${args.messages}
    @pv-load=${args.onPvLoad}
    @pv-error=${args.onPvError}
    @pv-image-change=${args.onPvImageChange}
  ></patient-image-viewer>`;
}

/**
 * Set once, by the first CPU render on a page: `false` when the engine had already loaded in
 * another mode, so CPU drawing could not be forced.
 */
let cpuInTime: boolean | undefined;

/**
 * Forces CPU drawing for the whole page (`configureEngine({ rendering: 'cpu' })`), then renders
 * the viewer. The setting is read once, when the engine first loads.
 */
export function renderCpuViewer(args: ViewerArgs): TemplateResult {
  cpuInTime ??= !isEngineRequested() || getEngineSettings().rendering === 'cpu';
  if (!isEngineRequested()) configureEngine({ rendering: 'cpu' });
  return renderViewer(args);
}

/** Storybook only: says so on the page when CPU drawing came too late to take effect. */
const cpuNote: Decorator<ViewerArgs> = (story) => {
  const content = story();
  return html`${cpuInTime === false
    ? html`<p style="max-width: 40em; margin: 0 0 16px; padding: 8px 16px; border-left: 8px solid #005eb8; background: #f0f4f5; color: #212b32;">
        Another story loaded the imaging engine on this page first, so CPU drawing could not be
        switched on. Reload the page to see this story drawn by the CPU.
      </p>`
    : nothing}${content}`;
};

/** Controls for manifest entries that the story args do not carry as text. */
const manifestOnlyArgTypes: ArgTypes = {
  // Objects and functions: set by the stories, not editable as text.
  files: { control: false },
  requestHeaders: { control: false },
  messages: { control: false },
  // Attribute spellings of properties above, and read-only getters: nothing to set.
  ...Object.fromEntries(
    ['dicomweb-root', 'study-uid', 'series-uid', 'heading-level', 'viewer-role', 'hide-overlays', 'status', 'index', 'imageCount', 'description'].map((name) => [
      name,
      { table: { disable: true } },
    ]),
  ),
};

const meta = {
  title: 'Patient image viewer',
  component: 'patient-image-viewer',
  // Helpers and fixtures start with a lower-case letter; stories with a capital.
  excludeStories: /^[a-z]/,
  render: renderViewer,
  args: {
    image: 'none',
    hold: false,
    src: '',
    urls: [],
    dicomwebRoot: '',
    studyUid: '',
    seriesUid: '',
    seriesDetails: false,
    alt: '',
    // Without this the stories wait until the viewer scrolls into view.
    loading: 'eager',
    timeout: 30000,
    headingLevel: 2,
    viewerRole: 'self',
    hideOverlays: false,
  },
  argTypes: {
    image: {
      name: 'image',
      description: 'Story only: a synthetic image, made in the browser and passed to the `files` property.',
      control: 'select',
      options: ['none', 'chest-xray', 'ct-head', 'chest-xray-burned-in', 'ct-head-one-broken', 'not-dicom'],
      table: { category: 'story' },
    },
    loading: { control: 'inline-radio', options: ['eager', 'lazy'] },
    hold: { control: 'boolean' },
    src: { control: 'text' },
    alt: { control: 'text' },
    timeout: { control: 'number' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    viewerRole: { control: 'inline-radio', options: ['self', 'carer'] },
    hideOverlays: { control: 'boolean' },
    urls: { control: 'object' },
    dicomwebRoot: { control: 'text' },
    studyUid: { control: 'text' },
    seriesUid: { control: 'text' },
    seriesDetails: { control: 'boolean' },
    ...manifestOnlyArgTypes,
  },
} satisfies Meta<ViewerArgs>;

export default meta;

type Story = StoryObj<ViewerArgs>;

/**
 * Render a story outside Storybook (tests, demos): meta args, then the story's args, then
 * `overrides`. Returns a Lit template whose root is the `<patient-image-viewer>`.
 */
export function storyTemplate(
  story: { args?: Partial<ViewerArgs>; render?: (args: ViewerArgs) => TemplateResult },
  overrides: Partial<ViewerArgs> = {},
): TemplateResult {
  const args = { ...meta.args, ...story.args, ...overrides } as ViewerArgs;
  return (story.render ?? renderViewer)(args);
}

/** Loaded: one image on screen, the synthetic chest X-ray (DX, 512 x 512). No image slider, as there is one image. */
export const Loaded = {
  args: { image: 'chest-xray' },
} satisfies Story;

/** Loaded, a stack: the synthetic 40-slice CT head phantom, with the image slider and previous/next buttons. */
export const LoadedStack = {
  args: { image: 'ct-head' },
} satisfies Story;

/**
 * Loading, for ever: the `requestHeaders` callback never answers, so nothing is fetched and the
 * viewer keeps showing its loading message and progress bar. The time-out is set to a day so the
 * state holds while you look at it.
 */
export const Loading = {
  // For the built-Storybook check (test/node/storybook.test.mjs): loading is this story's settled state.
  tags: ['stays-loading'],
  args: {
    src: 'synthetic/never-fetched.dcm',
    requestHeaders: neverAnswers,
    timeout: 24 * 60 * 60 * 1000,
  },
} satisfies Story;

/**
 * Error: the URL answers 404, so the viewer shows its plain-English "We could not find this image"
 * message (`pv-error` with `detail.type` `not-found`). Not-found is not worth retrying, so there is
 * no "Try again" button.
 */
const ErrorState = {
  name: 'Error',
  args: { src: 'synthetic/no-such-image.dcm' },
} satisfies Story;
// Exported under its story name; a local `Error` would hide the global Error class in this module.
export { ErrorState as Error };

/**
 * No WebGL: the CT stack drawn by the CPU, as on a device without WebGL. The story calls
 * `configureEngine({ rendering: 'cpu' })`, which is a page-wide engine setting read once, when the
 * engine first loads: view this story on its own, or reload the page after visiting another story
 * (it says so on the page when it came too late). `pv-load` reports `renderer: 'cpu'`.
 */
export const NoWebGL = {
  name: 'No WebGL',
  args: { image: 'ct-head' },
  render: renderCpuViewer,
  decorators: [cpuNote],
} satisfies Story;

/**
 * Themed: a made-up trust's branding (a purple brand colour, square corners, a darker stage, a
 * shorter picture box) set only through the documented `--pv-*` custom properties. Every
 * `--pv-*` control works the same way in the other stories.
 */
export const Themed = {
  args: {
    image: 'ct-head',
    '--pv-color-brand': '#330072',
    '--pv-button-text-color': '#330072',
    '--pv-button-border-color': '#330072',
    '--pv-button-hover-background': '#e5dcef',
    '--pv-color-surface': '#f7f5fa',
    '--pv-color-border': '#b9aacb',
    '--pv-stage-background': '#16121d',
    '--pv-stage-height': '420px',
    '--pv-radius': '0',
    '--pv-font-family': 'Arial, Helvetica, sans-serif',
  },
} satisfies Story;

/** No image set yet (no `src`, `urls`, `files` or DICOMweb address): an empty picture box, and no controls. */
export const Empty = {
  args: { image: 'none' },
} satisfies Story;

/**
 * Held (`hold`): an image is set, but nothing is fetched or drawn until `hold` is removed. This is
 * what `<finding-disclosure>` does to the viewers inside it until the patient chooses.
 */
export const Held = {
  args: { image: 'chest-xray', hold: true },
} satisfies Story;

/**
 * Lazy, waiting: with `loading="lazy"` (the default) a viewer far down the page waits and
 * downloads nothing until it is near the screen. Scroll down to it and it loads.
 */
export const WaitingBelowTheFold = {
  args: { image: 'chest-xray', loading: 'lazy' },
  decorators: [
    (story) => html`<p style="margin: 0 0 16px; max-width: 40em;">The viewer is further down the page. Scroll down to load it.</p>
      <div style="height: 2400px;" aria-hidden="true"></div>
      ${story()}`,
  ],
} satisfies Story;

/**
 * Burned-in text: the image says it has writing on the picture itself (which could include
 * personal details the viewer cannot hide), so a notice says so under the picture.
 */
export const BurnedInText = {
  args: { image: 'chest-xray-burned-in' },
} satisfies Story;

/**
 * A series with one file that is not a scan (a note saved in the wrong place): the 40 images
 * show, and a notice says one file could not be shown.
 */
export const SomeFilesSkipped = {
  args: { image: 'ct-head-one-broken' },
} satisfies Story;

/** Not a scan: the only file given is not a DICOM image, so the viewer says it cannot show it. */
export const NotAScan = {
  args: { image: 'not-dicom' },
} satisfies Story;

// --- issue 16: a whole study, from the synthetic studies served as a static DICOMweb tree at dicomweb/ ---
// (scripts/demo-dicomweb.mjs writes them; .storybook/main.ts serves them, as `npm start` does for the demo.)

/** The made-up head CT study: fine and thicker slices, and a KOS naming one image of each. */
const HEAD_CT_STUDY = '2.25.1234567890123456789012345.1';
/** A made-up study that holds only a report (scripts/demo-dicomweb.mjs DEMO_REPORT_STUDY). */
const REPORT_ONLY_STUDY = '2.25.1234567890123456789012345.8';

/**
 * A whole study, given by `dicomweb-root` and `study-uid` alone: every set of images in plain words
 * ("Fine slices, to see small details"), with what kind of scan and how many images; the images the
 * care team picked (a DICOM key object selection) first. Choosing one shows it, with "Back to the
 * list". The server here is a static DICOMweb tree (plain files): it has no small pictures, so each
 * choice's small picture is drawn in the page from its middle image's metadata and frame (a frame
 * stored compressed keeps a plain box).
 */
export const StudyList = {
  args: { dicomwebRoot: 'dicomweb', studyUid: HEAD_CT_STUDY },
} satisfies Story;

/**
 * The first image the care team picked, opened from the list: its set of images opens at that
 * image (slice 22 of 40), named "…: image 1", with "Back to the list" one step away.
 */
export const StudyKeyImageOpen = {
  args: { dicomwebRoot: 'dicomweb', studyUid: HEAD_CT_STUDY },
  play: async ({ canvasElement }) => {
    const viewer = canvasElement.querySelector('patient-image-viewer')!;
    for (let waited = 0; !viewer.shadowRoot?.querySelector('.study-choice'); waited += 100) {
      if (waited > 20000) throw new Error('The study list did not show.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    viewer.shadowRoot!.querySelector<HTMLButtonElement>('.study-choice')!.click();
  },
} satisfies Story;

/**
 * A study with nothing to show: it holds only a report, so the viewer says there are no images
 * and that one item is not an image (`pv-error` with `detail.type` `not-an-image`).
 */
export const StudyNothingToShow = {
  args: { dicomwebRoot: 'dicomweb', studyUid: REPORT_ONLY_STUDY },
} satisfies Story;
