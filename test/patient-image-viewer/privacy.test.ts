import { expect } from '@open-wc/testing';
import type { PatientImageViewer } from '../../src/index.js';
import { cleanup, requireSharedDicom, serverInfo, settle, viewer } from '../support/helpers.js';
// The PS3.15 Basic Profile values of a file (shared with test/components/privacy-network.test.ts).
import { appearsIn, identifyingValues } from '../support/identifying.js';

/** Everything the viewer exposes: composed DOM text, attributes, accessible names. */
function exposed(el: PatientImageViewer): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element) {
      for (const attr of node.attributes) {
        // The portal's own inputs on the host (src) are not the viewer's output.
        if (node === el && (attr.name === 'src' || attr.name === 'study-uid' || attr.name === 'series-uid')) continue;
        parts.push(`${attr.name}=${attr.value}`);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(el);
  for (const input of el.shadowRoot!.querySelectorAll('input')) parts.push(input.value);
  parts.push(el.description, document.title);
  return parts.join('\n');
}

describe('never shows, logs or emits identifying data', () => {
  const logged: string[] = [];
  const events: string[] = [];
  const originals: Partial<Record<'log' | 'warn' | 'error' | 'info' | 'debug', (...args: unknown[]) => void>> = {};
  const record = (event: Event) => events.push(`${event.type} ${JSON.stringify((event as CustomEvent).detail)}`);

  before(() => {
    for (const level of ['log', 'warn', 'error', 'info', 'debug'] as const) {
      originals[level] = console[level];
      console[level] = (...args: unknown[]) => {
        logged.push(args.map((a) => { try { return typeof a === 'string' ? a : JSON.stringify(a) ?? String(a); } catch { return String(a); } }).join(' '));
        originals[level]!.apply(console, args);
      };
    }
    for (const type of ['pv-load', 'pv-error', 'pv-image-change']) document.addEventListener(type, record);
  });
  after(() => {
    for (const [level, fn] of Object.entries(originals)) (console as unknown as Record<string, unknown>)[level] = fn;
    for (const type of ['pv-load', 'pv-error', 'pv-image-change']) document.removeEventListener(type, record);
  });
  afterEach(cleanup);

  async function check(url: string) {
    const buffer = await (await fetch(url)).arrayBuffer();
    const secrets = identifyingValues(buffer);
    expect(secrets.length, 'the file has identifying values to look for').to.be.greaterThan(0);
    logged.length = 0;
    events.length = 0;
    const el = viewer({ src: url });
    await settle(el);
    if (el.status === 'loaded' && el.imageCount > 1) await el.goTo(1);
    await el.updateComplete;
    const surfaces = { dom: exposed(el), console: logged.join('\n'), events: events.join('\n') };
    expect(events.length, 'events were seen').to.be.greaterThan(0);
    for (const secret of secrets) {
      for (const [where, text] of Object.entries(surfaces)) {
        expect(appearsIn(secret, text), `"${secret}" appears in ${where}`).to.equal(false);
      }
    }
  }

  it('[HAZ-005] the scan itself finds a name when one is shown (a check on this test)', async () => {
    const { synthetic } = await serverInfo();
    const url = `/__synthetic/${synthetic.xray}`;
    const secrets = identifyingValues(await (await fetch(url)).arrayBuffer());
    expect(secrets).to.include('Phantom');
    expect(secrets).to.include('19700101');
    // A portal that wrongly puts a name into alt: the scan must see it.
    const el = viewer({ src: url, alt: 'X-ray for Phantom' });
    await settle(el);
    await el.updateComplete;
    expect(exposed(el)).to.contain('Phantom');
  });

  it('[HAZ-005] the synthetic study (runs anywhere)', async () => {
    const { synthetic } = await serverInfo();
    await check(`/__synthetic/${synthetic.ct[0]}`);
    await check(`/__synthetic/${synthetic.xray}`);
  });

  for (const name of [
    'RG1_J2KI.dcm', '693_UNCR.dcm', 'MR2_UNCR.dcm', 'emri_small.dcm', 'eCT_Supplemental.dcm', 'US1_UNCR.dcm',
    'JPEG-LL.dcm', 'CT_small.dcm', 'MR_small.dcm', 'MR_small_RLE.dcm', 'bad/MR_truncated.dcm', 'bad/test-SR.dcm',
    'bad/liver.dcm',
  ]) {
    it(name, async function () {
      await requireSharedDicom(this);
      await check(`/__dicom/${name}`);
    });
  }
});
