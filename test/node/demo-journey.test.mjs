/**
 * The demo's whole patient journey, as a patient would take it, in Chromium against `npm start`'s
 * own server (scripts/start.mjs: the script-tag build, the strict CSP, the synthetic study):
 * the list of scans, the consent step, the images drawn, the labels, a sensitive finding revealed,
 * a question sent, the CT series scrolled, and the choices remembered after a reload.
 * Clicks and typing are real input (CDP), on elements found through the shadow roots.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { deepText, findDeep, openDemo } from './support/demo-browser.mjs';
import { pictureSpread } from './support/portal-pages.mjs';

let demo;
let browser;
let origin;
const problems = [];

before(async () => {
  demo = await openDemo('journey');
  ({ browser, origin } = demo);
});

after(async () => {
  await demo?.close();
});

/**
 * Every word a patient or their screen reader could meet, in the page as it is rendered (the flat
 * tree): text and accessible attributes of the document and of every shadow root, with a shadow
 * host's light children only where a slot shows them. (A wrapped finding's own paragraph stays in
 * the portal's HTML, unslotted: it is not rendered and not in the accessibility tree.)
 */
const flatText = (page) =>
  page.evaluate(() => {
    const parts = [];
    const ATTRIBUTES = ['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'value'];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      if (node.nodeType === Node.ELEMENT_NODE) {
        for (const name of ATTRIBUTES) if (node.hasAttribute(name)) parts.push(node.getAttribute(name));
        if (node.localName === 'slot') {
          const assigned = node.assignedNodes({ flatten: true });
          for (const child of assigned.length > 0 ? assigned : node.childNodes) walk(child);
          return;
        }
        if (node.shadowRoot) {
          walk(node.shadowRoot);
          return;
        }
      }
      for (const child of node.childNodes) walk(child);
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });

/** Every name, description and value in Chromium's full accessibility tree (what a screen reader is given). */
async function accessibleText(page) {
  const cdp = await page.createCDPSession();
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const strings = [];
    for (const node of nodes) {
      for (const field of [node.name, node.description, node.value]) if (field && typeof field.value === 'string') strings.push(field.value);
    }
    return strings.join(' ').replace(/\s+/g, ' ');
  } finally {
    await cdp.detach();
  }
}

/** Whether the viewer's picture is drawn (not blank) within 5 s: a resize clears the canvas until the next frame. */
async function drawn(page, selector) {
  for (let tries = 0; tries < 25; tries++) {
    if ((await pictureSpread(page, selector)) > 40) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** page.waitForFunction, saying on a timeout where every step and viewer was, and what went wrong. */
function explained(page) {
  const wait = page.waitForFunction.bind(page);
  page.waitForFunction = (...args) =>
    wait(...args).catch(async (error) => {
      const state = await page
        .evaluate(() =>
          [...document.querySelectorAll('finding-disclosure, patient-image-viewer')].map(
            (el) => `${el.localName}#${el.id}: ${el.phase ?? el.status} ${customElements.get(el.localName) ? '' : '(not defined)'}`,
          ),
        )
        .catch(() => []);
      throw new Error(`${error.message}\n${state.join('\n')}\n${problems.join('\n')}`);
    });
  return page;
}

it('[HAZ-001] the demo: list of scans, consent, images, labels, a sensitive finding (nowhere on the page or in the accessibility tree until chosen), a question, then remembered', async () => {
  const page = explained(await browser.newPage());
  await page.setViewport({ width: 1280, height: 900 });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  await page.goto(`${origin}/`, { waitUntil: 'load' });

  // The list of scans tells the patient each scan has something to talk through, before anything shows.
  const list = await page.$eval('ul[aria-labelledby="studies-heading"]', (ul) => ul.textContent.replace(/\s+/g, ' '));
  assert.match(list, /CT scan of your head[^.]*marked something to talk through/);
  assert.match(list, /Chest X-ray[^.]*marked something to talk through/);
  await page.click('a[href="#xray-heading"]');

  // The consent step: nothing behind it yet.
  const chest = '#xray';
  assert.match(await deepText(page, 'finding-disclosure[study-key="demo-chest"]'), /Before you look at your images/);
  assert.equal(await page.$eval(chest, (viewer) => viewer.status), 'idle');
  await (await findDeep(page, 'finding-disclosure[study-key="demo-chest"]', 'button', 'Show my images')).click();

  // The image is drawn (not a blank box), with its labels.
  await page.waitForFunction((s) => document.querySelector(s).status === 'loaded', { timeout: 60_000 }, chest);
  await page.waitForFunction(
    (s) => document.querySelector(s).querySelector('lay-annotation-layer').shadowRoot.querySelectorAll('.marker').length > 0,
    { timeout: 30_000 },
    chest,
  );
  assert.ok(await drawn(page, chest), 'the chest X-ray is drawn');
  const layerText = await deepText(page, `${chest} lay-annotation-layer`);
  assert.match(layerText, /Your right lung/);
  assert.match(layerText, /There is something in your report your care team wants to talk through with you/);
  assert.doesNotMatch(layerText, /shadow/i, 'the sensitive finding waits for the patient');

  // The sensitive finding, shown when the patient chooses.
  await (await findDeep(page, `${chest} lay-annotation-layer`, 'button', 'Show me now')).click();
  await page.waitForFunction(
    (s) => [...document.querySelector(s).querySelector('lay-annotation-layer').shadowRoot.querySelectorAll('ol > li')].some((li) => li.dataset.id === 'demo-shadow'),
    { timeout: 10_000 },
    chest,
  );

  // A question about it, sent to the care team (the demo logs pv-question in its Events panel).
  const findingAsk = await page.waitForFunction(
    (s) => document.querySelector(s).querySelector('lay-annotation-layer').shadowRoot.querySelector('li[data-id="demo-shadow"] button.ask'),
    { timeout: 10_000 },
    chest,
  );
  await findingAsk.click();
  await page.keyboard.type('Will I need another X-ray?');
  await (await findDeep(page, `${chest} lay-annotation-layer`, 'button', 'Send my question')).click();
  await page.waitForFunction(() => document.querySelector('#events .demo-events__item--pv-question') !== null, { timeout: 10_000 });
  const logged = await page.$eval('#events .demo-events__item--pv-question', (li) => li.textContent);
  assert.match(logged, /Will I need another X-ray\?/);
  assert.match(logged, /"labelId":"demo-shadow"/);

  // The CT series, behind its own step: shown, then moved on one image.
  await (await findDeep(page, 'finding-disclosure[study-key="demo-ct-head"]', 'button', 'Show my images')).click();
  await page.waitForFunction(() => document.querySelector('#ct').status === 'loaded', { timeout: 60_000 });
  assert.ok(await drawn(page, '#ct'), 'the CT slice is drawn');
  await page.focus('#ct');
  await (await findDeep(page, '#ct', 'button', 'Next image')).click();
  await page.waitForFunction(() => document.querySelector('#ct').index === 1, { timeout: 10_000 });

  // A finding in the CT report, wrapped: said to be there, shown only when chosen. Its label on the
  // CT (finding id "marked-1") waits with it: no word of it on the page or for a screen reader.
  const report = 'finding-disclosure[finding-id="marked-1"]';
  const ctLayer = '#ct lay-annotation-layer';
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot?.querySelector('.panel ol > li'), { timeout: 10_000 }, ctLayer);
  const sinusWords = /sinus|mucus|cheek|lining/i;
  assert.doesNotMatch(await flatText(page), sinusWords, 'before the choice: nothing of the finding on the page');
  assert.doesNotMatch(await accessibleText(page), sinusWords, 'before the choice: nothing of it in the accessibility tree');
  assert.match(await deepText(page, report), /There is something in your report your care team wants to talk through with you/);
  assert.match(await deepText(page, ctLayer), /There is something in your report your care team wants to talk through with you/);
  assert.equal(await page.$eval(report, (step) => step.querySelector('p').getClientRects().length), 0, 'the finding is not on screen');

  await (await findDeep(page, report, 'button', "I'll wait to talk to my care team")).click();
  await page.waitForFunction((s) => /You chose to wait/.test(document.querySelector(s).shadowRoot.textContent), { timeout: 10_000 }, ctLayer);
  assert.doesNotMatch(await flatText(page), sinusWords, 'after "I\'ll wait": nothing of the finding on the page');
  assert.doesNotMatch(await accessibleText(page), sinusWords, 'after "I\'ll wait": nothing of it in the accessibility tree');

  await (await findDeep(page, report, 'button', 'Show me now')).click();
  await page.waitForFunction((s) => document.querySelector(s).querySelector('p').getClientRects().length > 0, { timeout: 10_000 }, report);
  await page.waitForFunction(
    (s) => [...document.querySelector(s).shadowRoot.querySelectorAll('ol > li')].some((li) => li.dataset.id === 'label-4'),
    { timeout: 10_000 },
    ctLayer,
  );
  for (const [where, text] of [['the page', await flatText(page)], ['the accessibility tree', await accessibleText(page)]]) {
    assert.match(text, /lining of one of your sinuses/, `the report's words in ${where}`);
    assert.match(text, /A blocked sinus/, `the label's words in ${where}`);
  }
  // The page's "What your report says" and the layer's agree.
  const pageReport = await page.$eval('#ct-heading ~ h3 + p', (p) => p.textContent.replace(/\s+/g, ' ').trim());
  const layerSummary = await page.$eval(ctLayer, (layer) => layer.shadowRoot.querySelector('section.summary p').textContent.replace(/\s+/g, ' ').trim());
  assert.equal(layerSummary, pageReport);

  // Reload: the choices were kept for this session (the demo uses session storage).
  await page.reload({ waitUntil: 'load' });
  // Back to the X-ray from the list (viewers out of sight wait to load).
  await page.click('a[href="#xray-heading"]');
  await page.waitForFunction((s) => document.querySelector(s).status === 'loaded', { timeout: 60_000 }, chest);
  await page.waitForFunction(
    (s) => [...document.querySelector(s).querySelector('lay-annotation-layer').shadowRoot.querySelectorAll('ol > li')].some((li) => li.dataset.id === 'demo-shadow'),
    { timeout: 10_000 },
    chest,
  );
  const kept = await page.evaluate(() => Object.entries(sessionStorage).flat().join(' '));
  assert.doesNotMatch(kept, /demo-chest|shadow|X-ray/, 'only hashed keys and choices are kept');

  assert.deepEqual(problems, [], 'no console errors, page errors or CSP violations');
  await page.close();
});

it('the demo on a 390 x 844 phone, with real touch: a thumb on the picture scrolls the page; a tapped marker shows its words beside it', async () => {
  const page = explained(await browser.newPage());
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  const chest = '#xray';
  await page.click('a[href="#xray-heading"]');
  await (await findDeep(page, 'finding-disclosure[study-key="demo-chest"]', 'button', 'Show my images')).click();
  await page.waitForFunction((s) => document.querySelector(s).status === 'loaded', { timeout: 60_000 }, chest);
  await page.waitForFunction(
    (s) => document.querySelector(s).querySelector('lay-annotation-layer').shadowRoot.querySelectorAll('.marker').length > 0,
    { timeout: 30_000 },
    chest,
  );
  const cdp = await page.createCDPSession();
  const touch = async (from, to, steps = 8) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from[0], y: from[1], id: 1 }] });
    for (let i = 1; i <= steps; i++) {
      const x = from[0] + ((to[0] - from[0]) * i) / steps;
      const y = from[1] + ((to[1] - from[1]) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y, id: 1 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  // The picture at the top of the screen; a thumb that starts on it scrolls the page.
  await page.$eval(chest, (viewer) => viewer.scrollIntoView({ block: 'start' }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const stage = await page.$eval(chest, (viewer) => {
    const r = viewer.shadowRoot.querySelector('[part="canvas"]').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom };
  });
  assert.ok(stage.bottom > 200, 'the picture is on screen');
  const before = await page.evaluate(() => window.scrollY);
  await touch([stage.x, stage.y + 100], [stage.x, stage.y - 100]);
  await page.waitForFunction((y) => window.scrollY > y + 50, { timeout: 5_000 }, before);

  // A numbered marker, tapped: its words open beside it.
  await page.$eval(chest, (viewer) => viewer.scrollIntoView({ block: 'start' }));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const marker = await page.$eval(chest, (viewer) => {
    const layer = viewer.querySelector('lay-annotation-layer');
    const m = [...layer.shadowRoot.querySelectorAll('.marker')].find((el) => !el.hidden);
    const r = m.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, label: m.getAttribute('aria-label') };
  });
  await touch([marker.x, marker.y], [marker.x, marker.y], 1);
  const card = await page.waitForFunction(
    (s) => document.querySelector(s).querySelector('lay-annotation-layer').shadowRoot.querySelector('.marker-card')?.textContent,
    { timeout: 5_000 },
    chest,
  );
  const words = (await card.jsonValue()).replace(/\s+/g, ' ');
  assert.ok(words.includes(marker.label.replace(/^Label \d+: /, '')), `the card names the label (${words})`);
  assert.match(words, /Show in the list/);
  await cdp.detach();
  assert.deepEqual(problems, [], 'no page errors');
  await page.close();
});

/**
 * In the page, before any script: a fake of the NHS App's JS API v2 (as the App's script puts it on
 * `window.nhsapp`; the checked fake the browser tests use is test/fakes/fake-nhsapp.ts), and records of
 * what the App's web view cannot do: window.open, print, a download by link.
 */
function nhsAppWebView() {
  const calls = [];
  const cannot = [];
  let back;
  const need = (ok, what) => {
    if (!ok) throw new TypeError(`nhsapp (fake): ${what}`);
  };
  window.nhsapp = {
    tools: { getAppPlatform: () => 'android', isOpenInNHSApp: () => true },
    navigation: {
      setBackAction(fn) {
        need(typeof fn === 'function', 'setBackAction(function)');
        back = fn;
        calls.push({ fn: 'setBackAction' });
      },
      clearBackAction() {
        back = undefined;
        calls.push({ fn: 'clearBackAction' });
      },
      openBrowserOverlay(url) {
        need(/^https?:\/\//.test(url), 'openBrowserOverlay(Uri)');
        calls.push({ fn: 'openBrowserOverlay', url });
      },
    },
    storage: {
      downloadFromBytes(base64data, filename, mimeType) {
        need(arguments.length === 3 && /^[A-Za-z0-9+/]+={0,2}$/.test(base64data) && /\.\w+$/.test(filename) && /^\w+\/[\w.+-]+$/.test(mimeType), 'downloadFromBytes(base64, filename, mimeType)');
        calls.push({ fn: 'downloadFromBytes', filename, mimeType, bytes: window.atob(base64data).length });
      },
    },
  };
  window.__app = { calls, cannot, back: () => back?.(), hasBack: () => back !== undefined };
  window.open = (...args) => (cannot.push(`window.open(${args[0]})`), null);
  window.print = () => cannot.push('print');
  window.HTMLAnchorElement.prototype.click = function () {
    cannot.push(`a download by link (${this.download})`);
  };
  window.addEventListener('click', (event) => {
    const link = event.composedPath().find((n) => n instanceof window.HTMLAnchorElement && n.target === '_blank');
    if (link && !event.defaultPrevented) cannot.push(`a new tab (${link.href})`);
    if (link) event.preventDefault();
  });
}

it('[HAZ-033] the demo in the NHS App web view (its user agent and a fake of its JS API): back closes the question box, copies are saved through the App; no window.open, print or download by link', async () => {
  const page = explained(await browser.newPage());
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  await page.setUserAgent(`${await browser.userAgent()} nhsapp-android/3.2.0`);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.evaluateOnNewDocument(nhsAppWebView);
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.evaluate(() => sessionStorage.clear());
  const chest = '#xray';
  const layer = `${chest} lay-annotation-layer`;
  await page.click('a[href="#xray-heading"]');
  await (await findDeep(page, 'finding-disclosure[study-key="demo-chest"]', 'button', 'Show my images')).click();
  await page.waitForFunction((s) => document.querySelector(s).status === 'loaded', { timeout: 60_000 }, chest);
  await page.waitForFunction((s) => document.querySelector(s).shadowRoot?.querySelector('.panel ol > li'), { timeout: 30_000 }, layer);

  // A question box, closed by the App's back button.
  await (await findDeep(page, layer, 'button', 'Ask a question about this')).click();
  await page.waitForFunction(() => window.__app.hasBack(), { timeout: 5_000 });
  await page.evaluate(() => window.__app.back());
  await page.waitForFunction((s) => !document.querySelector(s).shadowRoot.querySelector('.composer'), { timeout: 5_000 }, layer);
  await page.waitForFunction(() => !window.__app.hasBack(), { timeout: 5_000 });

  // A question saved, then saved as a file; no Print in the App.
  await (await findDeep(page, layer, 'button', 'Ask a question about this')).click();
  await page.keyboard.type('Can I drive?');
  await (await findDeep(page, layer, 'button', 'Save for my appointment')).click();
  await (await findDeep(page, layer, 'button', 'Save my questions')).click();
  await (await findDeep(page, layer, 'button', 'Save this image')).click();
  await page.waitForFunction(() => window.__app.calls.filter((c) => c.fn === 'downloadFromBytes').length === 2, { timeout: 10_000 });
  const text = await deepText(page, layer);
  assert.doesNotMatch(text, /Print my questions/);
  const saved = await page.evaluate(() => window.__app.calls.filter((c) => c.fn === 'downloadFromBytes'));
  assert.deepEqual(
    saved.map((c) => c.mimeType),
    ['text/plain', 'image/png'],
  );
  for (const { filename } of saved) assert.match(filename, /^(questions|image)-\d{4}-\d{2}-\d{2}\.(txt|png)$/, 'no names or IDs in a file name');
  assert.ok(saved[1].bytes > 1000, 'a picture was saved');
  assert.deepEqual(await page.evaluate(() => window.__app.cannot), [], 'nothing the App cannot do');
  assert.deepEqual(problems, [], 'no page errors');
  await page.close();
});

it('[HAZ-030] your scans by study (issue 16): each study opened by its UID alone, from a static DICOMweb tree, the picked images first; one opens and is drawn', async () => {
  const page = explained(await browser.newPage());
  await page.setViewport({ width: 1280, height: 900 });
  const seen = [];
  page.on('console', (message) => {
    if (message.type() === 'error') seen.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  // A static tree has no small images made by the server and no Part 10 files: /rendered, /thumbnail and
  // the instance's file answer 404, and the list draws each from its metadata and frame. Every other 404
  // is a fault.
  const missing = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(new URL(response.url()).pathname);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('a[href="studies.html"]')]);
  const listed = (id) =>
    page.waitForFunction((s) => document.querySelector(s)?.shadowRoot?.querySelector('.study')?.getAttribute('aria-busy') === 'false', { timeout: 60_000 }, id);
  const names = (id) =>
    page.$eval(id, (el) => [...el.shadowRoot.querySelectorAll('.study-list')].map((ul) => [...ul.querySelectorAll('.study-name')].map((n) => n.textContent.trim())));
  await listed('#ct-study');
  assert.deepEqual(await names('#ct-study'), [
    ['Picked image 1: Fine slices, to see small details', 'Picked image 2: Thicker slices, fewer to look through'],
    ['Fine slices, to see small details', 'Thicker slices, fewer to look through'],
  ]);
  // Every choice has its small picture, drawn in the page from the tree's frames (each place asks once
  // it comes near the screen).
  const pictures = async (id) => {
    await page.$eval(id, async (el) => {
      for (const place of el.shadowRoot.querySelectorAll('.study-thumb')) {
        place.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await page.waitForFunction(
      (s) => {
        const places = [...(document.querySelector(s)?.shadowRoot?.querySelectorAll('.study-thumb') ?? [])];
        return places.length > 0 && places.every((place) => place.querySelector('img')?.complete && place.querySelector('img').naturalWidth > 0);
      },
      { timeout: 30_000 },
      id,
    );
  };
  await pictures('#ct-study');
  await page.click('a[href="#xray-study-heading"]');
  await listed('#xray-study');
  assert.deepEqual(await names('#xray-study'), [['Picked image 1: Front view'], ['Front view']]);
  await pictures('#xray-study');
  // The first picked image of the CT, by a real click: its series opens at that slice, drawn.
  await page.click('a[href="#ct-study-heading"]');
  const first = await page.evaluateHandle(() => document.querySelector('#ct-study').shadowRoot.querySelector('.study-choice'));
  await first.click();
  await page.waitForFunction(() => document.querySelector('#ct-study').status === 'loaded', { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('#ct-study').index === 21, { timeout: 10_000 });
  assert.equal(await drawn(page, '#ct-study'), true, 'the picked slice is drawn');
  // Nothing identifying on the page (the tree holds the made-up patient's name and the descriptions).
  assert.doesNotMatch(await flatText(page), /Phantom|SYNTH-00042|Head 1\.25 mm|Synthetic chest radiograph/);
  assert.deepEqual(
    missing.filter(
      (path) =>
        !/^\/dicomweb\/studies\/[\d.]+\/series\/[\d.]+(\/instances\/[\d.]+(\/frames\/\d+)?)?\/(rendered|thumbnail)$/.test(path) &&
        !/^\/dicomweb\/studies\/[\d.]+\/series\/[\d.]+\/instances\/[\d.]+$/.test(path),
    ),
    [],
    'nothing missing but the small images a static tree does not have',
  );
  const notFound = /Failed to load resource: the server responded with a status of 404/;
  assert.equal(seen.filter((line) => notFound.test(line)).length, missing.length);
  assert.deepEqual(
    seen.filter((line) => !notFound.test(line)),
    [],
    'no console errors, page errors or CSP violations',
  );
  await page.close();
});
