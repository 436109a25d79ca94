/**
 * Reading a FHIR R4 `DiagnosticReport`: only `presentedForm` (base64 `data` as `text/plain` or
 * `text/html`), `conclusion` and `conclusionCode` text. Nothing else is read: never `subject`,
 * `performer`, `resultsInterpreter`, `identifier` or any other field that could say who the patient
 * or their clinicians are. Those names and identifiers are collected only to take them out of the
 * report's own words, should a rendered report carry them.
 */
import type { Hold, ImageRef, ReportModel, Section } from './model.js';
import { parseHtml } from './html.js';
import { IdMaker, paragraph, parseText, redact } from './text.js';
import { ReportError } from './errors.js';

/** Base64 text longer than this (characters) is refused as too large. */
const MAX_BASE64 = 4_000_000;

/** The report in a DiagnosticReport as a model; throws a {@link ReportError} (`malformed`, `not-text`, `too-large`). */
export function parseDiagnosticReport(resource: unknown, refs?: Readonly<Record<string, ImageRef>>): ReportModel {
  if (!isObject(resource) || resource.resourceType !== 'DiagnosticReport') {
    throw new ReportError('malformed', 'Not a FHIR DiagnosticReport.');
  }
  const known = identifyingStrings(resource);
  const ids = new IdMaker();
  const sections: Section[] = [];
  let truncated = false;
  let hold: Hold | undefined;
  let sawForm = false;
  const forms = Array.isArray(resource.presentedForm) ? resource.presentedForm : [];
  for (const form of forms) {
    if (!isObject(form) || typeof form.data !== 'string') continue;
    sawForm = true;
    const type = typeof form.contentType === 'string' ? form.contentType.toLowerCase().split(';')[0]!.trim() : '';
    if (type !== 'text/plain' && type !== 'text/html') continue;
    if (form.data.length > MAX_BASE64) throw new ReportError('too-large', 'The report text is too large.');
    const text = decodeBase64(form.data);
    const model = type === 'text/html' ? parseHtml(text, { refs, known }, ids) : parseText(text, ids, known);
    sections.push(...model.sections);
    truncated ||= model.truncated;
    // A rendered report marked sensitive as a whole keeps the whole report waiting.
    hold ??= model.hold;
  }
  const shown = normal(sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b]))).flatMap((p) => p.sentences.map((x) => x.text)).join(' '));
  const conclusion = typeof resource.conclusion === 'string' ? redact(resource.conclusion.slice(0, 100_000), known).trim() : '';
  const codes = (Array.isArray(resource.conclusionCode) ? resource.conclusionCode : [])
    .map(codeText)
    .filter((t): t is string => Boolean(t))
    .map((t) => redact(t, known));
  const extra: Section = { heading: 'Conclusion', kind: 'impression', blocks: [] };
  if (conclusion && !shown.includes(normal(conclusion))) {
    for (const part of conclusion.split(/\n\s*\n/)) if (part.trim()) extra.blocks.push(paragraph([{ text: part.trim() }], ids));
  }
  if (codes.length > 0) {
    extra.blocks.push({ kind: 'list', id: ids.next('l'), ordered: false, items: codes.map((c) => paragraph([{ text: c }], ids)) });
  }
  if (extra.blocks.length > 0) sections.push(extra);
  if (sections.length === 0) {
    throw sawForm
      ? new ReportError('not-text', 'The DiagnosticReport has no text or HTML report.')
      : new ReportError('malformed', 'The DiagnosticReport has no report text.');
  }
  return { sections, truncated, ...(hold ? { hold } : {}) };
}

/**
 * Display names and identifier values of the resource's people and identifiers, and each family name
 * after a title ("Dr Smith"). Single given or family names alone are not taken out: "May" or "Mass"
 * would remove the report's own words.
 */
function identifyingStrings(resource: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const families = new Set<string>();
  const addName = (name: string) => {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (!clean) return;
    out.add(clean);
    const words = clean.split(' ');
    if (words.length > 1) families.add(words.at(-1)!);
    // "SMITH, Jane": the family name first.
    if (clean.includes(',')) families.add(clean.split(',')[0]!.trim());
  };
  const addRef = (ref: unknown) => {
    if (!isObject(ref)) return;
    if (typeof ref.display === 'string') addName(ref.display);
    if (isObject(ref.identifier) && typeof ref.identifier.value === 'string') out.add(ref.identifier.value);
  };
  for (const field of ['subject', 'encounter']) addRef(resource[field]);
  for (const field of ['performer', 'resultsInterpreter', 'specimen', 'basedOn']) {
    const list = resource[field];
    if (Array.isArray(list)) list.forEach(addRef);
  }
  for (const id of Array.isArray(resource.identifier) ? resource.identifier : []) {
    if (isObject(id) && typeof id.value === 'string') out.add(id.value);
  }
  for (const contained of Array.isArray(resource.contained) ? resource.contained : []) {
    if (!isObject(contained)) continue;
    for (const name of Array.isArray(contained.name) ? contained.name : []) {
      if (!isObject(name)) continue;
      const given = (Array.isArray(name.given) ? name.given : []).filter((g): g is string => typeof g === 'string');
      const family = typeof name.family === 'string' ? name.family.trim() : '';
      if (typeof name.text === 'string') addName(name.text);
      if (family) {
        families.add(family);
        if (given.length > 0) {
          addName(`${given.join(' ')} ${family}`);
          addName(`${given[0]} ${family}`);
        }
      }
    }
    for (const id of Array.isArray(contained.identifier) ? contained.identifier : []) {
      if (isObject(id) && typeof id.value === 'string') out.add(id.value);
    }
  }
  for (const family of families) {
    if (family.length < 2) continue;
    for (const title of ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor']) {
      out.add(`${title} ${family}`);
      out.add(`${title}. ${family}`);
    }
  }
  // Longest first, so "Jane Smith" goes before "Dr Smith".
  return [...out].filter((s) => s.trim().length >= 2).sort((a, b) => b.length - a.length);
}

function codeText(code: unknown): string | undefined {
  if (!isObject(code)) return undefined;
  if (typeof code.text === 'string' && code.text.trim()) return code.text.trim().slice(0, 500);
  const coding = Array.isArray(code.coding) ? code.coding.find((c) => isObject(c) && typeof c.display === 'string') : undefined;
  return isObject(coding) && typeof coding.display === 'string' ? coding.display.trim().slice(0, 500) : undefined;
}

function decodeBase64(data: string): string {
  let binary: string;
  try {
    binary = atob(data.replace(/\s+/g, ''));
  } catch (error) {
    throw new ReportError('malformed', 'The report text is not valid base64.', { cause: error });
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return decodeText(bytes);
}

/** UTF-8 text, or a `not-text` error for bytes that are not text (a PDF, an image). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new ReportError('not-text', 'The report is not text.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ReportError('not-text', 'The report is not text.', { cause: error });
  }
}

function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
