import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The JPEG 2000 codec (OpenJPEG, compiled with emscripten) prints three `[INFO]` lines to the console
 * for every image it decodes, through emscripten's `print` (stdout); Cornerstone gives it no way to
 * stop. In its one factory call, in the decode worker, pass a `print` that drops them. `printErr`
 * (warnings and errors) is left alone. Fails the build if Cornerstone's code changes shape.
 */
const quietCodecInfo: Plugin = {
  name: 'pv-quiet-codec-info',
  transform(code, id) {
    if (!/@cornerstonejs[\\/]dicom-image-loader[\\/]dist[\\/]esm[\\/]shared[\\/]decoders[\\/]decodeJPEG2000\.js$/.test(id)) return undefined;
    const call = 'openJpegFactory({';
    if (code.split(call).length !== 2) this.error('decodeJPEG2000.js no longer calls `openJpegFactory({` once: update pv-quiet-codec-info');
    // On the same line, so the module's lines keep their source-map positions.
    return { code: code.replace(call, `${call} print: () => undefined,`), map: null };
  },
};

/**
 * Shared by the dev server (tests, Storybook) and the script-tag build (`vite build`).
 * See ../shared/PLATFORM.md for why each setting is here.
 */
export const sharedConfig: UserConfig = {
  // The dev server runs these on worker modules too; a build needs them in `worker.plugins` (below).
  plugins: [quietCodecInfo],
  resolve: {
    alias: [
      {
        // Needs Node's `events` in the browser; stack viewports never read meshes.
        find: /^@kitware\/vtk\.js\/IO\/XML\/XMLPolyDataReader(\.js)?$/,
        replacement: here('./src/engine/stubs/vtk-xml-poly-data-reader.ts'),
      },
    ],
  },
  optimizeDeps: {
    // Scan only our own sources for dependencies: demo/index.html names the built script-tag bundle,
    // which a fresh clone does not have, and a failed scan makes Vite give up pre-bundling.
    entries: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '!**/*.d.ts'],
    // The decode worker imports the codecs' CommonJS emscripten glue: pre-bundle it or setStack hangs.
    include: [
      '@cornerstonejs/codec-charls/decodewasmjs',
      '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
      '@cornerstonejs/codec-openjpeg/decodewasmjs',
      '@cornerstonejs/codec-openjph/wasmjs',
      '@cornerstonejs/codec-libjxl/decodewasmjs',
      'dicom-parser',
      // One copy of Lit for tests and Storybook.
      'lit',
      'lit/decorators.js',
      'lit/directive-helpers.js',
      'lit/directive.js',
      'lit/directives/keyed.js',
      'lit/static-html.js',
      '@lit/context',
      '@open-wc/testing',
      'axe-core',
      'dcmjs',
      'text-readability',
    ],
    exclude: ['@cornerstonejs/dicom-image-loader'],
  },
  worker: {
    format: 'es',
    plugins: () => [quietCodecInfo],
  },
};

/** The script-tag build is `vite build --mode cdn`; every other use (tests, Storybook) gets only the shared settings. */
export default defineConfig(({ mode }) => (mode === 'cdn' ? cdnConfig : sharedConfig));

/** Node-only branches of the codecs' emscripten glue (`fs`, `path`): never reached in a browser. */
const isHarmlessExternal = (log: { plugin?: string; message: string }) =>
  log.plugin === 'rolldown:vite-resolve' && /Module "(fs|path)" has been externalized/.test(log.message);

/**
 * Script-tag build only: Cornerstone's image loader constructs its decode worker with `new Worker(...)`,
 * which browsers refuse for a script on another origin (a CDN). In that one module, `Worker` becomes
 * src/cdn/worker.ts's `CrossOriginWorker` (same URL and options; a `blob:` bootstrap when cross-origin).
 * Shadowing the name keeps `new Worker(new URL(...))` as it is, so Vite still bundles the worker.
 */
const crossOriginWorker: Plugin = {
  name: 'pv-cross-origin-worker',
  transform(code, id) {
    if (!/@cornerstonejs[\\/]dicom-image-loader[\\/]dist[\\/]esm[\\/]init\.js$/.test(id)) return undefined;
    if (!/\bnew Worker\(/.test(code)) this.error('dicom-image-loader no longer starts its worker with `new Worker(`: update pv-cross-origin-worker');
    const worker = JSON.stringify(here('./src/cdn/worker.ts'));
    // On the first line, so the module's other lines keep their source-map positions.
    return { code: `import { CrossOriginWorker as Worker } from ${worker}; ${code}`, map: null };
  },
};

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Script-tag build only: a precompressed copy beside every script and WebAssembly file (`x.js.br`,
 * `x.js.gz`), for servers that send it when the browser accepts that encoding (nginx `gzip_static`
 * and `brotli_static`, sirv's `brotli`/`gzip` options as `npm start` uses). Cornerstone core goes from
 * 3.2 MB to 0.63 MB (brotli) or 0.9 MB (gzip). Brotli quality 9: within 10% of quality 11's size in
 * a twentieth of the time (about 1 s for Cornerstone core, not 19 s). Source maps are left alone.
 */
const precompress: Plugin = {
  name: 'pv-precompress',
  apply: 'build',
  async writeBundle(options) {
    const dir = options.dir;
    if (!dir) return;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|wasm)$/.test(file));
    await Promise.all(
      files.map(async (file) => {
        const bytes = readFileSync(join(dir, file));
        const [br, gz] = await Promise.all([
          brotli(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          gzipped(bytes, { level: 9 }),
        ]);
        writeFileSync(join(dir, `${file}.br`), br);
        writeFileSync(join(dir, `${file}.gz`), gz);
      }),
    );
  },
};

/**
 * Script-tag build only: the themes (src/themes/*.css) in dist/cdn/themes, so a portal that copies
 * the folder whole has them at the path each theme's header names
 * (`/assets/patient-image-viewer/themes/sample-trust.css`). The npm build has them in dist/themes.
 */
const cdnThemes: Plugin = {
  name: 'pv-cdn-themes',
  apply: 'build',
  writeBundle(options) {
    if (!options.dir) return;
    const from = here('./src/themes');
    const to = join(options.dir, 'themes');
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter((file) => file.endsWith('.css'))) copyFileSync(join(from, name), join(to, name));
  },
};

/**
 * Chunk names that say what they hold, so a size budget (.size-limit.mjs) and a reader can tell them
 * apart: `patient-image-viewer` and `lay-annotation-layer` for the elements' chunks, `cornerstone-core`
 * and `cornerstone-dicom-image-loader` for the imaging engine, else Rolldown's own name.
 */
function chunkName(chunk: { facadeModuleId: string | null; moduleIds: string[]; name: string }): string {
  const ids = [chunk.facadeModuleId ?? '', ...chunk.moduleIds].map((id) => id.replaceAll('\\', '/'));
  const element = /\/src\/components\/([^/]+)\/define\.ts$/.exec(ids[0])?.[1];
  if (element) return element;
  const cornerstone = ids.map((id) => /\/node_modules\/@cornerstonejs\/([^/]+)\/dist\/esm\/index\.js$/.exec(id)?.[1]).find(Boolean);
  return cornerstone ? `cornerstone-${cornerstone}` : chunk.name;
}

const cdnConfig: UserConfig = {
  ...sharedConfig,
  plugins: [quietCodecInfo, crossOriginWorker, precompress, cdnThemes],
  // The script-tag build: one JS entry that loads its chunks, worker and WASM relative to itself,
  // so it works from any sub-path (the demo serves it at /cdn/). WASM stays in files: never inlined.
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Only the consent step up front; the viewer and the layer load when needed (src/cdn.ts).
      input: here('./src/cdn.ts'),
      preserveEntrySignatures: 'exports-only',
      onLog: (level, log, handler) => (isHarmlessExternal(log) ? undefined : handler(level, log)),
      output: {
        entryFileNames: 'patient-image-viewer.js',
        chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`,
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
};
