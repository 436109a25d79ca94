import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

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

const cdnConfig: UserConfig = {
  ...sharedConfig,
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
      input: here('./src/define.ts'),
      preserveEntrySignatures: 'exports-only',
      onLog: (level, log, handler) => (isHarmlessExternal(log) ? undefined : handler(level, log)),
      output: {
        entryFileNames: 'patient-image-viewer.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
};
