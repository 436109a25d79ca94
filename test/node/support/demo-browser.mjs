/**
 * The demo (`npm start`'s own server) and a Chromium with its own profile (so choices stored in the
 * browser survive a reload within one test file, and nothing leaks between files), for the journey
 * tests that walk the demo as a person would; plus finding things through shadow roots.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROME_PATH, QUIET_CHROMIUM_FLAGS, WEBGL_FLAGS } from '../../../scripts/platform.mjs';
import { startDemo } from './demo-server.mjs';

/**
 * Start the demo and a browser. `name` names the profile folder.
 * @returns {Promise<{ origin: string, browser: import('puppeteer-core').Browser, close(): Promise<void> }>}
 */
export async function openDemo(name) {
  const demo = await startDemo();
  const profile = mkdtempSync(join(tmpdir(), `pv-${name}-`));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROME_PATH,
      headless: true,
      userDataDir: profile,
      args: [...QUIET_CHROMIUM_FLAGS, ...WEBGL_FLAGS],
    });
  } catch (error) {
    demo.stop();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    origin: demo.origin,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      demo.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * In the page: the first element matching `selector` whose text is `text` (any text when
 * undefined), inside the element `within` (a CSS selector), through every shadow root.
 */
export function findDeep(page, within, selector, text) {
  return page.waitForFunction(
    (within, selector, text) => {
      const walk = (root) => {
        for (const el of root.querySelectorAll(selector)) {
          if (text === undefined || el.textContent.replace(/\s+/g, ' ').trim() === text) return el;
        }
        for (const host of root.querySelectorAll('*')) {
          if (host.shadowRoot) {
            const found = walk(host.shadowRoot);
            if (found) return found;
          }
        }
        return null;
      };
      const root = document.querySelector(within);
      if (!root) return null;
      return (root.shadowRoot && walk(root.shadowRoot)) || walk(root);
    },
    { timeout: 30_000 },
    within,
    selector,
    text,
  );
}

/** Text of an element with its shadow root and slotted content, as a patient reads it. */
export const deepText = (page, selector) =>
  page.$eval(selector, (root) => {
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent);
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
