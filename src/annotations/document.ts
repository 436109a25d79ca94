/**
 * The annotation document, version 1: what a portal gives the annotation layer (as a property or a
 * URL) to put plain-English labels on a patient's images.
 *
 * One zod schema is the single source of truth: the TypeScript types below are inferred from it,
 * `validateAnnotationDocument()` (./validate.ts) checks documents with it, and the published JSON
 * Schema (`annotation.schema.json`, made by `scripts/make-annotation-schema.mjs`) is generated from
 * it with `z.toJSONSchema`; a test fails if the committed file drifts.
 *
 * Objects are strict (`additionalProperties: false` in the JSON Schema), so a document that passes
 * the JSON Schema is one the viewer reads without a single problem. At run time the viewer is more
 * forgiving: unknown fields are ignored (and reported), and one bad label never hides the others.
 *
 * Every check carries a plain message for the portal's developers ("must be a number of 0 or
 * more"); validate.ts puts the field's path in front of it.
 */
import * as z from 'zod';

// No code generation: zod's fast path compiles parsers with `new Function`, and merely probing for it
// is a violation report under the library's Content Security Policy (no 'unsafe-eval'). Set before
// any schema below is made, as zod reads it then. (It is zod's global setting: a page that shares
// this zod instance gets the same, slightly slower but equally correct, parsers.)
z.config({ jitless: true });

/** Where the JSON Schema is published. `example.invalid` until the package has a home page. */
export const ANNOTATION_SCHEMA_ID = 'https://example.invalid/patient-image-viewer/annotation.schema.json';

/** The only version this viewer reads. */
export const ANNOTATION_DOCUMENT_VERSION = 1;

/** Size limits, so a document cannot make the viewer do unbounded work. */
export const ANNOTATION_LIMITS = {
  labels: 500,
  glossary: 500,
  summary: 4000,
  id: 64,
  title: 80,
  description: 1000,
  terms: 20,
  term: 100,
  links: 10,
  linkTitle: 200,
  url: 2048,
  outlinePoints: 500,
  uid: 64,
  aliases: 20,
  definition: 1000,
  keyImages: 50,
} as const;

/** A DICOM UID: digits and dots (PS3.5 §9.1). Leading zeros are tolerated: some scanners write them. */
const DICOM_UID = /^[0-9]+(\.[0-9]+)*$/;

/**
 * The `error` option for a schema or a check: "must be …", or "is missing: it must be …" when the
 * field is absent.
 */
function expecting(what: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? `is missing: it must be ${what}` : `must be ${what}`),
  };
}

/** Text of `min` to `max` characters (`min` 0: any length up to `max`, empty included). */
function text(min: number, max: number) {
  const e = expecting(min > 0 ? `text of ${min} to ${max} characters` : `text of at most ${max} characters`);
  const schema = z.string(e).max(max, e);
  return min > 0 ? schema.min(min, e) : schema;
}

/** A list of at most `max` items. */
function list<T extends z.ZodType>(item: T, max: number, what: string) {
  const e = expecting(`a list of at most ${max} ${what}`);
  return z.array(item, e).max(max, e);
}

/** An image pixel coordinate: 0 or more, may be fractional. 0 is the image's left (or top) edge, so the first pixel's centre is at 0.5. */
function coordinate() {
  const e = expecting('a number of 0 or more');
  return z.number(e).min(0, e);
}

/** A whole number of `min` or more. */
function wholeNumber(min: number) {
  const e = expecting(`a whole number of ${min} or more`);
  return z.int(e).min(min, e);
}

/** A number more than 0. */
function positive() {
  const e = expecting('a number more than 0');
  return z.number(e).positive(e);
}

/** A DICOM UID. */
function uid() {
  const e = expecting(`a DICOM UID: digits and dots, at most ${ANNOTATION_LIMITS.uid} characters`);
  return z.string(e).max(ANNOTATION_LIMITS.uid, e).regex(DICOM_UID, e);
}

/** `[column, row]` in image pixels. */
function pixelPair() {
  return z.tuple([coordinate(), coordinate()], expecting('a pair of numbers [column, row], each 0 or more'));
}

// ---------------------------------------------------------------------------------------------
// Target: which image, which point, and an optional outline.

const imageByUidSchema = z
  .strictObject(
    {
      sopInstanceUid: uid().describe('The SOP Instance UID (0008,0018) of the image.'),
      frame: wholeNumber(1)
        .default(1)
        .describe('For a multi-frame image: which frame, counting from 1. Defaults to 1.'),
    },
    expecting('an object'),
  )
  .describe('The image, by its SOP Instance UID (best: it does not change if the series order does).');

const imageByIndexSchema = z
  .strictObject(
    {
      index: wholeNumber(0).describe('Position in the viewer\u2019s list of images, counting from 0.'),
    },
    expecting('an object'),
  )
  .describe('The image, by its position in the list of images the viewer shows (0 is the first).');

export const imageRefSchema = z
  .union(
    [imageByUidSchema, imageByIndexSchema],
    expecting('either { "sopInstanceUid": "\u2026", "frame": 1 } or { "index": 0 }, not both'),
  )
  .describe('Which image the label belongs to.');

export const imagePointSchema = z
  .strictObject(
    {
      column: coordinate().describe('Image pixel column: 0 is the image\u2019s left edge; may be fractional.'),
      row: coordinate().describe('Image pixel row: 0 is the image\u2019s top edge; may be fractional.'),
    },
    expecting('an object with a column and a row'),
  )
  .describe('Where the label points, in image pixel coordinates (not screen pixels).');

const POINTS = expecting(`a list of 2 to ${ANNOTATION_LIMITS.outlinePoints} [column, row] points`);

const polylineSchema = z
  .strictObject(
    {
      type: z.literal('polyline'),
      points: z
        .array(pixelPair(), POINTS)
        .min(2, POINTS)
        .max(ANNOTATION_LIMITS.outlinePoints, POINTS)
        .describe('The points, as [column, row] in image pixels.'),
      closed: z
        .boolean(expecting('true or false'))
        .default(false)
        .describe('true to join the last point back to the first. Defaults to false.'),
    },
    expecting('an object'),
  )
  .describe('A line through two or more points.');

const ellipseSchema = z
  .strictObject(
    {
      type: z.literal('ellipse'),
      center: pixelPair().describe('The centre, as [column, row] in image pixels.'),
      radii: z
        .tuple(
          [positive(), positive()],
          expecting('a pair of numbers [columnRadius, rowRadius], each more than 0'),
        )
        .describe('Half the width and half the height, in image pixels.'),
    },
    expecting('an object'),
  )
  .describe('An ellipse lined up with the image edges.');

export const outlineSchema = z
  .discriminatedUnion('type', [polylineSchema, ellipseSchema], {
    error: (issue: { code?: string; input?: unknown }) =>
      issue.code === 'invalid_union'
        ? 'must be "polyline" or "ellipse"'
        : issue.input === undefined
          ? 'is missing: it must be an object with a "type" of "polyline" or "ellipse"'
          : 'must be an object with a "type" of "polyline" or "ellipse"',
  })
  .describe('An optional shape drawn round the part the label is about.');

export const annotationTargetSchema = z
  .strictObject(
    {
      image: imageRefSchema,
      point: imagePointSchema,
      outline: outlineSchema.optional(),
    },
    expecting('an object with an image and a point'),
  )
  .describe('Where the label goes.');

// ---------------------------------------------------------------------------------------------
// Labels.

export const annotationLinkSchema = z
  .strictObject(
    {
      title: text(1, ANNOTATION_LIMITS.linkTitle).describe('The link text.'),
      url: text(1, ANNOTATION_LIMITS.url).describe('The address. Whether it is shown is decided by the viewer\u2019s list of trusted sites.'),
    },
    expecting('an object with a title and a url'),
  )
  .describe('A link to trusted patient information.');

export const annotationLabelSchema = z
  .strictObject(
    {
      id: text(1, ANNOTATION_LIMITS.id).describe('Unique within the document.'),
      kind: z
        .enum(['anatomy', 'finding'], expecting('"anatomy" or "finding"'))
        .describe('"anatomy" names a normal part of the body; "finding" is something the report mentions.'),
      sensitivity: z
        .enum(['routine', 'sensitive'], expecting('"routine" or "sensitive"'))
        .default('routine')
        .describe('"sensitive" labels may be held back until the patient chooses to see them. Defaults to "routine".'),
      findingId: text(1, ANNOTATION_LIMITS.id)
        .optional()
        .describe(
          'The finding this label shows, shared with every other place on the page that shows it (other labels, a <finding-disclosure finding-id>, report sentences): they are all held or shown together, and if any of them is "sensitive" all are. Defaults to the label\u2019s id. Use an opaque id (it appears in events), not words about the finding.',
        ),
      title: text(1, ANNOTATION_LIMITS.title).describe('A short title in plain English, like "Your heart".'),
      description: text(0, ANNOTATION_LIMITS.description).optional().describe('A longer plain-English description.'),
      terms: list(text(1, ANNOTATION_LIMITS.term), ANNOTATION_LIMITS.terms, 'words or glossary ids')
        .optional()
        .describe('Glossary ids or words this label uses, so the viewer can explain them.'),
      links: list(annotationLinkSchema, ANNOTATION_LIMITS.links, 'links')
        .optional()
        .describe('Links to trusted patient information.'),
      notBefore: z
        .union([z.iso.date(), z.iso.datetime({ offset: true })], expecting('a date like "2026-12-01" or a date and time like "2026-12-01T09:00:00Z"'))
        .optional()
        .describe('For sensitive labels: the patient cannot choose to see it before this date (for example, after their appointment).'),
      target: annotationTargetSchema,
    },
    expecting('a label: an object with an id, kind, title and target'),
  )
  .describe('One label on one image.');

export const annotationGlossaryEntrySchema = z
  .strictObject(
    {
      id: text(1, ANNOTATION_LIMITS.id),
      term: text(1, ANNOTATION_LIMITS.term),
      aliases: list(text(1, ANNOTATION_LIMITS.term), ANNOTATION_LIMITS.aliases, 'words').optional(),
      definition: text(1, ANNOTATION_LIMITS.definition),
      url: text(1, ANNOTATION_LIMITS.url),
    },
    expecting('a glossary entry: an object with an id, term, definition and url'),
  )
  .describe('A word and its plain-English meaning. Only the shape is checked here; the glossary checks the rest.');

export const careCardSchema = z
  .strictObject(
    {
      level: z
        .enum(['non-urgent', 'urgent', 'emergency'], expecting('"non-urgent", "urgent" or "emergency"'))
        .describe('How urgent the advice is: the NHS care card style to use.'),
      heading: text(1, 120).describe('The card\u2019s heading, like "Contact your GP surgery if:".'),
      text: text(1, 1000).describe('The advice, in plain English.'),
    },
    expecting('an object with a level, a heading and a text'),
  )
  .describe('"When to get help" advice, shown as an NHS care card.');

export const annotationDocumentSchema = z
  .strictObject(
    {
      $schema: z.string(expecting('text')).optional().describe('Where this JSON Schema is, so editors can check the document. Ignored by the viewer.'),
      version: z.literal(ANNOTATION_DOCUMENT_VERSION, expecting(String(ANNOTATION_DOCUMENT_VERSION))).describe('Always 1.'),
      summary: text(0, ANNOTATION_LIMITS.summary).optional().describe('A plain-English summary of the report.'),
      language: z
        .string(expecting('a language tag such as "en-GB" or "cy"'))
        .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, expecting('a language tag such as "en-GB" or "cy"'))
        .optional()
        .describe(
          'The language the document\u2019s words are written in, as a BCP 47 tag ("en-GB", "cy"). When the page ' +
            'speaks another language, the layer marks the document\u2019s words with it, so screen readers say them right.',
        ),
      labels: list(annotationLabelSchema, ANNOTATION_LIMITS.labels, 'labels').describe('The labels. The list may be empty.'),
      careCard: careCardSchema.optional(),
      glossary: list(annotationGlossaryEntrySchema, ANNOTATION_LIMITS.glossary, 'glossary entries')
        .optional()
        .describe('Extra glossary entries for this document.'),
      keyImages: list(imageByUidSchema, ANNOTATION_LIMITS.keyImages, 'images')
        .optional()
        .describe(
          'The images the care team picked, in order, by SOP Instance UID (and frame). With a whole study (a ' +
            'viewer given a study without a series), they are offered first, after any the study\u2019s own key ' +
            'object selection names.',
        ),
    },
    expecting('an object'),
  )
  .meta({
    $id: ANNOTATION_SCHEMA_ID,
    title: 'Patient image viewer annotation document, version 1',
    description:
      'Plain-English labels a patient portal puts on a patient\u2019s own medical images, with an optional summary ' +
      'of the report and extra glossary entries. Coordinates are image pixels: column 0 is the left edge, row 0 the top.',
  });

/** The options the JSON Schema is generated with: the document as a portal writes it (defaults may be left out). */
const JSON_SCHEMA_OPTIONS = { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' } as const;

/** The JSON Schema (draft 2020-12) of the annotation document, as committed in `annotation.schema.json`. */
export function annotationJsonSchema(): Record<string, unknown> {
  const { $schema, $id, title, description, ...rest } = z.toJSONSchema(annotationDocumentSchema, JSON_SCHEMA_OPTIONS);
  // The same object, with the identifying keys first so the file reads well.
  return { $schema, $id, title, description, ...rest };
}

// ---------------------------------------------------------------------------------------------
// Types. `…Input` is what a portal may write; the plain names are what the viewer works with after
// validation (defaults filled in: `sensitivity`, `frame`, `closed`).

export type AnnotationDocument = z.output<typeof annotationDocumentSchema>;
export type AnnotationDocumentInput = z.input<typeof annotationDocumentSchema>;
export type AnnotationLabel = z.output<typeof annotationLabelSchema>;
export type AnnotationLabelInput = z.input<typeof annotationLabelSchema>;
export type AnnotationLabelKind = AnnotationLabel['kind'];
export type AnnotationSensitivity = AnnotationLabel['sensitivity'];
export type AnnotationTarget = z.output<typeof annotationTargetSchema>;
export type AnnotationImageRef = z.output<typeof imageRefSchema>;
export type AnnotationImagePoint = z.output<typeof imagePointSchema>;
export type AnnotationOutline = z.output<typeof outlineSchema>;
export type AnnotationLink = z.output<typeof annotationLinkSchema>;
export type AnnotationGlossaryEntry = z.output<typeof annotationGlossaryEntrySchema>;
export type AnnotationCareCard = z.output<typeof careCardSchema>;
export type AnnotationKeyImage = NonNullable<AnnotationDocument['keyImages']>[number];
