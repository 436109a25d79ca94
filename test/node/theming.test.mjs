/**
 * The theming surface an integrator reads and links:
 *
 * - docs/theming.md's and the README's tables of custom properties and parts match custom-elements.json (the
 *   elements' JSDoc); `node scripts/theming-docs.mjs` rewrites them;
 * - the package publishes the themes (`exports`, and `npm run build:npm` copies them);
 * - each theme, linked as a stylesheet from the page's own origin, applies under the strict
 *   Content Security Policy (`style-src 'self'`) with no violation reported by Chromium.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, QUIET_CHROMIUM_FLAGS, ROOT, SUPPORTED_CSP } from '../../scripts/platform.mjs';
import { DOC_PATH, MANIFEST_PATH, README_PATH, themingTables, withTables } from '../../scripts/theming-docs.mjs';

const THEMES_DIR = join(ROOT, 'src', 'themes');
const themes = readdirSync(THEMES_DIR).filter((name) => name.endsWith('.css'));

for (const [name, path] of [
  ['docs/theming.md', DOC_PATH],
  ['README.md', README_PATH],
]) test(`${name} lists every custom property and part in custom-elements.json`, () => {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  const doc = readFileSync(path, 'utf8');
  assert.equal(doc, withTables(doc, themingTables(manifest)), 'out of date: run node scripts/theming-docs.mjs');
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement)) {
    for (const { name } of [...(declaration.cssProperties ?? []), ...(declaration.cssParts ?? [])]) {
      assert.ok(doc.includes(`\`${name}\``), `${declaration.tagName}: ${name} is in the tables`);
    }
  }
});

test('the package publishes the sample trust and high-contrast themes', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(themes.sort(), ['high-contrast.css', 'sample-trust.css']);
  assert.equal(pkg.exports['./themes/*.css'], './dist/themes/*.css');
  assert.ok(pkg.files.includes('dist'), 'dist is in the package');
  assert.match(pkg.scripts['build:npm'], /scripts\/copy-themes\.mjs/, 'build:npm copies the themes into dist/themes');
  assert.ok(pkg.sideEffects.includes('./dist/themes/*.css'), 'bundlers keep an imported theme');
});

let server;
let browser;
let origin;

before(async () => {
  server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', SUPPORTED_CSP);
    const name = req.url.replace(/^\/themes\//, '');
    if (req.url.startsWith('/themes/') && themes.includes(name)) {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' });
      return res.end(readFileSync(join(THEMES_DIR, name)));
    }
    const theme = new URL(req.url, 'http://x').searchParams.get('theme');
    if (req.url.startsWith('/page') && themes.includes(theme)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><html lang="en"><head><title>Theme</title>
        <link rel="stylesheet" href="/themes/${theme}"></head>
        <body><patient-image-viewer></patient-image-viewer><finding-disclosure></finding-disclosure></body></html>`);
    }
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: QUIET_CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

for (const theme of themes) {
  test(`${theme}: a linked stylesheet that applies under the strict CSP`, { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    try {
      await page.evaluateOnNewDocument(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective}: ${event.blockedURI}`));
      });
      const response = await page.goto(`${origin}/page?theme=${theme}`, { waitUntil: 'load' });
      assert.equal(response.headers()['content-security-policy'], SUPPORTED_CSP);
      const result = await page.evaluate(() => {
        const sheet = document.styleSheets[0];
        return {
          violations: window.__violations,
          rules: sheet?.cssRules.length ?? 0,
          brand: getComputedStyle(document.documentElement).getPropertyValue('--pv-color-brand').trim(),
          // Inherited by the elements (custom properties cross shadow boundaries).
          onViewer: getComputedStyle(document.querySelector('patient-image-viewer')).getPropertyValue('--pv-color-brand').trim(),
          parts: [...(sheet?.cssRules ?? [])].filter((rule) => /::part\(/.test(rule.selectorText ?? '')).length,
        };
      });
      assert.deepEqual(result.violations, [], 'no Content Security Policy violation');
      assert.ok(result.rules > 1, 'the stylesheet loaded');
      assert.match(result.brand, /^#[0-9a-f]{6}$/i, 'it sets the brand colour');
      assert.equal(result.onViewer, result.brand, 'the viewer inherits it');
      assert.ok(result.parts > 0, 'it styles documented parts');
    } finally {
      await page.close();
    }
  });
}
