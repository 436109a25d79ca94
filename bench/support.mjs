/**
 * Housekeeping the benchmarks share: every browser, temporary folder and server a run starts is
 * recorded here and stopped on exit, on Ctrl+C and on any uncaught error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { SUPPORTED_CSP } from '../scripts/platform.mjs';

/** What a run has started. `launching` is a browser being launched (not yet in `browsers`). */
export const run = {
  /** @type {Set<import('puppeteer-core').Browser>} */
  browsers: new Set(),
  /** @type {Set<string>} */
  tempDirs: new Set(),
  /** @type {import('node:http').Server | undefined} */
  server: undefined,
  /** @type {Promise<import('puppeteer-core').Browser> | undefined} */
  launching: undefined,
  /** Other things to stop at the end (Orthanc for the DICOMweb section). @type {Set<() => void>} */
  stops: new Set(),
};

export async function closeBrowser(browser) {
  run.browsers.delete(browser);
  const child = browser.process();
  await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
  // Puppeteer starts Chromium in its own process group: make sure the whole group is gone.
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export async function cleanup() {
  if (run.launching) {
    const browser = await Promise.race([run.launching.catch(() => undefined), new Promise((r) => setTimeout(r, 30_000))]);
    if (browser) run.browsers.add(browser);
  }
  await Promise.all([...run.browsers].map(closeBrowser));
  if (run.server) {
    run.server.closeAllConnections?.();
    await new Promise((r) => run.server.close(() => r()));
    run.server = undefined;
  }
  for (const stop of run.stops) {
    try {
      stop();
    } catch {
      /* already stopped */
    }
  }
  run.stops.clear();
  for (const dir of run.tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  run.tempDirs.clear();
}

/** Setup failed (before any browser started): say why and stop. */
export function fail(message) {
  console.error(message);
  for (const stop of run.stops) stop();
  for (const dir of run.tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping browsers and server...`);
    cleanup().finally(() => process.exit(130));
  });
}
process.on('uncaughtException', (error) => {
  console.error(error);
  cleanup().finally(() => process.exit(1));
});
process.on('unhandledRejection', (error) => {
  console.error(error);
  cleanup().finally(() => process.exit(1));
});

/**
 * The script-tag bundle to bench: with `build`, the current source built into a temporary folder
 * (dist/cdn left alone); otherwise dist/cdn, built only when missing, with a note when the source
 * is newer than it.
 */
export function prepareBundle(root, { build = false, prefix = 'pv-bench-cdn-' } = {}) {
  const runBuild = (extra, what) => {
    console.log(`Building ${what}: npx vite build --mode cdn ${extra.join(' ')}`);
    const started = performance.now();
    const result = spawnSync('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn', ...extra], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) fail('The build failed.');
    console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  };
  let cdnDir = join(root, 'dist/cdn');
  if (build) {
    cdnDir = mkdtempSync(join(tmpdir(), prefix));
    run.tempDirs.add(cdnDir);
    runBuild(['--outDir', cdnDir, '--emptyOutDir'], `the current source into ${cdnDir}`);
  } else if (!existsSync(join(cdnDir, 'patient-image-viewer.js'))) {
    runBuild([], 'dist/cdn (it is missing)');
  } else {
    const built = statSync(join(cdnDir, 'patient-image-viewer.js')).mtimeMs;
    const newer = newestChange(root, ['src', 'vite.config.ts', 'package-lock.json']);
    if (newer.mtime > built) {
      console.log(
        `Note: ${newer.path} changed after dist/cdn was built; these numbers are for the built bundle.\n` +
          '      Run with --build to bench the current source (dist/cdn is left alone).\n',
      );
    }
  }
  return cdnDir;
}

function newestChange(root, paths) {
  let newest = { mtime: 0, path: '' };
  const consider = (path) => {
    const mtime = statSync(path).mtimeMs;
    if (mtime > newest.mtime) newest = { mtime, path: relative(root, path) };
  };
  for (const path of paths.map((p) => join(root, p))) {
    if (!existsSync(path)) continue;
    if (!statSync(path).isDirectory()) {
      consider(path);
      continue;
    }
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) consider(join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  return newest;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.dcm': 'application/dicom',
  '.json': 'application/json',
};

/**
 * A local server on 127.0.0.1 under the library's CSP, caching nothing: the bench page files
 * (`pages`: URL path → [file in bench/, content type]), the bundle at /cdn/ (gzipped when `gzipped`
 * holds the file and the browser accepts it) and DICOM files at /dicom/; `mounts` (URL prefix → folder)
 * serves more folders as they are, JS/WASM/CSS/HTML gzipped. With `dicomweb` (a DICOMweb root such
 * as Orthanc's `http://127.0.0.1:port/dicom-web/`), `/dicom-web/...` is forwarded there and
 * `/dicom-web-no-rendered/...` too, except that any path ending in `/rendered` gets a 404 there (a
 * server without rendered pictures); see `proxyDicomWeb`. Returns its origin.
 */
export async function startServer({ benchDir, cdnDir, dicomDir, pages, gzipped, mounts = {}, dicomweb }) {
  const setHeaders = (res, path) => {
    res.setHeader('Cache-Control', 'no-store');
    if (path.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
    if (path.endsWith('.dcm')) res.setHeader('Content-Type', 'application/dicom');
  };
  const serveCdn = sirv(cdnDir, { dev: true, etag: false, setHeaders });
  /** gzip -9 of the JS, WASM, CSS and HTML under `mounts`, made once before the server starts. */
  const gzipCache = new Map();
  for (const dir of Object.values(mounts)) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const file = join(entry.parentPath ?? entry.path, entry.name);
      if (entry.isFile() && /\.(js|wasm|css|html)$/.test(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }));
    }
  }
  const serveDicom = sirv(dicomDir, { dev: true, etag: false, setHeaders });
  run.server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', SUPPORTED_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    };
    const path = decodeURIComponent(req.url.split('?')[0]);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (pages[path]) {
      const [file, type] = pages[path];
      res.writeHead(200, { 'Content-Type': type });
      return res.end(readFileSync(join(benchDir, file)));
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = join(dir, path.slice(prefix.length));
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return notFound();
      const type = MIME[extname(file)] ?? 'application/octet-stream';
      let body = readFileSync(file);
      const headers = { 'Content-Type': type };
      if (/\.(js|wasm|css|html)$/.test(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipCache.get(file) ?? gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
        headers.Vary = 'Accept-Encoding';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    if (path.startsWith('/cdn/')) {
      const file = path.slice('/cdn/'.length);
      const packed = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? gzipped?.get(file) : undefined;
      if (packed) {
        res.writeHead(200, {
          'Content-Type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8',
          'Content-Encoding': 'gzip',
          'Content-Length': packed.length,
          Vary: 'Accept-Encoding',
        });
        return res.end(req.method === 'HEAD' ? undefined : packed);
      }
      req.url = req.url.slice('/cdn'.length);
      return serveCdn(req, res, notFound);
    }
    if (path.startsWith('/dicom/')) {
      req.url = req.url.slice('/dicom'.length);
      return serveDicom(req, res, notFound);
    }
    if (dicomweb && /^\/dicom-web(-no-rendered)?\//.test(path)) return proxyDicomWeb(req, res, dicomweb, notFound);
    return notFound();
  });
  await new Promise((resolve, reject) => run.server.listen(0, '127.0.0.1', resolve).once('error', reject));
  return `http://127.0.0.1:${run.server.address().port}`;
}

/** gzip -9 of DICOM JSON answers, by upstream URL (Orthanc's answers do not change during a run). */
const jsonGzipCache = new Map();
/** What the DICOMweb proxy answered, for the run's report: `/rendered` requests forwarded and refused. */
export const dicomwebLog = { forwarded: 0, rendered: 0, refusedRendered: 0 };

/**
 * The bench's DICOMweb paths, forwarded to `target` (a DICOMweb root with a trailing slash):
 *
 *   /dicom-web/[_token/]rest              -> target + rest
 *   /dicom-web-no-rendered/[_token/]rest  -> the same, but 404 for any path ending in /rendered
 *
 * The optional `_token` segment is dropped: a warm run uses its own root (`/dicom-web/_w1`) so that
 * its image ids are new to the page's image cache, as the first-image section's `?warm=N` does.
 * The answers keep the bench server's rules: its CSP, `Cache-Control: no-store`, pixel data and
 * pictures as they come (Orthanc is asked for no compression), DICOM JSON gzipped (-9) when the
 * browser accepts it, as the bench serves other text.
 */
function proxyDicomWeb(req, res, target, notFound) {
  const [, variant, rest] = /^\/dicom-web(-no-rendered)?\/(?:_[\w-]+\/)?(.*)$/.exec(req.url) ?? [];
  if (rest === undefined) return notFound();
  const pathOnly = rest.split('?')[0];
  const isRendered = /\/rendered$/.test(pathOnly);
  if (isRendered) dicomwebLog.rendered += 1;
  if (variant && isRendered) {
    dicomwebLog.refusedRendered += 1;
    return notFound();
  }
  dicomwebLog.forwarded += 1;
  const headers = { ...req.headers };
  delete headers.host;
  delete headers['accept-encoding'];
  const upstreamUrl = `${target}${rest}`;
  const out = request(upstreamUrl, { method: req.method, headers }, (upstream) => {
    const type = upstream.headers['content-type'] ?? 'application/octet-stream';
    const answer = { 'Content-Type': type };
    const json = /json/i.test(type) && upstream.statusCode === 200;
    if (json && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const chunks = [];
      upstream.on('data', (chunk) => chunks.push(chunk));
      upstream.on('end', () => {
        let body = jsonGzipCache.get(upstreamUrl);
        if (!body) {
          body = gzipSync(Buffer.concat(chunks), { level: 9 });
          jsonGzipCache.set(upstreamUrl, body);
        }
        res.writeHead(upstream.statusCode, { ...answer, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
      upstream.on('error', () => res.destroy());
      return;
    }
    if (upstream.headers['content-length']) answer['Content-Length'] = upstream.headers['content-length'];
    res.writeHead(upstream.statusCode ?? 502, answer);
    upstream.pipe(res);
  });
  out.on('error', (error) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`DICOMweb proxy: ${error.message}\n`);
  });
  req.pipe(out);
}
