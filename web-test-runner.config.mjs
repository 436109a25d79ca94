import { existsSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { browserCommands } from './test/support/commands.mjs';
import { createTestServer } from './test/support/server.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { CHROME_PATH, NO_WEBGL_FLAGS, QUIET_CHROMIUM_FLAGS, WEBGL_FLAGS } from './scripts/platform.mjs';

const executablePath = CHROME_PATH;
if (!existsSync(executablePath)) {
  console.error(
    `\nChromium was not found at ${executablePath}.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      'or point CHROME_PATH at a Chrome or Chromium you have:  CHROME_PATH=/path/to/chrome npm test\n',
  );
  process.exit(1);
}

const browser = (extra) =>
  chromeLauncher({ launchOptions: { executablePath, headless: true, args: [...QUIET_CHROMIUM_FLAGS, ...extra] } });

// `npm run test:unit` (PV_UNIT=1): only the unit group, on a server with no DICOM and no Orthanc.
const unitOnly = process.env.PV_UNIT === '1';
const server = await createTestServer({ data: !unitOnly });

// PV_FILES=a.test.ts,b.cpu.test.ts runs just those files, each in its own group (a focused run).
const only = process.env.PV_FILES?.split(',').filter(Boolean);
const kind = (file) => (file.includes('.unit.') ? 'unit' : file.includes('.cpu.') ? 'cpu' : 'webgl');
const pick = (files, wanted) => (only ? only.filter((file) => kind(file) === wanted) : files);

export default {
  nodeResolve: false,
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  middleware: [server.middleware],
  plugins: [server.plugin, browserCommands()],
  testFramework: { config: { timeout: 30000 } },
  reporters: [defaultReporter(), summaryReporter()],
  groups: [
    {
      // Unit tests (*.unit.test.ts): controllers, stores and checks against fakes (test/fakes/), with
      // no WebGL and no DICOM server. Fast enough to run on every save: `npm run test:unit`.
      name: 'unit',
      files: pick(['test/**/*.unit.test.ts'], 'unit'),
      browsers: [browser(NO_WEBGL_FLAGS)],
    },
    {
      // Integration: real Cornerstone, WebGL through SwiftShader (no GPU on these machines).
      name: 'webgl',
      files: pick(['test/**/*.test.ts', '!test/**/*.cpu.test.ts', '!test/**/*.unit.test.ts'], 'webgl'),
      browsers: [browser(WEBGL_FLAGS)],
    },
    {
      // Integration with no WebGL at all: the viewer must fall back to CPU drawing by itself.
      name: 'no-webgl',
      files: pick(['test/**/*.cpu.test.ts'], 'cpu'),
      browsers: [browser(NO_WEBGL_FLAGS)],
    },
  ].filter((group) => group.files.length > 0 && (!unitOnly || group.name === 'unit')),
};
