/**
 * Drop-in for any portal (issue 5, portal developers). One build of the package (as `npm pack`
 * makes it, in a temporary copy of the checkout) serves every check in this file:
 *
 * - the packed tarball holds what a portal needs and nothing else;
 * - the script-tag build under the strict CSP, self-hosted under a sub-path and served from another
 *   origin (a CDN, a second local server), and with an explicit base URL: the consent step first and
 *   nothing else, then a JPEG 2000 image and the synthetic study, with labels, no CSP violation,
 *   no console error, and a picture that is not blank;
 * - the size budget (.size-limit.mjs, through size-limit's own command);
 * - a consumer app made with Vite, configured with the README's own code blocks, installs the tarball,
 *   builds and shows an image, and shows a compressed one in Vite's dev server; the React and
 *   Vue snippets in examples/frameworks/ compile against the installed package;
 * - (the demo itself, `npm start`, is walked through end to end in demo-journey.test.mjs.)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cdnGroups } from '../../scripts/bundle-graph.mjs';
import { writeSyntheticStudy } from '../../scripts/make-synthetic.mjs';
import { ROOT, SHARED_DICOM_DIR, SUPPORTED_CSP } from '../../scripts/platform.mjs';
import { buildPackage, removeBuild, run } from './support/package-build.mjs';
import { readmeSnippet } from './support/readme-snippets.mjs';
import {
  closeBrowser,
  launchBrowser,
  layerLabels,
  openPage,
  pictureSpread,
  portalPage,
  reveal,
  startServer,
  strictPolicy,
  untilAsking,
  untilLoaded,
} from './support/portal-pages.mjs';

const CDN_PATH = '/npm/patient-image-viewer@0.1.0/dist/cdn/';

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
const SELF_PATH = '/static/v1/patient-image-viewer/';

/** @type {ReturnType<typeof buildPackage>} */
let build;
let browser;
let portal;
let cdn;
let groups;
let site;
const studies = {};
const pagesToClose = [];

before(
  async () => {
    build = buildPackage();
    groups = cdnGroups(build.cdnDir);
    site = join(build.temp, 'site');
    mkdirSync(join(site, 'images'), { recursive: true });
    mkdirSync(join(site, 'labels'), { recursive: true });

    // The synthetic study (no real patient data), with the example labels for its chest X-ray.
    const manifest = writeSyntheticStudy(join(site, 'images'));
    copyFileSync(join(ROOT, 'examples/annotations/chest-xray.json'), join(site, 'labels/chest-xray.json'));
    studies.synthetic = {
      heading: 'Chest X-ray (synthetic)',
      modality: 'DX',
      image: `/images/${manifest.xray}`,
      labels: '/labels/chest-xray.json',
      title: JSON.parse(readFileSync(join(site, 'labels/chest-xray.json'), 'utf8')).labels[0].title,
    };
    studies.compressed = compressedStudy();

    portal = await startServer({ mounts: { '/images/': join(site, 'images'), '/labels/': join(site, 'labels'), [SELF_PATH]: build.cdnDir } });
    cdn = await startServer({ mounts: { [CDN_PATH]: build.cdnDir }, headers: { 'Access-Control-Allow-Origin': '*' } });
    browser = await launchBrowser();
  },
  { timeout: 300_000 },
);

after(async () => {
  for (const record of pagesToClose) await record.context.close().catch(() => undefined);
  await closeBrowser(browser);
  await portal?.close();
  await cdn?.close();
  removeBuild(build);
});

/**
 * A compressed image: the real JPEG 2000 chest X-ray beside the checkout; without it, the synthetic
 * one as JPEG-LS made by DCMTK; without DCMTK, none.
 */
function compressedStudy() {
  const labels = {
    version: 1,
    summary: 'Your chest X-ray shows your lungs and heart.',
    labels: [
      { id: 'lungs', kind: 'anatomy', title: 'Your right lung', target: { image: { index: 0 }, point: { column: 600, row: 900 } } },
      { id: 'heart', kind: 'anatomy', title: 'Your heart', target: { image: { index: 0 }, point: { column: 1000, row: 1100 } } },
    ],
  };
  const real = join(SHARED_DICOM_DIR, 'RG1_J2KI.dcm');
  if (existsSync(real)) {
    // Into the temporary site only (never into the project).
    copyFileSync(real, join(site, 'images', 'RG1_J2KI.dcm'));
    writeFileSync(join(site, 'labels/j2k.json'), JSON.stringify(labels));
    return { heading: 'Chest X-ray (JPEG 2000)', modality: 'CR', image: '/images/RG1_J2KI.dcm', labels: '/labels/j2k.json', title: 'Your heart', codec: /openjpeg/ };
  }
  const source = join(site, 'images', 'chest-xray.dcm');
  const out = join(site, 'images', 'chest-xray-jpeg-ls.dcm');
  try {
    run('dcmcjpls', ['+el', source, out]);
  } catch {
    return undefined;
  }
  labels.labels = labels.labels.map((label, i) => ({ ...label, target: { image: { index: 0 }, point: { column: 150 + 200 * i, row: 250 } } }));
  writeFileSync(join(site, 'labels/jpeg-ls.json'), JSON.stringify(labels));
  return { heading: 'Chest X-ray (JPEG-LS)', modality: 'DX', image: '/images/chest-xray-jpeg-ls.dcm', labels: '/labels/jpeg-ls.json', title: 'Your heart', codec: /charls/ };
}

/**
 * What a check must not see. Left out: a request the viewer cancelled itself (net::ERR_ABORTED: it
 * stops reading a file once it has what it needs; DevTools shows these as cancelled).
 */
function serious(problems) {
  return problems.filter((p) => !/^request failed: .* \(net::ERR_ABORTED\)$/.test(p));
}

/** Serve a page on the portal's origin; returns its URL. */
function addPage(path, html, csp) {
  portal.pages.set(path, { html, csp });
  return `${portal.origin}${path}`;
}

/** The studies a page shows: the compressed one (when there is one) and the synthetic study. */
function pageStudies() {
  return [studies.compressed, studies.synthetic].filter(Boolean);
}

/**
 * Open a portal page, check that only the shell loaded before consent, then show every study and
 * check each one: loaded, labels shown, a picture that is not blank; and no CSP violation, console
 * error or failed request anywhere.
 */
async function checkPortalPage(t, url, bundleBase) {
  const record = await openPage(browser, url);
  pagesToClose.push(record);
  const { page } = record;
  const shown = pageStudies();

  await untilAsking(page);
  const fromBundle = (requests) =>
    requests.filter((u) => u.startsWith(bundleBase)).map((u) => u.slice(bundleBase.length).split('?')[0]);
  const beforeConsent = [...new Set(fromBundle(record.requests))].sort();
  assert.deepEqual(beforeConsent, groups.shell, 'before consent, the page loads the shell and nothing else');
  assert.equal(record.requests.some((u) => u.includes('/images/')), false, 'no image is fetched before consent');
  assert.equal(await page.evaluate(() => customElements.get('patient-image-viewer') === undefined), true, 'the viewer is not defined before consent');

  for (let i = 0; i < shown.length; i++) {
    await reveal(page, `#step-${i}`);
    await untilLoaded(page, `#viewer-${i}`);
    const labels = await layerLabels(page, `#layer-${i}`);
    assert.ok(labels.count >= 2, `the labels of "${shown[i].heading}" are shown`);
    assert.match(labels.text, new RegExp(shown[i].title), `"${shown[i].heading}" shows the label "${shown[i].title}"`);
    // A resize (the labels' panel appearing) clears the canvas until the next frame: poll briefly.
    let spread = 0;
    for (let tries = 0; tries < 25 && spread <= 40; tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      spread = await pictureSpread(page, `#viewer-${i}`);
    }
    assert.ok(spread > 40, `"${shown[i].heading}" is drawn, not blank (grey-level range ${spread.toFixed(0)})`);
  }
  if (studies.compressed) {
    assert.ok(record.requests.some((u) => studies.compressed.codec.test(u) && u.endsWith('.wasm')), 'the compressed image was decoded by its WebAssembly codec');
  } else {
    t.diagnostic('No compressed image: ../shared/dicom is missing and DCMTK is not installed.');
  }
  assert.deepEqual(serious(record.problems), [], 'no CSP violation, console error or failed request');
  // The README's promise: nothing in the console at all, at any level, from the page or the decode
  // worker (no Cornerstone deprecation notes, no JPEG 2000 codec [INFO] lines).
  assert.deepEqual(record.messages, [], 'nothing in the console');
  return record;
}

describe('the script-tag build in a portal page, under the strict CSP', () => {
  it('self-hosted under a sub-path: the consent step first, then a compressed image and the synthetic study with labels', async (t) => {
    const url = addPage('/portal/records/scans/index.html', portalPage({ script: `${SELF_PATH}patient-image-viewer.js`, studies: pageStudies() }), strictPolicy());
    const record = await checkPortalPage(t, url, `${portal.origin}${SELF_PATH}`);
    assert.ok(record.workers.some((u) => u.startsWith(`${portal.origin}${SELF_PATH}assets/decodeImageFrameWorker-`)), 'the decode worker starts from beside the script');
  });

  it('served from another origin (a CDN): the same page, with the CDN in script-src, worker-src (and blob:) and connect-src', async (t) => {
    const csp = strictPolicy({ 'script-src': [cdn.origin], 'worker-src': ['blob:', cdn.origin], 'connect-src': [cdn.origin] });
    const url = addPage('/portal/cdn.html', portalPage({ script: `${cdn.origin}${CDN_PATH}patient-image-viewer.js`, studies: pageStudies() }), csp);
    const record = await checkPortalPage(t, url, `${cdn.origin}${CDN_PATH}`);
    assert.ok(record.workers.length > 0 && record.workers.every((u) => u.startsWith('blob:')), 'the worker starts from a blob: bootstrap');
    assert.ok(record.requests.some((u) => u.startsWith(`${cdn.origin}${CDN_PATH}assets/decodeImageFrameWorker-`)), 'the bootstrap imports the worker from the CDN');
    if (studies.compressed) assert.ok(record.requests.some((u) => u.startsWith(cdn.origin) && u.endsWith('.wasm')), 'the codec comes from the CDN');
  });

  it('from a CDN with an explicit base on the portal (<meta name="patient-image-viewer-base">): worker and codecs from the portal, no blob: needed', async (t) => {
    const csp = strictPolicy({ 'script-src': [cdn.origin] });
    const html = portalPage({ script: `${cdn.origin}${CDN_PATH}patient-image-viewer.js`, base: SELF_PATH, studies: pageStudies() });
    const url = addPage('/portal/cdn-base.html', html, csp);
    const record = await checkPortalPage(t, url, `${cdn.origin}${CDN_PATH}`);
    assert.ok(record.workers.length > 0 && record.workers.every((u) => u.startsWith(`${portal.origin}${SELF_PATH}assets/`)), 'the worker starts from the explicit base');
    if (studies.compressed) assert.ok(record.requests.some((u) => u.startsWith(`${portal.origin}${SELF_PATH}`) && u.endsWith('.wasm')), 'the codec comes from the explicit base');
  });

  it('from a CDN without worker-src blob:, a compressed image fails with a message on screen (the documented policy is needed)', async (t) => {
    if (!studies.compressed) return t.skip('no compressed image (see above)');
    const csp = strictPolicy({ 'script-src': [cdn.origin], 'worker-src': [cdn.origin], 'connect-src': [cdn.origin] });
    const study = { ...studies.compressed, timeout: 8000 };
    const url = addPage('/portal/cdn-no-blob.html', portalPage({ script: `${cdn.origin}${CDN_PATH}patient-image-viewer.js`, studies: [study] }), csp);
    const record = await openPage(browser, url);
    pagesToClose.push(record);
    await untilAsking(record.page);
    await reveal(record.page, '#step-0');
    await assert.rejects(untilLoaded(record.page, '#viewer-0', 60000), /did not load; it shows: .+/);
    assert.ok(record.problems.some((p) => /CSP violation: worker-src blocked blob/.test(p)), 'the browser reports the worker blocked by the policy');
  });
});

describe('the npm package', () => {
  it('`npm pack` holds the built library, its types, the script-tag build, the manifest, the schema and the README, and no tests, stories, demo or bench', () => {
    const files = build.packed.files.map((f) => f.path);
    const has = (path) => files.includes(path);
    for (const path of ['package.json', 'README.md', 'custom-elements.json', 'annotation.schema.json', 'dist/index.js', 'dist/index.d.ts', 'dist/define.js', 'dist/define.d.ts', 'dist/cdn/patient-image-viewer.js']) {
      assert.ok(has(path), `${path} is in the package`);
    }
    if (existsSync(join(ROOT, 'LICENSE'))) assert.ok(has('LICENSE'), 'LICENSE is in the package');
    assert.ok(files.some((f) => /^dist\/cdn\/assets\/decodeImageFrameWorker-.*\.js$/.test(f)), 'the decode worker is in the package');
    assert.ok(files.some((f) => /^dist\/cdn\/assets\/openjpegwasm_decode-.*\.wasm$/.test(f)), 'the JPEG 2000 codec is in the package');
    // Every export resolves to a packed file.
    const targets = Object.values(build.pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
    for (const target of [...targets, build.pkg.main, build.pkg.types, build.pkg.customElements]) {
      const path = target.replace(/^\.\//, '');
      // A pattern export ("./dist/themes/*.css") needs at least one file.
      const pattern = new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
      assert.ok(files.some((f) => pattern.test(f)), `${target} (named in package.json) is in the package`);
    }
    // Not the build's precompressed .br/.gz copies either: package.json's "files" leaves them out (README: "Serving the files").
    assert.ok(existsSync(join(build.cdnDir, 'patient-image-viewer.js.br')), 'the build made precompressed copies');
    const cdnStray = files.filter((f) => f.startsWith('dist/cdn/') && !/\.(js|js\.map|wasm)$/.test(f) && !/^dist\/cdn\/themes\/[\w-]+\.css$/.test(f));
    assert.deepEqual(cdnStray, [], 'the script-tag build holds only scripts, their maps, WebAssembly and the themes');
    assert.ok(has('dist/cdn/themes/sample-trust.css'), 'the themes are in the script-tag build too');
    const unwanted = files.filter(
      (f) =>
        !/^(dist\/|package\.json$|README\.md$|LICENSE(\.\w+)?$|custom-elements\.json$|annotation\.schema\.json$)/.test(f) ||
        /(^|\/)(test|tests|__tests__|stories|demo|bench|examples|scripts|\.storybook)\//.test(f) ||
        /\.(test|spec|stories)\.|\.dcm$|fake-|fixture/.test(f),
    );
    assert.deepEqual(unwanted, [], 'nothing but the library is packed');
    // Types for every JavaScript module of the npm build (not the bundled script-tag build).
    for (const js of files.filter((f) => /^dist\/(?!cdn\/).*\.js$/.test(f))) assert.ok(has(js.replace(/\.js$/, '.d.ts')), `${js} has types`);
  });

  it('a consumer app made with Vite, configured exactly as the README says, installs the tarball, builds, and shows an image', { timeout: 300_000 }, async () => {
    const app = join(build.temp, 'consumer');
    cpSync(join(ROOT, 'test/consumer'), app, { recursive: true });
    // The Vite settings and the stub come from the README's own code blocks, as a portal developer copies them.
    for (const name of ['vite.config.js', 'vtk-xml-reader-stub.js']) writeFileSync(join(app, name), readmeSnippet(name));
    const manifest = readFileSync(join(app, 'package.json'), 'utf8').replace('PACKED_TARBALL', build.tarball);
    writeFileSync(join(app, 'package.json'), manifest);
    // From npm's cache when it has the packages (`npm ci` put them there), else from the registry.
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: app, timeout: 240_000 });
    // The checkout's own Vite (the README's config imports nothing from 'vite').
    run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app, timeout: 120_000 });
    const built = join(app, 'dist');
    mkdirSync(join(built, 'images'));
    copyFileSync(join(site, 'images', 'chest-xray.dcm'), join(built, 'images', 'chest-xray.dcm'));

    const server = await startServer({ mounts: { '/': built }, headers: { 'Content-Security-Policy': SUPPORTED_CSP } });
    try {
      const record = await openPage(browser, `${server.origin}/`);
      pagesToClose.push(record);
      await untilLoaded(record.page, '#viewer');
      assert.equal(await record.page.evaluate(() => document.body.dataset.outcome), 'loaded');
      const spread = await pictureSpread(record.page, '#viewer');
      assert.ok(spread > 40, `the image is drawn, not blank (grey-level range ${spread.toFixed(0)})`);
      assert.deepEqual(serious(record.problems), [], 'no CSP violation, console error or failed request');
      await record.context.close();
    } finally {
      await server.close();
    }
  });

  it('the same consumer app in Vite\'s dev server, with the README\'s settings, shows a compressed image (the decode worker and its codec glue)', { timeout: 300_000 }, async () => {
    const app = join(build.temp, 'consumer');
    assert.ok(existsSync(join(app, 'node_modules/patient-image-viewer')), 'the consumer app installed the package (previous test)');
    // A compressed image when there is one: it needs the decode worker and a codec, which is what
    // the README's optimizeDeps settings are for.
    const image = studies.compressed ? join(site, studies.compressed.image) : join(site, 'images', 'chest-xray.dcm');
    mkdirSync(join(app, 'public', 'images'), { recursive: true });
    copyFileSync(image, join(app, 'public', 'images', 'chest-xray.dcm'));
    const port = await freePort();
    const dev = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      cwd: app,
      // Plain text: with colours (a terminal, or CI's FORCE_COLOR) Vite prints the port in bold.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    try {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`vite dev did not start:\n${output}`)), 120_000);
        const watch = (chunk) => {
          // eslint-disable-next-line no-control-regex -- the terminal's colour codes are what this strips.
          output += String(chunk).replace(/\x1b\[[0-9;]*m/g, '');
          if (output.includes(`:${port}/`)) {
            clearTimeout(timer);
            resolve();
          }
        };
        dev.stdout.on('data', watch);
        dev.stderr.on('data', watch);
        dev.once('exit', (code) => reject(new Error(`vite dev stopped (exit ${code}):\n${output}`)));
      });
      const record = await openPage(browser, `http://127.0.0.1:${port}/`);
      pagesToClose.push(record);
      await untilLoaded(record.page, '#viewer', 180_000).catch((error) => {
        throw new Error(`${error.message}\nConsole and network:\n${record.problems.join('\n')}\nvite:\n${output}`);
      });
      const spread = await pictureSpread(record.page, '#viewer');
      assert.ok(spread > 40, `the image is drawn, not blank (grey-level range ${spread.toFixed(0)})`);
      if (studies.compressed) assert.ok(record.requests.some((u) => /openjpeg|charls/.test(u) && u.includes('.wasm')), 'the codec\'s WebAssembly was loaded');
    } finally {
      try {
        process.kill(-dev.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });

  it('the React and Vue snippets in examples/frameworks/ compile against the installed package', { timeout: 120_000 }, async () => {
    const app = join(build.temp, 'consumer');
    assert.ok(existsSync(join(app, 'node_modules/patient-image-viewer')), 'the consumer app installed the package (previous test)');
    const snippets = join(app, 'snippets');
    mkdirSync(snippets, { recursive: true });
    copyFileSync(join(ROOT, 'examples/frameworks/react/PatientImage.tsx'), join(snippets, 'PatientImage.tsx'));

    // Vue: the single-file component, compiled as Vite's Vue plugin would, with the custom elements
    // declared as in the snippet's comment; its script (TypeScript) is type-checked with React's.
    const { parse, compileScript } = await import('vue/compiler-sfc');
    const source = readFileSync(join(ROOT, 'examples/frameworks/vue/PatientImage.vue'), 'utf8');
    const tags = ['finding-disclosure', 'patient-image-viewer', 'lay-annotation-layer'];
    const compilerOptions = { isCustomElement: (tag) => tags.includes(tag) };
    // As @vitejs/plugin-vue does with `template.compilerOptions`: to the parser and the compiler.
    const { descriptor, errors } = parse(source, { filename: 'PatientImage.vue', templateParseOptions: compilerOptions });
    assert.deepEqual(errors, [], 'the Vue component parses');
    const script = compileScript(descriptor, { id: 'patient-image', inlineTemplate: true, templateOptions: { compilerOptions } });
    for (const tag of tags) assert.match(script.content, new RegExp(`"${tag}"`), `<${tag}> is rendered as an element`);
    assert.doesNotMatch(script.content, /resolveComponent/, 'no custom element is mistaken for a Vue component');
    writeFileSync(join(snippets, 'PatientImage.vue.ts'), script.content);

    writeFileSync(
      join(app, 'tsconfig.snippets.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['snippets'],
      }),
    );
    run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.snippets.json'], { cwd: app });
  });
});

describe('the size budget', () => {
  it('size-limit passes on the fresh build: the shell within 25 kB gzip, and each later group within its budget', (t) => {
    const result = run(process.execPath, [join(ROOT, 'node_modules/size-limit/bin.js'), '--json'], { cwd: ROOT, env: { PV_CDN_DIR: build.cdnDir } });
    const checks = JSON.parse(result.stdout);
    assert.equal(checks.length, 6, 'shell, viewer and labels, glossary, editor, study list, imaging engine');
    for (const check of checks) t.diagnostic(`${check.name}: ${check.size} B gzip (limit ${check.sizeLimit} B)`);
    for (const check of checks) assert.ok(check.passed, `${check.name}: ${check.size} B gzip, limit ${check.sizeLimit} B`);
    assert.ok(checks[0].sizeLimit <= 25_000, 'the shell budget is at most 25 kB');
  });

  // --- issue 18 editor ---
  it('the clinicians\u2019 editor is a chunk of its own that no patient group includes or reaches', () => {
    const editorChunk = groups.editor.filter((file) => /^chunks\/lay-annotation-editor-[\w-]{8}\.js$/.test(file));
    assert.equal(editorChunk.length, 1, 'the editor group holds the editor\u2019s chunk');
    const patient = new Set([...groups.shell, ...groups.elements, ...groups.glossary, ...groups.study, ...groups.imaging]);
    for (const file of groups.editor) assert.ok(!patient.has(file), `${file} is in the editor group only`);
    // Nothing a patient's page loads imports it, statically or dynamically, except the autoloader's lazy tag.
    for (const file of [...groups.elements, ...groups.glossary, ...groups.study, ...groups.imaging]) {
      assert.ok(!readFileSync(join(build.cdnDir, file), 'utf8').includes(editorChunk[0].replace(/^chunks\//, '')), `${file} does not load the editor`);
    }
  });
});

