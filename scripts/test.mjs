#!/usr/bin/env node
/**
 * `npm test`: the one test command, for developers and CI alike.
 *
 *   1. Chromium is there (CHROME_PATH, or Debian's /usr/bin/chromium), or say how to get it.
 *   2. The TypeScript typecheck (tsc -p tsconfig.json).
 *   3. ESLint (eslint.config.js; `npm run lint` alone), with the time it took.
 *   4. custom-elements.json matches the JSDoc (scripts/check-manifest.mjs).
 *   5. The browser tests, every group (web-test-runner).
 *   6. The Node checks, test/node/*.test.mjs (node --test): builds, package, Storybook, benchmark.
 *
 * CI reads a plain `N passed, N failed, N skipped` line, printed last: the sum of steps 5 and 6 (a
 * failure before the browser tests prints `0 passed, N failed`). Any step failing fails the command.
 * Extra arguments make a focused run of the browser tests only, e.g. `npm test -- --group no-webgl`;
 * `PV_FILES=test/patient-image-viewer/errors.test.ts npm test -- --group webgl` runs one file (see
 * web-test-runner.config.mjs); `npm run test:node` runs step 6 alone.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_PATH } from './platform.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  console.log(`\n> ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`Could not start ${label}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** The line CI reads, for a run that stopped before the browser tests. */
function stopBeforeTests(failed) {
  console.log(`\n0 passed, ${failed} failed`);
  process.exit(1);
}

// 1. Chromium
const chrome = CHROME_PATH;
if (!existsSync(chrome)) {
  console.error(
    `\nThe tests need Chromium, and it was not found at ${chrome}.\n\n` +
      'Install it with:\n\n    sudo apt-get install -y chromium\n\n' +
      'or tell the tests where your Chrome or Chromium is:\n\n    CHROME_PATH=/path/to/chrome npm test\n',
  );
  stopBeforeTests(1);
}

if (!existsSync(bin('web-test-runner'))) {
  console.error('\nThe project dependencies are not installed. Run: npm ci\n');
  stopBeforeTests(1);
}

// 2, 3 and 4. All run, so one go shows every problem; any failing stops before the browser tests.
let failed = 0;
if ((await run('Typecheck: tsc -p tsconfig.json', process.execPath, [bin('tsc'), '-p', 'tsconfig.json'])) !== 0) {
  console.error('\nThe typecheck failed (see the errors above).');
  failed++;
}
const lintStart = performance.now();
const lintCode = await run('Lint: eslint .', process.execPath, [bin('eslint'), '.']);
console.log(`Lint took ${((performance.now() - lintStart) / 1000).toFixed(1)} s.`);
if (lintCode !== 0) {
  // Warnings (rules set to `warn` for a while, see eslint.config.js) print but do not fail.
  console.error('\nLint found errors (see above; `npm run lint` runs it alone).');
  failed++;
}
if ((await run('Manifest check: custom-elements.json', process.execPath, [join(root, 'scripts', 'check-manifest.mjs')])) !== 0) {
  // A focused run (extra arguments) is for the tests at hand: it only warns.
  if (process.argv.length > 2) console.warn('(A focused run: going on. The full `npm test` fails on this.)');
  else failed++;
}
if (failed > 0) stopBeforeTests(failed);

// 5. Browser tests (the runner prints `N passed, N failed, N skipped`).
// Extra arguments (say `--files test/patient-image-viewer/errors.test.ts`) make a focused run: browser tests only.
const extra = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
const add = (label, { code, summary }) => {
  if (code !== 0) exitCode = 1;
  if (!summary) {
    if (code !== 0) totals.failed += 1;
    return;
  }
  // A non-zero exit with no failed test (say, a file that could not load) still counts as a failure.
  totals.passed += summary.passed;
  totals.failed += code !== 0 && summary.failed === 0 ? 1 : summary.failed;
  totals.skipped += summary.skipped;
  console.log(`\n${label}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
};

add('Browser tests', await runAndWatch('Browser tests: web-test-runner', process.execPath, [bin('web-test-runner'), ...extra], wtrSummary));

// 6. Node checks (test/node/*.test.mjs): the built package, the script-tag build under a strict CSP and
// from another origin, a consumer app, the size budget, the built Storybook, the benchmark's quick mode.
if (extra.length === 0 && nodeTestFiles().length > 0) {
  add(
    'Node checks',
    await runAndWatch('Node checks: node --test test/node', process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...nodeTestFiles()], nodeSummary),
  );
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);

function nodeTestFiles() {
  const folder = join(root, 'test', 'node');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.test.mjs'))
    .sort()
    .map((name) => join(folder, name));
}

/** The web test runner's plain summary line (test/support/summary-reporter.mjs). */
function wtrSummary(lines) {
  let summary;
  for (const line of lines) {
    const match = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line);
    if (match) summary = { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) };
  }
  return summary;
}

/** node --test's closing counts (`ℹ pass 3`, `ℹ fail 0`, `ℹ skipped 1`, `ℹ todo 0`). */
function nodeSummary(lines) {
  const counts = {};
  for (const line of lines) {
    const match = /^(?:ℹ|#)\s*(tests|pass|fail|skipped|todo|cancelled)\s+(\d+)$/.exec(line);
    if (match) counts[match[1]] = Number(match[2]);
  }
  if (counts.tests === undefined) return undefined;
  return {
    passed: counts.pass ?? 0,
    failed: (counts.fail ?? 0) + (counts.cancelled ?? 0),
    skipped: (counts.skipped ?? 0) + (counts.todo ?? 0),
  };
}

/** Like run(), but stdout also goes through `summarise`, which finds the counts in its plain lines. */
function runAndWatch(label, command, args, summarise) {
  console.log(`\n> ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
    const plainLines = [];
    let partial = '';
    // eslint-disable-next-line no-control-regex
    const scan = (line) => plainLines.push(line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim());
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      lines.forEach(scan);
    });
    child.on('error', (error) => {
      console.error(`Could not start ${label}: ${error.message}`);
      resolve({ code: 1, summary: summarise(plainLines) });
    });
    child.on('close', (code, signal) => {
      scan(partial);
      resolve({ code: signal ? 1 : (code ?? 1), summary: summarise(plainLines) });
    });
  });
}
