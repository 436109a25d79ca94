/**
 * The demo's patient journey by keyboard alone, in Chromium against `npm start`'s own server (the
 * script-tag build under the strict CSP), at 100%, 200% and 400% zoom (emulated as a 1280 x 900
 * window at device scale 1, 2 and 4: 1280 x 900, 640 x 450 and 320 x 225 CSS pixels).
 *
 * Only real key presses (CDP): Tab through the whole page, Enter on "Show my images" (both
 * studies), "Show me now", the first hard word, "Ask a question about this", then typing and
 * "Send my question". At every stop it fails when:
 * - focus is on `<body>` (lost, WCAG 2.4.3) after any key;
 * - the focused element is entirely hidden under something else, or off screen (2.4.11):
 *   `elementFromPoint` through shadow roots at nine points over it must find it at one at least.
 * It checks the focus ring on the picture in real screenshot pixels (2.4.7), and records every
 * live-region announcement (a hook on attachShadow watches every shadow root): the question's
 * confirmation is heard, and loading is not a flood (4.1.3).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './support/demo-browser.mjs';

let demo;
let browser;
let origin;

before(async () => {
  demo = await openDemo('keyboard');
  ({ browser, origin } = demo);
});

after(async () => {
  await demo?.close();
});

/** Runs in the page before anything else: record every live-region change in every shadow root. */
function recordAnnouncements() {
  window.__said = [];
  const last = new WeakMap();
  const read = (root) => {
    for (const region of root.querySelectorAll('[aria-live], [role="status"], [role="alert"]')) {
      const text = region.textContent.replace(/\s+/g, ' ').trim();
      if (text && last.get(region) !== text) window.__said.push(text);
      last.set(region, text);
    }
  };
  const watch = (root) => new MutationObserver(() => read(root)).observe(root, { subtree: true, childList: true, characterData: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root);
    return root;
  };
  document.addEventListener('DOMContentLoaded', () => watch(document.body));
}

/** In the page: what has focus, through shadow roots, and whether it can be seen. */
function focusState() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || active === document.body || active === document.documentElement) return { body: true };
  const rect = active.getBoundingClientRect();
  const name = (active.getAttribute('aria-label') || active.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  const describe = `<${active.localName}${active.className && typeof active.className === 'string' ? ` class="${active.className}"` : ''}> "${name}"`;
  // WCAG 2.4.11 (minimum): not entirely hidden. Nine points over the element (as in the audit);
  // hidden when every one of them that is on screen shows something else.
  const inside = (node, container) => {
    for (let n = node; n; n = n.parentNode ?? n.host) if (n === container) return true;
    return false;
  };
  let onScreen = 0;
  let visible = 0;
  let cover;
  for (const fx of [0.1, 0.5, 0.9]) {
    for (const fy of [0.1, 0.5, 0.9]) {
      const x = rect.left + rect.width * fx;
      const y = rect.top + rect.height * fy;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      onScreen++;
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      // The element itself, something inside it, or a host it is drawn in (a slotted or composed part).
      if (hit && (inside(hit, active) || inside(active, hit))) visible++;
      else cover ??= hit;
    }
  }
  let obscured;
  if (rect.width === 0 || onScreen === 0) obscured = `off screen (${Math.round(rect.left)}, ${Math.round(rect.top)}) in ${innerWidth} x ${innerHeight}`;
  else if (visible === 0) obscured = `under <${cover?.localName} class="${cover?.className}">`;
  return {
    describe,
    name,
    tag: active.localName,
    classes: typeof active.className === 'string' ? active.className : '',
    part: active.getAttribute('part') ?? '',
    obscured,
    rect: { x: rect.left, y: rect.top, width: rect.width, height: rect.height },
  };
}

/** Yellow (#ffeb3b) share of the edge of a PNG screenshot of the picture's frame. */
async function ringShare(page, rect) {
  // Puppeteer's clip is in page (document) coordinates; the rect is in the viewport's.
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const clip = { x: Math.max(0, rect.x) + scroll.x, y: Math.max(0, rect.y) + scroll.y, width: Math.min(rect.width, 2000), height: Math.min(rect.height, 2000) };
  const png = await page.screenshot({ clip, encoding: 'base64' });
  if (process.env.PV_DEBUG_SHOTS) (await import('node:fs')).writeFileSync(`/tmp/ksr-ring-${Date.now()}.png`, Buffer.from(png, 'base64'));
  return page.evaluate(async (base64, width, height) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(Math.round(width), Math.round(height));
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let hits = 0;
    let total = 0;
    for (let x = 20; x < canvas.width - 20; x += 5) {
      for (const y of [2, canvas.height - 3]) {
        const i = (y * canvas.width + x) * 4;
        total++;
        if (data[i] > 215 && data[i + 1] > 195 && data[i + 2] < 110) hits++;
      }
    }
    return total ? hits / total : 0;
  }, png, clip.width, clip.height);
}

const ZOOMS = [
  { label: '100%', width: 1280, height: 900, scale: 1, stops: 260 },
  { label: '200%', width: 640, height: 450, scale: 2, stops: 260 },
  { label: '400%', width: 320, height: 225, scale: 4, stops: 260 },
];

// PV_ZOOM=200% runs one zoom only (a focused run).
for (const zoom of ZOOMS.filter((z) => !process.env.PV_ZOOM || z.label === process.env.PV_ZOOM)) {
  test(`keyboard only at ${zoom.label}: focus never lost or hidden, the picture's ring shows, the question is confirmed`, async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: zoom.width, height: zoom.height, deviceScaleFactor: zoom.scale });
    await page.evaluateOnNewDocument(recordAnnouncements);
    // A fresh session: no remembered choices.
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.evaluate(() => sessionStorage.clear());
    await page.reload({ waitUntil: 'load' });

    const problems = [];
    const done = { showCt: false, showXray: false, reveal: false, term: false, ask: false, typed: false, sent: false, ring: undefined };
    let state;
    const press = async (key, why) => {
      await page.keyboard.press(key);
      await new Promise((resolve) => setTimeout(resolve, 60));
      state = await page.evaluate(focusState);
      if (state.body) problems.push(`focus fell to the page after ${key} (${why})`);
      return state;
    };
    /** Wait until something other than body has focus (after an action that loads, say). */
    const settle = async (ms = 1500) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      state = await page.evaluate(focusState);
    };

    for (let stop = 0; stop < zoom.stops && !done.sent; stop++) {
      await press('Tab', `stop ${stop}`);
      if (state.body) break;
      if (state.obscured) problems.push(`stop ${stop}: ${state.describe} is hidden: ${state.obscured}`);
      const is = (text) => state.tag === 'button' && state.name === text;
      if (is('Show my images') && !done.showCt) {
        done.showCt = true;
        await press('Enter', 'Show my images (CT)');
        await settle(4000);
        if (state.body) problems.push('focus fell to the page after Show my images');
      } else if (is('Show my images') && done.showCt && !done.showXray) {
        done.showXray = true;
        await press('Enter', 'Show my images (X-ray)');
        await settle(4000);
      } else if (state.part === 'canvas' && done.ring === undefined) {
        done.ring = await ringShare(page, state.rect);
      } else if (is('Show me now') && !done.reveal) {
        done.reveal = true;
        await press('Enter', 'Show me now');
        await settle(800);
      } else if (state.tag === 'button' && state.classes.includes('term') && !done.term) {
        done.term = true;
        await press('Enter', 'a hard word');
        await settle(300);
        if (!/close/.test(state.classes)) problems.push(`the word's explanation did not take focus (${state.describe})`);
        if (state.obscured) problems.push(`the popover's Close is hidden: ${state.obscured}`);
        // Tab goes on from the word's explanation to what follows the word.
      } else if (is('Ask a question about this') && done.showXray && !done.ask) {
        done.ask = true;
        await press('Enter', 'Ask a question about this');
        await settle(300);
        if (state.tag !== 'textarea') problems.push(`Ask did not put focus in the question box (${state.describe})`);
        await page.keyboard.type('Will I need another scan?');
        done.typed = true;
      } else if (is('Send my question') && done.typed) {
        done.sent = true;
        await press('Enter', 'Send my question');
        await settle(800);
      }
    }

    const said = await page.evaluate(() => window.__said);
    const check = (ok, what) => {
      if (!ok) problems.push(what);
    };
    check(done.showCt && done.showXray, `both studies shown by keyboard (${JSON.stringify(done)})`);
    check(done.ring !== undefined, 'Tab reached a picture');
    check(done.ring > 0.9, `the picture's focus ring is on screen (yellow on ${Math.round((done.ring ?? 0) * 100)}% of its edge)`);
    check(done.term, 'a hard word was opened');
    check(done.sent, `a question was sent by keyboard (${JSON.stringify(done)})`);
    check(said.some((s) => s.includes('Your question has been sent to')), `the question was announced: ${said.slice(-5).join(' | ')}`);
    const loading = said.filter((s) => s.startsWith('Loading your image'));
    check(loading.length <= 6, `loading announced ${loading.length} times (2 viewers)`);
    const confirmation = await page.evaluate(() => {
      const find = (root) => {
        const hit = root.querySelector('[data-confirmation="sent"]');
        if (hit) return hit.innerText;
        for (const el of root.querySelectorAll('*')) {
          if (!el.shadowRoot) continue;
          const inner = find(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      return find(document);
    });
    check(/Question sent[\s\S]*Will I need another scan\?/.test(confirmation ?? ''), 'a visible confirmation of the question');
    // The page outline (1.3.1): every heading the elements draw inside a study's section is below its h2.
    const flat = await page.evaluate(() => {
      const found = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (/^h[1-6]$/.test(el.localName) && el.getRootNode() !== document) found.push(`${el.localName} ${el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}`);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      for (const section of document.querySelectorAll('section.demo-study')) walk(section);
      return found.filter((h) => /^h[12] /.test(h));
    });
    check(flat.length === 0, `headings in the elements at the level of their section's own h2: ${flat.join(' | ')}`);
    assert.deepEqual(problems, [], problems.join('\n'));
    await page.close();
  });
}
