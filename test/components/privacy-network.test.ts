import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { FindingDisclosure, LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { SHARED_FILES } from '../support/files.js';
import { box, cleanup, loaded, serverInfo, settle, skipBecause, until } from '../support/helpers.js';
import { appearsIn, identifyingValues } from '../support/identifying.js';
import { makeCtSeries } from '../../scripts/synthetic.mjs';
import { hostileFiles, truncatedFiles } from './hostile-dicom.js';

/**
 * Identifying data and the network, for the whole patient journey (consent step, viewer, labels),
 * not just the viewer (test/patient-image-viewer/privacy.test.ts): for every DICOM file the tests use, no value
 * of a PS3.15 Basic Profile attribute in the file may appear in the composed DOM (shadow roots
 * included), attributes, the accessibility tree's names, any pv-* event, the console, or stored
 * choices. And the library may contact only the configured image source and its own assets.
 */

const EVENTS = ['pv-load', 'pv-error', 'pv-image-change', 'pv-view-change', 'pv-label-select', 'pv-link-blocked', 'pv-annotation-error', 'pv-reveal', 'pv-defer', 'pv-disclosure-request', 'pv-question'];

const LABELS = {
  version: 1,
  summary: 'Your scan was looked at by a specialist.',
  labels: [{ id: 'a', kind: 'anatomy', title: 'This part of the image', target: { image: { index: 0 }, point: { column: 1, row: 1 } } }],
};

/** Every text node, attribute and form value in the composed tree under `root`. */
function composedText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element) {
      for (const attr of node.attributes) parts.push(`${attr.name}=${attr.value}`);
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join('\n');
}

function storedChoices(): string {
  const parts: string[] = [];
  for (const store of [sessionStorage, localStorage]) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i)!;
      parts.push(`${key}=${store.getItem(key)}`);
    }
  }
  return parts.join('\n');
}

describe('identifying data and the network, across the consent step, the viewer and its labels', function () {
  this.timeout(180000);
  const logged: string[] = [];
  const events: string[] = [];
  const originals: Partial<Record<'log' | 'warn' | 'error' | 'info' | 'debug', (...args: unknown[]) => void>> = {};
  const record = (event: Event) => {
    let detail = '';
    try {
      detail = JSON.stringify((event as CustomEvent).detail);
    } catch {
      detail = String((event as CustomEvent).detail);
    }
    events.push(`${event.type} ${detail}`);
  };
  let filesChecked = 0;
  let valuesChecked = 0;
  let found = 0;

  before(() => {
    for (const level of ['log', 'warn', 'error', 'info', 'debug'] as const) {
      originals[level] = console[level];
      console[level] = (...args: unknown[]) => {
        logged.push(args.map((a) => { try { return typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)); } catch { return String(a); } }).join(' '));
        originals[level]!.apply(console, args);
      };
    }
    for (const type of EVENTS) document.addEventListener(type, record, true);
  });
  after(() => {
    for (const [level, fn] of Object.entries(originals)) (console as unknown as Record<string, unknown>)[level] = fn;
    for (const type of EVENTS) document.removeEventListener(type, record, true);
    console.log(`identifying data: ${filesChecked} files, ${valuesChecked} identifying values looked for, ${found} found`);
  });
  afterEach(cleanup);

  /** The whole journey for one file: consent step (session storage), viewer, labels; then every surface. */
  async function journey(name: string, buffer: ArrayBuffer, key: number, secretsFrom = buffer): Promise<{ surfaces: Record<string, string>; secrets: string[] }> {
    const secrets = identifyingValues(secretsFrom);
    const url = URL.createObjectURL(new Blob([buffer], { type: 'application/dicom' }));
    logged.length = 0;
    events.length = 0;
    const step = document.createElement('finding-disclosure') as FindingDisclosure;
    step.studyKey = `study-${key}`;
    step.storage = 'session';
    step.modality = 'CT';
    const el = document.createElement('patient-image-viewer') as PatientImageViewer;
    el.loading = 'eager';
    el.src = url;
    const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
    layer.studyKey = `study-${key}`;
    layer.storage = 'session';
    layer.annotations = LABELS;
    el.append(layer);
    step.append(el);
    box(420, 320).append(step);
    await until(() => step.phase === 'asking', 5000, 'the consent step');
    await step.updateComplete;
    const outcome = settle(el, 20000);
    step.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await outcome;
    if (el.status === 'loaded' && el.imageCount > 1) await el.goTo(1);
    await Promise.all([el.updateComplete, layer.updateComplete, step.updateComplete]);
    const names = (await executeServerCommand('pv-ax-names')) as string[];
    URL.revokeObjectURL(url);
    const surfaces = {
      dom: composedText(step.parentElement!) + `\n${el.description}\n${document.title}\n${document.cookie}`,
      'accessible names': names.join('\n'),
      events: events.join('\n'),
      console: logged.join('\n'),
      'stored choices': storedChoices(),
    };
    expect(events.length, `${name}: events were seen`).to.be.greaterThan(0);
    expect(surfaces['stored choices'], `${name}: the choice was stored`).not.to.equal('');
    return { surfaces, secrets };
  }

  function expectNone(name: string, surfaces: Record<string, string>, secrets: string[]): void {
    filesChecked++;
    valuesChecked += secrets.length;
    const leaks: string[] = [];
    for (const secret of secrets) {
      for (const [where, text] of Object.entries(surfaces)) {
        if (appearsIn(secret, text)) leaks.push(`"${secret}" in ${where}`);
      }
    }
    found += leaks.length;
    expect(leaks, name).to.deep.equal([]);
  }

  it('[HAZ-005] [HAZ-013] contacts only the configured image source and its own assets; the token goes only to the image source', async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) skipBecause(this, info.orthanc.reason);
    await executeServerCommand('pv-network', { action: 'start' });
    let requests: { url: string; method: string; authorization: boolean; type: string }[] = [];
    try {
      const step = document.createElement('finding-disclosure') as FindingDisclosure;
      step.modality = 'CT';
      const el = document.createElement('patient-image-viewer') as PatientImageViewer;
      el.loading = 'eager';
      el.requestHeaders = { Authorization: `Bearer ${info.token}` };
      el.dicomwebRoot = '/secure-dicom-web';
      el.studyUid = info.orthanc.ct.study;
      el.seriesUid = info.orthanc.ct.series;
      const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
      layer.src = '/examples/annotations/ct-head.json';
      el.append(layer);
      step.append(el);
      box(420, 320).append(step);
      await until(() => step.phase === 'asking', 5000, 'the consent step');
      await step.updateComplete;
      step.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await loaded(el);
      await el.goTo(5);
      await layer.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      requests = (await executeServerCommand('pv-network', { action: 'stop' })) as typeof requests;
    }
    const source = `${location.origin}/secure-dicom-web/`;
    const assets = ['/node_modules/', '/src/', '/@fs/', '/@vite/', '/@id/'];
    const unexpected: string[] = [];
    const kinds = { image: 0, asset: 0, document: 0 };
    for (const request of requests) {
      if (request.url.startsWith('data:') || request.url.startsWith('blob:')) continue;
      const url = new URL(request.url);
      if (request.url.startsWith(source)) {
        kinds.image++;
        expect(request.authorization, `no token on ${request.url}`).to.equal(true);
        continue;
      }
      expect(request.authorization, `the token went to ${request.url}`).to.equal(false);
      if (url.origin === location.origin && url.pathname === '/examples/annotations/ct-head.json') kinds.document++;
      else if (url.origin === location.origin && assets.some((prefix) => url.pathname.startsWith(prefix))) kinds.asset++;
      else unexpected.push(`${request.method} ${request.url} (${request.type})`);
    }
    console.log(`requests: ${requests.length} (${kinds.image} to the image source, ${kinds.asset} assets, ${kinds.document} label document)`);
    expect(unexpected, 'requests to anything else').to.deep.equal([]);
    expect(kinds.image, 'metadata and frames were seen').to.be.greaterThan(2);
    expect(kinds.asset, 'the engine was fetched while recording').to.be.greaterThan(0);
    expect(kinds.document).to.equal(1);
  });

  it('[HAZ-005] the scan finds a name when one is shown (a check on this test)', async () => {
    const { synthetic } = await serverInfo();
    const buffer = await (await fetch(`/__synthetic/${synthetic.xray}`)).arrayBuffer();
    const secrets = identifyingValues(buffer);
    expect(secrets).to.include.members(['Phantom', '19700101', '1970-01-01', 'SYNTH-00042']);
    const { surfaces } = await journey('check', buffer, 0);
    const leak = { ...surfaces, dom: `${surfaces.dom}\nX-ray for Phantom` };
    expect(() => expectNone('check', leak, secrets)).to.throw();
    found = 0;
    filesChecked = 0;
    valuesChecked = 0;
  });

  it('[HAZ-005] the synthetic files (CT series, X-rays, burned-in text, every transfer syntax)', async () => {
    const { synthetic, transferSyntaxes } = await serverInfo();
    const names = [synthetic.ct[0]!, synthetic.ct[39]!, synthetic.xray, 'chest-xray-8bit.dcm', synthetic.burnedIn, ...transferSyntaxes.variants.map((v) => v.name)];
    let key = 100;
    for (const name of names) {
      const buffer = await (await fetch(`/__synthetic/${name}`)).arrayBuffer();
      const { surfaces, secrets } = await journey(name, buffer, key++);
      expect(secrets.length, `${name} has identifying values to look for`).to.be.greaterThan(3);
      expectNone(name, surfaces, secrets);
    }
  });

  it('[HAZ-005] the hostile files of test/components/hostile-dicom.ts (and some cut ones)', async () => {
    let key = 200;
    for (const file of hostileFiles()) {
      const { surfaces, secrets } = await journey(file.name, file.buffer, key++);
      expect(secrets.length, `${file.name} has identifying values to look for`).to.be.greaterThan(3);
      expectNone(file.name, surfaces, secrets);
    }
    // A cut file cannot be read whole: look for the values of the file it was cut from.
    const whole = makeCtSeries({ slices: 1, size: 64 })[0]!.buffer;
    for (const file of truncatedFiles().filter((_, i) => i % 6 === 0)) {
      const { surfaces, secrets } = await journey(file.name, file.buffer, key++, whole);
      expectNone(file.name, surfaces, secrets);
    }
  });

  it('[HAZ-005] every real file in ../shared/dicom, the damaged ones included', async function () {
    const info = await serverInfo();
    if (!info.sharedDicom) skipBecause(this, '../shared/dicom is not beside this checkout');
    let key = 300;
    for (const name of [...SHARED_FILES.map((f) => f.name), 'bad/MR_truncated.dcm', 'bad/test-SR.dcm', 'bad/liver.dcm']) {
      const buffer = await (await fetch(`/__dicom/${name}`)).arrayBuffer();
      const { surfaces, secrets } = await journey(name, buffer, key++);
      expect(secrets.length, `${name} has identifying values to look for`).to.be.greaterThan(0);
      expectNone(name, surfaces, secrets);
    }
  });
});
