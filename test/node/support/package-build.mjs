/**
 * The package, built once for the portal checks (test/node/portal.test.mjs), the way `npm pack`
 * builds it, without touching this checkout's dist/:
 *
 *   1. a copy of the checkout in a temporary folder (no node_modules, dist, .git or other ignored
 *      output; node_modules is a link to this checkout's);
 *   2. `npm run build` there (the `prepack` script: tsc into dist/, Vite's script-tag build into
 *      dist/cdn/);
 *   3. `npm pack --ignore-scripts` there (already built).
 *
 * Everything lives under one temporary folder; `removeBuild()` deletes it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ROOT } from '../../../scripts/platform.mjs';

/** Top-level folders a clean clone does not have (see .gitignore), and what is built or installed. */
const SKIPPED = new Set(['node_modules', 'dist', 'storybook-static', '.git', 'tmp']);
const SKIPPED_PATHS = new Set([join('demo', 'data')]);

/** Run a command; throw with its output when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options, env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/**
 * @returns {{ temp: string, pkgDir: string, cdnDir: string, tarball: string, packed: any, pkg: any }}
 */
export function buildPackage() {
  const temp = mkdtempSync(join(tmpdir(), 'pv-portal-'));
  try {
    const pkgDir = join(temp, 'package-src');
    cpSync(ROOT, pkgDir, {
      recursive: true,
      filter: (source) => {
        const path = relative(ROOT, source);
        if (path === '') return true;
        if (SKIPPED.has(path.split(sep)[0]) || SKIPPED_PATHS.has(path)) return false;
        return !/(^|[/\\])\.DS_Store$|\.log$/.test(path);
      },
    });
    symlinkSync(join(ROOT, 'node_modules'), join(pkgDir, 'node_modules'), 'dir');
    run('npm', ['run', 'build', '--silent'], { cwd: pkgDir, env: { npm_config_update_notifier: 'false' } });
    const packs = join(temp, 'packs');
    mkdirSync(packs);
    const result = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], { cwd: pkgDir });
    const packed = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')))[0];
    return {
      temp,
      pkgDir,
      cdnDir: join(pkgDir, 'dist', 'cdn'),
      tarball: join(packs, packed.filename),
      packed,
      pkg: JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')),
    };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

export function removeBuild(build) {
  if (build?.temp) rmSync(build.temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
