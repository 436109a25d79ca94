// What the README asks of a Vite app that uses patient-image-viewer (no import from 'vite': the
// check builds this app with the checkout's own Vite).
import { fileURLToPath } from 'node:url';

export default {
  resolve: {
    alias: [
      {
        // Cornerstone reaches vtk.js's XML reader, which needs Node's `events`: stacks never use it.
        find: /^@kitware\/vtk\.js\/IO\/XML\/XMLPolyDataReader(\.js)?$/,
        replacement: fileURLToPath(new URL('./vtk-xml-reader-stub.js', import.meta.url)),
      },
    ],
  },
  optimizeDeps: {
    // The dev server: pre-bundle the codecs' CommonJS glue, or the decode worker never answers.
    include: [
      '@cornerstonejs/codec-charls/decodewasmjs',
      '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
      '@cornerstonejs/codec-openjpeg/decodewasmjs',
      '@cornerstonejs/codec-openjph/wasmjs',
      'dicom-parser',
    ],
    exclude: ['@cornerstonejs/dicom-image-loader'],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  logLevel: 'warn',
};
