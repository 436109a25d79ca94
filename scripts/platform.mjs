/**
 * Facts about this platform that the test runner, the demo server and the benchmark share:
 * where Chromium is, the flags that keep it quiet and offline, how to get WebGL without a GPU
 * (or no WebGL at all), and the Content Security Policy the library supports.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Chromium: CHROME_PATH, or Debian's package. */
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** The real de-identified DICOM files beside the checkout (or PV_DICOM_DIR). */
export const SHARED_DICOM_DIR = process.env.PV_DICOM_DIR || join(ROOT, '../shared/dicom');

/** Headless Chromium without network chatter (it tries to reach Google's hosts at start otherwise). */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** WebGL2 through SwiftShader: these machines have no GPU. */
export const WEBGL_FLAGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

/** No WebGL at all: the viewer must fall back to CPU drawing by itself. */
export const NO_WEBGL_FLAGS = ['--disable-gpu', '--disable-3d-apis'];

/**
 * The policy the library supports: no inline scripts or styles, no eval; `'wasm-unsafe-eval'` only
 * so the codecs can compile their WebAssembly. The decode worker is a file beside the bundle, so
 * `worker-src 'self'` is enough (no `blob:`).
 */
export const SUPPORTED_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
