import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type InlineConfig } from 'vite';
import { writeDemoDicomWeb } from '../scripts/demo-dicomweb.mjs';
import { serveStaticDicomWeb } from '../scripts/static-dicomweb.mjs';

/**
 * The synthetic studies as a static DICOMweb tree (the demo's: scripts/demo-dicomweb.mjs), for the
 * study stories: written once here, served at /dicomweb/ as plain files (the dev server, through
 * the plugin below; the built Storybook copies it, and is served the same way by its check,
 * test/node/storybook.test.mjs).
 */
const DICOMWEB = fileURLToPath(new URL('../demo/data/dicomweb', import.meta.url));
writeDemoDicomWeb(DICOMWEB);

/**
 * Storybook for the library. `@storybook/builder-vite` loads ../vite.config.ts by itself (its default
 * export returns `sharedConfig` for Storybook's `development` and `production` modes), which carries
 * the settings the decode worker needs (see ../shared/PLATFORM.md).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The theming guide (docs/theming.md, shown by stories/theming.mdx), then one file per element.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Docs pages from custom-elements.json (autodocs, in preview.ts), and axe on every story.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  staticDirs: [{ from: '../demo/data/dicomweb', to: '/dicomweb' }],
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      plugins: [
        {
          name: 'pv-static-dicomweb',
          configureServer(server) {
            // Before Storybook's own static files, which would not find `series/index.json.gz` for `.../series`.
            server.middlewares.use('/dicomweb', serveStaticDicomWeb(DICOMWEB));
          },
        },
      ],
      optimizeDeps: {
        // Lit entry points only the stories use: pre-bundled with the rest of Lit, so the dev
        // server does not discover them late (a reload) or load a second copy of Lit.
        include: ['lit/directives/until.js', 'lit/directives/style-map.js'],
      },
      build: {
        // Cornerstone core is one ~3 MB chunk by design (loaded lazily); the default 500 kB
        // warning says nothing useful here. Same limit as the script-tag build.
        chunkSizeWarningLimit: 4096,
        rolldownOptions: {
          // The codecs' emscripten glue has Node-only branches (`fs`, `path`) never reached in a
          // browser; the script-tag build silences the same 16 warnings.
          onLog: (level, log, handler) => (isHarmlessExternal(log) ? undefined : handler(level, log)),
        },
      },
    } satisfies InlineConfig);
  },
};

export default config;

function isHarmlessExternal(log: { plugin?: string; message: string }): boolean {
  return log.plugin === 'rolldown:vite-resolve' && /Module "(fs|path)" has been externalized/.test(log.message);
}
