/**
 * The built Storybook, as a designer or reviewer opens it:
 *
 * 1. `npm run build-storybook` builds storybook-static (reused when it is newer than every input;
 *    PV_STORYBOOK_REBUILD=1 forces a build).
 * 2. Every story opens on its own (iframe.html?id=...) in headless Chromium (WebGL through
 *    SwiftShader), finishes rendering (and its play step), settles (no viewer still loading), and
 *    has no console error, no uncaught error and no axe violation (WCAG 2.2 A and AA rules, the
 *    standard we hold to; axe's best-practice rules also judge Storybook's own page, such as
 *    "content is not in a landmark", so they are left to the element tests). Then the toolbar is
 *    switched to one of its other settings, in turn (sample trust, high contrast, Welsh), and the
 *    story is checked again: each setting on a third of the stories. The only error allowed is
 *    the browser's own note of a 404 for a file a story asks for on purpose (`synthetic/no-such-*`).
 * 3. Each element's docs page (made from custom-elements.json) opens without errors and lists
 *    every attribute, custom property and part of the element.
 * 4. Every attribute of every element has a working control: changing it in Storybook changes
 *    the element.
 * 5. The NHS look (no theme) is in the NHS.UK font stack (.storybook/preview-head.html), not Times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import sirv from 'sirv';
import { CHROME_PATH, QUIET_CHROMIUM_FLAGS, ROOT, WEBGL_FLAGS } from '../../scripts/platform.mjs';
import { serveStaticDicomWeb } from '../../scripts/static-dicomweb.mjs';

const OUT = join(ROOT, 'storybook-static');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The rules of the standard the project meets: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** The toolbar's other settings, taken in turn (see preview.ts). */
const VARIANTS = ['theme:sample-trust', 'theme:high-contrast', 'locale:cy'];
/** A story tag (index.json has them): loading is the story's settled state. */
const STAYS_LOADING = 'stays-loading';
/**
 * The browser logs a 404 as a console error: allowed only for the files stories ask for to show "not
 * found", and for the small pictures a static DICOMweb tree does not have (the study stories ask
 * /rendered, then /thumbnail, then the instance's Part 10 file, then draw the picture from its
 * metadata and frame; the viewer's first picture asks /rendered first).
 */
const MEANT_TO_BE_MISSING =
  /Failed to load resource: the server responded with a status of 404 .*\(http:\/\/[^/]+\/(synthetic\/no-such-[\w.-]+|dicomweb\/studies\/[\d.]+\/series\/[\d.]+((\/instances\/[\d.]+(\/frames\/\d+)?)?\/(rendered|thumbnail)\?[\w=,.&]+|\/instances\/[\d.]+))\)$/;

// 1. The build.
const INPUTS = [
  'src', 'stories', '.storybook', 'docs', 'examples', 'custom-elements.json', 'vite.config.ts', 'package.json', 'package-lock.json', 'scripts/synthetic.mjs',
  'scripts/static-dicomweb.mjs', 'scripts/demo-dicomweb.mjs', 'scripts/pacs-objects.mjs',
];

function newestInput() {
  let newest = 0;
  for (const path of INPUTS.map((p) => join(ROOT, p))) {
    if (!existsSync(path)) continue;
    const stats = statSync(path);
    if (!stats.isDirectory()) newest = Math.max(newest, stats.mtimeMs);
    else {
      for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
      }
    }
  }
  return newest;
}

function buildStorybook() {
  const index = join(OUT, 'index.json');
  if (!process.env.PV_STORYBOOK_REBUILD && existsSync(index) && statSync(index).mtimeMs > newestInput()) {
    return { ok: true, reused: true, seconds: 0, log: '' };
  }
  const started = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build-storybook', '--', '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  const seconds = (performance.now() - started) / 1000;
  const log = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.slice(-4000);
  return { ok: result.status === 0 && existsSync(index), reused: false, seconds, log };
}

const build = buildStorybook();
console.log(build.reused ? 'Reusing storybook-static (newer than every input)' : `Built storybook-static in ${build.seconds.toFixed(1)} s`);

test('npm run build-storybook builds storybook-static', () => {
  assert.ok(build.ok, `the Storybook build failed:\n${build.log}`);
});

const entries = build.ok ? Object.values(JSON.parse(readFileSync(join(OUT, 'index.json'), 'utf8')).entries) : [];
const stories = entries.filter((entry) => entry.type === 'story');
const componentDocs = entries.filter((entry) => entry.type === 'docs' && !entry.tags?.includes('unattached-mdx'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const elements = manifest.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.customElement && d.tagName);

let server;
let origin;
let browser;

before(async () => {
  if (!build.ok) return;
  const serve = sirv(OUT, { dev: true });
  // The study stories' static DICOMweb tree (copied into the build by .storybook/main.ts's staticDirs),
  // served as plain files the way the dev server and `npm start` serve it.
  const serveDicomWeb = serveStaticDicomWeb(join(OUT, 'dicomweb'));
  server = createServer((req, res) => {
    // Chromium asks for one by itself; Storybook's page names its own icon.
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    const dicomweb = req.url.startsWith('/dicomweb/');
    if (dicomweb) req.url = req.url.slice('/dicomweb'.length);
    (dicomweb ? serveDicomWeb : serve)(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [...QUIET_CHROMIUM_FLAGS, ...WEBGL_FLAGS],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  server?.closeAllConnections?.();
});

/** A fresh page (each story starts from a clean engine) that records every error it logs. */
async function openPage(path) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 900 });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const error = `console error: ${message.text()} (${message.location()?.url ?? 'no location'})`;
    if (!MEANT_TO_BE_MISSING.test(error)) errors.push(error);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  await page.goto(`${origin}/${path}`, { waitUntil: 'load', timeout: 60_000 });
  return { page, errors };
}

/** Until the story has rendered and its play step has run; the render's last phase. */
async function rendered(page) {
  await page.waitForFunction(
    () => {
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      return ['finished', 'errored', 'aborted'].includes(phase) || document.body.classList.contains('sb-show-errordisplay');
    },
    { timeout: 60_000, polling: 100 },
  );
  return page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase ?? 'error display');
}

/** The viewers' statuses, everywhere in the story (light DOM and shadow roots). */
function viewerStatuses(page) {
  return page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'patient-image-viewer') found.push(el.status);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
}

/** Until no viewer is still loading (twice in a row), and the theme's stylesheet has loaded. */
async function settle(page, staysLoading) {
  const deadline = Date.now() + 30_000;
  let calm = 0;
  let statuses = [];
  while (calm < 2) {
    if (Date.now() > deadline) throw new Error(`the story did not settle: viewers ${JSON.stringify(statuses)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    statuses = await viewerStatuses(page);
    calm = staysLoading || !statuses.includes('loading') ? calm + 1 : 0;
  }
  await page.waitForFunction(() => {
    const link = document.querySelector('link#pv-theme');
    return !link || link.sheet !== null;
  });
  // Labels are placed in animation frames after the image is drawn.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const { violations } = await window.axe.run(document.querySelector('#storybook-root'), {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' > ')).join('; ')})`);
  }, AXE_TAGS);
}

// 2. Every story, as is and then under one other toolbar setting.
/** Switch the toolbar (`theme:high-contrast`) and wait for the story to render again. */
async function switchToolbar(page, setting) {
  const [name, value] = setting.split(':');
  await page.evaluate(
    ({ name, value }) =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        channel.once('storyRendered', resolve);
        channel.emit('updateGlobals', { globals: { [name]: value } });
      }),
    { name, value },
  );
  return page.evaluate(
    (name) =>
      name === 'locale'
        ? document.querySelector('#storybook-root [lang]')?.getAttribute('lang')
        : document.querySelector('link#pv-theme')?.getAttribute('href'),
    name,
  );
}

describe('every story in the built Storybook: no console error, no axe violation', { concurrency: 2 }, () => {
  stories.forEach((story, i) => {
    const setting = VARIANTS[i % VARIANTS.length];
    test(`${story.title} / ${story.name} (then ${setting})`, { timeout: 120_000 }, async () => {
      const staysLoading = (story.tags ?? []).includes(STAYS_LOADING);
      const { page, errors } = await openPage(`iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
      try {
        const phase = await rendered(page);
        assert.equal(phase, 'finished', `the story did not finish rendering (${phase}): ${errors.join('\n')}`);
        await settle(page, staysLoading);
        assert.deepEqual(await axeViolations(page), [], 'axe violations');
        assert.deepEqual(errors, [], 'console errors');

        const applied = await switchToolbar(page, setting);
        assert.ok(applied?.includes(setting.split(':')[1]), `the toolbar's ${setting} was not applied (${applied})`);
        await settle(page, staysLoading);
        assert.deepEqual(await axeViolations(page), [], `axe violations with ${setting}`);
        assert.deepEqual(errors, [], `console errors with ${setting}`);
      } finally {
        await page.close();
      }
    });
  });
});

// 3. The docs pages, from custom-elements.json.
describe('each element has a docs page made from custom-elements.json', () => {
  for (const element of elements) {
    test(`<${element.tagName}>: its docs page lists every attribute, custom property and part`, { timeout: 120_000 }, async () => {
      const docs = componentDocs.find((entry) => stories.some((s) => s.title === entry.title && s.importPath === entry.importPath && readFileSync(join(ROOT, s.importPath), 'utf8').includes(`component: '${element.tagName}'`)));
      assert.ok(docs, `no docs page for ${element.tagName}`);
      const { page, errors } = await openPage(`iframe.html?id=${encodeURIComponent(docs.id)}&viewMode=docs`);
      try {
        await page.waitForFunction(() => document.querySelector('#storybook-docs')?.innerText.includes('css custom properties'), { timeout: 60_000 });
        const text = await page.evaluate(() => document.querySelector('#storybook-docs').innerText);
        const missing = [
          ...(element.attributes ?? []).map((a) => a.fieldName ?? a.name),
          ...(element.cssProperties ?? []).map((p) => p.name),
          ...(element.cssParts ?? []).map((p) => p.name),
        ].filter((name) => !text.includes(name));
        assert.deepEqual(missing, [], 'not on the docs page');
        assert.ok(text.includes(element.description.split('\n')[0]), 'the JSDoc description is on the page');
        assert.deepEqual(errors, [], 'errors on the docs page');
      } finally {
        await page.close();
      }
    });
  }
});

test('the NHS look (no theme) uses the NHS.UK font stack, not the browser\'s default serif, in the page and inside the elements', { timeout: 120_000 }, async () => {
  const story = stories.find((entry) => entry.title === 'Consent step');
  assert.ok(story, 'a Consent step story');
  const { page, errors } = await openPage(`iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=theme:nhs`);
  try {
    await rendered(page);
    const fonts = await page.evaluate(() => {
      const root = document.querySelector('.pv-story-root');
      const step = root?.querySelector('finding-disclosure');
      const button = step?.shadowRoot?.querySelector('button');
      return { root: root && getComputedStyle(root).fontFamily, button: button && getComputedStyle(button).fontFamily };
    });
    for (const [where, family] of Object.entries(fonts)) {
      assert.ok(family, `${where}: found`);
      const families = family.split(',').map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
      assert.deepEqual(families, ['frutiger w01', 'arial', 'sans-serif'], `${where}: the NHS.UK font stack (${family})`);
      assert.ok(!families.includes('serif') && !families.some((name) => name.startsWith('times')), `${where}: no serif (${family})`);
    }
    assert.deepEqual(errors, [], 'errors on the story');
  } finally {
    await page.close();
  }
});

test('the Theming page shows docs/theming.md with its tables', { timeout: 120_000 }, async () => {
  const theming = entries.find((entry) => entry.type === 'docs' && entry.title === 'Theming');
  assert.ok(theming, 'a Theming docs page');
  const { page, errors } = await openPage(`iframe.html?id=${encodeURIComponent(theming.id)}&viewMode=docs`);
  try {
    await page.waitForFunction(() => document.querySelectorAll('#storybook-docs table').length >= 3, { timeout: 60_000 });
    const text = await page.evaluate(() => document.querySelector('#storybook-docs').innerText);
    for (const element of elements) {
      for (const { name } of [...(element.cssProperties ?? []), ...(element.cssParts ?? [])]) assert.ok(text.includes(name), `${name} is on the page`);
    }
    assert.deepEqual(errors, [], 'errors on the Theming page');
  } finally {
    await page.close();
  }
});

// 4. Controls for every attribute, wired to the element.
describe('every attribute has a working control', () => {
  for (const element of elements) {
    test(`<${element.tagName}>: changing each attribute's control changes the element`, { timeout: 120_000 }, async () => {
      const story = stories.find((s) => readFileSync(join(ROOT, s.importPath), 'utf8').includes(`component: '${element.tagName}'`));
      assert.ok(story, `no stories for ${element.tagName}`);
      const { page } = await openPage(`iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
      try {
        await rendered(page);
        const extracted = await page.evaluate(async (id) => {
          const all = await window.__STORYBOOK_PREVIEW__.extract();
          const { argTypes, args } = all[id];
          return { args, argTypes: JSON.parse(JSON.stringify(argTypes)) };
        }, story.id);
        const problems = [];
        for (const attribute of element.attributes ?? []) {
          const key = [attribute.fieldName, attribute.name].find((k) => k && extracted.argTypes[k] && !extracted.argTypes[k].table?.disable);
          const argType = key && extracted.argTypes[key];
          if (!argType || argType.control === false || argType.control === undefined || argType.control?.disable) {
            problems.push(`${attribute.name}: no control`);
            continue;
          }
          const current = extracted.args[key];
          const type = argType.control?.type ?? argType.control;
          const value =
            argType.options?.length > 1
              ? argType.options.find((option) => option !== current)
              : type === 'boolean'
                ? !current
                : type === 'number'
                  ? 12345
                  : type === 'date'
                    ? undefined
                    : `story-check-${attribute.name}`;
          const seen = await page.evaluate(
            async ({ id, key, value, tag, field }) => {
              const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
              const done = new Promise((resolve) => channel.once('storyRendered', resolve));
              channel.emit('updateStoryArgs', { storyId: id, updatedArgs: { [key]: value } });
              await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5000))]);
              const el = document.querySelector(`#storybook-root ${tag}`);
              return el ? el[field] : 'no element';
            },
            { id: story.id, key, value, tag: element.tagName, field: attribute.fieldName ?? attribute.name },
          );
          if (seen !== value) problems.push(`${attribute.name}: set ${JSON.stringify(value)} through "${key}", the element has ${JSON.stringify(seen)}`);
        }
        assert.ok((element.attributes ?? []).length > 0, 'the manifest lists attributes');
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
});
