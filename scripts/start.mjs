#!/usr/bin/env node
/**
 * `npm start`: the demo, served the way a patient portal would serve the script-tag build.
 *
 * 1. Builds the script-tag bundle (dist/cdn) if it is missing or older than the source.
 * 2. Writes the synthetic study to demo/data if it is missing (no real patient data anywhere).
 * 3. Serves, on http://localhost:5173 (or $PORT), under the strict Content Security Policy the
 *    library supports:
 *      /          demo/ (the page, its script and style, and data/)
 *      /cdn/      dist/cdn/ (the script-tag build, loaded from a sub-path)
 *      /nhsuk/    NHS.UK frontend's CSS and assets from node_modules
 *      /themes/   the package's themes (src/themes, published as dist/themes)
 *      /dicomweb/ the synthetic studies as a static DICOMweb tree (demo/data/dicomweb, the files
 *                 static-wado-creator writes, served as plain files), for demo/studies.html
 *    The script-tag build goes out compressed, as a portal should serve it: the build's precompressed
 *    `.br` (or `.gz`) copy when the browser accepts it, a year's `immutable` cache for the hashed
 *    chunks, and `no-cache` (revalidate every time) for the entry script, whose name never changes.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { writeDemoDicomWeb } from './demo-dicomweb.mjs';
import { writeSyntheticStudy } from './make-synthetic.mjs';
import { makeGsps } from './pacs-objects.mjs';
import { SUPPORTED_CSP } from './platform.mjs';
import { serveStaticDicomWeb } from './static-dicomweb.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const at = (...parts) => join(root, ...parts);

const PORT = Number(process.env.PORT) || 5173;
const HOST = process.env.HOST || 'localhost';

const CSP = SUPPORTED_CSP;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// 1. The script-tag build.
const bundle = at('dist/cdn/patient-image-viewer.js');
const reason = !existsSync(bundle)
  ? 'dist/cdn is missing'
  : !existsSync(`${bundle}.br`) || !existsSync(at('dist/cdn/themes'))
    ? 'dist/cdn has no precompressed files or themes'
    : newestChange(['src', 'vite.config.ts', 'package-lock.json']) > statSync(bundle).mtimeMs
    ? 'the source changed since the last build'
    : undefined;
if (reason) {
  console.log(`Building the script-tag bundle (${reason})...`);
  const started = performance.now();
  const { build } = await import('vite');
  await build({
    root,
    configFile: at('vite.config.ts'),
    mode: 'cdn',
    logLevel: 'warn',
    // Quiet: rolldown's note on slow plugins is not for someone starting the demo.
    build: { rolldownOptions: { checks: { bundlerTimings: false } } },
  });
  console.log(`Built dist/cdn in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  console.log('dist/cdn is up to date (run `npm run build:cdn` to rebuild it)');
}

// 2. The synthetic study.
const dataDir = at('demo/data');
const hadData = existsSync(join(dataDir, 'manifest.json'));
const manifest = writeSyntheticStudy(dataDir);
if (!hadData) console.log(`Wrote ${manifest.ct.length} synthetic CT slices and 1 chest X-ray to demo/data`);
// --- issue 18 editor: the radiologist's arrow and words for the "For your care team" page (made up) ---
if (!existsSync(join(dataDir, 'chest-xray-gsps.dcm'))) writeFileSync(join(dataDir, 'chest-xray-gsps.dcm'), new Uint8Array(makeGsps()));
// --- issue 16: the studies by study, as a static DICOMweb tree (demo/studies.html) ---
if (writeDemoDicomWeb(join(dataDir, 'dicomweb'))) console.log('Wrote the synthetic studies as a static DICOMweb tree to demo/data/dicomweb');

// 3. The server.
const nhsukDir = at('node_modules/nhsuk-frontend/dist/nhsuk');
const nhsukCss = nhsukStyles(join(nhsukDir, 'nhsuk-frontend.min.css'));

const setHeaders = (res, path) => {
  if (path.endsWith('.dcm')) res.setHeader('Content-Type', 'application/dicom');
};
// `dev`: read files on each request, so a rebuild or an edited page shows on reload.
const serveDemo = sirv(at('demo'), { dev: true, setHeaders });
/** Hashed file names (`chunks/x-AbCd1234.js`, `assets/y-AbCd1234.wasm`) never change content. */
const HASHED = /-[\w-]{8}\.(js|wasm)$/;
const cdnHeaders = (res, path) => {
  setHeaders(res, path);
  const hashed = HASHED.test(path) && !path.endsWith('/patient-image-viewer.js');
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
};
const serveCdn = sirv(at('dist/cdn'), { dev: true, brotli: true, gzip: true, setHeaders: cdnHeaders });
const serveExamples = sirv(at('examples'), { dev: true, setHeaders });
const serveThemes = sirv(at('src/themes'), { dev: true });
const serveNhsukAssets = sirv(join(nhsukDir, 'assets'), { dev: true });
const serveDicomWeb = serveStaticDicomWeb(join(dataDir, 'dicomweb'));

/** Hand the request to `serve` with `prefix` taken off its path. */
const mounted = (prefix, serve) => (req, res, next) => {
  req.url = req.url.slice(prefix.length - 1);
  serve(req, res, next);
};

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const notFound = () => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Method not allowed\n');
  }
  const path = req.url.split('?')[0];
  if (path === '/cdn' || path === '/nhsuk') {
    res.writeHead(301, { Location: `${path}/` });
    return res.end();
  }
  if (path.startsWith('/cdn/')) return mounted('/cdn/', serveCdn)(req, res, notFound);
  if (path.startsWith('/examples/')) return mounted('/examples/', serveExamples)(req, res, notFound);
  if (path.startsWith('/themes/')) return mounted('/themes/', serveThemes)(req, res, notFound);
  if (path.startsWith('/dicomweb/')) return mounted('/dicomweb/', serveDicomWeb)(req, res, notFound);
  if (path === '/nhsuk/nhsuk-frontend.min.css') {
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
    return res.end(req.method === 'HEAD' ? undefined : nhsukCss);
  }
  if (path.startsWith('/nhsuk/assets/')) return mounted('/nhsuk/assets/', serveNhsukAssets)(req, res, notFound);
  return serveDemo(req, res, notFound);
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${PORT} is in use. Stop the other server, or run: PORT=${PORT + 1} npm start`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

server.listen(PORT, HOST, () => {
  const shown = ['localhost', '127.0.0.1', '0.0.0.0', '::'].includes(HOST) ? 'localhost' : HOST;
  console.log(`\nPatient image viewer demo: http://${shown}:${PORT}/`);
  console.log('Press Ctrl+C to stop.');
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}

/** The latest modification time (ms) of the given files and of every file under the given folders. */
function newestChange(paths) {
  let newest = 0;
  for (const path of paths.map((p) => at(p))) {
    if (!existsSync(path)) continue;
    const stats = statSync(path);
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * NHS.UK frontend's compiled CSS, made to work offline and under `default-src 'self'`:
 * - without its `@font-face` rules, which fetch Frutiger from assets.nhs.uk (the same as building
 *   it with `$nhsuk-include-font-face: false`); text falls back to Arial, next in its font stack;
 * - with its icon URLs (`/assets/images/...`) made relative, so they load from /nhsuk/assets/;
 * - without its source map comment (the map no longer matches).
 */
function nhsukStyles(file) {
  return readFileSync(file, 'utf8')
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/url\(\/assets\//g, 'url(assets/')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
}
