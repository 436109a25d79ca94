/**
 * The test server: @web/test-runner serves its own pages; everything else goes through a real
 * Vite dev server (the same config as Storybook and the demo build), plus routes for real DICOM
 * files, faults (status codes, hangs), a bearer-token gate and a real Orthanc behind a same-origin
 * proxy.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, mergeConfig } from 'vite';
import { makeChestRadiograph, makeCtSeries, CT_STUDY_UID, CT_SERIES_UID } from '../../scripts/synthetic.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import { startOrthanc } from './orthanc.mjs';
import { writeTransferSyntaxVariants } from './transfer-syntaxes.mjs';
import { writeDicomCases } from './dicom-cases.mjs';
import { serveStaticDicomWeb, writeStaticDicomWeb } from '../../scripts/static-dicomweb.mjs';

export const TEST_TOKEN = 'pv-test-token';
const root = resolve(new URL('../..', import.meta.url).pathname);
const sharedDicom = resolve(process.env.PV_DICOM_DIR ?? join(root, '../shared/dicom'));

function safeJoin(dir, name) {
  const path = resolve(dir, name);
  return path.startsWith(dir + '/') ? path : undefined;
}

/**
 * Answer directly on the Node response: the test runner's own middleware would otherwise mark
 * every response cacheable for a year, and a cached 200 would hide a 401 in a later test.
 */
function respond(ctx, status, headers, body) {
  ctx.respond = false;
  ctx.res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  if (body && typeof body.pipe === 'function') body.pipe(ctx.res);
  else ctx.res.end(body);
}

function sendFile(ctx, path, type = 'application/dicom') {
  if (!path || !existsSync(path) || !statSync(path).isFile()) {
    return respond(ctx, 404, { 'Content-Type': 'text/plain' }, 'Not found');
  }
  respond(ctx, 200, { 'Content-Type': type, 'Content-Length': String(statSync(path).size) }, createReadStream(path));
}

function proxy(ctx, target) {
  return new Promise((resolveProxy) => {
    ctx.respond = false;
    const headers = { ...ctx.req.headers };
    // Let the browser cache nothing from Orthanc either (tests change credentials between requests).
    delete headers.host;
    const upstream = request(target, { method: ctx.method, headers }, (response) => {
      ctx.res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(ctx.res);
      response.on('end', resolveProxy);
      response.on('error', resolveProxy);
    });
    upstream.on('error', () => {
      if (!ctx.res.headersSent) ctx.res.writeHead(502);
      ctx.res.end();
      resolveProxy();
    });
    ctx.req.pipe(upstream);
  });
}

function authorised(ctx) {
  return ctx.get('Authorization') === `Bearer ${TEST_TOKEN}`;
}

/**
 * Start Vite, Orthanc and the synthetic data; returns the WTR middleware and plugin. With
 * `{ data: false }` (the unit tests, `npm run test:unit`) only Vite starts: no DICOM is made and no
 * Orthanc runs, so the run starts in about a second.
 */
export async function createTestServer({ data = true } = {}) {
  if (!data) return createViteOnly();
  const synthetic = mkdtempSync(join(tmpdir(), 'pv-synthetic-'));
  // With the mark that moves slice by slice: the tests read it to check the order (markerPosition).
  const ct = makeCtSeries({ orderMark: true });
  for (const file of ct) writeFileSync(join(synthetic, file.name), new Uint8Array(file.buffer));
  const xr = makeChestRadiograph();
  writeFileSync(join(synthetic, xr.name), new Uint8Array(xr.buffer));
  const xr8 = makeChestRadiograph({ bits: 8 });
  writeFileSync(join(synthetic, xr8.name), new Uint8Array(xr8.buffer));
  const transferSyntaxes = writeTransferSyntaxVariants(synthetic);
  if (!transferSyntaxes.available) console.log(`\n[Transfer syntax tests will be skipped] ${transferSyntaxes.reason}\n`);
  // Issue 14: awkward-but-valid files and DCMTK's rendering of each (test/patient-image-viewer/dicom-cases*.test.ts).
  const dicomCases = writeDicomCases(synthetic);
  const burned = makeChestRadiograph({ size: 128, burnedIn: true });
  writeFileSync(join(synthetic, 'burned-in.dcm'), new Uint8Array(burned.buffer));
  writeFileSync(join(synthetic, 'not-dicom.html'), '<!doctype html><title>Sign in</title><p>Please sign in</p>');

  const orthanc = await startOrthanc();
  if (orthanc.available) {
    for (const file of ct) await orthanc.upload(file.buffer);
    if (existsSync(join(sharedDicom, 'RG1_J2KI.dcm'))) await orthanc.upload(readFileSync(join(sharedDicom, 'RG1_J2KI.dcm')));
    await orthanc.upload(readFileSync(join(sharedDicom, 'bad/test-SR.dcm'))).catch(() => undefined);
  } else {
    console.log(`\n[DICOMweb tests will be skipped] ${orthanc.reason}\n`);
  }
  // test/components (the reliability tests): a fault-injecting proxy in front of Orthanc, reached through /faulty-dicom-web/.
  const faultProxy = orthanc.available ? await startFaultProxy(orthanc.url) : undefined;

  // Issue 16: a second DICOMweb implementation, the static tree static-wado-creator writes, served as
  // plain files (test/study/study-static.test.ts). Tests store into it as into Orthanc (STOW-RS to
  // /static-dicom-web/studies, as static-wado-webserver accepts); everything else is sirv alone.
  const staticTree = join(synthetic, 'static-dicom-web');
  const staticFiles = serveStaticDicomWeb(staticTree);
  /** Each request to the tree: its path (with the query), status, and whether it was answered (GET /__static-dicom-web-log). */
  let staticLog = [];

  const { vite, viteUrl } = await startVite();

  const info = {
    sharedDicom: existsSync(sharedDicom),
    sharedDicomDir: sharedDicom,
    orthanc: orthanc.available
      ? { available: true, ct: { study: CT_STUDY_UID, series: CT_SERIES_UID } }
      : { available: false, reason: orthanc.reason },
    synthetic: { ct: ct.map((f) => f.name), xray: xr.name, burnedIn: 'burned-in.dcm' },
    transferSyntaxes,
    dicomCases,
    token: TEST_TOKEN,
  };
  const hanging = new Set();
  const flakyKeys = new Set();

  /** @type {import('koa').Middleware} */
  const middleware = async (ctx, next) => {
    const path = ctx.path;
    if (path === '/' || path.startsWith('/__web-dev-server') || path.startsWith('/__web-test-runner')) return next();
    if (path === '/__info') return respond(ctx, 200, { 'Content-Type': 'application/json' }, JSON.stringify(info));
    if (path.startsWith('/__dicom/')) return sendFile(ctx, safeJoin(sharedDicom, decodeURIComponent(path.slice(9))));
    if (path.startsWith('/__synthetic/')) {
      const name = basename(decodeURIComponent(path.slice(13)));
      const type = name.endsWith('.html') ? 'text/html' : name.endsWith('.png') ? 'image/png' : 'application/dicom';
      return sendFile(ctx, safeJoin(synthetic, name), type);
    }
    if (path.startsWith('/__secure/')) {
      if (!authorised(ctx)) return respond(ctx, 401, { 'WWW-Authenticate': 'Bearer' }, 'Unauthorised');
      // An annotation document behind the same gate: /__secure/annotations/<name>.json (examples/annotations).
      if (path.startsWith('/__secure/annotations/')) {
        return sendFile(ctx, safeJoin(join(root, 'examples/annotations'), basename(path)), 'application/json');
      }
      return sendFile(ctx, safeJoin(synthetic, basename(path.slice(10))));
    }
    const status = /^\/__fault\/status\/(\d{3})/.exec(path);
    if (status) return respond(ctx, Number(status[1]), { 'Content-Type': 'text/plain' }, `Fault ${status[1]}`);
    const flaky = /^\/__fault\/flaky\/([\w-]+)\/([\w.-]+)$/.exec(path);
    if (flaky) {
      // Fails the first time for each key, then works: for "Try again".
      if (!flakyKeys.has(flaky[1])) {
        flakyKeys.add(flaky[1]);
        return respond(ctx, 503, { 'Content-Type': 'text/plain' }, 'Try later');
      }
      return sendFile(ctx, safeJoin(synthetic, flaky[2]));
    }
    if (path.startsWith('/__fault/hang')) {
      // Never answers (until the server stops).
      ctx.respond = false;
      hanging.add(ctx.res);
      ctx.res.on('close', () => hanging.delete(ctx.res));
      return new Promise(() => undefined);
    }
    if (path.startsWith('/flaky-dicom-web/')) {
      // The fifth CT slice's frame fails once (503): for "Try again" in the middle of a stack.
      if (/\/instances\/[\d.]+\.1\.1\.5\/frames\//.test(path) && !flakyKeys.has(`frame5:${ctx.get('X-Test-Run')}`)) {
        flakyKeys.add(`frame5:${ctx.get('X-Test-Run')}`);
        return respond(ctx, 503, { 'Content-Type': 'text/plain' }, 'Try later');
      }
      if (!orthanc.available) return respond(ctx, 503, { 'Content-Type': 'text/plain' }, orthanc.reason);
      return proxy(ctx, `${orthanc.url}${ctx.url.replace(/^\/flaky-dicom-web\//, '/dicom-web/')}`);
    }
    if (path.startsWith('/__fault-proxy/')) {
      if (!faultProxy) return respond(ctx, 503, { 'Content-Type': 'text/plain' }, orthanc.reason);
      return faultProxy.control(ctx);
    }
    if (path.startsWith('/faulty-dicom-web/')) {
      if (!faultProxy) return respond(ctx, 503, { 'Content-Type': 'text/plain' }, orthanc.reason);
      return faultProxy.forward(ctx, ctx.url.replace(/^\/faulty-dicom-web\//, '/dicom-web/'));
    }
    if (path === '/__static-dicom-web-log') {
      const body = JSON.stringify({ log: staticLog });
      if (ctx.query.clear !== undefined) staticLog = [];
      return respond(ctx, 200, { 'Content-Type': 'application/json' }, body);
    }
    if (path.startsWith('/static-dicom-web/')) {
      if (ctx.method === 'POST' && path === '/static-dicom-web/studies') {
        const { studies } = writeStaticDicomWeb(await multipartParts(ctx.req, ctx.get('Content-Type')), staticTree);
        return respond(ctx, 200, { 'Content-Type': 'application/json' }, JSON.stringify({ studies }));
      }
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return respond(ctx, 405, { 'Content-Type': 'text/plain' }, 'Read only');
      const entry = { path: ctx.url, status: 0, answered: false };
      staticLog.push(entry);
      ctx.res.on('finish', () => Object.assign(entry, { status: ctx.res.statusCode, answered: true }));
      ctx.respond = false;
      ctx.req.url = ctx.url.replace(/^\/static-dicom-web/, '');
      return staticFiles(ctx.req, ctx.res, () => {
        ctx.res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
        ctx.res.end('Not found');
      });
    }
    if (path.startsWith('/dicom-web/') || path.startsWith('/secure-dicom-web/')) {
      if (path.startsWith('/secure-') && !authorised(ctx)) return respond(ctx, 401, { 'WWW-Authenticate': 'Bearer' }, 'Unauthorised');
      if (!orthanc.available) return respond(ctx, 503, { 'Content-Type': 'text/plain' }, orthanc.reason);
      return proxy(ctx, `${orthanc.url}${ctx.url.replace(/^\/secure-dicom-web\//, '/dicom-web/')}`);
    }
    return proxy(ctx, `${viteUrl}${ctx.url}`);
  };

  const plugin = {
    name: 'pv-test-server',
    async serverStop() {
      for (const res of hanging) res.destroy();
      await faultProxy?.stop();
      await vite.close();
      if (orthanc.available) orthanc.stop();
      rmSync(synthetic, { recursive: true, force: true });
    },
  };
  return { middleware, plugin, info };
}

/** The parts of a STOW-RS request body (multipart/related), as Buffers. */
async function multipartParts(req, contentType) {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  if (!boundary) return [];
  const marker = Buffer.from(`--${boundary}`);
  const parts = [];
  let at = body.indexOf(marker);
  while (at !== -1) {
    const next = body.indexOf(marker, at + marker.length);
    if (next === -1) break;
    const part = body.subarray(at + marker.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    // The part's content ends before the CRLF that precedes the next boundary.
    if (headerEnd !== -1) parts.push(part.subarray(headerEnd + 4, part.length - 2));
    at = next;
  }
  return parts;
}

/** The project's own Vite dev server (the same config as Storybook and the demo), on a free port. */
async function startVite() {
  const vite = await createServer(
    mergeConfig({}, {
      root,
      configFile: join(root, 'vite.config.ts'),
      clearScreen: false,
      logLevel: 'warn',
      server: { hmr: false, host: '127.0.0.1', port: 0, strictPort: false },
      plugins: [
        {
          // The test runner's commands talk over the runner's own web socket module, not Vite's.
          name: 'pv-wtr-socket-external',
          enforce: 'pre',
          resolveId(id) {
            if (id.endsWith('__web-dev-server__web-socket.js')) return { id: '/__web-dev-server__web-socket.js', external: true };
            return undefined;
          },
        },
      ],
    }),
  );
  await vite.listen();
  const address = vite.httpServer.address();
  const viteUrl = `http://127.0.0.1:${address.port}`;
  return { vite, viteUrl };
}

/** Vite alone, for the unit tests: they import source and need nothing else from the server. */
async function createViteOnly() {
  const { vite, viteUrl } = await startVite();
  const info = { unit: true };
  /** @type {import('koa').Middleware} */
  const middleware = async (ctx, next) => {
    const path = ctx.path;
    if (path === '/' || path.startsWith('/__web-dev-server') || path.startsWith('/__web-test-runner')) return next();
    if (path === '/__info') return respond(ctx, 200, { 'Content-Type': 'application/json' }, JSON.stringify(info));
    return proxy(ctx, `${viteUrl}${ctx.url}`);
  };
  const plugin = { name: 'pv-test-server', serverStop: () => vite.close() };
  return { middleware, plugin, info };
}
