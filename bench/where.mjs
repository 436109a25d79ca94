#!/usr/bin/env node
/**
 * Where does a viewer's time to first image go? One cold page (a fresh browser context) and one warm
 * show in it, with a CPU profile (sampling, 100 us) of the page's main thread from navigation to the
 * first frame, attributed through the source maps to packages and source files, and the requests
 * (Resource Timing, page and workers) on the same clock. For finding what to change; `npm run bench`
 * gives the numbers to judge a change by.
 *
 *   node bench/where.mjs [--viewer ours|cornerstone] [--file 693_UNCR.dcm] [--phone] [--mode webgl|no-webgl]
 *                        [--cdn DIR] [--top 25] [--warm N] [--scroll DIR]
 *
 *   --scroll DIR  instead: load the series in DIR (slice-000.dcm ...; bench/series.mjs makes one),
 *                 scroll through it once to cache it, then profile one pass of 20 images
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer, { PredefinedNetworkConditions } from 'puppeteer-core';
import { cleanup, fail, prepareBundle, run, startServer } from './support.mjs';
import { CHROME_PATH, NO_WEBGL_FLAGS, QUIET_CHROMIUM_FLAGS, SHARED_DICOM_DIR, WEBGL_FLAGS } from '../scripts/platform.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const { values: options } = parseArgs({
  options: {
    viewer: { type: 'string', default: 'ours' },
    file: { type: 'string', default: '693_UNCR.dcm' },
    phone: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'webgl' },
    cdn: { type: 'string' },
    top: { type: 'string', default: '25' },
    warm: { type: 'string', default: '1' },
    scroll: { type: 'string' },
  },
});
const PAGE_PATH = { ours: '/ours/index.html', cornerstone: '/built/bare-cornerstone/index.html', dwv: '/built/dwv/index.html' };
if (!PAGE_PATH[options.viewer]) fail(`Unknown --viewer ${options.viewer}`);
const DICOM_DIR = resolve(SHARED_DICOM_DIR);

const cdnDir = options.cdn ? resolve(options.cdn) : prepareBundle(root, { build: true, prefix: 'pv-where-cdn-' });
const pagesDir = mkdtempSync(join(tmpdir(), 'pv-where-pages-'));
run.tempDirs.add(pagesDir);
if (options.viewer !== 'ours') {
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.pages.config.mjs', '--outDir', pagesDir, '--emptyOutDir', '--sourcemap'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) fail('Building the comparison pages failed.');
}
const origin = await startServer({
  benchDir,
  cdnDir,
  dicomDir: DICOM_DIR,
  pages: {},
  mounts: {
    '/cdn/': cdnDir,
    '/ours/': join(benchDir, 'ours'),
    '/common/': join(benchDir, 'common'),
    '/built/': pagesDir,
    ...(options.scroll ? { '/data/series/': resolve(options.scroll) } : {}),
  },
});

let SourceMapConsumer;
try {
  ({ SourceMapConsumer } = await import('source-map-js'));
} catch {
  SourceMapConsumer = undefined;
}
const consumers = new Map();
function mapFor(path) {
  if (!SourceMapConsumer) return undefined;
  if (!consumers.has(path)) {
    const dir = path.startsWith('/cdn/') ? cdnDir : path.startsWith('/built/') ? pagesDir : undefined;
    const file = dir && join(dir, `${path.replace(/^\/(cdn|built)\//, '')}.map`);
    consumers.set(path, file && existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  return consumers.get(path);
}
function whereFrom({ url, functionName, lineNumber, columnNumber }) {
  if (!url) return { group: functionName.startsWith('(') ? functionName : `native ${functionName}`, fn: functionName || '(native)' };
  const path = new URL(url).pathname;
  const original = mapFor(path)?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  if (!original?.source) return { group: path, fn: `${path} ${functionName}` };
  const source = original.source;
  const inModules = source.lastIndexOf('node_modules/');
  let group;
  if (inModules >= 0) {
    const parts = source.slice(inModules + 'node_modules/'.length).split('/');
    group = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  } else {
    const src = source.indexOf('src/');
    group = src >= 0 ? source.slice(src) : source.replace(/^(\.\.\/)+/, '');
  }
  return { group, fn: `${source.split('/').slice(-2).join('/')}:${original.line} ${original.name ?? functionName ?? ''}` };
}

function attribute(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = new Map();
  const fns = new Map();
  let t = profile.startTime;
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i += 1) {
    t += timeDeltas[i] ?? 0;
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    if (t / 1000 < from || t / 1000 > to) continue;
    const node = byId.get(samples[i]);
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(root)') continue;
    const { group, fn } = whereFrom(node.callFrame);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
  }
  return { groups, fns };
}
const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);

const browser = await puppeteer.launch({
  executablePath: CHROME_PATH,
  headless: true,
  userDataDir: mkdtempSync(join(tmpdir(), 'pv-where-profile-')),
  args: [...QUIET_CHROMIUM_FLAGS, ...(options.mode === 'webgl' ? WEBGL_FLAGS : NO_WEBGL_FLAGS)],
  defaultViewport: null,
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
});
run.browsers.add(browser);
run.tempDirs.add(browser.process()?.spawnargs.find((a) => a.startsWith('--user-data-dir='))?.split('=')[1] ?? pagesDir);
try {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(options.phone ? { width: 412, height: 915, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { width: 1280, height: 800 });
  if (options.phone) {
    await page.emulateCPUThrottling(4);
    await page.emulateNetworkConditions(PredefinedNetworkConditions['Fast 4G']);
  }
  const session = await page.createCDPSession();
  if (options.scroll) {
    const names = readdirSync(resolve(options.scroll)).filter((n) => n.endsWith('.dcm')).sort();
    await page.goto(`${origin}${PAGE_PATH[options.viewer]}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => Boolean(window.__bench));
    const loaded = await page.evaluate((urls) => window.__bench.loadSeries(urls), names.map((n) => `/data/series/${n}`));
    if (!loaded.ok) throw new Error(loaded.error);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    const t0 = await page.evaluate(() => performance.now());
    const pass = await page.evaluate(() => window.__bench.scroll(0, 20));
    const t1 = await page.evaluate(() => performance.now());
    const { profile } = await session.send('Profiler.stop');
    const t2 = await page.evaluate(() => performance.now());
    const shift = profile.endTime / 1000 - (t1 + t2) / 2;
    const p = { ...profile, startTime: profile.startTime - shift * 1000 };
    const { groups, fns } = attribute(p, t0, t1);
    const busy = [...groups.values()].reduce((a, b) => a + b, 0);
    console.log(`${options.viewer}: ${pass.times.length} images in ${(t1 - t0).toFixed(0)} ms; ms per image: ${pass.times.map((t) => t.toFixed(0)).join(' ')}`);
    console.log(`main thread busy ${busy.toFixed(0)} ms (${(busy / pass.times.length).toFixed(1)} ms per image): by package / source file`);
    for (const [g, ms] of top(groups, Number(options.top))) console.log(`  ${ms.toFixed(1).padStart(7)}  ${g}`);
    console.log('  top functions:');
    for (const [f, ms] of top(fns, 20)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${f}`);
    await cleanup();
    process.exit(0);
  }
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  const url = `${origin}${PAGE_PATH[options.viewer]}?file=${encodeURIComponent(`/dicom/${options.file}`)}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => Boolean(window.__benchFirst));
  const cold = await page.evaluate(() => window.__benchFirst);
  const warms = [];
  for (let i = 0; i < Number(options.warm); i += 1) {
    warms.push(await page.evaluate((u) => window.__bench.show(u), `/dicom/${options.file}?warm=${i}`));
  }
  const warm = warms[0];
  if (warms.length > 1) {
    console.log('warm shows: image request start / end, load event, first frame (ms from added); animation frames');
    for (const w of warms) {
      const image = w.resources.filter((r) => r.name.startsWith('/dicom/') && r.startTime >= w.addedAt).at(-1);
      console.log(
        `  ${(image?.startTime - w.addedAt).toFixed(0).padStart(5)} ${(image?.responseEnd - w.addedAt).toFixed(0).padStart(5)} ${(w.loadAt - w.addedAt).toFixed(0).padStart(5)} ${(w.renderedAt - w.addedAt).toFixed(0).padStart(5)}  ${JSON.stringify(w.frames ?? {})}`,
      );
    }
  }
  // Profile times are microseconds on the browser's monotonic clock: line them up with the page's
  // performance.now() at the moment the profile stops (good to a few ms).
  const before = await page.evaluate(() => performance.now());
  const { profile } = await session.send('Profiler.stop');
  const after = await page.evaluate(() => performance.now());
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  const shift = profile.endTime / 1000 - (before + after) / 2;
  const p = { ...profile, startTime: profile.startTime - shift * 1000 };
  if (!cold.ok) console.log(`cold run failed: ${cold.error}`);
  console.log(`${options.viewer} ${options.file} ${options.phone ? 'phone' : 'desktop'} ${options.mode}: cold first frame ${cold.renderedAt?.toFixed(0)} ms from navigation (element added at ${cold.addedAt?.toFixed(0)}, load event ${cold.loadAt?.toFixed(0)}); warm ${(warm.renderedAt - warm.addedAt).toFixed(0)} ms`);
  console.log('\nRequests (ms from navigation start): start -> end, KiB transferred');
  const workers = [];
  for (const worker of page.workers()) {
    try {
      const w = await worker.evaluate(() => ({ o: performance.timeOrigin, e: performance.getEntriesByType('resource').map((x) => [new URL(x.name).pathname, x.startTime, x.responseEnd, x.encodedBodySize]) }));
      const d = w.o - timeOrigin;
      workers.push([`(worker) ${new URL(worker.url()).pathname}`, d, d, 0]);
      for (const [n, s, e, b] of w.e) workers.push([`(in worker) ${n}`, s + d, e + d, b]);
    } catch {
      /* gone */
    }
  }
  const requests = [...cold.resources.map((r) => [r.name, r.startTime, r.responseEnd, r.encodedBodySize]), ...workers].sort((a, b) => a[1] - b[1]);
  for (const [name, s, e, b] of requests) console.log(`  ${s.toFixed(0).padStart(6)} -> ${e.toFixed(0).padStart(6)}  ${(b / 1024).toFixed(1).padStart(8)}  ${name}`);
  console.log(`\nWarm show: requests after the element was added (ms from added)`);
  for (const r of warm.resources.filter((x) => x.startTime >= warm.addedAt)) {
    console.log(`  ${(r.startTime - warm.addedAt).toFixed(0).padStart(6)} -> ${(r.responseEnd - warm.addedAt).toFixed(0).padStart(6)}  ${r.name}`);
  }
  console.log(`  load event ${(warm.loadAt - warm.addedAt).toFixed(0)}, first frame ${(warm.renderedAt - warm.addedAt).toFixed(0)}; animation frames ${JSON.stringify(warm.frames)}`);
  const n = Number(options.top);
  for (const [label, from, to] of [
    ['cold: navigation start -> first frame', 0, cold.renderedAt],
    ['cold: element added -> first frame', cold.addedAt, cold.renderedAt],
    ['warm: element added -> first frame', warm.addedAt, warm.renderedAt],
  ]) {
    const { groups, fns } = attribute(p, from, to);
    const busy = [...groups.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${label} (${(to - from).toFixed(0)} ms; main thread busy ${busy.toFixed(0)} ms): self time by package / source file`);
    for (const [g, ms] of top(groups, n)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${g}`);
    console.log('  top functions:');
    for (const [f, ms] of top(fns, Math.min(n, 15))) console.log(`  ${ms.toFixed(1).padStart(7)}  ${f}`);
  }
} finally {
  await cleanup();
}
process.exit(0);
