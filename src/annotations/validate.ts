/**
 * Reads an annotation document from a portal, forgivingly: one bad label is left out and reported,
 * the good ones are kept. Problems are written for the portal's developers, never shown to patients.
 */
import type * as z from 'zod';
import {
  ANNOTATION_DOCUMENT_VERSION,
  ANNOTATION_LIMITS,
  annotationDocumentSchema,
  annotationGlossaryEntrySchema,
  annotationLabelSchema,
  type AnnotationDocument,
  type AnnotationGlossaryEntry,
  type AnnotationLabel,
} from './document.js';

/** One thing wrong with a document, for the portal's developers (not for patients). */
export interface AnnotationProblem {
  /** Where, like `labels[2].target.point.column`; `''` for the document itself. */
  path: string;
  /** What is wrong, naming the field and what was expected. */
  message: string;
  /** The label's id, when the problem is in a label that has one. */
  labelId?: string;
  /**
   * What kind of problem, for code to act on, when it is more than a bad field:
   * `finding-sensitivity-mismatch`: one finding id is sensitive in one place (a label, a wrapped
   * `<finding-disclosure>`, a report sentence) and not in another; it is held as sensitive everywhere.
   */
  code?: 'finding-sensitivity-mismatch';
  /** The finding id the problem is about (with `code: 'finding-sensitivity-mismatch'`). */
  findingId?: string;
}

/** What `validateAnnotationDocument` returns: the usable document (or null) and every problem found. */
export interface AnnotationValidation {
  /** What the viewer will show, or `null` when the document cannot be used at all. */
  document: AnnotationDocument | null;
  /** Everything that was wrong, ignored or left out; empty for a perfect document. */
  problems: AnnotationProblem[];
}

/** At most this many problems are listed; one more problem then says how many were not. */
export const MAX_ANNOTATION_PROBLEMS = 100;

/** Fields and keys are quoted up to this many characters in messages. */
const MAX_KEY_LENGTH = 40;

type PathSegment = PropertyKey;
type Issue = z.core.$ZodIssue;

/**
 * Checks a parsed JSON value against the annotation document schema, version 1.
 *
 * - A document that cannot be used at all (not an object, the wrong or no `version`, `labels` not
 *   a list) gives `document: null`, and the problems say why.
 * - Otherwise each label is checked on its own: a bad label is left out and reported (with its id
 *   when it has one); a label whose id is already used is left out; fields the schema does not know
 *   are ignored and reported, and the label is kept.
 * - A bad `summary` or glossary entry is left out and reported; the rest is kept.
 * - More than 500 labels or glossary entries: the first 500 are read and the rest reported.
 *
 * Never throws: getters that throw, cycles, `__proto__` keys and huge values all end as problems.
 * The returned document is made of new objects, never the caller's.
 */
export function validateAnnotationDocument(input: unknown): AnnotationValidation {
  const problems = new Problems();
  let document: AnnotationDocument | null = null;
  try {
    document = readDocument(input, problems);
  } catch {
    document = null;
    problems.add('', 'The annotation document could not be read: something in it failed when read.');
  }
  return { document, problems: problems.list() };
}

function readDocument(input: unknown, problems: Problems): AnnotationDocument | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.add(
      '',
      `The annotation document must be an object like { "version": 1, "labels": [] }, but it was ${kindOfValue(input)}` +
        (typeof input === 'string' ? ': parse the JSON first' : ''),
    );
    return null;
  }
  const doc = input as Record<string, unknown>;

  reportUnknownKeys(doc, Object.keys(annotationDocumentSchema.shape), [], problems);

  // "$schema" only helps editors; the viewer reads nothing from it.
  if (doc.$schema !== undefined && typeof doc.$schema !== 'string') {
    problems.add('$schema', `$schema must be text (the address of the JSON Schema), but it was ${kindOfValue(doc.$schema)}; it was ignored`);
  }

  const version = doc.version;
  const versionOk = version === ANNOTATION_DOCUMENT_VERSION;
  if (version === undefined) {
    problems.add('version', `version is missing: it must be ${ANNOTATION_DOCUMENT_VERSION}`);
  } else if (!versionOk) {
    problems.add(
      'version',
      typeof version === 'number'
        ? `version ${version} is not supported: this viewer reads version ${ANNOTATION_DOCUMENT_VERSION}`
        : `version must be the number ${ANNOTATION_DOCUMENT_VERSION}, but it was ${kindOfValue(version)}`,
    );
  }

  const rawLabels = doc.labels;
  const labelsOk = Array.isArray(rawLabels);
  if (!labelsOk) {
    problems.add(
      'labels',
      rawLabels === undefined
        ? 'labels is missing: it must be a list of labels (the list may be empty)'
        : `labels must be a list of labels, but it was ${kindOfValue(rawLabels)}`,
    );
  }
  if (!versionOk || !labelsOk) return null;

  const document: AnnotationDocument = { version: ANNOTATION_DOCUMENT_VERSION, labels: readLabels(rawLabels, problems) };

  const summary = doc.summary;
  if (summary !== undefined) {
    const checked = check(annotationDocumentSchema.shape.summary, summary, ['summary'], problems);
    if (checked.ok) {
      if (checked.value !== undefined) document.summary = checked.value;
    } else {
      leftOut(checked, 'summary', 'summary', problems);
    }
  }

  const language = doc.language;
  if (language !== undefined) {
    const checked = check(annotationDocumentSchema.shape.language, language, ['language'], problems);
    if (checked.ok) {
      if (checked.value !== undefined) document.language = checked.value;
    } else {
      leftOut(checked, 'language', 'language', problems);
    }
  }

  const careCard = doc.careCard;
  if (careCard !== undefined) {
    const checked = check(annotationDocumentSchema.shape.careCard, careCard, ['careCard'], problems);
    if (checked.ok) {
      if (checked.value !== undefined) document.careCard = checked.value;
    } else {
      leftOut(checked, 'careCard', 'careCard', problems);
    }
  }

  const keyImages = doc.keyImages;
  if (keyImages !== undefined) {
    const checked = check(annotationDocumentSchema.shape.keyImages, keyImages, ['keyImages'], problems);
    if (checked.ok) {
      if (checked.value !== undefined) document.keyImages = checked.value;
    } else {
      leftOut(checked, 'keyImages', 'keyImages', problems);
    }
  }

  const glossary = doc.glossary;
  if (glossary !== undefined) {
    if (Array.isArray(glossary)) {
      document.glossary = readGlossary(glossary, problems);
    } else {
      problems.add('glossary', `glossary must be a list of glossary entries, but it was ${kindOfValue(glossary)}; it was left out`);
    }
  }
  return document;
}

function readLabels(raw: readonly unknown[], problems: Problems): AnnotationLabel[] {
  const labels: AnnotationLabel[] = [];
  const firstIndexById = new Map<string, number>();
  const count = tooMany(raw, 'labels', ANNOTATION_LIMITS.labels, problems);
  for (let i = 0; i < count; i++) {
    const path: PathSegment[] = ['labels', i];
    const where = formatPath(path);
    let item: unknown;
    let labelId: string | undefined;
    try {
      item = raw[i];
      labelId = idOf(item);
    } catch {
      problems.add(where, `${where} could not be read and was left out`);
      continue;
    }
    const checked = check(annotationLabelSchema, item, path, problems, labelId);
    if (!checked.ok) {
      leftOut(checked, `${where}${labelId === undefined ? '' : ` ("${labelId}")`}`, where, problems, labelId);
      continue;
    }
    const label = checked.value;
    const first = firstIndexById.get(label.id);
    if (first !== undefined) {
      problems.add(
        `${where}.id`,
        `${where}.id "${label.id}" is already used by labels[${first}]: ids must be unique, so ${where} was left out`,
        label.id,
      );
      continue;
    }
    firstIndexById.set(label.id, i);
    labels.push(label);
  }
  return labels;
}

function readGlossary(raw: readonly unknown[], problems: Problems): AnnotationGlossaryEntry[] {
  const entries: AnnotationGlossaryEntry[] = [];
  const count = tooMany(raw, 'glossary', ANNOTATION_LIMITS.glossary, problems);
  for (let i = 0; i < count; i++) {
    const path: PathSegment[] = ['glossary', i];
    const where = formatPath(path);
    let item: unknown;
    try {
      item = raw[i];
    } catch {
      problems.add(where, `${where} could not be read and was left out`);
      continue;
    }
    const checked = check(annotationGlossaryEntrySchema, item, path, problems);
    if (checked.ok) entries.push(checked.value);
    else leftOut(checked, where, where, problems);
  }
  return entries;
}

/** How many items of a list to read; reports the rest. */
function tooMany(list: readonly unknown[], name: string, max: number, problems: Problems): number {
  if (list.length <= max) return list.length;
  problems.add(name, `${name} has ${list.length} items, more than the ${max} allowed: only the first ${max} were read`);
  return max;
}

/** `unreadable`: reading the value threw (a getter, a proxy), so no field problems were reported. */
type Checked<T> = { ok: true; value: T } | { ok: false; unreadable: boolean };

/** Reports that a part was left out, and why. */
function leftOut(checked: { unreadable: boolean }, name: string, path: string, problems: Problems, labelId?: string): void {
  problems.add(
    path,
    checked.unreadable ? `${name} could not be read and was left out` : `${name} was left out because of the problems above`,
    labelId,
  );
}

/**
 * Parses one part of the document. Unknown fields are reported and ignored: when they are the only
 * problem, they are removed from a copy and the copy is parsed again. Other problems are reported
 * and the part is rejected.
 */
function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  base: readonly PathSegment[],
  problems: Problems,
  labelId?: string,
): Checked<z.output<S>> {
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(value, { reportInput: true });
  } catch {
    return { ok: false, unreadable: true };
  }
  if (result.success) return { ok: true, value: result.data };

  const unknown: { path: PathSegment[]; keys: string[] }[] = [];
  const errors: { path: PathSegment[]; message: string }[] = [];
  collect(result.error.issues, [], unknown, errors);

  for (const { path, keys } of unknown) {
    for (const key of keys) {
      const where = formatPath([...base, ...path, key]);
      problems.add(where, `${where} is not a known field and was ignored`, labelId);
    }
  }
  for (const { path, message } of errors) {
    const where = formatPath([...base, ...path]);
    problems.add(where, /^(must|is) /.test(message) ? `${where} ${message}` : `${where} is not valid: ${message}`, labelId);
  }
  if (errors.length > 0) return { ok: false, unreadable: false };

  // Only unknown fields: parse again without them.
  try {
    let stripped = value;
    for (const { path, keys } of unknown) stripped = withoutKeys(stripped, path, keys);
    const again: z.ZodSafeParseResult<z.output<S>> = schema.safeParse(stripped);
    if (again.success) return { ok: true, value: again.data };
  } catch {
    // Unreadable: reported by the caller.
  }
  return { ok: false, unreadable: true };
}

/**
 * Sorts zod issues into unknown fields and errors, with paths relative to the part being checked.
 * For a union (an image by UID or by index), the branch the input was most likely meant to be is
 * reported; when that is unclear, the union's own message says what is allowed.
 */
function collect(
  issues: readonly Issue[],
  prefix: readonly PathSegment[],
  unknown: { path: PathSegment[]; keys: string[] }[],
  errors: { path: PathSegment[]; message: string }[],
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      unknown.push({ path, keys: issue.keys });
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = likeliestBranch(issue.errors);
      if (branch) collect(branch, path, unknown, errors);
      else errors.push({ path, message: issue.message });
    } else {
      errors.push({ path, message: issue.message });
    }
  }
}

/** The one union branch with the fewest missing fields, or undefined when there is a tie. */
function likeliestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const missing = branches.map((issues) => issues.filter((i) => i.code === 'invalid_type' && i.input === undefined).length);
  const fewest = Math.min(...missing);
  return missing.filter((m) => m === fewest).length === 1 ? branches[missing.indexOf(fewest)] : undefined;
}

/** A copy of `value` with `keys` removed from the object at `path`; everything else shared. */
function withoutKeys(value: unknown, path: readonly PathSegment[], keys: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (path.length === 0) {
    if (Array.isArray(value)) return value;
    // fromEntries defines keys as own properties, so a "__proto__" key cannot change the prototype.
    return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    if (typeof head === 'number') copy[head] = withoutKeys(copy[head], rest, keys);
    return copy;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [key, key === head ? withoutKeys(child, rest, keys) : child]),
  );
}

/** The reported id of a label: its `id` when that is a usable id. */
function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id.length >= 1 && id.length <= ANNOTATION_LIMITS.id ? id : undefined;
}

function reportUnknownKeys(value: object, known: readonly string[], path: readonly PathSegment[], problems: Problems) {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const where = formatPath([...path, key]);
    problems.add(where, `${where} is not a known field and was ignored`);
  }
}

/** `labels[2].target.point.column`; odd keys in brackets: `labels[0]["two words"]`. */
function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'symbol') text += '[symbol]';
    else if (/^[A-Za-z_$][\w$]*$/.test(segment) && segment.length <= MAX_KEY_LENGTH) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment.length > MAX_KEY_LENGTH ? `${segment.slice(0, MAX_KEY_LENGTH)}\u2026` : segment)}]`;
  }
  return text;
}

/** "a string", "a list", "null": what a value was, for messages. Never the value itself. */
function kindOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'undefined':
      return 'missing';
    case 'string':
      return 'text (a string)';
    case 'object':
      return 'an object';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${typeof value}`;
  }
}

/** The list of problems, capped so a huge bad document cannot make a huge report. */
class Problems {
  #list: AnnotationProblem[] = [];
  #unlisted = 0;

  add(path: string, message: string, labelId?: string): void {
    if (this.#list.length >= MAX_ANNOTATION_PROBLEMS) {
      this.#unlisted++;
      return;
    }
    this.#list.push(labelId === undefined ? { path, message } : { path, message, labelId });
  }

  list(): AnnotationProblem[] {
    if (this.#unlisted === 0) return this.#list;
    return [...this.#list, { path: '', message: `${this.#unlisted} more problems were not listed` }];
  }
}
