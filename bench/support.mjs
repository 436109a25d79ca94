/**
 * Housekeeping the benchmarks share: every browser, temporary folder and server a run starts is
 * recorded here and stopped on exit, on Ctrl+C and on any uncaught error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

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
