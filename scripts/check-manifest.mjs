#!/usr/bin/env node
/**
 * Fails when the committed custom-elements.json no longer matches the JSDoc in src/.
 *
 * Runs package.json's own `analyze` script (so the globs live in one place) into a temporary folder
 * and compares the result with the committed file. Exit codes: 0 up to date, 1 out of date or
 * missing, 2 the analyzer itself failed.
 *
 *   node scripts/check-manifest.mjs      (also: npm run check:manifest)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const committedPath = join(root, 'custom-elements.json');
const OUT_OF_DATE = 'custom-elements.json is out of date: run npm run analyze and commit it';

/** Where two JSON values first differ, as a readable path (`modules[0].declarations[0].events`). */
function firstDifference(a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const step = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const found = firstDifference(a[key], b[key], step);
      if (found !== undefined) return found;
    }
  }
  return path || '(the whole file)';
}

function run(command, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
    });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const analyze = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.analyze;
if (!analyze) {
  console.error('package.json has no "analyze" script, so the manifest cannot be checked.');
  process.exit(2);
}

const temp = mkdtempSync(join(tmpdir(), 'pv-manifest-'));
try {
  // The analyzer joins --outdir onto the working directory, so it must be relative.
  const outdir = relative(root, temp);
  const code = await run(`${analyze} --quiet --outdir "${outdir}"`, root);
  const generatedPath = join(temp, 'custom-elements.json');
  if (code !== 0 || !existsSync(generatedPath)) {
    console.error(`The custom-elements manifest analyzer failed (exit code ${code}).`);
    process.exitCode = 2;
  } else if (!existsSync(committedPath)) {
    console.error(`custom-elements.json is missing: run npm run analyze and commit it`);
    process.exitCode = 1;
  } else {
    let committed;
    try {
      committed = JSON.parse(readFileSync(committedPath, 'utf8'));
    } catch {
      committed = undefined;
    }
    const generated = JSON.parse(readFileSync(generatedPath, 'utf8'));
    const where = firstDifference(committed, generated);
    if (where === undefined) {
      console.log('custom-elements.json is up to date.');
    } else {
      console.error(OUT_OF_DATE);
      console.error(`  (first difference at ${where})`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
