#!/usr/bin/env node
/**
 * Labels benchmark: what `<lay-annotation-layer>` costs per frame while the picture zooms
 * continuously, next to what drawing the picture costs. One `<patient-image-viewer>` shows the
 * synthetic 512x512 chest radiograph (scripts/synthetic.mjs) in a 1000x800 page, through the
 * script-tag build (dist/cdn), under the library's CSP; with a `<lay-annotation-layer>` child holding
 * a generated document of N labels (anatomy and finding in turn, short titles, points on a grid over
 * the image), and without it. Once per animation frame the page zooms by 1.02 (in for 30 frames, out
 * for 30, ...) for 180 frames (~3 s at 60 frames a second). WebGL (SwiftShader) and no WebGL (CPU
 * drawing), a fresh headless Chromium for every run.
 *
 * Per frame: the zoom call, Cornerstone's draw and the layer's placement (timed animation-frame
 * callbacks, see labels-page.js), the main thread's time, frames per second; Chrome's layout and
 * style counters (CDP Performance.getMetrics); then one more run per case with a DevTools trace
 * (forced style/layout inside each callback) and a CPU profile (which code the time goes to). Also:
 * in which frame the labels follow a single Zoom in / Zoom out step, and where the tags end up
 * (overlaps, tags of hidden markers).
 *
 *   node bench/labels.mjs [--runs N] [--labels 50] [--frames 180] [--phase 30] [--factor 1.02]
 *                         [--modes webgl,no-webgl] [--build] [--screenshots DIR]
 *
 *   --runs N     runs per mode, with and without the layer (default 5)
 *   --labels N   labels in the generated document (default 50)
 *   --frames N   zoom calls measured, one per animation frame (default 180)
 *   --phase N    zoom calls in one direction before turning (default 30: 1.02^30 = 1.81x)
 *   --factor F   zoom factor per call (default 1.02)
 *   --modes      webgl,no-webgl (default both)
 *   --build      build the current source into a temporary folder and bench that (dist/cdn is not
 *                touched); without it dist/cdn is used, and built only if it is missing
 *   --cdn DIR    bench this script-tag build (say, one of the commit before a change) instead
 *   --screenshots DIR  save a screenshot of the first run with labels of each mode, fitted and zoomed 2x
 *
 * LABELS_TRACE_DUMP=/tmp/x saves the traced runs' traces as /tmp/x-MODE-layer|none.json (they open in
 * the DevTools Performance panel). Chromium: $CHROME_PATH or /usr/bin/chromium. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { frameStats as sharedFrameStats, quantile } from './labels-stats.mjs';
import { cleanup, closeBrowser, fail, prepareBundle, run, startServer } from './support.mjs';
import { CHROME_PATH, NO_WEBGL_FLAGS, QUIET_CHROMIUM_FLAGS, WEBGL_FLAGS } from '../scripts/platform.mjs';
import { makeChestRadiograph } from '../scripts/synthetic.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

// ---------------------------------------------------------------- options

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    labels: { type: 'string', default: '50' },
    frames: { type: 'string', default: '180' },
    phase: { type: 'string', default: '30' },
    factor: { type: 'string', default: '1.02' },
    modes: { type: 'string', default: 'webgl,no-webgl' },
    build: { type: 'boolean', default: false },
    cdn: { type: 'string' },
    screenshots: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
const positiveInt = (text, fallback) => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const RUNS = positiveInt(options.runs, 5);
const LABELS = positiveInt(options.labels, 50);
const FRAMES = positiveInt(options.frames, 180);
const PHASE = positiveInt(options.phase, 30);
const FACTOR = Number(options.factor) > 1 ? Number(options.factor) : 1.02;
const VIEWPORT = { width: 1000, height: 800, deviceScaleFactor: 1 };
const RUN_TIMEOUT_MS = 120_000;
/** Zoom calls at the start whose frames are left out of the per-frame statistics (the pipeline fills). */
const SKIP = 4;

const MODES = {
  webgl: { label: 'webgl (SwiftShader)', args: WEBGL_FLAGS, expect: 'gpu' },
  'no-webgl': { label: 'no-webgl (CPU)', args: NO_WEBGL_FLAGS, expect: 'cpu' },
};
const selectedModes = options.modes.split(',').map((m) => m.trim()).filter(Boolean);
for (const mode of selectedModes) {
  if (!MODES[mode]) fail(`Unknown mode "${mode}" (use webgl, no-webgl).`);
}



// ---------------------------------------------------------------- checks, build, the image

if (!existsSync(CHROME_PATH)) fail(`Chromium not found at ${CHROME_PATH}. Install it (apt-get install -y chromium) or set CHROME_PATH.`);

const cdnDir = options.cdn ? resolve(options.cdn) : prepareBundle(root, { build: options.build, prefix: 'pv-labels-cdn-' });
if (options.cdn && !existsSync(join(cdnDir, 'patient-image-viewer.js'))) fail(`No patient-image-viewer.js in ${cdnDir}.`);

/** The synthetic chest radiograph (made-up data), written to a temporary folder and served from there. */
const dicomDir = mkdtempSync(join(tmpdir(), 'pv-labels-dicom-'));
run.tempDirs.add(dicomDir);
const image = makeChestRadiograph();
writeFileSync(join(dicomDir, image.name), Buffer.from(image.buffer));

// ---------------------------------------------------------------- the server

const origin = await startServer({
  benchDir,
  cdnDir,
  dicomDir,
  pages: {
    '/labels-page.html': ['labels-page.html', 'text/html; charset=utf-8'],
    '/labels-page.js': ['labels-page.js', 'text/javascript; charset=utf-8'],
  },
});

// ---------------------------------------------------------------- one run

const METRICS = ['LayoutCount', 'RecalcStyleCount', 'LayoutDuration', 'RecalcStyleDuration', 'ScriptDuration', 'TaskDuration'];

async function metrics(session) {
  const { metrics: list } = await session.send('Performance.getMetrics');
  return Object.fromEntries(list.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]));
}

const screenshotsTaken = new Set();

/** DevTools timeline categories: the same events the Performance panel shows. */
const TRACE_CATEGORIES = ['devtools.timeline', 'toplevel'];

async function runOnce(mode, withLayer, { trace = false } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pv-labels-profile-'));
  run.tempDirs.add(userDataDir);
  run.launching = puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    userDataDir,
    args: [...QUIET_CHROMIUM_FLAGS, ...MODES[mode].args],
    defaultViewport: VIEWPORT,
    protocolTimeout: RUN_TIMEOUT_MS + 30_000,
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
    const session = await page.createCDPSession();
    await session.send('Performance.enable');
    const query = new URLSearchParams({
      file: image.name,
      layer: withLayer ? '1' : '0',
      labels: String(LABELS),
      frames: String(FRAMES),
      phase: String(PHASE),
      factor: String(FACTOR),
    });
    await page.goto(`${origin}/labels-page.html?${query}`, { waitUntil: 'domcontentloaded', timeout: RUN_TIMEOUT_MS });
    const within = (promise, what) =>
      Promise.race([
        promise,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS)),
      ]);
    await within(page.waitForFunction(() => window.__labelsBench, { timeout: RUN_TIMEOUT_MS }), 'page script');
    const ready = await within(page.evaluate(() => window.__labelsBench.ready), 'load');
    await within(page.evaluate(() => window.__labelsBench.warmUp()), 'warm-up');
    if (trace) {
      await page.tracing.start({ categories: TRACE_CATEGORIES });
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
    }
    const before = await metrics(session);
    const result = await within(page.evaluate(() => window.__labelsBench.measure()), 'measure');
    const after = await metrics(session);
    if (trace) {
      const { profile } = await session.send('Profiler.stop');
      result.profile = await profileStats(profile);
      const buffer = await page.tracing.stop();
      if (process.env.LABELS_TRACE_DUMP) writeFileSync(`${process.env.LABELS_TRACE_DUMP}-${mode}-${withLayer ? 'layer' : 'none'}.json`, buffer);
      result.trace = traceStats(JSON.parse(Buffer.from(buffer).toString('utf8')), result);
    }
    result.steps = await within(page.evaluate(() => window.__labelsBench.steps()), 'steps');
    const check = await within(page.evaluate(() => window.__labelsBench.check()), 'check');
    if (options.screenshots && withLayer && !trace && !screenshotsTaken.has(mode)) {
      screenshotsTaken.add(mode);
      mkdirSync(options.screenshots, { recursive: true });
      const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
      await frames();
      await page.screenshot({ path: join(options.screenshots, `labels-${mode}-fitted.png`) });
      await page.evaluate(() => {
        const viewer = document.querySelector('patient-image-viewer');
        viewer._view.zoomBy(2);
        viewer.requestUpdate();
      });
      for (let i = 0; i < 4; i += 1) await frames();
      await page.screenshot({ path: join(options.screenshots, `labels-${mode}-zoomed.png`) });
    }
    result.metrics = Object.fromEntries(METRICS.map((name) => [name, after[name] - before[name]]));
    result.check = check;
    result.renderer = ready.renderer;
    result.problems = [...new Set([...problems, ...(check.problems ?? [])])];
    return result;
  } finally {
    await closeBrowser(browser);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    run.tempDirs.delete(userDataDir);
  }
}

// ---------------------------------------------------------------- statistics

const median = (xs) => quantile(xs, 0.5);
const p95 = (xs) => quantile(xs, 0.95);

/**
 * From a DevTools trace of the measured zoom: each animation-frame callback (FireAnimationFrame,
 * matched by id to the tags the page gave them) with the style recalcs (UpdateLayoutTree) and layouts
 * inside it (forced: script asked for geometry while the DOM was dirty), and the frame's own work
 * outside the callbacks (style, layout, pre-paint, paint, layerize), on the page's main thread.
 * Totals over the measured frames.
 */
function traceStats(trace, result) {
  const tagOf = new Map(result.callbacks.map((c) => [c.id, c.tag]));
  const events = (trace.traceEvents ?? trace).filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const fires = events.filter((e) => e.name === 'FireAnimationFrame' && tagOf.has(e.args?.data?.id));
  if (fires.length === 0) return undefined;
  const { pid, tid } = fires[0];
  const main = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const from = Math.min(...fires.map((e) => e.ts));
  const to = Math.max(...fires.map((e) => e.ts + e.dur));
  const inWindow = main.filter((e) => e.ts >= from && e.ts + e.dur <= to + 20_000);
  const ms = (us) => us / 1000;
  const stats = { frames: result.frames.length, callbacks: {}, frame: {}, busy: 0 };
  const add = (bucket, key, dur) => {
    bucket[key] ??= { count: 0, ms: 0 };
    bucket[key].count += 1;
    bucket[key].ms += ms(dur);
  };
  const callbackSpans = [];
  for (const fire of fires) {
    const tag = tagOf.get(fire.args.data.id);
    const end = fire.ts + fire.dur;
    stats.callbacks[tag] ??= { count: 0, ms: 0, style: { count: 0, ms: 0 }, layout: { count: 0, ms: 0 }, maxLayoutsInOne: 0 };
    const c = stats.callbacks[tag];
    c.count += 1;
    c.ms += ms(fire.dur);
    let layoutsHere = 0;
    for (const e of inWindow) {
      if (e.ts < fire.ts || e.ts + e.dur > end) continue;
      if (e.name === 'UpdateLayoutTree') {
        c.style.count += 1;
        c.style.ms += ms(e.dur);
      } else if (e.name === 'Layout') {
        c.layout.count += 1;
        c.layout.ms += ms(e.dur);
        layoutsHere += 1;
      }
    }
    c.maxLayoutsInOne = Math.max(c.maxLayoutsInOne, layoutsHere);
    callbackSpans.push([fire.ts, end]);
  }
  // Any animation-frame callback (ours or not) makes style/layout inside it "forced".
  const allFires = inWindow.filter((e) => e.name === 'FireAnimationFrame').map((e) => [e.ts, e.ts + e.dur]);
  const insideCallback = (e) => allFires.some(([a, b]) => e.ts >= a && e.ts + e.dur <= b);
  const FRAME_WORK = { UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'prePaint', Paint: 'paint', Layerize: 'layerize' };
  for (const e of inWindow) {
    if (FRAME_WORK[e.name] && !insideCallback(e)) {
      // Nested Paint events (one per paint layer) are counted once, at the outermost.
      if (e.name === 'Paint' && inWindow.some((o) => o !== e && o.name === 'Paint' && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur)) continue;
      add(stats.frame, FRAME_WORK[e.name], e.dur);
    }
  }
  // Main-thread busy time: top-level tasks in the window.
  let busyUntil = -Infinity;
  for (const e of inWindow) {
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    if (e.ts >= busyUntil) {
      stats.busy += ms(e.dur);
      busyUntil = e.ts + e.dur;
    }
  }
  return stats;
}

/** Source maps of the bundle's chunks, to name the code a CPU profile sampled (undefined: not available). */
let SourceMapConsumer;
try {
  ({ SourceMapConsumer } = await import('source-map-js'));
} catch {
  SourceMapConsumer = undefined;
}
const consumers = new Map();
function consumerFor(path) {
  if (!SourceMapConsumer) return undefined;
  if (!consumers.has(path)) {
    const file = join(cdnDir, `${path}.map`);
    consumers.set(path, existsSync(file) ? new SourceMapConsumer(JSON.parse(readFileSync(file, 'utf8'))) : undefined);
  }
  return consumers.get(path);
}

/**
 * Where a profile node's function comes from: a package, a source file of the library, the page, or
 * native code (group); and the function (group, original name where the source map has one, line).
 */
function whereFrom(callFrame) {
  const { url, functionName, lineNumber, columnNumber } = callFrame;
  if (!url) {
    const group = functionName.startsWith('(') ? functionName : `native: ${functionName || '(anonymous)'}`;
    return { group, fn: group };
  }
  const path = new URL(url).pathname;
  if (!path.startsWith('/cdn/')) return { group: `page: ${path.slice(1)}`, fn: `page: ${path.slice(1)} ${functionName}:${lineNumber + 1}` };
  const chunk = path.slice('/cdn/'.length);
  const original = consumerFor(chunk)?.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  const source = original?.source;
  if (!source) return { group: `bundle: ${chunk}`, fn: `bundle: ${chunk} ${functionName}` };
  let group;
  const inModules = source.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = source.slice(inModules + 'node_modules/'.length).split('/');
    group = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  } else {
    const src = source.indexOf('src/');
    group = src >= 0 ? source.slice(src) : source;
  }
  const file = source.split('/').at(-1);
  return { group, fn: `${file}:${original.line} ${original.name ?? functionName ?? ''}`.trim() };
}

const whereCache = new Map();

/** CPU profile of the measured zoom: self time (ms in all) by where the code comes from, and by function. */
async function profileStats(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const groups = {};
  const functions = {};
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i += 1) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const key = JSON.stringify(node.callFrame);
    if (!whereCache.has(key)) whereCache.set(key, whereFrom(node.callFrame));
    const { group, fn } = whereCache.get(key);
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    groups[group] = (groups[group] ?? 0) + ms;
    functions[fn] = (functions[fn] ?? 0) + ms;
  }
  for (const idle of ['(idle)', '(root)']) {
    delete groups[idle];
    delete functions[idle];
  }
  return { groups, functions };
}

/** Per-frame numbers of one run, over the frames from zoom call SKIP to the last zoom call. */
const frameStats = (result) => sharedFrameStats(result, { skip: SKIP, frames: FRAMES });

/** From each zoom call to the first draw / pv-view-change / finished placement that used it. */
function latencies(result) {
  const frameIndex = new Map(result.frames.map((f, i) => [f.ts, i]));
  const out = { draw: [], drawFrames: [], view: [], viewFrames: [], placed: [], placedFrames: [] };
  for (const call of result.calls.filter((c) => c.k >= SKIP)) {
    const at = frameIndex.get(call.ts);
    const draw = result.renders.find((r) => r.index >= call.k && r.t >= call.t);
    const view = result.views.find((v) => v.index >= call.k && v.t >= call.t);
    const placed = result.placements.find((p) => p.index >= call.k && p.start >= call.t);
    if (draw) {
      out.draw.push(draw.t - call.t);
      out.drawFrames.push(frameIndex.get(draw.ts) - at);
    }
    if (view) {
      out.view.push(view.t - call.t);
      out.viewFrames.push(frameIndex.get(view.ts) - at);
    }
    if (placed) {
      out.placed.push(placed.end - call.t);
      out.placedFrames.push(frameIndex.get(placed.ts) - at);
    }
  }
  return out;
}

// ---------------------------------------------------------------- main

const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`;
  }
};
const uptimeBefore = uptime();
const startedAt = Date.now();
const chromiumVersion = (() => {
  try {
    return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return CHROME_PATH;
  }
})();
console.log(
  `Labels benchmark: ${LABELS} labels, ${FRAMES} zoom calls (x${FACTOR} per frame, turning every ${PHASE}), ` +
    `${RUNS} run(s) per mode with and without the layer; ${VIEWPORT.width}x${VIEWPORT.height} page; ` +
    `bundle ${options.cdn ? cdnDir : options.build ? `${cdnDir} (built from the current source; removed afterwards)` : relative(root, cdnDir)}; ` +
    `image ${image.name} (synthetic) at ${origin}`,
);
console.log(`${chromiumVersion}\nuptime before: ${uptimeBefore}\n`);

const cases = new Map();
for (const mode of selectedModes) {
  for (const withLayer of [false, true]) cases.set(`${mode}|${withLayer}`, { mode, withLayer, runs: [], errors: [] });
}
for (const mode of selectedModes) {
  process.stdout.write(`${mode.padEnd(9)} `);
  for (let i = 0; i < RUNS; i += 1) {
    // Alternate which goes first, so a change in the machine's load hits both alike.
    for (const withLayer of i % 2 === 0 ? [true, false] : [false, true]) {
      const entry = cases.get(`${mode}|${withLayer}`);
      try {
        const result = await runOnce(mode, withLayer);
        if (result.renderer !== MODES[mode].expect) {
          result.problems.push(`renderer ${result.renderer}, expected ${MODES[mode].expect}`);
        }
        entry.runs.push(result);
        process.stdout.write(result.problems.length ? '!' : withLayer ? 'L' : '.');
      } catch (error) {
        entry.errors.push(error.message);
        process.stdout.write('x');
      }
    }
  }
  // One more run each with a DevTools trace (tracing slows the page: kept out of the numbers above).
  process.stdout.write(' trace ');
  for (const withLayer of [true, false]) {
    const entry = cases.get(`${mode}|${withLayer}`);
    try {
      const result = await runOnce(mode, withLayer, { trace: true });
      entry.trace = result.trace;
      entry.profile = result.profile;
      entry.traceFrames = result.frames.length;
      process.stdout.write('t');
    } catch (error) {
      entry.errors.push(`traced run: ${error.message}`);
      process.stdout.write('x');
    }
  }
  process.stdout.write('\n');
}
await cleanup();
const uptimeAfter = uptime();

// ---------------------------------------------------------------- report

const f1 = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(1) : '-');
const f2 = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '-');
const pair = (xs, format = f1) => `${format(median(xs))} / ${format(p95(xs))}`;
const signed = (x, format = f1) => (typeof x === 'number' && Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${format(x)}` : '-');

function table(headers, rows, left = new Set([0, 1])) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (left.has(i) ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const summary = new Map();
for (const [key, entry] of cases) {
  const stats = entry.runs.map(frameStats);
  const pool = (name) => stats.flatMap((s) => s[name]);
  const lat = entry.runs.map(latencies);
  const latPool = (name) => lat.flatMap((l) => l[name]);
  const perFrame = (name, scale = 1) => median(entry.runs.map((r) => (r.metrics[name] * scale) / r.frames.length));
  summary.set(key, {
    ...entry,
    ok: `${entry.runs.length}/${entry.runs.length + entry.errors.length}`,
    renderer: [...new Set(entry.runs.map((r) => r.renderer))].join('/') || '-',
    fps: median(stats.map((s) => s.fps)),
    frames: pool('intervals').length + stats.length,
    intervals: pool('intervals'),
    zoomCall: pool('zoomCall'),
    draw: pool('draw'),
    viewEvent: pool('viewEvent'),
    viewer: pool('viewer'),
    layer: pool('layer'),
    layerRan: stats.reduce((a, s) => a + s.layerRan, 0),
    steadyFrames: stats.reduce((a, s) => a + s.frames, 0),
    busy: pool('busy'),
    offBy: pool('offBy'),
    lat: {
      draw: latPool('draw'),
      drawFrames: latPool('drawFrames'),
      view: latPool('view'),
      viewFrames: latPool('viewFrames'),
      placed: latPool('placed'),
      placedFrames: latPool('placedFrames'),
    },
    layouts: perFrame('LayoutCount'),
    styles: perFrame('RecalcStyleCount'),
    layoutMs: perFrame('LayoutDuration', 1000),
    styleMs: perFrame('RecalcStyleDuration', 1000),
    scriptMs: perFrame('ScriptDuration', 1000),
    taskMs: perFrame('TaskDuration', 1000),
    checks: entry.runs.map((r) => r.check),
    steps: entry.runs.flatMap((r) => r.steps ?? []),
    trace: entry.trace,
    profile: entry.profile,
    traceFrames: entry.traceFrames,
  });
}

const rowsFor = (fn) =>
  selectedModes.flatMap((mode) =>
    [false, true].map((withLayer) => {
      const s = summary.get(`${mode}|${withLayer}`);
      return fn(s, mode, withLayer);
    }),
  );
const layerLabel = (withLayer) => (withLayer ? `${LABELS} labels` : 'no layer');

console.log(
  `\nPer frame during continuous zoom, ms: median / p95 over frames (zoom calls ${SKIP}..${FRAMES - 1} of every run, pooled)`,
);
console.log(
  table(
    ['mode', 'layer', 'ok', 'renderer', 'fps', 'frame interval', 'zoom call', 'picture draw', 'viewer total', 'layer placement', 'placed in', 'main thread / frame'],
    rowsFor((s, mode, withLayer) => [
      MODES[mode].label,
      layerLabel(withLayer),
      s.ok,
      s.renderer,
      f1(s.fps),
      pair(s.intervals),
      pair(s.zoomCall),
      pair(s.draw),
      pair(s.viewer),
      withLayer ? pair(s.layer) : '-',
      withLayer ? `${s.layerRan}/${s.steadyFrames}` : '-',
      pair(s.busy),
    ]),
  ),
);
console.log(
  '  zoom call: the zoom step (view.zoomBy + the viewer\'s Lit update); picture draw: Cornerstone\'s draw callback;\n' +
    '  viewer total: zoom call + picture draw + the viewer\'s pv-view-change callback; layer placement: the layer\'s\n' +
    '  animation-frame callback with its promise chain (Lit update, floating-ui, overlap pass, writes, forced layouts);\n' +
    '  placed in: frames with a placement / frames; main thread / frame: first callback of the frame to a task\n' +
    '  posted from it (callbacks + style + layout + paint + commit).',
);

console.log(`\nChrome's own counters per frame (CDP Performance.getMetrics deltas over the measured zoom / its frames; median of runs)`);
console.log(
  table(
    ['mode', 'layer', 'layouts', 'style recalcs', 'layout ms', 'style ms', 'script ms', 'task ms'],
    rowsFor((s, mode, withLayer) => [
      MODES[mode].label,
      layerLabel(withLayer),
      f2(s.layouts),
      f2(s.styles),
      f2(s.layoutMs),
      f2(s.styleMs),
      f2(s.scriptMs),
      f2(s.taskMs),
    ]),
  ),
);

console.log('\nDevTools trace of one more run per case (Performance-panel events on the main thread), per frame: count / ms');
console.log(
  table(
    ['mode', 'layer', 'layer callback', 'forced style in it', 'forced layout in it', 'most layouts in one', 'forced style+layout elsewhere', 'frame style', 'frame layout', 'pre-paint', 'paint', 'layerize', 'main thread busy'],
    rowsFor((s, mode, withLayer) => {
      const t = s.trace;
      if (!t) return [MODES[mode].label, layerLabel(withLayer), '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-'];
      const n = t.frames;
      const cm = (x) => (x ? `${f2(x.count / n)} / ${f2(x.ms / n)}` : '0 / 0');
      const layer = t.callbacks.layer;
      const others = Object.entries(t.callbacks).filter(([tag]) => tag !== 'layer');
      const otherForced = others.reduce((a, [, c]) => ({ count: a.count + c.style.count + c.layout.count, ms: a.ms + c.style.ms + c.layout.ms }), { count: 0, ms: 0 });
      return [
        MODES[mode].label,
        layerLabel(withLayer),
        layer ? cm(layer) : '-',
        layer ? cm(layer.style) : '-',
        layer ? cm(layer.layout) : '-',
        layer ? String(layer.maxLayoutsInOne) : '-',
        cm(otherForced),
        cm(t.frame.style),
        cm(t.frame.layout),
        cm(t.frame.prePaint),
        cm(t.frame.paint),
        cm(t.frame.layerize),
        f2(t.busy / n),
      ];
    }),
  ),
);
console.log(
  '  layer callback: FireAnimationFrame of the layer\'s callbacks (with their microtasks); forced style/layout in it:\n' +
    '  UpdateLayoutTree / Layout events inside them; most layouts in one: the largest number inside a single\n' +
    '  callback (reads and writes interleaved would show as many); elsewhere: inside the viewer\'s and the bench\'s\n' +
    '  callbacks; frame style ... layerize: the frame\'s own rendering steps, outside callbacks; main thread busy:\n' +
    '  top-level tasks. Tracing itself slows the page: compare the rows with each other, not with the tables above.',
);

console.log('\nCPU profile of the traced runs: main-thread self time per frame (ms) by where the code comes from, largest differences');
for (const mode of selectedModes) {
  const a = summary.get(`${mode}|true`);
  const b = summary.get(`${mode}|false`);
  if (!a.profile || !b.profile) continue;
  const na = a.traceFrames ?? FRAMES;
  const nb = b.traceFrames ?? FRAMES;
  const compare = (pa, pb, top) =>
    [...new Set([...Object.keys(pa), ...Object.keys(pb)])]
      .map((k) => ({ k, with: (pa[k] ?? 0) / na, without: (pb[k] ?? 0) / nb }))
      .map((r) => ({ ...r, diff: r.with - r.without }))
      .sort((x, y) => y.diff - x.diff)
      .slice(0, top)
      .map((r) => [MODES[mode].label, r.k, f2(r.with), f2(r.without), signed(r.diff, f2)]);
  const total = (p, n) => Object.values(p).reduce((x, y) => x + y, 0) / n;
  console.log(
    table(
      ['mode', 'code', `with ${LABELS} labels`, 'without', 'difference'],
      [
        ...compare(a.profile.groups, b.profile.groups, 12),
        [MODES[mode].label, 'all sampled (not idle)', f2(total(a.profile.groups, na)), f2(total(b.profile.groups, nb)), signed(total(a.profile.groups, na) - total(b.profile.groups, nb), f2)],
      ],
      new Set([0, 1]),
    ),
  );
  console.log(`  top functions (original file:line name, ${MODES[mode].label}):`);
  console.log(
    table(['mode', 'function', `with ${LABELS} labels`, 'without', 'difference'], compare(a.profile.functions, b.profile.functions, 10), new Set([0, 1]))
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  );
}
console.log(
  '  Sampled every 0.2 ms during the traced run, grouped through the bundle\'s source maps; "native: NAME" is time\n' +
    '  inside a browser API (a forced style recalc or layout shows up under the call that forced it).',
);

console.log('\nWhat the layer adds per frame (with the layer minus without; medians)');
console.log(
  table(
    ['mode', 'picture draw', 'viewer total', 'layer placement', 'main thread', 'fps', 'layouts', 'style recalcs', 'layout ms', 'style ms', 'script ms', 'task ms'],
    selectedModes.map((mode) => {
      const a = summary.get(`${mode}|true`);
      const b = summary.get(`${mode}|false`);
      const d = (x, y) => (typeof x === 'number' && typeof y === 'number' ? x - y : undefined);
      return [
        MODES[mode].label,
        f1(median(b.draw)),
        f1(median(b.viewer)),
        f1(median(a.layer)),
        signed(d(median(a.busy), median(b.busy))),
        signed(d(a.fps, b.fps)),
        signed(d(a.layouts, b.layouts), f2),
        signed(d(a.styles, b.styles), f2),
        signed(d(a.layoutMs, b.layoutMs), f2),
        signed(d(a.styleMs, b.styleMs), f2),
        signed(d(a.scriptMs, b.scriptMs), f2),
        signed(d(a.taskMs, b.taskMs), f2),
      ];
    }),
    new Set([0]),
  ),
);
console.log('  picture draw, viewer total: without the layer; layer placement: the layer\'s own callback, with it.');

console.log('\nFrom a zoom call to ... (ms, median / p95; in frames, median / max)');
console.log(
  table(
    ['mode', 'layer', 'picture drawn', 'frames', 'pv-view-change', 'frames', 'labels placed', 'frames', 'labels vs picture at frame end (zoom steps: median / max |n|, frames off)'],
    rowsFor((s, mode, withLayer) => {
      const l = s.lat;
      const frames = (xs) => (xs.length ? `${f1(median(xs))} / ${Math.max(...xs)}` : '-');
      const off = s.offBy;
      return [
        MODES[mode].label,
        layerLabel(withLayer),
        pair(l.draw),
        frames(l.drawFrames),
        pair(l.view),
        frames(l.viewFrames),
        withLayer ? pair(l.placed) : '-',
        withLayer ? frames(l.placedFrames) : '-',
        withLayer && off.length
          ? `${f1(median(off))} / ${Math.max(...off.map(Math.abs))}, ${off.filter((n) => n !== 0).length}/${off.length}`
          : '-',
      ];
    }),
  ),
);
console.log(
  `  n > 0: the labels were placed for an older zoom than the picture shows (n steps of x${FACTOR}: a label 300 px\n` +
    `  from the centre is then about 300 * (${FACTOR}^n - 1) px off, ${f1(300 * (FACTOR - 1))} px for n = 1).`,
);

console.log('\nSingle zoom steps (viewer.zoomIn() / zoomOut(), then 12 idle frames; 6 per run): frames after the call, median / max');
console.log(
  table(
    ['mode', 'layer', 'picture drawn', 'pv-view-change', 'labels placed', 'labels after picture (frames)', 'labels placed (ms)'],
    rowsFor((s, mode, withLayer) => {
      const st = s.steps;
      const col = (key) => {
        const xs = st.map((x) => x[key]).filter((x) => typeof x === 'number');
        return xs.length ? `${f1(median(xs))} / ${Math.max(...xs)}` : '-';
      };
      const after = st.filter((x) => typeof x.placed === 'number' && typeof x.draw === 'number').map((x) => x.placed - x.draw);
      return [
        MODES[mode].label,
        layerLabel(withLayer),
        col('draw'),
        col('view'),
        withLayer ? col('placed') : '-',
        withLayer && after.length ? `${f1(median(after))} / ${Math.max(...after)}` : '-',
        withLayer ? pair(st.map((x) => x.placedMs)) : '-',
      ];
    }),
  ),
);

console.log('\nWhere the tags ended up (after the run, fitted and zoomed 2x; first run of each mode; layout reads)');
console.log(
  table(
    ['mode', 'zoom', '.fitted', 'frame', 'compact', 'markers shown', 'tags visible', 'tags overlapping another', 'overlapping pairs', 'markers under another tag', 'tags of hidden markers', 'tags on bottom edge'],
    selectedModes.flatMap((mode) => {
      const check = summary.get(`${mode}|true`).checks[0];
      if (!check) return [];
      return ['fitted', 'zoomed'].map((which) => {
        const c = check[which];
        return [
          MODES[mode].label,
          f2(c.zoom),
          c.fittedClass ? 'yes' : 'no',
          `${Math.round(c.frameWidth)}x${Math.round(c.frameHeight)}`,
          c.compact ? 'yes' : 'no',
          `${c.markersShown}/${c.markers}`,
          `${c.tagsVisible}/${c.tags}`,
          String(c.tagsOverlapping),
          String(c.overlapPairs),
          String(c.markersCovered),
          String(c.orphanTags),
          String(c.tagsOnBottomEdge),
        ];
      });
    }),
    new Set([0]),
  ),
);
console.log(
  '  zoom: the viewer\'s zoom (view.state().zoom); .fitted: the stage has the class the viewer gives a fitted\n' +
    '  picture (zoom <= 1.05; it lets the page scroll); compact: frame narrower than 480 px (no tags);\n' +
    '  markers under another tag: at least a quarter of a shown marker covered by some other label\'s tag;\n' +
    '  tags of hidden markers: tags drawn although their marker is outside the picture (hidden);\n' +
    '  tags on bottom edge: tags pushed against the bottom of the box by the overlap pass.',
);

const errors = [...summary.values()].flatMap((s) => [
  ...s.errors.map((e) => `${s.mode} ${layerLabel(s.withLayer)}: ${e}`),
  ...s.runs.flatMap((r) => r.problems.map((p) => `${s.mode} ${layerLabel(s.withLayer)}: ${p}`)),
]);
if (errors.length) {
  console.log('\nProblems:');
  for (const e of [...new Set(errors)]) console.log(`  ${e}`);
}

console.log(`\nuptime before: ${uptimeBefore}\nuptime after:  ${uptimeAfter}\n${((Date.now() - startedAt) / 1000).toFixed(0)} s in all`);
const failed = [...summary.values()].some((s) => s.runs.length === 0);
process.exit(failed ? 1 : 0);
