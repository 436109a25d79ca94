#!/usr/bin/env node
/**
 * `npm test`: the one test command, for developers and CI alike.
 *
 *   1. Chromium is there (CHROME_PATH, or Debian's /usr/bin/chromium), or say how to get it.
 *   2. The TypeScript typecheck (tsc -p tsconfig.json).
 *   3. custom-elements.json matches the JSDoc (scripts/check-manifest.mjs).
 *   4. The browser tests, every group (web-test-runner); its exit code is ours.
 *
 * CI reads a plain `N passed, N failed` line: the test runner's summary reporter prints it, and a
 * failure before the browser tests prints `0 passed, N failed` here. When the output is not a
 * terminal (CI, a log file), the test runner's output is passed through line by line and its summary
 * line is printed again as the very last line, since the runner prints its progress after it.
 * Extra arguments go to web-test-runner, e.g. `npm test -- --group no-webgl` or
 * `npm test -- --files test/viewer/spike.test.ts`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

// 2 and 3. Both run, so one go shows every problem; either failing stops before the browser tests.
let failed = 0;
if ((await run('Typecheck: tsc -p tsconfig.json', process.execPath, [bin('tsc'), '-p', 'tsconfig.json'])) !== 0) {
  console.error('\nThe typecheck failed (see the errors above).');
  failed++;
}
if ((await run('Manifest check: custom-elements.json', process.execPath, [join(root, 'scripts', 'check-manifest.mjs')])) !== 0) {
  failed++;
}
if (failed > 0) stopBeforeTests(failed);

// 4. Browser tests (prints `N passed, N failed, N skipped`).
const testArgs = [bin('web-test-runner'), ...process.argv.slice(2)];
if (process.stdout.isTTY) {
  // A person at a terminal: the runner keeps its live progress display.
  process.exit(await run('Browser tests: web-test-runner', process.execPath, testArgs));
}
const { code, summary } = await runAndWatch('Browser tests: web-test-runner', process.execPath, testArgs);
if (summary) {
  // A non-zero exit with no failed test (say, a file that could not load) still counts as a failure.
  const failed = code !== 0 && summary.failed === 0 ? 1 : summary.failed;
  console.log(`\n${summary.passed} passed, ${failed} failed, ${summary.skipped} skipped`);
} else if (code !== 0) {
  console.log('\n0 passed, 1 failed');
}
process.exit(code);

/** Like run(), but stdout goes through here so the runner's summary line can be found. */
function runAndWatch(label, command, args) {
  console.log(`\n> ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
    let summary;
    let partial = '';
    const scan = (line) => {
      // eslint-disable-next-line no-control-regex
      const plain = line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim();
      const match = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(plain);
      if (match) summary = { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) };
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split(/\r?\n|\r/);
      partial = lines.pop() ?? '';
      lines.forEach(scan);
    });
    child.on('error', (error) => {
      console.error(`Could not start ${label}: ${error.message}`);
      resolve({ code: 1, summary });
    });
    child.on('close', (code, signal) => {
      scan(partial);
      resolve({ code: signal ? 1 : (code ?? 1), summary });
    });
  });
}
