import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Shared by the dev server (tests, Storybook) and the script-tag build (`vite build`).
 * See ../shared/PLATFORM.md for why each setting is here.
 */
export const sharedConfig: UserConfig = {
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
      'dicom-parser',
      // One copy of Lit for tests and Storybook.
      'lit',
      'lit/decorators.js',
      'lit/directive-helpers.js',
      'lit/directive.js',
      'lit/directives/keyed.js',
      'lit/static-html.js',
      '@open-wc/testing',
      'axe-core',
      'dcmjs',
      'text-readability',
    ],
    exclude: ['@cornerstonejs/dicom-image-loader'],
  },
  worker: {
    format: 'es',
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
  plugins: [crossOriginWorker],
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
