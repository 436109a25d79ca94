/**
 * Servers, pages and a browser for the portal checks (test/node/portal.test.mjs): a portal's pages
 * on one origin, the script-tag build on another (a CDN), each page sent with its own Content
 * Security Policy, and a headless Chromium that records what a page fetched and every CSP violation,
 * console error and failed request.
 */
import { createServer } from 'node:http';
import sirv from 'sirv';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, QUIET_CHROMIUM_FLAGS, WEBGL_FLAGS } from '../../../scripts/platform.mjs';

/** The strict policy from the issue; `extra` adds sources per directive (say a CDN's origin). */
export function strictPolicy(extra = {}) {
  const policy = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'"],
    'style-src': ["'self'"],
  };
  for (const [directive, sources] of Object.entries(extra)) policy[directive] = [...(policy[directive] ?? ["'self'"]), ...sources];
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

const dicomHeaders = (res, path) => {
  if (path.endsWith('.dcm')) res.setHeader('Content-Type', 'application/dicom');
};

/**
 * An HTTP server on 127.0.0.1 and a free port. `mounts` maps a path prefix (ending in `/`) to a
 * folder; `pages` maps a path to `{ html, csp }`; `headers` go on every response.
 */
export async function startServer({ mounts = {}, pages = new Map(), headers = {} } = {}) {
  const served = Object.entries(mounts)
    .sort(([a], [b]) => b.length - a.length)
    .map(([prefix, dir]) => [prefix, sirv(dir, { dev: true, setHeaders: dicomHeaders })]);
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = decodeURIComponent(req.url.split('?')[0]);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp, 'Cache-Control': 'no-store' });
      return res.end(page.html);
    }
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    };
    for (const [prefix, serve] of served) {
      if (path.startsWith(prefix)) {
        req.url = req.url.slice(prefix.length - 1);
        return serve(req, res, notFound);
      }
    }
    notFound();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    origin,
    pages,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A portal page: one script tag and, per study, the consent step around a viewer and its labels.
 * No inline script or style. `base` adds `<meta name="patient-image-viewer-base">`.
 */
export function portalPage({ script, base, studies }) {
  const meta = base ? `\n    <meta name="patient-image-viewer-base" content="${escape(base)}">` : '';
  const body = studies
    .map(
      (study, i) => `
    <h2>${escape(study.heading)}</h2>
    <finding-disclosure id="step-${i}" modality="${escape(study.modality)}">
      <patient-image-viewer id="viewer-${i}" src="${escape(study.image)}" loading="eager" timeout="${study.timeout ?? 60000}">
        <lay-annotation-layer id="layer-${i}" src="${escape(study.labels)}"></lay-annotation-layer>
      </patient-image-viewer>
    </finding-disclosure>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Your scan images</title>${meta}
    <script type="module" src="${escape(script)}"></script>
  </head>
  <body>
    <main>
    <h1>Your scan images</h1>${body}
    </main>
  </body>
</html>
`;
}

export async function launchBrowser() {
  return puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [...QUIET_CHROMIUM_FLAGS, ...WEBGL_FLAGS, '--window-size=1280,900'],
    defaultViewport: { width: 1280, height: 900 },
  });
}

export async function closeBrowser(browser) {
  if (!browser) return;
  const child = browser.process();
  await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone already */
    }
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone already */
    }
  }
}

/**
 * Open `url` in a fresh browser context (no shared cache) and record: `requests` (URLs),
 * `problems` (CSP violations, console errors and warnings, page errors, failed or 4xx/5xx requests),
 * `workers` (worker script URLs), and `messages`: every console message of the page and its
 * workers, whatever its level (`log`, `info`, `debug` too), as `type: text`.
 */
export async function openPage(browser, url) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const record = { page, context, requests: [], problems: [], workers: [], messages: [] };
  const isProblem = (type) => type === 'error' || type === 'warn' || type === 'warning';
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('requestfailed', (request) => record.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) record.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    record.messages.push(`${message.type()}: ${message.text()}`);
    if (isProblem(message.type())) record.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => record.problems.push(`page error: ${error.message}`));
  page.on('workercreated', (worker) => {
    record.workers.push(worker.url());
    worker.on('console', (message) => {
      record.messages.push(`worker ${message.type()}: ${message.text()}`);
      if (isProblem(message.type())) record.problems.push(`worker console ${message.type()}: ${message.text()}`);
    });
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample})`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  return record;
}

/**
 * Poll `predicate(arg)` in the page until it returns something truthy. (Not `page.waitForFunction`:
 * puppeteer builds its predicates with `new Function` inside the page, which a strict CSP reports
 * as a violation; `page.evaluate` runs through DevTools and is not the page's own code.)
 */
export async function until(page, predicate, arg, { timeout = 20000, what = 'the page' } = {}) {
  const started = Date.now();
  for (;;) {
    const value = await page.evaluate(predicate, arg);
    if (value) return value;
    if (Date.now() - started > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Wait until every consent step on the page is asking, and the network is quiet. */
export async function untilAsking(page) {
  await until(
    page,
    () => {
      const steps = [...document.querySelectorAll('finding-disclosure')];
      return steps.length > 0 && steps.every((step) => step.phase === 'asking');
    },
    undefined,
    { what: 'the consent steps to ask' },
  );
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 20000 });
}

/** Click "Show my images" (the first choice) on the consent step `selector`, with the mouse. */
export async function reveal(page, selector) {
  const box = await until(
    page,
    (s) => {
      const button = document.querySelector(s)?.shadowRoot?.querySelector('[part="actions"] button');
      if (!button) return undefined;
      button.scrollIntoView({ block: 'center' });
      const rect = button.getBoundingClientRect();
      return rect.width > 0 ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : undefined;
    },
    selector,
    { what: `the choices of ${selector}` },
  );
  await page.mouse.click(box.x, box.y);
}

/** Wait for the viewer `selector` to finish; throws with what the patient would see if it failed. */
export async function untilLoaded(page, selector, timeout = 90000) {
  await until(page, (s) => ['loaded', 'error'].includes(document.querySelector(s)?.status), selector, { timeout, what: `${selector} to load` });
  const outcome = await page.evaluate((s) => {
    const viewer = document.querySelector(s);
    return { status: viewer.status, text: viewer.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) };
  }, selector);
  if (outcome.status !== 'loaded') throw new Error(`${selector} did not load; it shows: ${outcome.text}`);
}

/**
 * How much the drawn picture varies: the grey-level range of a 12 x 12 grid of samples over the
 * middle of the viewer's canvas (0 for a blank picture).
 */
export async function pictureSpread(page, selector) {
  return page.evaluate((s) => {
    const canvas = document.querySelector(s)?.shadowRoot?.querySelector('canvas');
    if (!canvas || canvas.width === 0) return 0;
    // Read from a copy: reading the viewer's own canvas again and again makes Chromium warn (and
    // move that canvas off the GPU).
    const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d');
    copy.drawImage(canvas, 0, 0);
    const data = copy.getImageData(0, 0, canvas.width, canvas.height).data;
    const values = [];
    for (let gy = 0; gy < 12; gy++) {
      for (let gx = 0; gx < 12; gx++) {
        const x = Math.floor(canvas.width * (0.2 + (0.6 * gx) / 11));
        const y = Math.floor(canvas.height * (0.2 + (0.6 * gy) / 11));
        const i = (y * canvas.width + x) * 4;
        values.push((data[i] + data[i + 1] + data[i + 2]) / 3);
      }
    }
    return Math.max(...values) - Math.min(...values);
  }, selector);
}

/** The labels a layer shows: how many, and its shadow root's text. */
export async function layerLabels(page, selector) {
  await until(page, (s) => document.querySelector(s)?.labelCount > 0, selector, { what: `the labels of ${selector}` });
  return page.evaluate((s) => {
    const layer = document.querySelector(s);
    return { count: layer.labelCount, text: layer.shadowRoot.textContent.replace(/\s+/g, ' ') };
  }, selector);
}
