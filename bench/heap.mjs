#!/usr/bin/env node
/**
 * What grows when viewers come and go? Our bench page (bench/ours/), one viewer first (the engine
 * loaded), then mount/unmount cycles of `--file`; a heap snapshot (after three forced garbage
 * collections) at cycle `--from` and at cycle `--to`, and what is new in the second and still
 * alive: by constructor (compiled code apart), where it hangs, with retainer paths; how many
 * viewers, views and controllers are alive; the strings naming our image ids. For finding a leak;
 * `npm run bench -- --only memory` gives the number to judge a fix by. See bench/README.md.
 *
 *   node bench/heap.mjs [--file 693_UNCR.dcm] [--from 10] [--to 50] [--same] [--top 25] [--cdn DIR]
 *   node bench/heap.mjs --snapshots A.heapsnapshot,B.heapsnapshot   # two snapshots taken elsewhere, same page
 *
 *   --same     every cycle shows the same URL (by default each adds ?cycle=N, as the bench does)
 *   --count RE constructor names to count in both snapshots (default: our viewer's classes)
 *   --cdn DIR  a script-tag build to look at (default: the current source, built unminified so
 *              class names survive)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { cleanup, fail, run, startServer } from './support.mjs';
import { CHROME_PATH, QUIET_CHROMIUM_FLAGS, SHARED_DICOM_DIR, WEBGL_FLAGS } from '../scripts/platform.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const { values: options } = parseArgs({
  options: {
    file: { type: 'string', default: '693_UNCR.dcm' },
    from: { type: 'string', default: '10' },
    to: { type: 'string', default: '50' },
    same: { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
    cdn: { type: 'string' },
    snapshots: { type: 'string' },
    count: { type: 'string', default: 'patient-image-viewer|PatientImageViewer|StackView|ViewerController|LanguageController|RenderingEngine' },
  },
});
const FROM = Number(options.from);
const TO = Number(options.to);
const TOP = Number(options.top);
const COUNT = new RegExp(options.count);

let cdnDir = options.cdn && resolve(options.cdn);
if (!cdnDir && !options.snapshots) {
  cdnDir = mkdtempSync(join(tmpdir(), 'pv-heap-cdn-'));
  run.tempDirs.add(cdnDir);
  console.log(`Building the current source, unminified, into ${cdnDir}`);
  const built = spawnSync('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn', '--minify', 'false', '--outDir', cdnDir, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) fail('The build failed.');
}
const origin = options.snapshots
  ? undefined
  : await startServer({
      benchDir,
      cdnDir,
      dicomDir: resolve(SHARED_DICOM_DIR),
      pages: {},
      mounts: { '/cdn/': cdnDir, '/ours/': join(benchDir, 'ours'), '/common/': join(benchDir, 'common') },
    });

/** A heap snapshot (after three forced garbage collections), parsed: nodes, names, edges, ids. */
async function snapshot(session) {
  for (let i = 0; i < 3; i += 1) await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return parse(JSON.parse(chunks.join('')), usedSize);
}

/** A heap snapshot's JSON (as DevTools saves it), parsed: nodes with names, sizes, ids and retainers. */
function parse(heap, usedSize) {
  const meta = heap.snapshot.meta;
  const width = meta.node_fields.length;
  const at = (f) => meta.node_fields.indexOf(f);
  const [typeAt, nameAt, idAt, sizeAt, edgesAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(at);
  const edgeWidth = meta.edge_fields.length;
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = heap.nodes.length / width;
  const nodes = [];
  const byId = new Map();
  for (let n = 0; n < count; n += 1) {
    const i = n * width;
    const node = { type: nodeTypes[heap.nodes[i + typeAt]], name: heap.strings[heap.nodes[i + nameAt]], id: heap.nodes[i + idAt], size: heap.nodes[i + sizeAt], retainers: [] };
    nodes.push(node);
    byId.set(node.id, node);
  }
  // Retainers (reverse edges), for the paths printed below. Weak edges do not retain.
  let e = 0;
  for (let n = 0; n < count; n += 1) {
    const edges = heap.nodes[n * width + edgesAt];
    for (let k = 0; k < edges; k += 1, e += edgeWidth) {
      const type = edgeTypes[heap.edges[e + edgeTypeAt]];
      if (type === 'weak' || type === 'shortcut') continue;
      const raw = heap.edges[e + edgeNameAt];
      const name = type === 'element' || type === 'hidden' ? `[${raw}]` : heap.strings[raw];
      const to = nodes[heap.edges[e + edgeToAt] / width];
      to.retainers.push({ from: nodes[n], name, type });
      (nodes[n].children ??= []).push(to);
    }
  }
  // Distance from the GC roots (breadth first), so retainer paths lead to a root, not round a cycle.
  nodes[0].distance = 0;
  const queue = [nodes[0]];
  for (let q = 0; q < queue.length; q += 1) {
    for (const child of queue[q].children ?? []) {
      if (child.distance !== undefined) continue;
      child.distance = queue[q].distance + 1;
      queue.push(child);
    }
  }
  for (const node of nodes) delete node.children;
  return { usedSize, nodes, byId };
}

const isString = (node) => node.type === 'string' || node.type === 'concatenated string' || node.type === 'sliced string';

/** How a node is named in the tables: its type and constructor (strings and numbers by type alone). */
function label(node) {
  if (isString(node) || node.type === 'number' || node.type === 'hidden') return node.type;
  if (node.type === 'array') return `array ${node.name.replace(/\d+/g, 'N')}`;
  return `${node.type} ${node.name.slice(0, 80)}`;
}

/** One chain of retainers from `node` towards a GC root, skipping internal links where it can. */
function retainerPath(node, depth = 14) {
  const parts = [];
  const seen = new Set([node]);
  let current = node;
  for (let d = 0; d < depth; d += 1) {
    // The retainer nearest a GC root.
    let edge;
    for (const r of current.retainers) {
      if (seen.has(r.from) || r.from.distance === undefined) continue;
      if (!edge || r.from.distance < edge.from.distance) edge = r;
    }
    if (!edge) break;
    parts.push(`${edge.name} <- ${label(edge.from)}`);
    if (edge.from.type === 'synthetic') break;
    seen.add(edge.from);
    current = edge.from;
  }
  return parts.join(' <- ');
}

/** Our image ids alive, by scheme. */
function imageIds(snap) {
  const ids = new Map();
  for (const node of snap.nodes) {
    if (!isString(node)) continue;
    const scheme = /^(dicomfile|wadouri|wadors|blob):/.exec(node.name)?.[1];
    if (scheme) ids.set(scheme, (ids.get(scheme) ?? 0) + 1);
  }
  return ids;
}

/** Print what is in snapshot `b` and not in `a`, and where it hangs. */
function compare(a, b, fromName, toName, cycles) {
  const mib = (n) => (n / 1048576).toFixed(3);
  if (a.usedSize !== undefined) {
    const growth = b.usedSize - a.usedSize;
    console.log(`\nJS heap at ${fromName}: ${mib(a.usedSize)} MiB; at ${toName}: ${mib(b.usedSize)} MiB; growth ${mib(growth)} MiB${cycles ? ` (${(growth / cycles / 1024).toFixed(1)} KiB a cycle)` : ''}`);
  }
  // 1. Objects born after the first snapshot and still alive at the second, by constructor.
  const born = new Map();
  for (const node of b.nodes) {
    if (a.byId.has(node.id)) continue;
    const key = label(node);
    const group = born.get(key) ?? { count: 0, size: 0, sample: node };
    group.count += 1;
    group.size += node.size;
    born.set(key, group);
  }
  const bornRows = [...born.entries()].sort((x, y) => y[1].size - x[1].size);
  const bornTotal = bornRows.reduce((sum, [, g]) => sum + g.size, 0);
  const bornCode = bornRows.filter(([key]) => /^(code|object shape) /.test(key)).reduce((sum, [, g]) => sum + g.size, 0);
  console.log(`\nObjects allocated between the snapshots and still alive: ${mib(bornTotal)} MiB, of which compiled code and its metadata (V8 tiering up, bounded) ${mib(bornCode)} MiB, everything else ${mib(bornTotal - bornCode)} MiB`);
  console.log('  self size  objects  type and constructor (one retainer path of one of them)');
  for (const [key, g] of bornRows.slice(0, TOP)) {
    console.log(`${`${(g.size / 1024).toFixed(1)} KiB`.padStart(11)} ${String(g.count).padStart(8)}  ${key}`);
    if (g.size > 2048) console.log(`${' '.repeat(22)}${retainerPath(g.sample).slice(0, 300)}`);
  }
  // 2. Where the new objects hang: the nearest object that was alive already at the first snapshot
  // (a cache, a list, a registry), with the edge name, and how much new (non-code) memory hangs there.
  const isCode = (node) => node.type === 'code' || node.type === 'object shape';
  const anchors = new Map();
  const memo = new Map();
  const anchorOf = (node) => {
    const chain = [];
    let current = node;
    let found;
    while (current && !found) {
      if (memo.has(current)) found = memo.get(current);
      else if (a.byId.has(current.id)) found = { owner: current, edge: chain.length ? chain[chain.length - 1].edge : '' };
      else {
        let edge;
        for (const r of current.retainers) {
          if (r.from.distance === undefined || chain.some((c) => c.node === r.from)) continue;
          if (!edge || r.from.distance < edge.from.distance) edge = r;
        }
        if (!edge) break;
        chain.push({ node: current, edge: edge.name });
        current = edge.from;
      }
    }
    found ??= { owner: undefined, edge: '' };
    for (const c of chain) memo.set(c.node, found);
    return found;
  };
  for (const node of b.nodes) {
    if (a.byId.has(node.id) || isCode(node)) continue;
    const { owner, edge } = anchorOf(node);
    const key = owner ? `${edge} of ${label(owner)}` : '(no retainer)';
    const group = anchors.get(key) ?? { count: 0, size: 0, owner };
    group.count += 1;
    group.size += node.size;
    anchors.set(key, group);
  }
  console.log('\nWhere the new (non-code) objects hang: the nearest object already alive at the first snapshot');
  for (const [key, g] of [...anchors.entries()].sort((x, y) => y[1].size - x[1].size).slice(0, TOP)) {
    console.log(`${`${(g.size / 1024).toFixed(1)} KiB`.padStart(11)} ${String(g.count).padStart(8)}  ${key.slice(0, 120)}`);
    if (g.owner && g.size > 2048) console.log(`${' '.repeat(22)}${retainerPath(g.owner).slice(0, 300)}`);
  }
  // 3. Objects alive in both that grew (a Map's table, an array's backing store).
  const grew = [];
  for (const node of b.nodes) {
    const old = a.byId.get(node.id);
    // Strings and external data are skipped: their sizes are not comparable between snapshots taken
    // by different DevTools sessions (--snapshots).
    if (old && node.size > old.size && !isString(node) && !/ExternalStringData|script line ends/.test(node.name)) grew.push({ node, by: node.size - old.size });
  }
  grew.sort((x, y) => y.by - x.by);
  console.log(`\nObjects alive in both snapshots that grew: ${mib(grew.reduce((sum, g) => sum + g.by, 0))} MiB`);
  for (const { node, by } of grew.slice(0, 10)) {
    console.log(`${`+${(by / 1024).toFixed(1)} KiB`.padStart(11)} ${`${(node.size / 1024).toFixed(1)} KiB`.padStart(10)}  ${label(node)}`);
    console.log(`${' '.repeat(22)}${retainerPath(node).slice(0, 300)}`);
  }
  console.log(`\nAlive, matching /${COUNT.source}/ (count at each snapshot):`);
  const tally = (snap) => {
    const counts = new Map();
    for (const node of snap.nodes) {
      if (node.type === 'string' || !COUNT.test(node.name)) continue;
      const key = label(node).slice(0, 60);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const [countA, countB] = [tally(a), tally(b)];
  for (const key of [...new Set([...countA.keys(), ...countB.keys()])].sort()) console.log(`  ${key}: ${countA.get(key) ?? 0} -> ${countB.get(key) ?? 0}`);
  console.log('\nStrings naming image ids (alive):');
  const [idsA, idsB] = [imageIds(a), imageIds(b)];
  for (const scheme of new Set([...idsA.keys(), ...idsB.keys()])) console.log(`  ${scheme}: ${idsA.get(scheme) ?? 0} -> ${idsB.get(scheme) ?? 0}`);
}

if (options.snapshots) {
  // Two snapshots saved elsewhere (DevTools, a test): compare them, nothing launched.
  const [fileA, fileB] = options.snapshots.split(',');
  const read = (file) => parse(JSON.parse(readFileSync(file, 'utf8')), undefined);
  compare(read(fileA), read(fileB), fileA, fileB, 0);
  process.exit(0);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'pv-heap-profile-'));
run.tempDirs.add(userDataDir);
const browser = await puppeteer.launch({
  executablePath: CHROME_PATH,
  headless: true,
  userDataDir,
  args: [...QUIET_CHROMIUM_FLAGS, ...WEBGL_FLAGS],
  defaultViewport: { width: 1280, height: 800 },
  protocolTimeout: 600_000,
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
});
run.browsers.add(browser);
try {
  const page = (await browser.pages())[0];
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.enable');
  await page.goto(`${origin}/ours/index.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__bench);
  const url = `/dicom/${options.file}`;
  const first = await page.evaluate((u) => window.__bench.show(`${u}?first`), url);
  if (!first.ok) fail(first.error);
  await page.evaluate(() => window.__bench.clear());
  const cycles = async (from, count) =>
    page.evaluate(
      async (u, start, n, same) => {
        // One at a time, numbered from `start`, as window.__bench.cycles does.
        for (let i = start; i < start + n; i += 1) {
          const r = await window.__bench.cycles(same ? u : `${u}?cycle=${i}`, 1);
          if (!r.ok) return r;
        }
        return { ok: true };
      },
      url,
      from,
      count,
      options.same,
    );
  await cycles(0, FROM);
  const a = await snapshot(session);
  await cycles(FROM, TO - FROM);
  const b = await snapshot(session);
  compare(a, b, `cycle ${FROM}`, `cycle ${TO}`, TO - FROM);
} finally {
  await cleanup();
}
