// Builds the benchmark's comparison pages (bare Cornerstone3D, DWV, the fetch + decode lower bound)
// into a temporary folder: `npx vite build --config bench/vite.pages.config.mjs --outDir DIR`.
// The same Cornerstone settings as the library's own build (../vite.config.ts): the vtk.js XML
// reader stub, ES workers, WASM kept in files (never inlined: the pages run under the same CSP).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sharedConfig } from '../vite.config.ts';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const isHarmlessExternal = (log) =>
  log.plugin === 'rolldown:vite-resolve' && /Module "(fs|path)" has been externalized/.test(log.message);

export default defineConfig({
  root: here('.'),
  resolve: sharedConfig.resolve,
  worker: { format: 'es' },
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 8192,
    rolldownOptions: {
      input: {
        'bare-cornerstone': here('./bare-cornerstone/index.html'),
        dwv: here('./dwv/index.html'),
        'lower-bound': here('./lower-bound/index.html'),
      },
      onLog: (level, log, handler) => (isHarmlessExternal(log) ? undefined : handler(level, log)),
    },
  },
});
