#!/usr/bin/env node
/**
 * Report benchmark: what explaining a 10,000-word radiology report costs on the main thread
 * (target: under 50 ms). Builds bench/report/ (a page using the library's source, Lit in production
 * mode) into a temporary folder, opens it in a fresh headless Chromium, and measures, per run:
 *
 * - explain: reading the text into sections and sentences (`parseText`, `applyHolds`) and finding
 *   every glossary term in it (`findTerms`): the work that scales with the report, without the DOM;
 * - element: `<lay-report>` from setting `text` to the explained report on screen (its Lit update
 *   with a button per term, style and layout, one frame), wall time and the main thread's busy time
 *   (DevTools `Performance.getMetrics` TaskDuration, so waiting is not counted), and the time until
 *   Lit's update has finished (a frame may fall inside it, so it can include style and layout).
 *
 *   node bench/report.mjs [--runs N]
 *
 * A benchmark, not a test: it prints the numbers and does not fail on them. Chromium: $CHROME_PATH or
 * /usr/bin/chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import sirv from 'sirv';
import { build } from 'vite';
import { CHROME_PATH, QUIET_CHROMIUM_FLAGS } from '../scripts/platform.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Math.max(1, Number(options.runs) || 7);

const out = mkdtempSync(join(tmpdir(), 'pv-bench-report-'));
let server;
let browser;
try {
  await build({
    root: join(benchDir, 'report'),
    base: './',
    logLevel: 'warn',
    configFile: false,
    publicDir: false,
    build: { outDir: out, emptyOutDir: true, target: 'es2022', sourcemap: false, minify: true },
  });
  const serve = sirv(out, { dev: true, etag: false });
  server = createServer((req, res) => serve(req, res, () => {
    res.statusCode = 404;
    res.end();
  }));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/index.html`;
  browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: [...QUIET_CHROMIUM_FLAGS] });
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => Boolean(window.__reportBench));
  const words = await page.evaluate(() => window.__reportBench.words);
  await page.evaluate(() => window.__reportBench.warmUp());
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;

  const explain = [];
  const element = [];
  const busy = [];
  const update = [];
  let facts;
  for (let i = 0; i < RUNS; i++) {
    const e = await page.evaluate(() => window.__reportBench.explain());
    explain.push(e.ms);
    const before = await taskSeconds();
    const s = await page.evaluate(() => window.__reportBench.show());
    const after = await taskSeconds();
    element.push(s.ms);
    update.push(s.update);
    busy.push((after - before) * 1000);
    facts = { terms: e.terms, sentences: e.sentences, buttons: s.buttons };
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const range = (xs) => `${Math.min(...xs).toFixed(1)} to ${Math.max(...xs).toFixed(1)}`;
  console.log(`Report: ${words} words, ${facts.sentences} sentences, ${facts.terms} glossary terms (${facts.buttons} buttons shown)`);
  console.log(`${RUNS} runs, median (min to max), ms:`);
  console.log(`  explain (read + find every term, no DOM):      ${median(explain).toFixed(1)} (${range(explain)})`);
  console.log(`  <lay-report> to screen, main thread busy:      ${median(busy).toFixed(1)} (${range(busy)})`);
  console.log(`  <lay-report> to screen, wall time:             ${median(element).toFixed(1)} (${range(element)})`);
  console.log(`    of which until Lit's update is done:          ${median(update).toFixed(1)} (${range(update)})`);
  console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine makes these slower).`);
  console.log(`Target: explaining under 50 ms of main thread: ${median(explain) < 50 ? 'met' : 'NOT met'} by the explain step; the whole element ${median(busy) < 50 ? 'meets' : 'does not meet'} it.`);
} finally {
  await browser?.close().catch(() => undefined);
  if (server) await new Promise((r) => server.close(() => r()));
  rmSync(out, { recursive: true, force: true });
}
