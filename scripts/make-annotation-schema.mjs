#!/usr/bin/env node
/**
 * Writes annotation.schema.json (JSON Schema, draft 2020-12) from the zod schema in
 * src/annotations/document.ts, so the two cannot disagree. test/annotations/validate.unit.test.ts fails
 * when the committed file is out of date.
 *
 *   node scripts/make-annotation-schema.mjs           write the file
 *   node scripts/make-annotation-schema.mjs --check   exit 1 if the committed file is out of date
 *
 * Node cannot import TypeScript by itself (Node 20), so Vite's module runner loads document.ts:
 * Vite is already here, works offline and needs no extra loader.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outPath = fileURLToPath(new URL('../annotation.schema.json', import.meta.url));

const { module } = await runnerImport('/src/annotations/document.ts', {
  root,
  configFile: false,
  logLevel: 'error',
});
const schema = module.annotationJsonSchema();
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const committed = existsSync(outPath) ? JSON.parse(readFileSync(outPath, 'utf8')) : undefined;
  if (!isDeepStrictEqual(committed, schema)) {
    console.error('annotation.schema.json is out of date: run node scripts/make-annotation-schema.mjs and commit it');
    process.exit(1);
  }
  console.log('annotation.schema.json is up to date');
} else {
  writeFileSync(outPath, text);
  console.log(`Wrote ${outPath}`);
}
