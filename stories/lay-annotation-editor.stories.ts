/**
 * One story per state of `<lay-annotation-editor>` (the clinicians' editor), always inside
 * `<patient-image-viewer>` showing the synthetic chest X-ray. Drafts come from made-up PACS objects
 * about that image (scripts/pacs-objects.mjs: an SR, a GSPS, a KOS), opened from in-page addresses.
 * No real patient data. Reusable as fixtures: `editorStoryTemplate(Story)`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import chestXray from '../examples/annotations/chest-xray.json';
import '../src/define.js';
import type { LayAnnotationEditor, PvAnnotationsChangeEvent } from '../src/index.js';
import { syntheticFiles } from './patient-image-viewer.stories.js';

export interface EditorArgs {
  /** The document to open (the editor's `value`), or none for an empty study. */
  value?: unknown;
  /** Story only: PACS drafts to open once the image is shown. */
  drafts: 'none' | 'sr' | 'gsps' | 'kos';
  /** Show the preview as the patient. */
  preview: boolean;
  headingLevel: number;
  /** Who is looking (every element has it; the editor's preview follows it): `self` or `carer`. */
  viewerRole: 'self' | 'carer';
  onPvAnnotationsChange?: (event: PvAnnotationsChangeEvent) => void;
}

/** An in-page address of a made-up PACS object about the synthetic chest X-ray. */
async function draftUrl(kind: Exclude<EditorArgs['drafts'], 'none'>): Promise<string> {
  const objects = await import('../scripts/pacs-objects.mjs');
  const buffer = kind === 'sr' ? objects.makeSr() : kind === 'gsps' ? objects.makeGsps() : objects.makeKos();
  return URL.createObjectURL(new Blob([buffer], { type: 'application/dicom' }));
}

/** A document whose words are too hard for most patients: the editor names the hard sentences. */
export const hardWords = {
  version: 1,
  summary: 'The chest radiograph demonstrates no significant abnormality. Your heart is a normal size.',
  labels: [
    {
      id: 'heart',
      kind: 'anatomy',
      title: 'Your heart',
      description: 'Cardiothoracic ratio is within normal limits with unremarkable mediastinal contours bilaterally.',
      target: { image: { index: 0 }, point: { column: 276, row: 338 } },
    },
  ],
};

/** A label not marked sensitive whose title uses a word the glossary marks sensitive: the editor warns. */
export const sensitiveWord = {
  version: 1,
  labels: [{ id: 'lump', kind: 'finding', title: 'A small mass', target: { image: { index: 0 }, point: { column: 160, row: 256 } } }],
};

/** Renders a viewer with the synthetic chest X-ray, and the editor inside it. */
export function renderEditor(args: EditorArgs): TemplateResult {
  const onLoad = async (event: Event) => {
    const editor = (event.currentTarget as HTMLElement).querySelector<LayAnnotationEditor>('lay-annotation-editor');
    if (editor && args.drafts !== 'none') await editor.openDrafts(await draftUrl(args.drafts));
  };
  return html`<patient-image-viewer loading="eager" .files=${until(syntheticFiles('chest-xray'), null)} @pv-load=${onLoad}>
    <lay-annotation-editor .value=${args.value} ?preview=${args.preview} heading-level=${args.headingLevel} .viewerRole=${args.viewerRole === 'carer' ? 'carer' : undefined} @pv-annotations-change=${args.onPvAnnotationsChange}></lay-annotation-editor>
  </patient-image-viewer>`;
}

const meta = {
  title: 'Annotation editor',
  component: 'lay-annotation-editor',
  excludeStories: /^[a-z]/,
  render: renderEditor,
  args: { drafts: 'none', preview: false, headingLevel: 2, viewerRole: 'self' },
  argTypes: {
    value: { control: 'object' },
    drafts: { control: 'inline-radio', options: ['none', 'sr', 'gsps', 'kos'], table: { category: 'story' } },
    preview: { control: 'boolean' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    viewerRole: { control: 'inline-radio', options: ['self', 'carer'] },
    onPvAnnotationsChange: { action: 'pv-annotations-change', table: { disable: true } },
  },
} satisfies Meta<EditorArgs>;

export default meta;

type Story = StoryObj<EditorArgs>;

/** Render a story outside Storybook (tests, demos): meta args, then the story's, then `overrides`. */
export function editorStoryTemplate(story: { args?: Partial<EditorArgs> }, overrides: Partial<EditorArgs> = {}): TemplateResult {
  return renderEditor({ ...meta.args, ...story.args, ...overrides } as EditorArgs);
}

/** An empty study: click or tap the image to add the first label. */
export const EmptyStudy = { args: {} } satisfies Story;

/** The chest example document opened to edit. */
export const EditingADocument = { args: { value: chestXray } } satisfies Story;

/** Drafts from a TID 1500 measurement report: a point and an ellipse, with the findings as notes (drafts of findings start sensitive). */
export const DraftsFromSr = { args: { drafts: 'sr' } } satisfies Story;

/** Drafts from a presentation state: the radiologist's arrow and text (they start sensitive). */
export const DraftsFromGsps = { args: { drafts: 'gsps' } } satisfies Story;

/** Drafts from a key object selection: the key image gets a draft in its middle. */
export const DraftsFromKos = { args: { drafts: 'kos' } } satisfies Story;

/** Words above reading age 11: the hard sentences are named, with plainer words to use. */
export const ReadingAgeWarnings = { args: { value: hardWords } } satisfies Story;

/** The patient's view on a phone-sized screen, next to the editor. */
export const PreviewAsThePatient = { args: { value: chestXray, preview: true } } satisfies Story;

/** A label shown to the patient at once whose words the glossary marks sensitive: a warning, not a block. */
export const SensitiveWordWarning = { args: { value: sensitiveWord } } satisfies Story;
