#!/usr/bin/env node
/**
 * Writes the tables of docs/theming.md and of the README's Theming section (custom properties and
 * parts) from custom-elements.json,
 * which `npm run analyze` makes from the elements' @cssprop and @csspart JSDoc. The tables sit
 * between `<!-- theming-tables:start -->` and `<!-- theming-tables:end -->`; the words round them
 * are written by hand.
 *
 *   node scripts/theming-docs.mjs           rewrite the tables
 *   node scripts/theming-docs.mjs --check   exit 1 if they are out of date (test/node/theming.test.mjs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DOC_PATH = `${root}docs/theming.md`;
export const README_PATH = `${root}README.md`;
export const MANIFEST_PATH = `${root}custom-elements.json`;
const START = '<!-- theming-tables:start -->';
const END = '<!-- theming-tables:end -->';

/** The custom elements in the manifest, in the order a page uses them. */
export function elementsOf(manifest) {
  const order = ['finding-disclosure', 'patient-image-viewer', 'lay-annotation-layer'];
  return manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => order.indexOf(a.tagName) - order.indexOf(b.tagName));
}

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
/** A shared property's description without the "(shared ...)" note each element adds. */
const plain = (description) => cell(description).replace(/\s*\(shared[^)]*\)/i, '');

/** The Markdown tables: page-level properties (two or more elements), per-element ones, and parts. */
export function themingTables(manifest) {
  const elements = elementsOf(manifest);
  const users = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) {
      const entry = users.get(property.name) ?? { property, tags: [] };
      // A shared property is described as the viewer describes it (the fullest account).
      if (element.tagName === 'patient-image-viewer') entry.property = property;
      entry.tags.push(element.tagName);
      users.set(property.name, entry);
    }
  }
  const shared = [...users.values()].filter((entry) => entry.tags.length > 1).sort((a, b) => a.property.name.localeCompare(b.property.name));
  const lines = [];
  lines.push('### Page-level properties', '');
  lines.push('Used by more than one element. Set them once, on `:root` or on any box round the elements.', '');
  lines.push('| Property | Default | Used by | What it changes |', '| --- | --- | --- | --- |');
  for (const { property, tags } of shared) {
    lines.push(`| ${code(property.name)} | ${code(property.default)} | ${tags.map(code).join(', ')} | ${plain(property.description)} |`);
  }
  for (const element of elements) {
    const own = (element.cssProperties ?? []).filter((property) => users.get(property.name).tags.length === 1);
    if (own.length === 0) continue;
    lines.push('', `### \`<${element.tagName}>\` properties`, '');
    lines.push('| Property | Default | What it changes |', '| --- | --- | --- |');
    for (const property of own) lines.push(`| ${code(property.name)} | ${code(property.default)} | ${cell(property.description)} |`);
  }
  lines.push('', '### Parts', '');
  lines.push('Style these with `::part()`, for example `patient-image-viewer::part(controls) { … }`.', '');
  lines.push('| Element | Part | What it is |', '| --- | --- | --- |');
  for (const element of elements) {
    for (const part of element.cssParts ?? []) lines.push(`| ${code(element.tagName)} | ${code(part.name)} | ${cell(part.description)} |`);
  }
  return lines.join('\n');
}

/** The document with its tables replaced. */
export function withTables(doc, tables) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`no ${START} … ${END} markers`);
  return `${doc.slice(0, start + START.length)}\n\n${tables}\n\n${doc.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  const tables = themingTables(manifest);
  let stale = false;
  for (const [path, name] of [
    [DOC_PATH, 'docs/theming.md'],
    [README_PATH, 'README.md'],
  ]) {
    const doc = readFileSync(path, 'utf8');
    const updated = withTables(doc, tables);
    if (updated === doc) {
      console.log(`${name}: the theming tables are up to date`);
    } else if (process.argv.includes('--check')) {
      console.error(`${name}: the theming tables are out of date: run node scripts/theming-docs.mjs`);
      stale = true;
    } else {
      writeFileSync(path, updated);
      console.log(`${name}: wrote the theming tables`);
    }
  }
  if (stale) process.exit(1);
}
