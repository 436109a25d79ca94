import { expect } from '@open-wc/testing';
import chestDoc from '../../examples/annotations/chest-xray.json';
import { MAX_ANNOTATION_PROBLEMS } from '../../src/annotations/validate.js';
import { enGB, type MessageKey, type Messages } from '../../src/lay/messages.js';
import { DEFAULT_TRUSTED_DOMAINS } from '../../src/lay/links.js';
import type { FindingDisclosure, LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { box, cleanup, loaded, nextEvent, nextFrame, settle, until } from '../support/helpers.js';
import { INJECTION_CORPUS, nothingRan } from '../support/injection-corpus.js';
import { sleep, watchUncaught } from './support.js';

/**
 * Hostile content in everything a portal or a document can give the three elements: annotation
 * documents, glossary entries, message overrides and attribute values. Nothing may run, nothing may
 * become markup, every link must be https and on the allow-list (or the portal's own page for
 * `talk-href`), and oversized or deeply nested data must give clear problems, not a crash.
 */

const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED', 'STYLE', 'TEMPLATE', 'BASE', 'LINK', 'META', 'FORM', 'MATH', 'VIDEO', 'MARQUEE', 'NOSCRIPT']);

/** Every element the elements rendered: inside their shadow roots (the hosts hold the portal's own input). */
function composedElements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node, rendered: boolean) => {
    if (node instanceof Element) {
      if (rendered) out.push(node);
      if (node.shadowRoot) walk(node.shadowRoot, true);
    }
    for (const child of node.childNodes) walk(child, rendered);
  };
  walk(root, false);
  return out;
}

/** Attributes whose value the browser may follow or run. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster', 'background']);

function trustedHost(host: string): boolean {
  return DEFAULT_TRUSTED_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** What the tests mounted (the fixture boxes), not the test runner's own page. */
function fixtures(): Node {
  const fragment = { childNodes: [...document.body.children].filter((el) => el.tagName === 'DIV') } as unknown as Node;
  return fragment;
}

/** Nothing ran, nothing became markup, every link is safe. Returns how many links were checked. */
function expectInert(root: Node, where: string): number {
  expect(nothingRan(), `${where}: a payload ran`).to.equal(true);
  let links = 0;
  for (const el of composedElements(root)) {
    expect(FORBIDDEN.has(el.tagName), `${where}: a <${el.tagName.toLowerCase()}> appeared`).to.equal(false);
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${where}: ${el.tagName} ${attr.name}`).to.equal(false);
      if (URL_ATTRIBUTES.has(attr.name)) {
        expect(/^\s*(javascript|data|vbscript):/i.test(attr.value), `${where}: ${el.tagName} ${attr.name}=${attr.value}`).to.equal(false);
      }
    }
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
      links++;
      const url = new URL(el.href);
      const own = url.origin === location.origin;
      expect(own || (url.protocol === 'https:' && trustedHost(url.hostname)), `${where}: a link to ${el.href}`).to.equal(true);
    }
  }
  return links;
}

/** Every message key given a payload (cycling through the corpus). */
function hostileMessages(offset = 0): Messages {
  const payloads = INJECTION_CORPUS.filter((p) => p.length < 300);
  const keys = Object.keys(enGB) as MessageKey[];
  return Object.fromEntries(keys.map((key, i) => [key, payloads[(i + offset) % payloads.length]!])) as Messages;
}

function mount<K extends 'patient-image-viewer' | 'finding-disclosure'>(tag: K, setup: Partial<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  Object.assign(el, setup);
  box(480, 360).append(el);
  return el;
}

describe('hostile content: documents, glossary, messages, attributes and links', function () {
  this.timeout(60000);
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => (uncaught = watchUncaught()));
  afterEach(() => {
    cleanup();
    uncaught.stop();
  });

  it('[HAZ-009] message overrides: every word of all three elements replaced by a payload stays text', async () => {
    for (let offset = 0; offset < 3; offset++) {
      const messages = hostileMessages(offset * 17);
      // A viewer that fails (error words), one that loads with labels (viewer and layer words), and a consent step.
      const failing = mount('patient-image-viewer', { loading: 'eager', src: '/__fault/status/500', messages });
      const good = mount('patient-image-viewer', { loading: 'eager', src: '/__synthetic/chest-xray.dcm', messages });
      const layer = document.createElement('lay-annotation-layer');
      layer.messages = messages;
      layer.annotations = chestDoc;
      good.append(layer);
      const step = mount('finding-disclosure', { modality: 'CT', talkHref: '/messages/new', messages });
      await nextEvent(failing, 'pv-error');
      await loaded(good);
      await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 5000, 'markers');
      await until(() => step.phase === 'asking', 5000, 'the consent step');
      await Promise.all([failing.updateComplete, good.updateComplete, layer.updateComplete, step.updateComplete]);
      expectInert(fixtures(), `messages (offset ${offset})`);
      // The words are there, as text.
      expect(failing.shadowRoot!.textContent).to.contain(messages.errorTitle!.slice(0, 30));
      expect(step.shadowRoot!.textContent).to.contain(messages['disclosure.title']!.slice(0, 30));
      // "Not now" and "Show my images" with hostile words still work.
      step.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')[1]!.click();
      await until(() => step.phase === 'deferred', 5000, 'deferred');
      await step.updateComplete;
      expectInert(fixtures(), `deferred (offset ${offset})`);
      cleanup();
    }
    expect(uncaught.errors).to.deep.equal([]);
  });

  it('[HAZ-009] message overrides that are not words (numbers, objects, null) fall back to ours', async () => {
    const odd = { errorTitle: 42, 'error.server': { toString: () => '<img src=x onerror=window.__pwned=1>' }, tryAgain: null, loading: ['x'] } as unknown as Messages;
    const el = mount('patient-image-viewer', { loading: 'eager', src: '/__fault/status/500', messages: odd });
    await nextEvent(el, 'pv-error');
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain(enGB.errorTitle);
    expect(text).to.contain(enGB['error.server']);
    expect(text).to.contain(enGB.tryAgain);
    expectInert(el, 'odd messages');
  });

  it('[HAZ-009] attribute values: every payload in every text attribute of the three elements stays text', async () => {
    const viewerEl = mount('patient-image-viewer', { loading: 'eager', src: '/__synthetic/chest-xray.dcm' });
    await loaded(viewerEl);
    const step = mount('finding-disclosure', {});
    const layer = document.createElement('lay-annotation-layer');
    layer.annotations = chestDoc;
    viewerEl.append(layer);
    for (const payload of INJECTION_CORPUS) {
      viewerEl.setAttribute('alt', payload);
      step.setAttribute('modality', payload);
      step.setAttribute('study-key', payload);
      step.setAttribute('talk-href', payload);
      layer.setAttribute('study-key', payload);
      await Promise.all([viewerEl.updateComplete, step.updateComplete, layer.updateComplete]);
      // alt is the picture's accessible name, as given: an attribute value, never markup.
      expect(viewerEl.description).to.equal(payload);
      expectInert(fixtures(), `attributes: ${payload.slice(0, 40)}`);
    }
    await sleep(200);
    expect(nothingRan()).to.equal(true);
    expect(viewerEl.status).to.equal('loaded');
    expect(uncaught.errors).to.deep.equal([]);
  });

  it('[HAZ-004] [HAZ-009] source attributes: hostile src, DICOMweb root and UIDs give a plain error, never a picture or a script', async () => {
    const sample = INJECTION_CORPUS.filter((p) => p.length < 200).filter((_, i) => i % 6 === 0);
    const el = mount('patient-image-viewer', { loading: 'eager', timeout: 5000 });
    const layer = document.createElement('lay-annotation-layer');
    el.append(layer);
    const types = new Set<string>();
    for (const payload of sample) {
      let outcome = settle(el, 10000);
      el.setAttribute('src', payload);
      layer.setAttribute('src', payload);
      let event = await outcome;
      expect(event.type, `src=${payload}`).to.equal('pv-error');
      types.add((event as GlobalEventHandlersEventMap['pv-error']).detail.type);
      el.removeAttribute('src');
      outcome = settle(el, 10000);
      el.setAttribute('dicomweb-root', payload);
      el.setAttribute('study-uid', payload);
      el.setAttribute('series-uid', '1.2.3');
      event = await outcome;
      expect(event.type, `dicomweb ${payload}`).to.equal('pv-error');
      types.add((event as GlobalEventHandlersEventMap['pv-error']).detail.type);
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain(enGB.errorTitle);
      expectInert(fixtures(), `sources: ${payload.slice(0, 40)}`);
      for (const name of ['dicomweb-root', 'study-uid', 'series-uid']) el.removeAttribute(name);
      await el.updateComplete;
    }
    console.log(`hostile sources gave: ${[...types].join(', ')}`);
    for (const type of types) expect(['network', 'not-found', 'unsupported-format', 'no-source', 'corrupt-file', 'not-an-image']).to.include(type);
    expect(uncaught.errors).to.deep.equal([]);
  });

  it('[HAZ-009] links: talk-href goes only to the portal\'s own pages or a trusted https site', async () => {
    const step = mount('finding-disclosure', {});
    await until(() => step.phase === 'asking', 5000, 'asking');
    const link = () => step.shadowRoot!.querySelector('a');
    const cases: [string, string | null][] = [
      ['/messages/new', `${location.origin}/messages/new`],
      ['messages/new?about=scan', new URL('messages/new?about=scan', document.baseURI).href],
      ['https://www.nhs.uk/nhs-services/', 'https://www.nhs.uk/nhs-services/'],
      ['javascript:window.__pwned=1', null],
      [' javascript:window.__pwned=1', null],
      ['data:text/html,<script>window.__pwned=1</script>', null],
      ['https://evil.example/talk', null],
      ['//evil.example/talk', null],
      ['http://www.nhs.uk/', null],
      ['https://user@www.nhs.uk/', null],
      [`${location.protocol}//user:pw@${location.host}/messages`, null],
    ];
    for (const [value, expected] of cases) {
      step.talkHref = value;
      await step.updateComplete;
      expect(link()?.href ?? null, value).to.equal(expected);
    }
  });

  it('[HAZ-009] links in documents and glossary entries: only https on the allow-list, everywhere', async () => {
    const urls = ['https://www.nhs.uk/conditions/', 'https://evil.example/', 'http://www.nhs.uk/', ...INJECTION_CORPUS.filter((p) => p.length < 300 && /[:/]/.test(p))];
    const doc = {
      version: 1,
      summary: 'Your chest X-ray looks normal. The radiologist looked at your lungs.',
      labels: urls.slice(0, 60).map((url, i) => ({
        id: `l${i}`,
        kind: 'anatomy',
        title: `Label ${i}`,
        links: [{ title: 'Find out more', url }],
        target: { image: { index: 0 }, point: { column: 20 + ((i * 13) % 470), row: 20 + ((i * 29) % 470) } },
      })),
      glossary: urls.slice(0, 60).map((url, i) => ({ id: `g${i}`, term: `wordy${i}`, definition: 'A word.', url })),
    };
    const el = mount('patient-image-viewer', { loading: 'eager', src: '/__synthetic/chest-xray.dcm' });
    const layer = document.createElement('lay-annotation-layer');
    const blocked: string[] = [];
    layer.addEventListener('pv-link-blocked', (e) => blocked.push(e.detail.url));
    layer.annotations = doc;
    el.append(layer);
    await loaded(el);
    await until(() => (layer.shadowRoot?.querySelectorAll('ol > li').length ?? 0) > 0, 5000, 'the list');
    await sleep(100);
    const links = expectInert(fixtures(), 'document links');
    expect(links, 'the trusted link is shown').to.be.greaterThan(0);
    expect(blocked.length, 'blocked links are reported').to.be.greaterThan(40);
  });

  describe('oversized and deeply nested data', () => {
    async function withLayer(input: { annotations?: unknown; src?: string }) {
      const el = mount('patient-image-viewer', { loading: 'eager', src: '/__synthetic/chest-xray.dcm' });
      const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
      const problems = nextEvent(layer, 'pv-annotation-error', 20000);
      if (input.src) layer.src = input.src;
      else layer.annotations = input.annotations;
      el.append(layer);
      await loaded(el);
      return { el, layer, problems };
    }

    function expectPlainProblems(problems: readonly { path: string; message: string }[]): void {
      expect(problems.length).to.be.greaterThan(0);
      // The validator lists at most MAX_ANNOTATION_PROBLEMS, then one line saying how many more.
      expect(problems.length).to.be.at.most(MAX_ANNOTATION_PROBLEMS + 1);
      for (const problem of problems) {
        expect(problem.message).to.be.a('string').and.not.equal('');
        expect(problem.message.length, problem.message).to.be.below(300);
        expect(problem.path.length, problem.path).to.be.below(300);
      }
    }

    it('[HAZ-009] [HAZ-010] a document nested 100,000 deep (from a URL): a clear problem, the image still shows', async () => {
      const json = `{"version":1,"labels":${'['.repeat(100000)}${']'.repeat(100000)}}`;
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const { el, layer, problems } = await withLayer({ src: url }).catch(async (error) => {
        throw error;
      });
      const settled = await Promise.race([problems.then((e) => e.detail.problems), sleep(8000).then(() => undefined)]);
      await layer.updateComplete;
      const text = layer.shadowRoot!.textContent ?? '';
      // Either it is reported, or the layer says plainly it could not show the notes.
      if (settled) expectPlainProblems(settled);
      else expect(text).to.contain(enGB['layer.notLoaded']);
      expect(el.status).to.equal('loaded');
      URL.revokeObjectURL(url);
      expect(uncaught.errors).to.deep.equal([]);
    });

    it('[HAZ-009] [HAZ-010] objects nested 20,000 deep inside a label: reported, the other labels show', async () => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 20000; i++) deep = { deeper: deep };
      const doc = structuredClone(chestDoc) as { labels: Record<string, unknown>[] };
      doc.labels[0]!.description = deep;
      const { layer, problems } = await withLayer({ annotations: doc });
      expectPlainProblems((await problems).detail.problems);
      await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) === doc.labels.length - 1, 5000, 'the other labels');
      expect(uncaught.errors).to.deep.equal([]);
    });

    it('[HAZ-009] [HAZ-010] 20,000 labels, a 5 MB summary and 20,000 glossary entries: capped and reported, the page keeps working', async () => {
      const label = (chestDoc as { labels: unknown[] }).labels[0] as Record<string, unknown>;
      const doc = {
        version: 1,
        summary: 'Your lungs look clear. '.repeat(230_000),
        labels: Array.from({ length: 20000 }, (_, i) => ({ ...label, id: `many-${i}` })),
        glossary: Array.from({ length: 20000 }, (_, i) => ({ id: `word-${i}`, term: `word${i}`, definition: 'A word. '.repeat(1000), url: 'https://www.nhs.uk/' })),
      };
      let beat = performance.now();
      let stall = 0;
      const timer = setInterval(() => {
        stall = Math.max(stall, performance.now() - beat);
        beat = performance.now();
      }, 50);
      try {
        const { layer, problems } = await withLayer({ annotations: doc });
        const reported = (await problems).detail.problems;
        expectPlainProblems(reported);
        await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 10000, 'markers');
        expect(layer.labelCount).to.be.at.most(500);
        await nextFrame();
        expect(layer.shadowRoot!.textContent!.length, 'the 5 MB summary is not shown').to.be.below(1_000_000);
      } finally {
        clearInterval(timer);
      }
      console.log(`oversized document: longest stall ${Math.round(stall)} ms`);
      expect(stall, 'the page froze').to.be.below(10000);
      expect(uncaught.errors).to.deep.equal([]);
    });

    it('[HAZ-009] a document that is not JSON, or JSON that is not a document: the plain "could not show the notes"', async () => {
      for (const body of ['<html><script>window.__pwned=1</script>', '"just a string"', 'null', '[]', '{"version":1,"labels":{"__proto__":{"polluted":true}}}']) {
        const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
        const el = mount('patient-image-viewer', { loading: 'eager', src: '/__synthetic/chest-xray.dcm' });
        const layer = document.createElement('lay-annotation-layer');
        layer.src = url;
        el.append(layer);
        await loaded(el);
        await until(() => (layer.shadowRoot?.textContent ?? '').includes(enGB['layer.notLoaded']) || (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 5000, body);
        expect(layer.shadowRoot!.querySelectorAll('.marker').length, body).to.equal(0);
        expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
        expectInert(fixtures(), body);
        URL.revokeObjectURL(url);
        cleanup();
      }
      expect(uncaught.errors).to.deep.equal([]);
    });
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'finding-disclosure': FindingDisclosure;
    'patient-image-viewer': PatientImageViewer;
  }
}
