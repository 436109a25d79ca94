#!/usr/bin/env node
/**
 * `npm run bench`: our viewer side by side with a bare Cornerstone3D page and DWV, in one run, on
 * the same files, in headless Chromium (puppeteer-core), each measured on a desktop profile and on
 * a phone profile (DevTools protocol: CPU 4x slower, the "Fast 4G" network preset):
 *
 *   1. time to first image, cold (a fresh browser profile: nothing cached) and warm (the same page,
 *      a second element), for a JPEG 2000 chest X-ray, a 512x512 CT and a 1024x1024 MR;
 *   2. the lower bound: fetch + decode the same bytes with the same codec, nothing drawn;
 *   3. scrolling a 100-slice CT series (made from one shared slice), images cached: frames a second;
 *   4. labels: cost per frame of re-positioning 50 labels during continuous zoom, next to the draw;
 *   5. memory: JS heap after 50 mount/unmount cycles against before (after 20 warm-up cycles); the image cache under its cap;
 *   6. bytes: JS and WASM transferred before consent and before the first image, by chunk;
 *   7. DICOMweb: ours loading the CT series and one MR image from Orthanc (study and series UIDs),
 *      with the server's rendered posters and from a server without rendered pictures.
 *
 * Prints the tables and writes everything to bench/results/bench-<date>.json and latest.json.
 *
 *   npm run bench [-- --quick] [--runs N] [--files A.dcm,B.dcm] [--mode webgl|no-webgl]
 *                 [--cold context|launch] [--no-phone] [--only first,lower,scroll,labels,memory,bytes,dicomweb]
 *                 [--cdn DIR] [--out FILE]
 *
 *   --quick     1 run, desktop only, the CT file only, 20 slices, short labels run, 5 mount cycles,
 *               DICOMweb: the 20-slice series, ours only
 *               (proves the harness works; test/node/bench.test.mjs runs it)
 *   --runs N    runs per cell (default 5)
 *   --mode      webgl (default: WebGL2 through SwiftShader, what every viewer picks when the browser
 *               has WebGL) or no-webgl (no WebGL: Cornerstone draws on the CPU)
 *   --cold      context (default): each cold run in a new, empty browser context (its own cache,
 *               storage and renderer process) of a browser that is already running, as for a patient
 *               whose browser is open; launch: a new browser with a new profile for every cold run
 *   --cdn DIR   bench this script-tag build instead of building the current source into a temp folder
 *   --compare DIR  also time another script-tag build (say, one built before a change) as "ours-b",
 *               side by side with ours in the same run (time to first image only)
 *
 * Needs Chromium ($CHROME_PATH or /usr/bin/chromium) and the DICOM files ($PV_DICOM_DIR or
 * ../shared/dicom beside the checkout). See bench/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer, { PredefinedNetworkConditions } from 'puppeteer-core';
import { cleanup, closeBrowser, dicomwebLog, fail, prepareBundle, run, startServer } from './support.mjs';
import { frameStats, quantile } from './labels-stats.mjs';
import { makeSeries } from './series.mjs';
import { CHROME_PATH, NO_WEBGL_FLAGS, QUIET_CHROMIUM_FLAGS, SHARED_DICOM_DIR, WEBGL_FLAGS } from '../scripts/platform.mjs';
import { makeChestRadiograph } from '../scripts/synthetic.mjs';
import { startOrthanc } from '../test/support/orthanc.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const startedAt = Date.now();

// ---------------------------------------------------------------- options

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    files: { type: 'string' },
    mode: { type: 'string', default: 'webgl' },
    cold: { type: 'string', default: 'context' },
    'no-phone': { type: 'boolean', default: false },
    only: { type: 'string' },
    cdn: { type: 'string' },
    compare: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
const QUICK = options.quick;
const RUNS = Math.max(1, Number.parseInt(options.runs ?? (QUICK ? '1' : '5'), 10) || 5);
const FILES = (options.files ?? (QUICK ? '693_UNCR.dcm' : 'RG1_J2KI.dcm,693_UNCR.dcm,MR2_UNCR.dcm'))
  .split(',')
  .map((f) => f.trim())
  .filter(Boolean);
const FILE_LABELS = {
  'RG1_J2KI.dcm': 'chest X-ray, JPEG 2000',
  '693_UNCR.dcm': 'CT 512x512',
  'MR2_UNCR.dcm': 'MR 1024x1024',
};
const SECTIONS = new Set((options.only ?? 'first,lower,scroll,labels,memory,bytes,dicomweb').split(',').map((s) => s.trim()));
const SLICES = QUICK ? 20 : 100;
const CYCLES = QUICK ? 5 : 50;
/** Mount cycles before the memory section's first reading: V8 compiles the code they run (over 1 MiB). */
const WARM_CYCLES = QUICK ? 2 : 20;
const LABELS = 50;
const LABEL_FRAMES = QUICK ? 24 : 40;
const LABEL_PHASE = 20;
const LABEL_SKIP = 4;
const MODES = { webgl: WEBGL_FLAGS, 'no-webgl': NO_WEBGL_FLAGS };
if (!MODES[options.mode]) fail(`Unknown --mode "${options.mode}" (webgl or no-webgl).`);
if (!['context', 'launch'].includes(options.cold)) fail(`Unknown --cold "${options.cold}" (context or launch).`);

const DESKTOP = { name: 'desktop', viewport: { width: 1280, height: 800, deviceScaleFactor: 1 } };
const PHONE = {
  name: 'phone',
  viewport: { width: 412, height: 915, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  cpu: 4,
  network: PredefinedNetworkConditions['Fast 4G'],
};
const PROFILES = QUICK || options['no-phone'] ? [DESKTOP] : [DESKTOP, PHONE];
const VIEWERS = ['ours', 'cornerstone', 'dwv'];
const VIEWER_NAMES = { ours: 'ours', cornerstone: 'bare Cornerstone3D', dwv: 'DWV', lower: 'fetch+decode' };
const PAGE_PATH = {
  ours: '/ours/index.html',
  cornerstone: '/built/bare-cornerstone/index.html',
  dwv: '/built/dwv/index.html',
  lower: '/built/lower-bound/index.html',
};
const SHOW_TIMEOUT = { desktop: 45_000, phone: 90_000 };
if (options.compare) {
  if (!existsSync(join(resolve(options.compare), 'patient-image-viewer.js'))) fail(`No patient-image-viewer.js in ${options.compare}.`);
  VIEWERS.splice(1, 0, 'ours-b');
  PAGE_PATH['ours-b'] = '/ours/compare.html';
  VIEWER_NAMES['ours-b'] = `ours-b (${options.compare})`;
}

// ---------------------------------------------------------------- checks, builds, files

const DICOM_DIR = resolve(SHARED_DICOM_DIR);
if (!existsSync(CHROME_PATH)) fail(`Chromium not found at ${CHROME_PATH}. Install it (apt-get install -y chromium) or set CHROME_PATH.`);
for (const file of FILES) {
  if (!existsSync(join(DICOM_DIR, file))) fail(`${file} not found in ${DICOM_DIR} (set PV_DICOM_DIR).`);
}

const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`;
  }
};
const uptimeBefore = uptime();
console.log(`npm run bench${QUICK ? ' (quick)' : ''}: ${RUNS} run(s) a cell; profiles ${PROFILES.map((p) => p.name).join(', ')}; mode ${options.mode}; cold = ${options.cold}`);
console.log(`uptime before: ${uptimeBefore}`);

const cdnDir = options.cdn ? resolve(options.cdn) : prepareBundle(root, { build: true, prefix: 'pv-bench-cdn-' });
if (!existsSync(join(cdnDir, 'patient-image-viewer.js'))) fail(`No patient-image-viewer.js in ${cdnDir}.`);

const pagesDir = mkdtempSync(join(tmpdir(), 'pv-bench-pages-'));
run.tempDirs.add(pagesDir);
{
  console.log(`Building the comparison pages: npx vite build --config bench/vite.pages.config.mjs --outDir ${pagesDir}`);
  const t = performance.now();
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.pages.config.mjs', '--outDir', pagesDir, '--emptyOutDir'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) fail('Building the comparison pages failed.');
  // DWV loads its decoder workers from ./assets/workers/ beside the page (document.baseURI).
  cpSync(join(root, 'node_modules/dwv/dist/assets/workers'), join(pagesDir, 'dwv/assets/workers'), { recursive: true });
  console.log(`Built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'pv-bench-data-'));
run.tempDirs.add(dataDir);
mkdirSync(join(dataDir, 'series'));
const seriesNames = SECTIONS.has('scroll') || SECTIONS.has('memory') || SECTIONS.has('dicomweb') ? makeSeries(join(DICOM_DIR, '693_UNCR.dcm'), join(dataDir, 'series'), SLICES) : [];
const seriesUrls = seriesNames.map((name) => `/data/series/${name}`);
const chest = makeChestRadiograph();
writeFileSync(join(dataDir, chest.name), Buffer.from(chest.buffer));

// 7. DICOMweb: Debian's Orthanc with its DICOMweb plugin on 127.0.0.1 (as the tests start it), holding
// the series and one single-image file; the bench server forwards /dicom-web/ to it (see support.mjs).
const DICOMWEB_SINGLE = 'MR2_UNCR.dcm';
const dicomweb = { available: false, reason: 'not asked for', cases: [] };
if (SECTIONS.has('dicomweb')) {
  const t = performance.now();
  const orthanc = await startOrthanc();
  if (!orthanc.available) {
    dicomweb.reason = orthanc.reason;
    console.log(`\n[DICOMweb section skipped] ${orthanc.reason}\n`);
  } else {
    run.stops.add(orthanc.stop);
    const store = async (files) => {
      let first;
      const queue = [...files];
      // A few at a time: Orthanc writes each file to its own store.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let file = queue.shift(); file; file = queue.shift()) {
            const res = await fetch(`${orthanc.url}/instances`, { method: 'POST', body: readFileSync(file) });
            if (!res.ok) throw new Error(`Orthanc refused ${file}: ${res.status} ${await res.text()}`);
            first ??= await res.json();
          }
        }),
      );
      const tags = async (path) => (await (await fetch(`${orthanc.url}${path}`)).json()).MainDicomTags;
      return {
        studyUid: (await tags(`/studies/${first.ParentStudy}`)).StudyInstanceUID,
        seriesUid: (await tags(`/series/${first.ParentSeries}`)).SeriesInstanceUID,
        count: files.length,
      };
    };
    try {
      dicomweb.cases.push({ name: `${SLICES}-slice CT series`, label: `${SLICES} x CT 512x512`, ...(await store(seriesNames.map((n) => join(dataDir, 'series', n)))) });
      // --quick: the series only (a 20-slice one), ours from both servers, to prove the section works.
      if (!QUICK && existsSync(join(DICOM_DIR, DICOMWEB_SINGLE))) {
        dicomweb.cases.push({ name: DICOMWEB_SINGLE, label: 'MR 1024x1024, one image', ...(await store([join(DICOM_DIR, DICOMWEB_SINGLE)])) });
      }
      dicomweb.available = true;
      dicomweb.url = orthanc.url;
      dicomweb.version = (await (await fetch(`${orthanc.url}/system`)).json()).Version;
      const plugin = await (await fetch(`${orthanc.url}/plugins/dicom-web`)).json().catch(() => ({}));
      dicomweb.plugin = plugin.Version;
      console.log(`Orthanc ${dicomweb.version} (DICOMweb plugin ${dicomweb.plugin ?? '?'}) on 127.0.0.1, ${dicomweb.cases.map((c) => `${c.name} (${c.count})`).join(', ')} stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (error) {
      dicomweb.reason = `storing in Orthanc failed: ${error.message}`;
      console.log(`\n[DICOMweb section skipped] ${dicomweb.reason}\n`);
    }
  }
}

const origin = await startServer({
  benchDir,
  cdnDir,
  dicomDir: DICOM_DIR,
  pages: {
    '/labels-page.html': ['labels-page.html', 'text/html; charset=utf-8'],
    '/labels-page.js': ['labels-page.js', 'text/javascript; charset=utf-8'],
  },
  mounts: {
    // The script-tag build, gzipped as any CDN would serve it.
    '/cdn/': cdnDir,
    ...(options.compare ? { '/cdn-b/': resolve(options.compare) } : {}),
    '/ours/': join(benchDir, 'ours'),
    '/common/': join(benchDir, 'common'),
    '/built/': pagesDir,
    '/data/': dataDir,
  },
  dicomweb: dicomweb.available ? `${dicomweb.url}/dicom-web/` : undefined,
});

// ---------------------------------------------------------------- browsers and pages

async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pv-bench-profile-'));
  run.tempDirs.add(userDataDir);
  run.launching = puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    userDataDir,
    args: [...QUIET_CHROMIUM_FLAGS, ...MODES[options.mode]],
    defaultViewport: null,
    protocolTimeout: 300_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const browser = await run.launching;
  run.launching = undefined;
  run.browsers.add(browser);
  browser.userDataDir = userDataDir;
  return browser;
}

async function dispose(browser) {
  await closeBrowser(browser);
  rmSync(browser.userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  run.tempDirs.delete(browser.userDataDir);
}

let shared = await launch();
const chromiumVersion = await shared.version();

/** A new page in a new, empty browser context (or a new browser with `--cold launch`), set up for `profile`. */
async function freshPage(profile, { throttle = true } = {}) {
  let browser = shared;
  let context;
  if (options.cold === 'launch') browser = await launch();
  else context = await shared.createBrowserContext();
  const page = context ? await context.newPage() : (await browser.pages())[0];
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text().slice(0, 300)}`);
  });
  await page.setViewport(profile.viewport);
  if (throttle) await setThrottling(page, profile);
  page.close = async () => {
    if (context) await context.close().catch(() => undefined);
    else await dispose(browser);
  };
  return page;
}

async function setThrottling(page, profile, { network = true } = {}) {
  await page.emulateCPUThrottling(profile.cpu ?? null);
  if (network) await page.emulateNetworkConditions(profile.network ?? null);
}

const within = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${Math.round(ms / 1000)} s`)), ms))]);

/** Resource Timing entries of the page's workers (the decode workers fetch the codec WASM), on the page's clock. */
async function workerResources(page) {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const out = [];
  for (const worker of page.workers()) {
    try {
      const w = await worker.evaluate(() => ({
        timeOrigin: performance.timeOrigin,
        entries: performance.getEntriesByType('resource').map((e) => ({
          name: new URL(e.name).pathname,
          startTime: e.startTime,
          responseEnd: e.responseEnd,
          transferSize: e.transferSize,
          encodedBodySize: e.encodedBodySize,
        })),
      }));
      const shift = w.timeOrigin - pageOrigin;
      out.push({ name: new URL(worker.url()).pathname, startTime: shift, responseEnd: shift, worker: true, encodedBodySize: 0 });
      for (const e of w.entries) out.push({ ...e, startTime: e.startTime + shift, responseEnd: e.responseEnd + shift, inWorker: true });
    } catch {
      /* the worker went away */
    }
  }
  return out;
}

// ---------------------------------------------------------------- statistics and rows

const median = (xs) => quantile(xs, 0.5);
const numbers = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * One row of the results: the runs' values and their median / min / max, or, when no run gave a
 * value, the reason. Every row of the JSON has either numbers or a `failure`.
 */
function row(fields, values, failures = []) {
  const ok = numbers(values);
  const result = { ...fields, n: ok.length, runs: ok.map((v) => Math.round(v * 100) / 100) };
  if (ok.length) {
    result.median = median(ok);
    result.min = Math.min(...ok);
    result.max = Math.max(...ok);
  }
  const reasons = [...new Set(failures.filter(Boolean))];
  if (reasons.length) result.failures = reasons;
  if (!ok.length) result.failure = reasons[0] ?? 'no run produced a value';
  return result;
}

const rows = [];
const extras = {};
const progress = (text) => process.stdout.write(text);

// ---------------------------------------------------------------- 1. time to first image

/** Cold: a fresh page loads the viewer's page, which adds the element at once; then one warm show in the same page. */
async function firstImageRun(viewer, file, profile, runIndex) {
  const page = await freshPage(profile);
  try {
    const limit = SHOW_TIMEOUT[profile.name];
    const url = `${origin}${PAGE_PATH[viewer]}?file=${encodeURIComponent(`/dicom/${file}`)}&timeout=${limit}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: limit });
    await within(page.waitForFunction(() => Boolean(window.__benchFirst), { timeout: limit }), limit, 'page script');
    const cold = await within(page.evaluate(() => window.__benchFirst), limit + 5000, 'cold show');
    if (cold.ok) cold.workers = await workerResources(page);
    let warm;
    if (cold.ok) {
      warm = await within(page.evaluate((u) => window.__bench.show(u), `/dicom/${file}?warm=${runIndex}`), limit + 5000, 'warm show');
    }
    const problems = [...new Set(page.problems)].slice(0, 3);
    const reason = (r) => (r?.ok ? undefined : `${r?.error ?? 'failed'}${problems.length && !String(r?.error).includes(problems[0]) ? ` | ${problems.join(' | ')}` : ''}`);
    return { cold, warm, coldFailure: reason(cold), warmFailure: cold.ok ? reason(warm) : 'cold run failed' };
  } finally {
    await page.close();
  }
}

/** Lower bound: one page per profile, codec warmed with one untimed decode, then RUNS timed ones per file. */
async function lowerBound(profile) {
  const page = await freshPage(profile, { throttle: false });
  const out = {};
  try {
    await page.goto(`${origin}${PAGE_PATH.lower}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__bench);
    for (const file of FILES) {
      await setThrottling(page, DESKTOP);
      await page.evaluate((u) => window.__bench.show(u), `/dicom/${file}?warmup`);
      await setThrottling(page, profile);
      out[file] = [];
      for (let i = 0; i < RUNS; i += 1) {
        out[file].push(await within(page.evaluate((u) => window.__bench.show(u), `/dicom/${file}?lower=${i}`), 120_000, 'lower bound'));
      }
    }
  } finally {
    await page.close();
  }
  return out;
}

if (SECTIONS.has('first') || SECTIONS.has('bytes')) {
  console.log('\n1. Time to first image (cold: fresh context; warm: a second element in the same page)');
  const cells = new Map();
  const skip = new Map(); // viewer|file -> reason: a viewer that cannot open a file fails the same way every time
  for (const profile of PROFILES) {
    progress(`  ${profile.name.padEnd(8)}`);
    for (let i = 0; i < RUNS; i += 1) {
      for (const file of FILES) {
        // Viewers take turns within a run, so a change in the machine's load hits all three alike.
        for (const viewer of i % 2 === 0 ? VIEWERS : [...VIEWERS].reverse()) {
          const key = `${viewer}|${file}|${profile.name}`;
          if (!cells.has(key)) cells.set(key, { viewer, file, profile: profile.name, results: [] });
          const cell = cells.get(key);
          if (skip.has(`${viewer}|${file}`)) {
            cell.results.push({ coldFailure: skip.get(`${viewer}|${file}`), warmFailure: skip.get(`${viewer}|${file}`) });
            continue;
          }
          let result;
          try {
            result = await firstImageRun(viewer, file, profile, i);
          } catch (error) {
            result = { coldFailure: `run failed: ${error.message}`, warmFailure: 'cold run failed' };
          }
          cell.results.push(result);
          if (result.coldFailure && i === 0 && profile === PROFILES[0]) skip.set(`${viewer}|${file}`, `${result.coldFailure} (first run; not run again)`);
          progress(result.coldFailure ? 'x' : '.');
        }
      }
    }
    progress('\n');
  }
  for (const cell of cells.values()) {
    const base = { section: 'first-image', viewer: cell.viewer, file: cell.file, profile: cell.profile, unit: 'ms' };
    const colds = cell.results.map((r) => (r.coldFailure ? undefined : r.cold));
    const warms = cell.results.map((r) => (r.warmFailure ? undefined : r.warm));
    rows.push(row({ ...base, phase: 'cold', measure: 'navigation start -> first frame' }, colds.map((c) => c?.renderedAt), cell.results.map((r) => r.coldFailure)));
    rows.push(row({ ...base, phase: 'cold (from element added)', measure: 'element added -> first frame' }, colds.map((c) => c && c.renderedAt - c.addedAt), cell.results.map((r) => r.coldFailure)));
    rows.push(row({ ...base, phase: 'warm', measure: 'element added -> first frame' }, warms.map((w) => w && w.renderedAt - w.addedAt), cell.results.map((r) => r.warmFailure)));
    // Issue 15: first picture (our poster frame, or the live view; for the others their first draw)
    // and interactive (the rows above: pv-load and the engine's draw, for ours).
    rows.push(row({ ...base, phase: 'cold first picture', measure: 'navigation start -> first picture' }, colds.map((c) => c && (c.firstPictureAt ?? c.renderedAt)), cell.results.map((r) => r.coldFailure)));
    rows.push(row({ ...base, phase: 'warm first picture', measure: 'element added -> first picture' }, warms.map((w) => w && (w.firstPictureAt ?? w.renderedAt) - w.addedAt), cell.results.map((r) => r.warmFailure)));
    rows.push(row({ ...base, phase: 'cold', measure: 'poster shown (share of runs)', unit: 'share' }, colds.map((c) => (c ? (c.poster ? 1 : 0) : undefined)), cell.results.map((r) => r.coldFailure)));
    rows.push(row({ ...base, phase: 'cold', measure: 'lit pixels (share)', unit: 'share' }, colds.map((c) => c?.lit ?? undefined), cell.results.map((r) => r.coldFailure ?? (r.cold?.lit == null ? 'canvas not readable' : undefined))));
    const okCold = colds.filter(Boolean);
    cell.renderer = [...new Set(okCold.map((c) => c.renderer))].join('/');
    if (okCold.length) cell.sample = okCold.at(-1);
    cell.colds = okCold;
  }
  extras.firstImage = [...cells.values()].map((c) => ({ viewer: c.viewer, file: c.file, profile: c.profile, renderer: c.renderer }));
  extras.cells = cells;
}

if (SECTIONS.has('lower')) {
  console.log('\n2. Lower bound (a worker fetches the bytes and decodes them with the same codec; nothing drawn)');
  for (const profile of PROFILES) {
    progress(`  ${profile.name.padEnd(8)}`);
    let results;
    let failure;
    try {
      results = await lowerBound(profile);
    } catch (error) {
      failure = `run failed: ${error.message}`;
    }
    for (const file of FILES) {
      const list = results?.[file] ?? [];
      rows.push(
        row(
          { section: 'lower-bound', viewer: 'lower', file, profile: profile.name, phase: 'warm codec', measure: 'fetch + parse + decode', unit: 'ms' },
          list.map((r) => (r.ok ? r.renderedAt - r.addedAt : undefined)),
          list.length ? list.map((r) => (r.ok ? undefined : r.error)) : [failure],
        ),
      );
      rows.push(
        row(
          { section: 'lower-bound', viewer: 'lower', file, profile: profile.name, phase: 'warm codec', measure: 'of which decode', unit: 'ms' },
          list.map((r) => (r.ok ? r.decodeMs : undefined)),
          list.length ? list.map((r) => (r.ok ? undefined : r.error)) : [failure],
        ),
      );
      progress('.');
    }
    progress('\n');
  }
}

// ---------------------------------------------------------------- 3. scrolling

async function scrolling(viewer) {
  const page = await freshPage(DESKTOP, { throttle: false });
  const passes = {};
  try {
    await page.goto(`${origin}${PAGE_PATH[viewer]}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__bench);
    await page.evaluate(() => window.__bench.ready);
    const loaded = await within(page.evaluate((urls) => window.__bench.loadSeries(urls), seriesUrls), 180_000, 'load series');
    if (!loaded.ok) throw new Error(loaded.error);
    for (const profile of PROFILES) {
      // Images are cached: only the CPU is throttled (the network plays no part). The viewport stays
      // as it is: switching to a mobile viewport reloads the page.
      await setThrottling(page, profile, { network: false });
      passes[profile.name] = [];
      // Run i scrolls through its own stretch of the series: together the runs cover all of it.
      const length = Math.max(10, Math.floor(SLICES / RUNS));
      for (let i = 0; i < RUNS; i += 1) {
        const start = (i * length) % SLICES;
        passes[profile.name].push(await within(page.evaluate((a, b) => window.__bench.scroll(a, b), start, length), 180_000, 'scroll'));
        progress('.');
      }
      await setThrottling(page, DESKTOP, { network: false });
    }
    return { passes, cache: loaded.cache };
  } finally {
    await page.close();
  }
}

if (SECTIONS.has('scroll')) {
  console.log(`\n3. Scrolling a ${SLICES}-slice CT series, images cached (each image shown once the previous one is drawn; ${Math.max(10, Math.floor(SLICES / RUNS))} images a run)`);
  for (const viewer of options.compare ? ['ours', 'ours-b', 'cornerstone'] : ['ours', 'cornerstone']) {
    progress(`  ${viewer.padEnd(12)}`);
    let result;
    let failure;
    try {
      result = await scrolling(viewer);
    } catch (error) {
      failure = `run failed: ${error.message}`;
    }
    for (const profile of PROFILES) {
      const list = result?.passes[profile.name] ?? [];
      const failures = list.length ? list.map((p) => (p.ok ? undefined : p.error)) : [failure];
      const fps = list.map((p) => (p.ok ? (1000 * p.times.length) / p.times.reduce((a, b) => a + b, 0) : undefined));
      rows.push(row({ section: 'scroll', viewer, file: `${SLICES}-slice CT`, profile: profile.name, measure: 'frames per second', unit: 'fps' }, fps, failures));
      rows.push(
        row(
          { section: 'scroll', viewer, file: `${SLICES}-slice CT`, profile: profile.name, measure: 'ms per slice, p95 of a pass', unit: 'ms' },
          list.map((p) => (p.ok ? quantile(p.times, 0.95) : undefined)),
          failures,
        ),
      );
    }
    progress('\n');
  }
}

// ---------------------------------------------------------------- 4. labels

async function labels(withLayer) {
  const page = await freshPage(DESKTOP, { throttle: false });
  const out = {};
  try {
    const query = new URLSearchParams({
      file: chest.name,
      dir: '/data/',
      layer: withLayer ? '1' : '0',
      labels: String(LABELS),
      frames: String(LABEL_FRAMES),
      phase: String(LABEL_PHASE),
      factor: '1.02',
    });
    await page.setViewport({ width: 1000, height: 800, deviceScaleFactor: 1 });
    await page.goto(`${origin}/labels-page.html?${query}`, { waitUntil: 'domcontentloaded' });
    await within(page.waitForFunction(() => window.__labelsBench, { timeout: 60_000 }), 60_000, 'page script');
    await within(page.evaluate(() => window.__labelsBench.ready), 60_000, 'load');
    await within(page.evaluate(() => window.__labelsBench.warmUp()), 120_000, 'warm-up');
    for (const profile of PROFILES) {
      await setThrottling(page, profile, { network: false });
      out[profile.name] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const result = await within(page.evaluate(() => window.__labelsBench.measure()), 120_000, 'measure');
        out[profile.name].push(frameStats(result, { skip: LABEL_SKIP, frames: LABEL_FRAMES }));
        progress(withLayer ? 'L' : '.');
      }
      await setThrottling(page, DESKTOP, { network: false });
    }
  } finally {
    await page.close();
  }
  return out;
}

if (SECTIONS.has('labels')) {
  console.log(`\n4. Labels: ${LABELS} labels re-positioned during continuous zoom (${LABEL_FRAMES} frames a run; per frame)`);
  progress('  ');
  const results = {};
  const failures = {};
  for (const withLayer of [true, false]) {
    try {
      results[withLayer] = await labels(withLayer);
    } catch (error) {
      failures[withLayer] = `run failed: ${error.message}`;
    }
  }
  progress('\n');
  for (const profile of PROFILES) {
    const base = { section: 'labels', viewer: 'ours', file: 'synthetic chest 512x512', profile: profile.name, unit: 'ms' };
    const withList = results.true?.[profile.name] ?? [];
    const withoutList = results.false?.[profile.name] ?? [];
    rows.push(row({ ...base, measure: 'layer placement / frame (50 labels)' }, withList.map((s) => median(s.layer)), [failures.true]));
    rows.push(row({ ...base, measure: 'picture draw / frame (no layer)' }, withoutList.map((s) => median(s.draw)), [failures.false]));
    rows.push(row({ ...base, measure: 'viewer total / frame (no layer)' }, withoutList.map((s) => median(s.viewer)), [failures.false]));
    rows.push(row({ ...base, measure: 'frames per second with 50 labels', unit: 'fps' }, withList.map((s) => s.fps), [failures.true]));
    rows.push(row({ ...base, measure: 'frames per second without labels', unit: 'fps' }, withoutList.map((s) => s.fps), [failures.false]));
  }
}

// ---------------------------------------------------------------- 5. memory

async function heapMiB(session) {
  for (let i = 0; i < 3; i += 1) await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

if (SECTIONS.has('memory')) {
  console.log(`\n5. Memory: ${CYCLES} mount/unmount cycles of our viewer (CT 512x512) after ${WARM_CYCLES} warm-up cycles, and the image cache under a small cap`);
  progress('  ');
  const base = { section: 'memory', viewer: 'ours', profile: 'desktop' };
  const heaps = { before: [], after: [], growth: [] };
  let failure;
  let cacheResult;
  for (let i = 0; i < 1; i += 1) {
    const page = await freshPage(DESKTOP, { throttle: false });
    try {
      const session = await page.createCDPSession();
      await session.send('HeapProfiler.enable');
      await page.goto(`${origin}${PAGE_PATH.ours}`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => window.__bench);
      // One viewer first, so the engine is loaded and initialised before the "before" reading.
      const first = await within(page.evaluate(() => window.__bench.show('/dicom/693_UNCR.dcm?first')), 60_000, 'first viewer');
      if (!first.ok) throw new Error(first.error);
      await page.evaluate(() => window.__bench.clear());
      // Warm-up cycles: in the first ones V8 compiles (and recompiles, optimised) the code a cycle
      // runs, over 1 MiB of code that stays but does not grow with more cycles (bench/heap.mjs).
      const warmed = await within(page.evaluate((n) => window.__bench.cycles('/dicom/693_UNCR.dcm?warm', n), WARM_CYCLES), 300_000, 'warm-up cycles');
      if (!warmed.ok) throw new Error(warmed.error);
      const before = await heapMiB(session);
      const cycled = await within(page.evaluate((n) => window.__bench.cycles('/dicom/693_UNCR.dcm', n), CYCLES), 300_000, 'cycles');
      if (!cycled.ok) throw new Error(cycled.error);
      const after = await heapMiB(session);
      heaps.before.push(before);
      heaps.after.push(after);
      heaps.growth.push(after - before);
      progress('.');
      if (i === 0 && seriesUrls.length) {
        cacheResult = await within(page.evaluate((urls, cap) => window.__bench.cacheUnderCap(urls, cap), seriesUrls, (QUICK ? 4 : 16) * 1024 * 1024), 300_000, 'cache');
        progress('.');
      }
    } catch (error) {
      failure = `run failed: ${error.message}`;
    } finally {
      await page.close();
    }
  }
  progress('\n');
  rows.push(row({ ...base, file: '693_UNCR.dcm', measure: `JS heap before ${CYCLES} cycles`, unit: 'MiB' }, heaps.before, [failure]));
  rows.push(row({ ...base, file: '693_UNCR.dcm', measure: `JS heap after ${CYCLES} cycles`, unit: 'MiB' }, heaps.after, [failure]));
  rows.push(row({ ...base, file: '693_UNCR.dcm', measure: `JS heap growth over ${CYCLES} cycles`, unit: 'MiB' }, heaps.growth, [failure]));
  const cacheFailure = cacheResult?.ok ? undefined : (cacheResult?.error ?? failure ?? 'not run');
  rows.push(row({ ...base, file: `${SLICES}-slice CT`, measure: 'image cache cap', unit: 'MiB' }, [cacheResult?.cap / 1048576], [cacheFailure]));
  rows.push(row({ ...base, file: `${SLICES}-slice CT`, measure: 'image cache, largest seen (1 pass)', unit: 'MiB' }, [cacheResult?.largestBytes / 1048576], [cacheFailure]));
}

// ---------------------------------------------------------------- 6. bytes

/** JS and WASM of the viewers, not the bench pages' own helpers (page-kit, the page scripts). */
const isCode = (name) =>
  /\.(m?js|wasm)$/.test(name) && !/^\/(common|ours)\//.test(name) && !/^\/built\/assets\/page(-kit)?-[\w-]+\.js$/.test(name);
function codeBytes(resources, until = Infinity) {
  const byName = new Map();
  for (const r of resources) {
    if (!isCode(r.name) || r.responseEnd > until) continue;
    const bytes = r.encodedBodySize || r.transferSize || 0;
    byName.set(r.name, Math.max(byName.get(r.name) ?? 0, bytes));
  }
  return [...byName.entries()].map(([name, bytes]) => ({ name, bytes }));
}

if (SECTIONS.has('bytes')) {
  console.log('\n6. Bytes (JS and WASM, as transferred: gzip -9)');
  const page = await freshPage(DESKTOP, { throttle: false });
  let consent;
  try {
    await page.goto(`${origin}${PAGE_PATH.ours}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__bench);
    consent = await within(page.evaluate(() => window.__bench.consent('/dicom/693_UNCR.dcm', 2000)), 30_000, 'consent');
  } catch (error) {
    consent = { ok: false, error: error.message };
  } finally {
    await page.close();
  }
  const chunks = consent.ok ? codeBytes(consent.resources) : [];
  const imageBytes = consent.ok ? consent.resources.filter((r) => r.name.startsWith('/dicom/')).length : undefined;
  extras.beforeConsent = { chunks, viewerStatus: consent.status, imageRequests: imageBytes };
  rows.push(row({ section: 'bytes', viewer: 'ours', file: '-', profile: 'desktop', measure: 'JS+WASM before consent', unit: 'KiB' }, [consent.ok ? chunks.reduce((a, c) => a + c.bytes, 0) / 1024 : undefined], [consent.ok ? undefined : consent.error]));
  extras.beforeFirstImage = {};
  for (const cell of extras.cells?.values() ?? []) {
    if (cell.profile !== 'desktop') continue;
    const sample = cell.sample;
    const list = sample ? codeBytes([...sample.resources, ...(sample.workers ?? [])], sample.renderedAt) : [];
    if (sample) extras.beforeFirstImage[`${cell.viewer}|${cell.file}`] = list;
    rows.push(
      row(
        { section: 'bytes', viewer: cell.viewer, file: cell.file, profile: 'desktop', measure: 'JS+WASM before first image', unit: 'KiB' },
        [sample ? list.reduce((a, c) => a + c.bytes, 0) / 1024 : undefined],
        [sample ? undefined : (cell.results.find((r) => r.coldFailure)?.coldFailure ?? 'no successful run')],
      ),
    );
  }
}

// ---------------------------------------------------------------- 7. DICOMweb

/** The two servers: Orthanc as it is, and the same without rendered pictures (404 for .../rendered). */
const DICOMWEB_SERVERS = { rendered: '/dicom-web', 'no rendered': '/dicom-web-no-rendered' };

/**
 * The requests of one show, from `since` to `until` (ms on the page clock, page and workers):
 * how many started, and the bytes (as transferred: headers and gzip included) of those that
 * finished by then; all of them, and those to the DICOMweb server. The page's requests come from
 * the DevTools protocol (`watchRequests`), the workers' from their Resource Timing.
 */
function requestsBetween(resources, since, until) {
  const started = resources.filter((r) => !r.worker && r.startTime >= since && r.startTime < until);
  const done = started.filter((r) => r.responseEnd <= until);
  const toServer = (r) => r.name.startsWith('/dicom-web');
  const kib = (list) => list.reduce((sum, r) => sum + (r.transferSize || 0), 0) / 1024;
  return {
    requests: started.length,
    dicomwebRequests: started.filter(toServer).length,
    kib: kib(done),
    dicomwebKib: kib(done.filter(toServer)),
  };
}

/**
 * Every request of the page, as the DevTools protocol's Network domain sees it: Resource Timing
 * has no entry for a response whose body is not read to its end (the viewer does not read a 404
 * for a rendered picture), and this section counts every request a server gets. `list(timeOrigin)` gives them as
 * Resource Timing entries: path, start and end on the page's clock (ms), bytes received (headers
 * included: `encodedDataLength`), status.
 */
async function watchRequests(page) {
  const session = await page.createCDPSession();
  const seen = new Map();
  session.on('Network.requestWillBeSent', (e) => {
    if (!seen.has(e.requestId) && /^https?:/.test(e.request.url)) seen.set(e.requestId, { url: e.request.url, wall: e.wallTime * 1000, mono: e.timestamp * 1000 });
  });
  session.on('Network.responseReceived', (e) => {
    const r = seen.get(e.requestId);
    if (r) r.status = e.response.status;
  });
  session.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp * 1000, bytes: e.encodedDataLength });
  });
  session.on('Network.loadingFailed', (e) => {
    const r = seen.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp * 1000, bytes: 0, failed: true });
  });
  await session.send('Network.enable');
  return {
    list: (timeOrigin) =>
      [...seen.values()].map((r) => {
        const startTime = r.wall - timeOrigin;
        return {
          name: new URL(r.url).pathname,
          startTime,
          responseEnd: r.end === undefined ? Infinity : startTime + (r.end - r.mono),
          transferSize: r.bytes ?? 0,
          status: r.status,
        };
      }),
  };
}

/**
 * One cold page (a fresh context) loading the series by its UIDs, then one warm show (a new root:
 * new image ids). `viewer`: ours, or bare Cornerstone3D (its first frame is its first picture).
 */
async function dicomwebRun(viewer, kase, server, profile, runIndex) {
  const page = await freshPage(profile);
  try {
    const limit = SHOW_TIMEOUT[profile.name];
    const source = (token) => ({
      dicomwebRoot: `${DICOMWEB_SERVERS[server]}${token ? `/_${token}` : ''}`,
      studyUid: kase.studyUid,
      seriesUid: kase.seriesUid,
    });
    const url = `${origin}${PAGE_PATH[viewer]}?source=${encodeURIComponent(JSON.stringify(source()))}&timeout=${limit}`;
    const requests = await watchRequests(page);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: limit });
    await within(page.waitForFunction(() => Boolean(window.__benchFirst), { timeout: limit }), limit, 'page script');
    const cold = await within(page.evaluate(() => window.__benchFirst), limit + 5000, 'cold show');
    let warm;
    if (cold.ok) {
      cold.firstPictureAt ??= cold.renderedAt;
      cold.workers = await workerResources(page);
      warm = await within(page.evaluate((s) => window.__bench.show(s), source(`w${runIndex}`)), limit + 5000, 'warm show');
      if (warm.ok) {
        warm.firstPictureAt ??= warm.renderedAt;
        warm.workers = await workerResources(page);
      }
    }
    if (cold.ok) {
      // The page's requests from the protocol (for both shows: each takes its own from its start).
      const timeOrigin = await page.evaluate(() => performance.timeOrigin);
      const network = requests.list(timeOrigin);
      cold.network = network;
      if (warm?.ok) warm.network = network;
    }
    const problems = [...new Set(page.problems)].slice(0, 3);
    const reason = (r) => (r?.ok ? undefined : `${r?.error ?? 'failed'}${problems.length && !String(r?.error).includes(problems[0]) ? ` | ${problems.join(' | ')}` : ''}`);
    return { cold, warm, coldFailure: reason(cold), warmFailure: cold.ok ? reason(warm) : 'cold run failed' };
  } finally {
    await page.close();
  }
}

// Skipped (Orthanc not installed): no rows; the reason is in the table and in settings.dicomweb.skipped.
if (SECTIONS.has('dicomweb') && !dicomweb.available) console.log(`\n7. DICOMweb: skipped (${dicomweb.reason})`);
if (SECTIONS.has('dicomweb') && dicomweb.available) {
  console.log('\n7. DICOMweb (Orthanc): ours by study and series UID, with the server\'s rendered posters (R) and without (N); bare Cornerstone3D (C)');
  const cells = new Map();
  const sectionStart = performance.now();
  const rendered0 = dicomwebLog.rendered;
  const refused0 = dicomwebLog.refusedRendered;
  for (const profile of PROFILES) {
    progress(`  ${profile.name.padEnd(8)}`);
    for (let i = 0; i < RUNS; i += 1) {
      for (const kase of dicomweb.cases) {
        // Ours from both servers, and bare Cornerstone3D (which never asks for a rendered picture)
        // from Orthanc as it is; they take turns within a run, so a change in the machine's load hits all alike.
        const turns = [['ours', 'rendered'], ['ours', 'no rendered'], ...(QUICK ? [] : [['cornerstone', 'rendered']])];
        for (const [viewer, server] of i % 2 === 0 ? turns : [...turns].reverse()) {
          const key = `${viewer}|${kase.name}|${server}|${profile.name}`;
          if (!cells.has(key)) cells.set(key, { viewer, kase, server, profile: profile.name, results: [] });
          let result;
          try {
            result = await dicomwebRun(viewer, kase, server, profile, i);
          } catch (error) {
            result = { coldFailure: `run failed: ${error.message}`, warmFailure: 'cold run failed' };
          }
          cells.get(key).results.push(result);
          progress(result.coldFailure ? 'x' : viewer === 'cornerstone' ? 'C' : server === 'rendered' ? 'R' : 'N');
        }
      }
    }
    progress('\n');
  }
  console.log(`  ${((performance.now() - sectionStart) / 1000).toFixed(1)} s`);
  for (const cell of cells.values()) {
    const base = { section: 'dicomweb', viewer: cell.viewer, file: cell.kase.name, profile: cell.profile, server: cell.server };
    for (const phase of ['cold', 'warm']) {
      const failures = cell.results.map((r) => r[`${phase}Failure`]);
      const shows = cell.results.map((r) => (r[`${phase}Failure`] ? undefined : r[phase]));
      // Cold: from navigation start (the page, the library and the series); warm: from the element being added.
      const since = (s) => (phase === 'cold' ? 0 : s.addedAt);
      const requestsOf = (s) => [...s.network, ...(s.workers ?? []).filter((r) => r.inWorker)];
      const before = shows.map((s) => s && requestsBetween(requestsOf(s), since(s), s.firstPictureAt));
      const all = shows.map((s) => s && requestsBetween(requestsOf(s), since(s), Infinity));
      const from = phase === 'cold' ? 'navigation start' : 'element added';
      rows.push(row({ ...base, phase, measure: `${from} -> first picture`, unit: 'ms' }, shows.map((s) => s && s.firstPictureAt - since(s)), failures));
      rows.push(row({ ...base, phase, measure: `${from} -> interactive`, unit: 'ms' }, shows.map((s) => s && s.renderedAt - since(s)), failures));
      rows.push(row({ ...base, phase, measure: 'poster shown (share of runs)', unit: 'share' }, shows.map((s) => s && (s.poster ? 1 : 0)), failures));
      rows.push(row({ ...base, phase, measure: 'requests before first picture', unit: 'count' }, before.map((b) => b?.requests), failures));
      rows.push(row({ ...base, phase, measure: 'DICOMweb requests before first picture', unit: 'count' }, before.map((b) => b?.dicomwebRequests), failures));
      rows.push(row({ ...base, phase, measure: 'KiB before first picture', unit: 'KiB' }, before.map((b) => b?.kib), failures));
      rows.push(row({ ...base, phase, measure: 'DICOMweb KiB before first picture', unit: 'KiB' }, before.map((b) => b?.dicomwebKib), failures));
      rows.push(row({ ...base, phase, measure: 'rendered picture requests (whole show)', unit: 'count' }, shows.map((s) => s && s.network.filter((r) => r.startTime >= since(s) && r.name.endsWith('/rendered')).length), failures));
      rows.push(row({ ...base, phase, measure: 'DICOMweb requests (whole show, until the report)', unit: 'count' }, all.map((a) => a?.dicomwebRequests), failures));
    }
  }
  /** Where a cold run's time went: the DICOMweb requests and the engine's chunks, ms from navigation start. */
  const dicomwebTimeline = (cold) => {
    // The cold show's requests only (the page's list goes on with the warm show's).
    const all = [...cold.network, ...(cold.workers ?? []).filter((r) => r.inWorker)].filter((r) => r.startTime <= cold.renderedAt);
    const span = (test) => {
      const list = all.filter((r) => !r.worker && test(r.name));
      if (!list.length) return undefined;
      const end = Math.max(...list.map((r) => r.responseEnd));
      // An end of null: not finished when the run was read (a 404 whose body the viewer left unread).
      return [Math.round(Math.min(...list.map((r) => r.startTime))), Number.isFinite(end) ? Math.round(end) : null];
    };
    return {
      shell: span((n) => n.endsWith('/patient-image-viewer.js')),
      metadata: span((n) => n.endsWith('/metadata')),
      rendered: span((n) => n.endsWith('/rendered')),
      firstFrame: (() => {
        const frames = all.filter((r) => /\/frames\/\d+$/.test(r.name)).sort((a, b) => a.startTime - b.startTime);
        return frames.length ? [Math.round(frames[0].startTime), Math.round(frames[0].responseEnd)] : undefined;
      })(),
      engineChunks: span((n) => /\/cdn\/chunks\/(cornerstone-|esm-)/.test(n)),
      added: Math.round(cold.addedAt),
      firstPicture: Math.round(cold.firstPictureAt),
      loaded: Math.round(cold.loadAt),
      interactive: Math.round(cold.renderedAt),
    };
  };
  extras.dicomweb = {
    timelines: [...cells.values()].map((c) => ({
      viewer: c.viewer,
      file: c.kase.name,
      profile: c.profile,
      server: c.server,
      runs: c.results.filter((r) => !r.coldFailure).map((r) => dicomwebTimeline(r.cold)),
    })),
    orthanc: dicomweb.version,
    plugin: dicomweb.plugin,
    cases: dicomweb.cases.map((c) => ({ name: c.name, label: c.label, images: c.count })),
    renderedForwarded: dicomwebLog.rendered - rendered0 - (dicomwebLog.refusedRendered - refused0),
    renderedRefused: dicomwebLog.refusedRendered - refused0,
  };
}

await closeBrowser(shared).catch(() => undefined);
await cleanup();
const uptimeAfter = uptime();
const seconds = (Date.now() - startedAt) / 1000;

// ---------------------------------------------------------------- ratios and targets

const find = (q) => rows.find((r) => Object.entries(q).every(([k, v]) => r[k] === v));
const ratios = [];
const ratio = (name, num, den, target, compare = 'max') => {
  const value = num?.median !== undefined && den?.median !== undefined && den.median > 0 ? num.median / den.median : undefined;
  const reason = value === undefined ? (num?.failure ? `ours: ${num.failure}` : den?.failure ? `${VIEWER_NAMES[den.viewer] ?? den.viewer}: ${den.failure}` : 'missing') : undefined;
  const met = value === undefined || target === undefined ? undefined : compare === 'max' ? value <= target : value >= target;
  const entry = { name, value, target, compare, met, failure: reason };
  ratios.push(entry);
  return entry;
};
for (const profile of PROFILES.map((p) => p.name)) {
  for (const file of SECTIONS.has('first') || SECTIONS.has('lower') ? FILES : []) {
    const q = (viewer, phase, measure) => find({ section: 'first-image', viewer, file, profile, phase, ...(measure ? { measure } : {}) });
    const lower = find({ section: 'lower-bound', file, profile, measure: 'fetch + parse + decode' });
    ratio(`${profile} ${file} cold: ours / Cornerstone3D`, q('ours', 'cold', 'navigation start -> first frame'), q('cornerstone', 'cold', 'navigation start -> first frame'), 0.6);
    ratio(`${profile} ${file} cold: ours / DWV`, q('ours', 'cold', 'navigation start -> first frame'), q('dwv', 'cold', 'navigation start -> first frame'), 0.8);
    ratio(`${profile} ${file} warm: ours / lower bound`, q('ours', 'warm'), lower, 1.3);
    ratio(`${profile} ${file} cold first picture: ours / Cornerstone3D`, q('ours', 'cold first picture'), q('cornerstone', 'cold first picture'), 0.6);
    ratio(`${profile} ${file} cold first picture: ours / DWV`, q('ours', 'cold first picture'), q('dwv', 'cold first picture'), 0.8);
    ratio(`${profile} ${file} cold interactive: ours / Cornerstone3D`, q('ours', 'cold', 'navigation start -> first frame'), q('cornerstone', 'cold', 'navigation start -> first frame'), 1);
    ratio(`${profile} ${file} warm: ours / Cornerstone3D`, q('ours', 'warm'), q('cornerstone', 'warm'));
    ratio(`${profile} ${file} warm: ours / DWV`, q('ours', 'warm'), q('dwv', 'warm'));
  }
  const fps = (viewer) => find({ section: 'scroll', viewer, profile, measure: 'frames per second' });
  if (SECTIONS.has('scroll')) ratio(`${profile} scrolling fps: ours / Cornerstone3D`, fps('ours'), fps('cornerstone'), 1, 'min');
}

// ---------------------------------------------------------------- report

const fmt = (r, digits = 0) => {
  if (!r) return '-';
  if (r.median === undefined) return 'failed';
  const f = (x) => (r.unit === 'share' ? `${Math.round(x * 100)}%` : x.toFixed(digits));
  return r.n > 1 ? `${f(r.median)} (${f(r.min)}-${f(r.max)})` : f(r.median);
};
const fmtRatio = (e) => (e?.value === undefined ? '-' : `${e.value.toFixed(2)}${e.target !== undefined ? (e.met ? ' ok' : ' MISS') : ''}`);
function table(headers, body) {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
const ratioNamed = (name) => ratios.find((r) => r.name === name);

const report = [];
const say = (text = '') => report.push(text);
say(`\nMachine: ${cpus().length} cores (${cpus()[0]?.model?.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion}, mode ${options.mode}`);
say(`uptime before: ${uptimeBefore}\nuptime after:  ${uptimeAfter}\n${seconds.toFixed(0)} s in all`);

if (SECTIONS.has('first') || SECTIONS.has('lower')) {
  say('\nTime to first image, ms: median (min-max). Cold: navigation start -> first frame drawn, fresh context.');
  say('Warm: element added -> first frame, same page (engine loaded; bytes fetched and decoded again). Lower bound: fetch + parse + decode, codec warm.');
  const body = [];
  for (const profile of PROFILES.map((p) => p.name)) {
    for (const file of FILES) {
      for (const phase of ['cold', 'warm']) {
        const q = (viewer) => find({ section: 'first-image', viewer, file, profile, phase });
        const lower = find({ section: 'lower-bound', file, profile, measure: 'fetch + parse + decode' });
        body.push([
          profile,
          `${file} (${FILE_LABELS[file] ?? ''})`,
          phase,
          fmt(q('ours')),
          fmt(q('cornerstone')),
          fmt(q('dwv')),
          fmt(lower),
          fmtRatio(ratioNamed(`${profile} ${file} ${phase}: ours / Cornerstone3D`)),
          fmtRatio(ratioNamed(`${profile} ${file} ${phase}: ours / DWV`)),
          phase === 'warm' ? fmtRatio(ratioNamed(`${profile} ${file} warm: ours / lower bound`)) : lower?.median && q('ours')?.median ? (q('ours').median / lower.median).toFixed(2) : '-',
        ]);
      }
    }
  }
  say(table(['profile', 'file', 'phase', 'ours', 'bare Cornerstone3D', 'DWV', 'lower bound', 'ours/CS', 'ours/DWV', 'ours/lower'], body));
  say('  Targets: cold ours/CS <= 0.6 and ours/DWV <= 0.8; warm ours/lower <= 1.3 ("ok" / "MISS").');
  say('\nFirst picture (ours: pv-first-picture, a poster frame or the live view; others: their first draw) and interactive (ours: pv-load and the engine drawn), ms');
  const body3 = [];
  for (const profile of PROFILES.map((p) => p.name)) {
    for (const file of FILES) {
      for (const phase of ['cold', 'warm']) {
        const q = (viewer, p = `${phase} first picture`) => find({ section: 'first-image', viewer, file, profile, phase: p });
        const poster = find({ section: 'first-image', viewer: 'ours', file, profile, phase: 'cold', measure: 'poster shown (share of runs)' });
        body3.push([
          profile,
          file,
          phase,
          fmt(q('ours')),
          fmt(q('ours', phase)),
          phase === 'cold' ? fmt(poster) : '',
          ...(options.compare ? [fmt(q('ours-b', phase))] : []),
          fmt(q('cornerstone')),
          fmt(q('dwv')),
          phase === 'cold' ? fmtRatio(ratioNamed(`${profile} ${file} cold first picture: ours / Cornerstone3D`)) : '',
          phase === 'cold' ? fmtRatio(ratioNamed(`${profile} ${file} cold first picture: ours / DWV`)) : '',
          phase === 'cold' ? fmtRatio(ratioNamed(`${profile} ${file} cold interactive: ours / Cornerstone3D`)) : '',
        ]);
      }
    }
  }
  say(table(['profile', 'file', 'phase', 'ours first picture', 'ours interactive', 'poster', ...(options.compare ? ['ours-b interactive'] : []), 'bare CS', 'DWV', 'first/CS', 'first/DWV', 'interactive/CS'], body3));
  say('  Targets: cold first picture ours/CS <= 0.6 and ours/DWV <= 0.8; interactive ours/CS <= 1.');
  if (options.compare) {
    say(`\nours against ours-b (${options.compare}), ms: median (min-max)`);
    const body2 = [];
    for (const profile of PROFILES.map((p) => p.name)) {
      for (const file of FILES) {
        for (const phase of ['cold', 'cold (from element added)', 'warm']) {
          const a = find({ section: 'first-image', viewer: 'ours', file, profile, phase });
          const b = find({ section: 'first-image', viewer: 'ours-b', file, profile, phase });
          body2.push([profile, file, phase, fmt(a), fmt(b), a?.median && b?.median ? (a.median / b.median).toFixed(2) : '-']);
        }
      }
    }
    say(table(['profile', 'file', 'phase', 'ours', 'ours-b', 'ours/ours-b'], body2));
  }
  const fromAdded = [];
  for (const profile of PROFILES.map((p) => p.name)) {
    for (const file of FILES) {
      const q = (viewer) => find({ section: 'first-image', viewer, file, profile, phase: 'cold (from element added)' });
      const lit = (viewer) => find({ section: 'first-image', viewer, file, profile, measure: 'lit pixels (share)' });
      fromAdded.push([profile, file, 'cold', fmt(q('ours')), fmt(q('cornerstone')), fmt(q('dwv')), `${fmt(lit('ours'))} / ${fmt(lit('cornerstone'))} / ${fmt(lit('dwv'))}`]);
    }
  }
  say('\nCold, from the element being added (the library already downloaded for CS and DWV, which import it statically), ms; lit pixels (ours / CS / DWV)');
  say(table(['profile', 'file', 'phase', 'ours', 'bare Cornerstone3D', 'DWV', 'lit pixels'], fromAdded));
  const failed = rows.filter((r) => r.section === 'first-image' && r.failure && r.measure !== 'lit pixels (share)');
  if (failed.length) {
    say('  Failed cells:');
    for (const r of failed.filter((r) => r.phase === 'cold')) say(`    ${VIEWER_NAMES[r.viewer]} ${r.file} ${r.profile}: ${r.failure}`);
  }
}

if (SECTIONS.has('scroll')) {
  say(`\nScrolling the ${SLICES}-slice CT series, images cached: frames per second, median (min-max) of ${RUNS} runs of ${Math.max(10, Math.floor(SLICES / RUNS))} images; phone = CPU 4x (1280x800 page)`);
  say(
    table(
      ['profile', 'viewer', 'measure', 'ours', 'bare Cornerstone3D', 'ours/CS'],
      PROFILES.map((p) => [
        p.name,
        '',
        'fps',
        fmt(find({ section: 'scroll', viewer: 'ours', profile: p.name, measure: 'frames per second' }), 1),
        fmt(find({ section: 'scroll', viewer: 'cornerstone', profile: p.name, measure: 'frames per second' }), 1),
        fmtRatio(ratioNamed(`${p.name} scrolling fps: ours / Cornerstone3D`)),
      ]),
    ),
  );
  if (options.compare) {
    say(`\nScrolling, ours against ours-b (${options.compare}), frames per second, median (min-max)`);
    say(
      table(
        ['profile', 'ours', 'ours-b', 'ours/ours-b'],
        PROFILES.map((p) => {
          const a = find({ section: 'scroll', viewer: 'ours', profile: p.name, measure: 'frames per second' });
          const b = find({ section: 'scroll', viewer: 'ours-b', profile: p.name, measure: 'frames per second' });
          return [p.name, fmt(a, 1), fmt(b, 1), a?.median && b?.median ? (a.median / b.median).toFixed(2) : '-'];
        }),
      ),
    );
  }
}

if (SECTIONS.has('labels')) {
  say(`\nLabels during continuous zoom (synthetic 512x512 chest, 1000x800 page), ms per frame, median (min-max) of ${RUNS} runs; phone = CPU 4x`);
  say(
    table(
      ['profile', 'measure', '', 'value'],
      rows.filter((r) => r.section === 'labels').map((r) => [r.profile, r.measure, '', fmt(r, 1)]),
    ),
  );
}

if (SECTIONS.has('memory')) {
  say('\nMemory');
  say(table(['profile', 'measure', 'file', 'value'], rows.filter((r) => r.section === 'memory').map((r) => [r.profile, `${r.measure} (${r.unit})`, r.file, fmt(r, 1)])));
}

if (SECTIONS.has('bytes')) {
  say('\nBytes, KiB (JS and WASM as transferred, gzip; before the first frame of a desktop cold run)');
  say(table(['viewer', 'file', 'measure', 'KiB'], rows.filter((r) => r.section === 'bytes').map((r) => [VIEWER_NAMES[r.viewer], r.file, r.measure, fmt(r, 1)])));
  const list = (chunks) => chunks.sort((a, b) => b.bytes - a.bytes).map((c) => `    ${(c.bytes / 1024).toFixed(1).padStart(7)} KiB  ${c.name}`);
  say('  before consent (ours, a viewer inside an unrevealed <finding-disclosure>):');
  for (const l of list(extras.beforeConsent?.chunks ?? [])) say(l);
  say(`    viewer status: ${extras.beforeConsent?.viewerStatus}; image requests: ${extras.beforeConsent?.imageRequests}`);
  for (const [key, chunks] of Object.entries(extras.beforeFirstImage ?? {})) {
    const [viewer, file] = key.split('|');
    if (viewer !== 'ours' && !QUICK) continue;
    say(`  before first image, ${VIEWER_NAMES[viewer]}, ${file}:`);
    for (const l of list(chunks)) say(l);
  }
}

if (SECTIONS.has('dicomweb')) {
  if (!dicomweb.available) say(`\nDICOMweb: skipped (${dicomweb.reason})`);
  else {
    say(`\nDICOMweb (Orthanc ${dicomweb.version}, DICOMweb plugin ${dicomweb.plugin ?? '?'}): ours by study and series UID, ms: median (min-max) of ${RUNS} runs.`);
    say('R: Orthanc with rendered pictures (poster from .../frames/1/rendered); N: the same server answering 404 to .../rendered; bare CS: bare Cornerstone3D (wadors), first frame.');
    say('Cold: navigation start -> ...; warm: element added -> ... (engine loaded, new image ids). First picture: pv-first-picture (poster or live view); interactive: pv-load and the engine drawn.');
    const body = [];
    const dw = (file, profile, server, phase, measure, viewer = 'ours') => find({ section: 'dicomweb', viewer, file, profile, server, phase, measure });
    for (const profile of PROFILES.map((p) => p.name)) {
      for (const kase of dicomweb.cases) {
        for (const phase of ['cold', 'warm']) {
          const from = phase === 'cold' ? 'navigation start' : 'element added';
          // Counts and bytes: medians only (the JSON has every run).
          const one = (r, ranges) => (ranges || r?.median === undefined ? fmt(r) : r.unit === 'share' ? `${Math.round(r.median * 100)}%` : r.median.toFixed(0));
          const both = (measure, ranges = false) => `${one(dw(kase.name, profile, 'rendered', phase, measure), ranges)} / ${one(dw(kase.name, profile, 'no rendered', phase, measure), ranges)}`;
          const r = dw(kase.name, profile, 'rendered', phase, `${from} -> first picture`);
          const n = dw(kase.name, profile, 'no rendered', phase, `${from} -> first picture`);
          body.push([
            profile,
            kase.name,
            phase,
            fmt(r),
            fmt(n),
            r?.median !== undefined && n?.median ? (r.median / n.median).toFixed(2) : '-',
            both(`${from} -> interactive`, true),
            fmt(dw(kase.name, profile, 'rendered', phase, `${from} -> interactive`, 'cornerstone')),
            both('poster shown (share of runs)'),
            both('requests before first picture'),
            both('DICOMweb requests before first picture'),
            both('KiB before first picture'),
            both('DICOMweb KiB before first picture'),
          ]);
        }
      }
    }
    say(table(['profile', 'series', 'phase', 'first picture R', 'first picture N', 'R/N', 'interactive R / N', 'bare CS', 'poster R / N', 'requests R / N', 'DICOMweb req. R / N', 'KiB R / N', 'DICOMweb KiB R / N'], body));
    say('  requests and KiB: before the first picture (started before it; bytes as transferred, of the responses finished by then), page and workers.');
    say(`  rendered requests: ${extras.dicomweb?.renderedForwarded ?? 0} forwarded to Orthanc, ${extras.dicomweb?.renderedRefused ?? 0} answered 404 (server N).`);
    const failed = rows.filter((r) => r.section === 'dicomweb' && r.failure && r.measure.endsWith('first picture'));
    for (const r of failed) say(`  failed: ${VIEWER_NAMES[r.viewer]} ${r.file} ${r.profile} ${r.server} ${r.phase}: ${r.failure}`);
  }
}

const missed = ratios.filter((r) => r.met === false);
say(`\nTargets: ${ratios.filter((r) => r.met === true).length} met, ${missed.length} missed, ${ratios.filter((r) => r.target !== undefined && r.met === undefined).length} not measurable`);
for (const r of missed) say(`  MISS ${r.name}: ${r.value.toFixed(2)} (target ${r.compare === 'max' ? '<=' : '>='} ${r.target})`);
for (const r of ratios.filter((r) => r.target !== undefined && r.met === undefined)) say(`  n/a  ${r.name}: ${r.failure}`);
console.log(report.join('\n'));

// ---------------------------------------------------------------- JSON

const results = {
  schema: 1,
  quick: QUICK,
  date: new Date(startedAt).toISOString(),
  seconds,
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model?.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion,
    uptimeBefore,
    uptimeAfter,
  },
  settings: {
    runs: RUNS,
    files: FILES,
    profiles: PROFILES.map((p) => ({ name: p.name, viewport: p.viewport, cpuThrottling: p.cpu ?? 1, network: p.network ? 'Fast 4G' : 'none' })),
    mode: options.mode,
    cold: options.cold,
    slices: SLICES,
    cycles: CYCLES,
    labels: LABELS,
    labelFrames: LABEL_FRAMES,
    dicomweb: !SECTIONS.has('dicomweb')
      ? undefined
      : dicomweb.available
        ? { orthanc: dicomweb.version, plugin: dicomweb.plugin, cases: dicomweb.cases.map((c) => ({ name: c.name, label: c.label, images: c.count })) }
        : { skipped: dicomweb.reason },
  },
  rows,
  ratios,
  details: {
    firstImage: extras.firstImage,
    beforeConsent: extras.beforeConsent,
    beforeFirstImage: extras.beforeFirstImage,
    dicomweb: extras.dicomweb,
    oursTimeline: [...(extras.cells?.values() ?? [])]
      .filter((c) => c.viewer === 'ours')
      .map((c) => ({ file: c.file, profile: c.profile, runs: c.colds.map((cold) => timeline(cold)) })),
  },
  table: report.join('\n'),
};

/** Where our cold time went, from one run's Resource Timing (ms from navigation start). */
function timeline(cold) {
  const all = [...(cold.resources ?? []), ...(cold.workers ?? [])];
  const pick = (test, key, f = Math.min) => {
    const xs = all.filter(test).map((r) => r[key]);
    return xs.length ? Math.round(f(...xs)) : undefined;
  };
  return {
    shellEnd: pick((r) => r.name.endsWith('/patient-image-viewer.js'), 'responseEnd'),
    engineStart: pick((r) => /\/cdn\/chunks\/(cornerstone-|esm-)/.test(r.name), 'startTime'),
    viewerChunkStart: pick((r) => r.name.startsWith('/cdn/chunks/patient-image-viewer-'), 'startTime'),
    engineEnd: pick((r) => r.name.startsWith('/cdn/chunks/') && r.name.endsWith('.js'), 'responseEnd', Math.max),
    imageStart: pick((r) => r.name.startsWith('/dicom/'), 'startTime'),
    imageEnd: pick((r) => r.name.startsWith('/dicom/'), 'responseEnd'),
    workerStart: pick((r) => r.worker, 'startTime'),
    wasmEnd: pick((r) => r.name.endsWith('.wasm'), 'responseEnd', Math.max),
    added: Math.round(cold.addedAt),
    loaded: Math.round(cold.loadAt),
    rendered: Math.round(cold.renderedAt),
  };
}

const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const outFile = options.out ? resolve(options.out) : join(resultsDir, `bench-${new Date(startedAt).toISOString().replaceAll(':', '-').slice(0, 19)}${QUICK ? '-quick' : ''}.json`);
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
if (!options.out && !QUICK) writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nResults: ${outFile}`);
process.exit(0);
