#!/usr/bin/env node
/**
 * First-image benchmark: how long from navigation start until `<patient-image-viewer>` fires
 * `pv-load`, for real DICOM files, through the script-tag build (dist/cdn), in a fresh headless
 * Chromium each run (nothing cached), with WebGL (SwiftShader) and without WebGL (CPU drawing).
 * Also shows, from the Resource Timing API, when the engine's first request and the image request
 * started, so you can see whether they overlap.
 *
 *   node bench/first-image.mjs [--runs N] [--phone] [--files A.dcm,B.dcm] [--build] [--no-gzip]
 *
 *   --runs N    runs per file and mode (default 7)
 *   --phone     also run every case with a phone profile: 10 Mbit/s down, 40 ms latency,
 *               CPU throttled 4x, 412x915 viewport at DPR 2
 *   --files     DICOM files to load (default RG1_J2KI.dcm,693_UNCR.dcm), from ../shared/dicom
 *               or $PV_DICOM_DIR
 *   --build     build the current source into a temporary folder and bench that (dist/cdn is not
 *               touched); without it dist/cdn is used, and built only if it is missing
 *   --no-gzip   serve the bundle uncompressed (default: gzip, as any CDN would)
 *   --modes     webgl,no-webgl (default both)
 *
 * Chromium: $CHROME_PATH or /usr/bin/chromium. See bench/README.md.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { cleanup, closeBrowser, fail, prepareBundle, run, startServer } from './support.mjs';
import {
  CHROME_PATH,
  NO_WEBGL_FLAGS,
  QUIET_CHROMIUM_FLAGS,
  SHARED_DICOM_DIR,
  WEBGL_FLAGS,
} from '../scripts/platform.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

// ---------------------------------------------------------------- options

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    phone: { type: 'boolean', default: false },
    files: { type: 'string', default: 'RG1_J2KI.dcm,693_UNCR.dcm' },
    modes: { type: 'string', default: 'webgl,no-webgl' },
    build: { type: 'boolean', default: false },
    'no-gzip': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
const RUNS = Math.max(1, Number.parseInt(options.runs, 10) || 7);
const FILES = options.files.split(',').map((f) => f.trim()).filter(Boolean);
const GZIP = !options['no-gzip'];
const DICOM_DIR = resolve(SHARED_DICOM_DIR);
const CHROME = CHROME_PATH;
const RUN_TIMEOUT_MS = 180_000;

const BASE_ARGS = QUIET_CHROMIUM_FLAGS;
const MODES = {
  webgl: { label: 'webgl (SwiftShader)', args: WEBGL_FLAGS, expect: 'gpu' },
  'no-webgl': { label: 'no-webgl', args: NO_WEBGL_FLAGS, expect: 'cpu' },
};
const selectedModes = options.modes.split(',').map((m) => m.trim());
for (const mode of selectedModes) {
  if (!MODES[mode]) fail(`Unknown mode "${mode}" (use webgl, no-webgl).`);
}
const PROFILES = [
  { name: 'desktop', viewport: { width: 1280, height: 800, deviceScaleFactor: 1 } },
  ...(options.phone
    ? [
        {
          name: 'phone',
          viewport: { width: 412, height: 915, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
          network: { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) },
          cpuRate: 4,
        },
      ]
    : []),
];

// ---------------------------------------------------------------- checks and build

if (!existsSync(CHROME)) fail(`Chromium not found at ${CHROME}. Install it (apt-get install -y chromium) or set CHROME_PATH.`);
for (const file of FILES) {
  if (!existsSync(join(DICOM_DIR, file))) fail(`${file} not found in ${DICOM_DIR} (set PV_DICOM_DIR).`);
}

const cdnDir = prepareBundle(root, { build: options.build, prefix: 'pv-bench-cdn-' });

// ---------------------------------------------------------------- what the bundle is made of

const SHELL = 'patient-image-viewer.js';
const cdnFiles = readdirSync(cdnDir, { recursive: true })
  .map((f) => String(f).replaceAll('\\', '/'))
  .filter((f) => statSync(join(cdnDir, f)).isFile() && !f.endsWith('.map'));

/** Raw sizes, read now: a --build folder is removed before the report. */
const rawSize = new Map(cdnFiles.map((f) => [f, statSync(join(cdnDir, f)).size]));

/** gzip of every .js and .wasm in the bundle: for the size report, and served when gzip is on. */
const gzipped = new Map();
for (const file of cdnFiles) {
  if (/\.(js|wasm)$/.test(file)) gzipped.set(file, gzipSync(readFileSync(join(cdnDir, file)), { level: 9 }));
}

/** The shell and the chunks it imports statically: everything else under /cdn/ is the engine. */
const shellStatic = new Set([SHELL]);
{
  const queue = [SHELL];
  while (queue.length > 0) {
    const file = queue.shift();
    const code = readFileSync(join(cdnDir, file), 'utf8');
    for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)) {
      const target = join(dirname(file), match[1]).replaceAll('\\', '/');
      if (!shellStatic.has(target) && existsSync(join(cdnDir, target))) {
        shellStatic.add(target);
        queue.push(target);
      }
    }
  }
}
/** The engine's page-side chunks (the decode worker and the scripts it imports are under assets/). */
const chunksBySize = cdnFiles
  .filter((f) => f.startsWith('chunks/') && f.endsWith('.js') && !shellStatic.has(f))
  .sort((a, b) => rawSize.get(b) - rawSize.get(a));
const coreChunk = chunksBySize[0]; // Cornerstone core: the biggest download on the way to the first image

// ---------------------------------------------------------------- the server

const origin = await startServer({
  benchDir,
  cdnDir,
  dicomDir: DICOM_DIR,
  gzipped: GZIP ? gzipped : undefined,
  pages: {
    '/': ['page.html', 'text/html; charset=utf-8'],
    '/page.html': ['page.html', 'text/html; charset=utf-8'],
    '/page.js': ['page.js', 'text/javascript; charset=utf-8'],
  },
});

// ---------------------------------------------------------------- one run

async function runOnce(file, mode, profile) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pv-bench-profile-'));
  run.tempDirs.add(userDataDir);
  run.launching = puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    userDataDir,
    args: [...BASE_ARGS, ...MODES[mode].args],
    defaultViewport: profile.viewport,
    protocolTimeout: RUN_TIMEOUT_MS + 30_000,
    // Our own SIGINT/SIGTERM handler closes browsers and deletes their profiles.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const browser = await run.launching;
  run.launching = undefined;
  run.browsers.add(browser);
  const problems = [];
  try {
    const [page] = await browser.pages();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    if (profile.network || profile.cpuRate) {
      const session = await page.createCDPSession();
      if (profile.network) {
        await session.send('Network.enable');
        await session.send('Network.emulateNetworkConditions', profile.network);
      }
      if (profile.cpuRate) await session.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
    }
    const url = `${origin}/page.html?file=${encodeURIComponent(file)}&timeout=${RUN_TIMEOUT_MS - 10_000}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: RUN_TIMEOUT_MS });
    const result = await page.evaluate(
      (ms) => Promise.race([window.__benchDone, new Promise((r) => setTimeout(() => r({ ...window.__bench, error: 'no pv-load or pv-error in time' }), ms))]),
      RUN_TIMEOUT_MS,
    );
    // The decode worker's own requests (its codec WASM) are in the worker's timeline, not the page's.
    result.workerResources = [];
    for (const worker of page.workers()) {
      try {
        const w = await worker.evaluate(() => ({
          timeOrigin: performance.timeOrigin,
          entries: performance.getEntriesByType('resource').map((e) => ({
            name: new URL(e.name).pathname,
            startTime: e.startTime,
            responseEnd: e.responseEnd,
          })),
        }));
        const shift = w.timeOrigin - result.timeOrigin;
        result.workerResources.push({ startedAt: shift, url: new URL(worker.url()).pathname });
        for (const e of w.entries) {
          result.workerResources.push({ ...e, startTime: e.startTime + shift, responseEnd: e.responseEnd + shift });
        }
      } catch {
        /* the worker went away */
      }
    }
    result.problems = problems;
    return result;
  } finally {
    await closeBrowser(browser);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    run.tempDirs.delete(userDataDir);
  }
}

/** The times this benchmark reports, in ms from navigation start, from one run's raw result. */
function timesOf(result) {
  const cdn = result.resources.filter((r) => r.name.startsWith('/cdn/'));
  const engine = cdn.filter((r) => !shellStatic.has(r.name.slice('/cdn/'.length)));
  const engineJs = engine.filter((r) => r.name.endsWith('.js'));
  const image = result.resources.find((r) => r.name.startsWith('/dicom/'));
  const core = engine.find((r) => r.name === `/cdn/${coreChunk}`);
  const shell = cdn.find((r) => r.name === `/cdn/${SHELL}`);
  const worker = result.workerResources.find((r) => r.url && /worker/i.test(r.url));
  const wasm = result.workerResources.filter((r) => r.name?.endsWith('.wasm'));
  const min = (xs) => (xs.length ? Math.min(...xs) : undefined);
  const max = (xs) => (xs.length ? Math.max(...xs) : undefined);
  return {
    load: result.loadAt,
    shellEnd: shell?.responseEnd,
    engineStart: min(engine.map((r) => r.startTime)),
    coreStart: core?.startTime,
    engineJsEnd: max(engineJs.map((r) => r.responseEnd)),
    imageStart: image?.startTime,
    imageEnd: image?.responseEnd,
    workerStart: worker?.startedAt,
    wasmStart: min(wasm.map((r) => r.startTime)),
    wasmEnd: max(wasm.map((r) => r.responseEnd)),
    wasmName: wasm.map((r) => basename(r.name)).join(' '),
    lit: result.lit,
    renderer: result.renderer,
  };
}

// ---------------------------------------------------------------- main

const loadBefore = loadavg();
const startedAt = Date.now();
console.log(
  `First-image benchmark: ${RUNS} run(s) per case; files ${FILES.join(', ')} from ${DICOM_DIR}; ` +
    `bundle ${options.build ? `${cdnDir} (built from the current source; removed afterwards)` : relative(root, cdnDir)} served ${GZIP ? 'gzip' : 'uncompressed'} at ${origin}/cdn/`,
);
console.log(`Chromium: ${CHROME}; load average before: ${loadBefore.map((n) => n.toFixed(2)).join(', ')}\n`);

const cases = [];
for (const profile of PROFILES) {
  for (const file of FILES) {
    for (const mode of selectedModes) {
      const entry = { profile: profile.name, file, mode, runs: [], errors: [] };
      cases.push(entry);
      process.stdout.write(`${profile.name.padEnd(7)} ${file.padEnd(14)} ${mode.padEnd(9)} `);
      for (let i = 0; i < RUNS; i += 1) {
        let result;
        try {
          result = await runOnce(file, mode, profile);
        } catch (error) {
          result = { error: `run failed: ${error.message}`, problems: [] };
        }
        if (result.loadAt === undefined) {
          entry.errors.push([result.error, ...(result.problems ?? [])].filter(Boolean).join(' | '));
          process.stdout.write('x');
        } else {
          entry.runs.push(timesOf(result));
          process.stdout.write('.');
        }
      }
      process.stdout.write('\n');
    }
  }
}
await cleanup();
const loadAfter = loadavg();

// ---------------------------------------------------------------- report

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (typeof x === 'number' ? String(Math.round(x)) : '-');
const pct = (x) => (typeof x === 'number' ? `${Math.round(x * 100)}%` : '-');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(headers, rows, rightAligned = new Set()) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (rightAligned.has(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

console.log('\nTime to first image (navigation start -> pv-load), ms');
console.log(
  table(
    ['profile', 'file', 'mode', 'renderer', 'ok', 'median', 'min', 'max', 'lit px'],
    cases.map((c) => {
      const loads = c.runs.map((r) => r.load);
      const renderers = [...new Set(c.runs.map((r) => r.renderer))].join('/') || '-';
      return [
        c.profile,
        c.file,
        MODES[c.mode].label,
        renderers,
        `${c.runs.length}/${c.runs.length + c.errors.length}`,
        ms(median(loads)),
        ms(loads.length ? Math.min(...loads) : undefined),
        ms(loads.length ? Math.max(...loads) : undefined),
        pct(median(c.runs.map((r) => r.lit))),
      ];
    }),
    new Set([5, 6, 7, 8]),
  ),
);

console.log('\nWhere the time goes (medians, ms from navigation start; Resource Timing request starts / ends)');
console.log(
  table(
    ['profile', 'file', 'mode', 'shell end', 'engine req', 'core req', 'engine JS end', 'image req', 'image end', 'worker', 'wasm req', 'wasm end', 'pv-load', 'img req < engine JS end'],
    cases.map((c) => {
      const m = (key) => ms(median(c.runs.map((r) => r[key])));
      const overlapping = c.runs.filter((r) => r.imageStart !== undefined && r.engineJsEnd !== undefined && r.imageStart < r.engineJsEnd).length;
      return [
        c.profile,
        c.file,
        c.mode,
        m('shellEnd'),
        m('engineStart'),
        m('coreStart'),
        m('engineJsEnd'),
        m('imageStart'),
        m('imageEnd'),
        m('workerStart'),
        m('wasmStart'),
        m('wasmEnd'),
        m('load'),
        `${overlapping}/${c.runs.length}`,
      ];
    }),
    new Set([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  ),
);
const wasmNames = [...new Set(cases.flatMap((c) => c.runs.map((r) => r.wasmName)).filter(Boolean))];
console.log(
  '  engine req: first /cdn/ request outside the shell\'s static imports (the dynamic import of the engine);\n' +
    `  core req: ${coreChunk} (Cornerstone core); engine JS end: last engine .js response end;\n` +
    '  worker: decode worker created; wasm req: codec fetched inside the worker' +
    (wasmNames.length ? ` (${wasmNames.join(', ')})` : '') +
    '.',
);

const errors = cases.flatMap((c) => c.errors.map((e) => `${c.profile} ${c.file} ${c.mode}: ${e}`));
if (errors.length) {
  console.log('\nFailed runs:');
  for (const e of errors) console.log(`  ${e}`);
}

console.log('\nBundle sizes (gzip -9, zlib.gzipSync)');
const sizeRow = (file, role) => [file, role, kib(rawSize.get(file)), kib(gzipped.get(file).length)];
const workers = cdnFiles.filter((f) => f.endsWith('.js') && /worker/i.test(f));
const shellChunks = [...shellStatic].filter((f) => f !== SHELL);
const shellTotal = [...shellStatic].reduce((total, f) => total + gzipped.get(f).length, 0);
console.log(
  table(
    ['file', 'role', 'raw', 'gzip'],
    [
      sizeRow(SHELL, 'shell (the script tag)'),
      ...shellChunks.map((f) => sizeRow(f, 'shell, static import')),
      ['', 'shell total', '', kib(shellTotal)],
      ...chunksBySize.slice(0, 4).map((f, i) => sizeRow(f, i === 0 ? 'engine: largest chunk (core)' : 'engine chunk')),
      ...workers.map((f) => sizeRow(f, 'decode worker')),
      ...cdnFiles
        .filter((f) => f.startsWith('assets/') && f.endsWith('.js') && !workers.includes(f))
        .map((f) => sizeRow(f, 'decode worker, imported on demand')),
      ...cdnFiles.filter((f) => /openjpeg.*\.wasm$/.test(f)).map((f) => sizeRow(f, 'JPEG 2000 codec (RG1_J2KI)')),
    ],
    new Set([2, 3]),
  ),
);
const engineTotal = chunksBySize.reduce((total, f) => total + gzipped.get(f).length, 0);
console.log(`  all engine chunks (page side): ${kib(engineTotal)} gzip in ${chunksBySize.length} files`);

console.log(
  `\nLoad average (1, 5, 15 min): before ${loadBefore.map((n) => n.toFixed(2)).join(', ')}; ` +
    `after ${loadAfter.map((n) => n.toFixed(2)).join(', ')}; ${((Date.now() - startedAt) / 1000).toFixed(0)} s in all`,
);
process.exit(errors.length ? 1 : 0);
