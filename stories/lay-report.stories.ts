/**
 * One story per input form and state of `<lay-report>`: plain text, a FHIR DiagnosticReport, IMR
 * HTML with image links beside a viewer, sensitive content waiting, Welsh, and a file that is not a
 * report. The reports are the demo's (demo/reports/), written as UK reports are; no patient data.
 * Reused as test fixtures through `reportStoryTemplate(Story)`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import ctHead from '../examples/annotations/ct-head.json';
import chestText from '../demo/reports/chest-xray.txt?raw';
import ctText from '../demo/reports/ct-head.txt?raw';
import ctImrUrl from '../demo/reports/ct-head-imr.html?url';
import '../src/define.js';
import type { SensitiveMatch } from '../src/index.js';
import { syntheticFiles } from './patient-image-viewer.stories.js';

export interface ReportArgs {
  /** Story only: which report, in which form. */
  input: 'chest-text' | 'ct-text' | 'ct-fhir' | 'ct-imr' | 'pdf';
  /** Story only: show the synthetic CT viewer beside the report (its image links then move it). */
  withViewer: boolean;
  /** Story only: the language of the box round the report. */
  lang: 'en-GB' | 'cy';
  sensitive: (SensitiveMatch | string)[];
  holdImpression: boolean;
  explainedBy: string;
  explainedOn: string;
  noQuestions: boolean;
  studyKey: string;
  storage: 'memory' | 'session' | 'local';
  /** The report as plain text (wins over `input` when set). */
  text: string;
  /** A URL of the report (wins over `input` when set). */
  src: string;
  /** The id of the viewer the image links move (wins over `withViewer` when set). */
  for: string;
  talkHref: string;
  timeout: number;
  headingLevel: number;
  /** Who is looking: the patient (`self`) or a parent, carer or helper (`carer`), issue 17. */
  viewerRole: 'self' | 'carer';
  /** Where it runs: `auto`, `nhs-app` or `web` (issue 17). */
  platform: 'auto' | 'nhs-app' | 'web';
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The CT report as a FHIR DiagnosticReport, with made-up names the element never shows. */
export const ctDiagnosticReport = {
  resourceType: 'DiagnosticReport',
  status: 'final',
  code: { text: 'CT head' },
  subject: { reference: 'Patient/example', display: 'Jane Storyperson' },
  performer: [{ display: 'Dr Alan Storyteller' }],
  presentedForm: [{ contentType: 'text/plain', data: base64(ctText) }],
  conclusion: 'No acute intracranial abnormality.',
  conclusionCode: [{ text: 'Normal CT head' }],
};

let pdf: string | undefined;
/** A small PDF, as a blob: URL (made once): not something the report can show. */
function pdfUrl(): string {
  pdf ??= URL.createObjectURL(new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00])], { type: 'application/pdf' }));
  return pdf;
}

export function renderReport(args: ReportArgs): TemplateResult {
  const viewerId = 'story-ct-viewer';
  const report = html`<lay-report
    for=${args.for || (args.withViewer ? viewerId : '')}
    .text=${args.text || (args.input === 'chest-text' ? chestText : args.input === 'ct-text' ? ctText : '')}
    .report=${args.input === 'ct-fhir' && !args.text && !args.src ? ctDiagnosticReport : undefined}
    .src=${args.src || (args.input === 'ct-imr' ? ctImrUrl : args.input === 'pdf' ? pdfUrl() : '')}
    talk-href=${args.talkHref ?? ''}
    .timeout=${args.timeout ?? 30000}
    heading-level=${args.headingLevel ?? 2}
    .viewerRole=${args.viewerRole === 'carer' ? 'carer' : undefined}
    platform=${args.platform ?? 'auto'}
    .sensitive=${args.sensitive ?? []}
    ?hold-impression=${args.holdImpression}
    explained-by=${args.explainedBy ?? ''}
    explained-on=${args.explainedOn ?? ''}
    ?no-questions=${args.noQuestions}
    study-key=${args.studyKey ?? ''}
    .storage=${args.storage ?? 'memory'}
  ></lay-report>`;
  return html`<div lang=${args.lang ?? 'en-GB'} class="story-report">
    ${args.withViewer
      ? html`<patient-image-viewer id=${viewerId} loading="eager" .files=${until(syntheticFiles('ct-head'), null)}>
          <lay-annotation-layer .annotations=${ctHead}></lay-annotation-layer>
        </patient-image-viewer>`
      : nothing}
    ${report}
  </div>`;
}

const meta = {
  title: 'Report',
  component: 'lay-report',
  // Helpers and fixtures start with a lower-case letter; stories with a capital.
  excludeStories: /^[a-z]/,
  render: renderReport,
  args: {
    input: 'chest-text',
    withViewer: false,
    lang: 'en-GB',
    sensitive: [],
    holdImpression: false,
    explainedBy: '',
    explainedOn: '',
    noQuestions: false,
    studyKey: '',
    storage: 'memory',
    text: '',
    src: '',
    for: '',
    talkHref: '',
    timeout: 30000,
    headingLevel: 2,
    viewerRole: 'self',
    platform: 'auto',
  },
  argTypes: {
    input: {
      description: 'Story only: which report, in which form (`text`, `report` or `src`).',
      control: 'inline-radio',
      options: ['chest-text', 'ct-text', 'ct-fhir', 'ct-imr', 'pdf'],
      table: { category: 'story' },
    },
    withViewer: { description: 'Story only: the synthetic CT viewer beside the report, paired by `for`.', control: 'boolean', table: { category: 'story' } },
    lang: { description: 'Story only: `lang` of the box round the report.', control: 'inline-radio', options: ['en-GB', 'cy'], table: { category: 'story' } },
    sensitive: { control: 'object' },
    holdImpression: { control: 'boolean' },
    explainedBy: { control: 'text' },
    explainedOn: { control: 'text' },
    noQuestions: { control: 'boolean' },
    studyKey: { control: 'text' },
    storage: { control: 'inline-radio', options: ['memory', 'session', 'local'] },
    text: { control: 'text' },
    src: { control: 'text' },
    for: { control: 'text' },
    talkHref: { control: 'text' },
    timeout: { control: 'number' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    viewerRole: { control: 'inline-radio', options: ['self', 'carer'] },
    platform: { control: 'inline-radio', options: ['auto', 'nhs-app', 'web'] },
    ...Object.fromEntries(
      ['report', 'imageRefs', 'glossary', 'trustedDomains', 'messages', 'status', 'study-key', 'talk-href', 'hold-impression', 'explained-by', 'explained-on', 'no-questions', 'heading-level', 'viewer-role'].map(
        (name) => [name, { table: { disable: true } }],
      ),
    ),
  },
} satisfies Meta<ReportArgs>;

export default meta;

type Story = StoryObj<ReportArgs>;

/** Render a story outside Storybook (tests, demos): meta args, then the story's args, then `overrides`. */
export function reportStoryTemplate(story: { args?: Partial<ReportArgs> }, overrides: Partial<ReportArgs> = {}): TemplateResult {
  return renderReport({ ...meta.args, ...story.args, ...overrides } as ReportArgs);
}

/**
 * A chest X-ray report as plain text: its headings in plain words ("What the scan showed") with the
 * report's own heading kept small, the statement about who it was written for, and every hard word
 * ("mediastinal", "costophrenic angles"...) a button that opens its meaning beside it.
 */
export const PlainText = {
  args: { input: 'chest-text', explainedBy: 'Example NHS Foundation Trust', explainedOn: '2026-12-01' },
} satisfies Story;

/** The CT head report as a FHIR R4 DiagnosticReport: its text, conclusion and coded conclusion; never the names in it. */
export const FhirDiagnosticReport = {
  args: { input: 'ct-fhir' },
} satisfies Story;

/**
 * An IMR-style HTML report beside the CT viewer: "Show image 15" beside a sentence moves the viewer
 * to that image and selects its label. The paragraph marked `data-sensitive` waits for a choice.
 */
export const ImrWithImageLinks = {
  args: { input: 'ct-imr', withViewer: true },
} satisfies Story;

/**
 * The chest X-ray report with one sentence of its IMPRESSION marked sensitive: it is not in the page
 * until the patient chooses "Show me now" (the consent step of `<finding-disclosure scope="finding">`).
 */
export const SensitiveWaiting = {
  args: { input: 'chest-text', sensitive: [{ match: 'Malignancy cannot be excluded', findingId: 'nodule' }] },
} satisfies Story;

/** The CT report (plain text, with "image 15" links beside the viewer) with the whole IMPRESSION held. */
export const ImpressionHeld = {
  args: { input: 'ct-text', withViewer: true, holdImpression: true },
} satisfies Story;

/** In Welsh: the element's words and the word meanings in Welsh (draft), the report's own words in English. */
export const Welsh = {
  args: { input: 'chest-text', lang: 'cy' },
} satisfies Story;

/** A PDF where a text report was expected: a plain message, and `pv-report-error` with type `not-text`. */
export const NotAReport = {
  args: { input: 'pdf' },
} satisfies Story;
