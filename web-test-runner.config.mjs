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

const server = await createTestServer();

// PV_FILES=a.test.ts,b.cpu.test.ts runs just those files, each in its own group (a focused run).
const only = process.env.PV_FILES?.split(',').filter(Boolean);
const pick = (files, cpu) => (only ? only.filter((file) => file.includes('.cpu.') === cpu) : files);

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
      // WebGL through SwiftShader (no GPU on these machines).
      name: 'webgl',
      files: pick(['test/**/*.test.ts', '!test/**/*.cpu.test.ts'], false),
      browsers: [browser(WEBGL_FLAGS)],
    },
    {
      // No WebGL at all: the viewer must fall back to CPU drawing by itself.
      name: 'no-webgl',
      files: pick(['test/**/*.cpu.test.ts'], true),
      browsers: [browser(NO_WEBGL_FLAGS)],
    },
  ].filter((group) => group.files.length > 0),
};
