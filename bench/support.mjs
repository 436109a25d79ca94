/**
 * Housekeeping the benchmarks share: every browser, temporary folder and server a run starts is
 * recorded here and stopped on exit, on Ctrl+C and on any uncaught error.
 */
import { rmSync } from 'node:fs';

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
  for (const dir of run.tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  run.tempDirs.clear();
}

/** Setup failed (before any browser started): say why and stop. */
export function fail(message) {
  console.error(message);
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
