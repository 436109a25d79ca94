import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type InlineConfig, type Plugin } from 'vite';
import { sharedConfig } from '../vite.config.js';

/**
 * Storybook for the library. `@storybook/builder-vite` loads ../vite.config.ts by itself (its default
 * export returns `sharedConfig` for Storybook's `development` and `production` modes); `viteFinal`
 * checks that happened, because without those settings the decode worker hangs with no error
 * (see ../shared/PLATFORM.md, "Vite, the decode worker and the codecs").
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const withShared = hasSharedConfig(viteConfig) ? viteConfig : mergeConfig(viteConfig, sharedConfig);
    return mergeConfig(withShared, {
      plugins: [defineModulesHaveSideEffects()],
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

/** True when the loaded Vite config already carries the settings the decode worker needs. */
function hasSharedConfig(viteConfig: InlineConfig): boolean {
  const include = viteConfig.optimizeDeps?.include ?? [];
  const aliases = viteConfig.resolve?.alias;
  const aliasList = Array.isArray(aliases) ? aliases : Object.entries(aliases ?? {}).map(([find]) => ({ find }));
  return (
    viteConfig.worker?.format === 'es' &&
    (sharedConfig.optimizeDeps?.include ?? []).every((entry) => include.includes(entry)) &&
    aliasList.some(({ find }) => String(find).includes('XMLPolyDataReader'))
  );
}

/**
 * package.json's `sideEffects` lists only the published define files under `dist/`, so a production
 * bundle built from source (this Storybook) treats `src/define.ts` and the per-element `define.ts`
 * as side-effect free and drops `import '../src/define.js'`: no element is registered and the
 * stories show nothing. Mark the source `define` modules as having side effects (a transform
 * hook's `moduleSideEffects` outranks package.json).
 */
function defineModulesHaveSideEffects(): Plugin {
  return {
    name: 'patient-image-viewer:define-modules-have-side-effects',
    transform: {
      filter: { id: /[\\/]src[\\/](?:components[\\/][^\\/]+[\\/])?define\.ts$/ },
      handler(code) {
        return { code, map: null, moduleSideEffects: true };
      },
    },
  };
}
