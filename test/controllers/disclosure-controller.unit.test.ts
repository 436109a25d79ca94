import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  type DisclosureInputs,
  type DisclosureKind,
  type DisclosurePlace,
} from '../../src/controllers/disclosure-controller.js';
import { DocumentDisclosureController } from '../../src/controllers/document-disclosure-controller.js';
import { choiceKey, keep, type ChoiceStore } from '../../src/disclosure/choice-store.js';
import { message } from '../../src/lay/messages.js';
import type { PvAnnotationErrorEvent, PvChoiceDetail, PvDisclosureRequestDetail } from '../../src/index.js';

/** A store in memory, one per test, so nothing leaks between tests or into the page's default store. */
function memoryStore(): ChoiceStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (key) => map.get(key), set: (key, value) => void map.set(key, value), delete: (key) => void map.delete(key) };
}

/** The smallest host: it says what it holds, and records what the controller announces and fires. */
class ConsentHost extends LitElement {
  kind: DisclosureKind = 'wrapped';
  store: ChoiceStore = memoryStore();
  studyKey = '';
  places: DisclosurePlace[] = [];
  readonly said: string[] = [];
  readonly events: Event[] = [];
  readonly consent = new DocumentDisclosureController(this, (): DisclosureInputs => ({
    kind: this.kind,
    storage: this.store,
    studyKey: this.studyKey,
    places: this.places,
    t: (key, values) => message(undefined, key, values),
    announce: (text) => this.said.push(text),
  }));

  constructor() {
    super();
    for (const name of ['pv-disclosure-request', 'pv-reveal', 'pv-defer', 'pv-annotation-error']) {
      this.addEventListener(name, (event) => this.events.push(event));
    }
  }

  of(name: string): Event[] {
    return this.events.filter((event) => event.type === name);
  }
}
customElements.define('test-consent-host', ConsentHost);

let study = 0;
const hosts: ConsentHost[] = [];

/** A connected host, registered and read back, as an element does when its places are set. */
async function host(setup: Partial<Pick<ConsentHost, 'kind' | 'store' | 'studyKey' | 'places'>>): Promise<ConsentHost> {
  const el = document.createElement('test-consent-host') as ConsentHost;
  Object.assign(el, setup);
  document.body.append(el);
  hosts.push(el);
  el.consent.register({ report: false });
  await el.consent.read();
  return el;
}

const wrapped = (findingId: string, extra: Partial<DisclosurePlace> = {}): DisclosurePlace => ({ id: findingId, findingId, sensitive: true, ...extra });
const label = (id: string, findingId: string, sensitive: boolean, index: number): DisclosurePlace => ({
  id,
  findingId,
  sensitive,
  where: `label "${id}"`,
  path: `labels[${index}]`,
});
const stored = (choice: 'reveal' | 'defer', at = '2026-01-02T03:04:05.000Z') => JSON.stringify({ choice, at });

describe('DisclosureController (and DocumentDisclosureController, which reports mismatches)', () => {
  let studyKey: string;
  beforeEach(() => {
    // A study of its own for each test: the page's registry of findings is shared by everything on the page.
    studyKey = `unit-study-${++study}`;
  });
  afterEach(() => {
    for (const el of hosts.splice(0)) el.remove();
  });

  it('[HAZ-001] asks when nothing is remembered, and nothing is shown until the patient chooses', async () => {
    const el = await host({ studyKey, places: [wrapped('f1')] });
    expect(el.consent.state('f1')).to.equal('asking');
    expect([...el.consent.hiddenIds()]).to.deep.equal(['f1']);
    expect(el.events).to.deep.equal([]);
  });

  it('is reading (nothing shown) until the store answers', async () => {
    const slow = memoryStore();
    let answer: (value: string | undefined) => void = () => undefined;
    slow.get = () => new Promise((resolve) => (answer = resolve));
    const el = document.createElement('test-consent-host') as ConsentHost;
    Object.assign(el, { studyKey, store: slow, places: [wrapped('f1')] });
    document.body.append(el);
    hosts.push(el);
    const read = el.consent.read();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(el.consent.state('f1')).to.equal('reading');
    expect(el.consent.hiddenIds().has('f1')).to.equal(true);
    answer(stored('reveal'));
    await read;
    expect(el.consent.state('f1')).to.equal('shown');
  });

  it('reads back a remembered choice: shown, with pv-reveal remembered', async () => {
    const store = memoryStore();
    await keep(store, studyKey, 'finding:f1', stored('reveal'));
    const el = await host({ studyKey, store, places: [wrapped('f1')] });
    expect(el.consent.state('f1')).to.equal('shown');
    expect(el.consent.hiddenIds().size).to.equal(0);
    const [reveal] = el.of('pv-reveal') as CustomEvent<PvChoiceDetail>[];
    expect(reveal!.detail).to.deep.equal({ scope: 'finding', at: '2026-01-02T03:04:05.000Z', remembered: true, findings: ['f1'] });
  });

  it('reads back a remembered wait, with pv-defer remembered (a consent step), or none (the layer, as before)', async () => {
    const store = memoryStore();
    await keep(store, studyKey, 'study', stored('defer'));
    const step = await host({ kind: 'study', studyKey, store, places: [{ id: 'study', sensitive: true }] });
    expect(step.consent.state('study')).to.equal('waiting');
    expect((step.of('pv-defer')[0] as CustomEvent<PvChoiceDetail>).detail).to.deep.equal({ scope: 'study', at: '2026-01-02T03:04:05.000Z', remembered: true });
    await keep(store, studyKey, 'finding:l1', stored('defer'));
    const layer = await host({ kind: 'labels', studyKey, store, places: [label('l1', 'l1', true, 0)] });
    expect(layer.consent.state('l1')).to.equal('waiting');
    expect(layer.of('pv-defer')).to.have.length(0);
  });

  it('[HAZ-001] a date lock wins over a remembered "show": it waits, and cannot be shown', async () => {
    const store = memoryStore();
    await keep(store, studyKey, 'finding:f1', stored('reveal'));
    const el = await host({ studyKey, store, places: [wrapped('f1', { notBefore: '2099-12-01' })] });
    expect(el.consent.state('f1')).to.equal('waiting');
    expect(el.consent.lock(el.places[0]!)?.toISOString().slice(0, 10)).to.equal('2099-12-01');
    expect(el.of('pv-reveal')).to.have.length(0);
    expect(await el.consent.reveal()).to.deep.equal([]);
    expect(el.of('pv-disclosure-request')).to.have.length(0);
    expect(el.consent.state('f1')).to.equal('waiting');
    // A date that has passed locks nothing.
    const passed = await host({ studyKey, store, places: [wrapped('f1', { notBefore: '2020-01-01' })] });
    expect(passed.consent.state('f1')).to.equal('shown');
  });

  it('[HAZ-001] the portal vetoes with preventDefault on pv-disclosure-request: nothing shown, nothing kept, the patient told', async () => {
    const store = memoryStore();
    const el = await host({ studyKey, store, places: [wrapped('f1')] });
    el.addEventListener('pv-disclosure-request', (event) => event.preventDefault(), { once: true });
    expect(await el.consent.reveal()).to.deep.equal([]);
    expect(el.consent.state('f1')).to.equal('asking');
    expect(el.of('pv-reveal')).to.have.length(0);
    expect(store.map.size).to.equal(0);
    expect(el.said).to.deep.equal(['This cannot be shown just now.']);
    // Not vetoed the next time.
    expect(await el.consent.reveal()).to.deep.equal(['f1']);
    expect(el.consent.state('f1')).to.equal('shown');
  });

  it('names the findings in the request only for labels (as before), and in pv-reveal for both', async () => {
    const layer = await host({ kind: 'labels', studyKey, places: [label('a', 'a', true, 0), label('b', 'b', true, 1)] });
    await layer.consent.reveal(['b']);
    expect((layer.of('pv-disclosure-request')[0] as CustomEvent<PvDisclosureRequestDetail>).detail).to.deep.equal({ scope: 'finding', findings: ['b'] });
    expect((layer.of('pv-reveal')[0] as CustomEvent<PvChoiceDetail>).detail.findings).to.deep.equal(['b']);
    expect(layer.consent.state('a')).to.equal('asking');
    expect(layer.said).to.deep.equal(['1 more label is now showing.']);
    const step = await host({ studyKey, places: [wrapped('f9')] });
    await step.consent.reveal();
    expect((step.of('pv-disclosure-request')[0] as CustomEvent<PvDisclosureRequestDetail>).detail).to.deep.equal({ scope: 'finding' });
    expect((step.of('pv-reveal')[0] as CustomEvent<PvChoiceDetail>).detail.findings).to.deep.equal(['f9']);
  });

  it('[HAZ-005] remembers with a study key, hashed (a new host reads it back); without one, the choice holds for this page only', async () => {
    const store = memoryStore();
    const first = await host({ studyKey, store, places: [wrapped('f1')] });
    await first.consent.reveal();
    const key = await choiceKey(studyKey, 'finding:f1');
    expect(JSON.parse(store.map.get(key)!)).to.have.keys(['choice', 'at']);
    expect(JSON.parse(store.map.get(key)!).choice).to.equal('reveal');
    expect([...store.map].join(' ')).not.to.contain(studyKey);
    first.remove();
    const again = await host({ studyKey, store, places: [wrapped('f1')] });
    expect(again.consent.state('f1')).to.equal('shown');

    const unkeyed = memoryStore();
    const page = await host({ studyKey: '', store: unkeyed, places: [wrapped('f2')] });
    await page.consent.reveal();
    expect(page.consent.state('f2')).to.equal('shown');
    expect(unkeyed.map.size).to.equal(0);
  });

  it('[HAZ-001] reveal, wait, hide again, show again: states, events, what is kept and what is said', async () => {
    const store = memoryStore();
    const el = await host({ kind: 'study', studyKey, store, places: [{ id: 'study', sensitive: true }] });
    const key = await choiceKey(studyKey, 'study');
    await el.consent.wait();
    expect(el.consent.state('study')).to.equal('waiting');
    expect(JSON.parse(store.map.get(key)!).choice).to.equal('defer');
    await el.consent.reveal();
    expect(el.consent.state('study')).to.equal('shown');
    expect(JSON.parse(store.map.get(key)!).choice).to.equal('reveal');
    await el.consent.wait();
    expect(el.consent.state('study')).to.equal('waiting');
    expect(el.consent.hiddenIds().has('study')).to.equal(true);
    expect(el.events.map((event) => event.type)).to.deep.equal(['pv-defer', 'pv-disclosure-request', 'pv-reveal', 'pv-defer']);
    expect(el.events.every((event) => !('findings' in (event as CustomEvent).detail))).to.equal(true);
    expect(el.said).to.deep.equal(['Your images are hidden.', 'Your images are now showing.', 'Your images are hidden.']);
    await el.consent.forget();
    expect(el.consent.state('study')).to.equal('asking');
    expect(store.map.has(key)).to.equal(false);
  });

  it('[HAZ-001] one choice for one finding id: a wrapped finding and a label of it are shown and hidden together, kept under one key', async () => {
    const store = memoryStore();
    const step = await host({ studyKey, store, places: [wrapped('marked-1')] });
    const layer = await host({ kind: 'labels', studyKey, store, places: [label('l1', 'marked-1', true, 0), label('l2', 'other', true, 1)] });
    await step.consent.reveal();
    expect(layer.consent.state('l1')).to.equal('shown');
    expect(layer.consent.state('l2')).to.equal('asking');
    await layer.consent.wait(['l1']);
    expect(step.consent.state('marked-1')).to.equal('waiting');
    expect(store.map.size).to.equal(1);
    // Another study on the page with the same finding id is not touched.
    const other = await host({ studyKey: `${studyKey}-other`, places: [wrapped('marked-1')] });
    await step.consent.reveal();
    expect(other.consent.state('marked-1')).to.equal('asking');
    // A place added later takes the choice already made on the page.
    const late = await host({ kind: 'labels', studyKey: '', places: [] });
    late.places = [label('l9', 'marked-1', true, 0)];
    Object.assign(late, { studyKey });
    late.consent.register({ report: false });
    await late.consent.read();
    expect(late.consent.state('l9')).to.equal('shown');
  });

  it('a label that becomes held because of another place takes the choice made on the page at once; the summary waits while any is hidden', async () => {
    const step = await host({ studyKey, places: [wrapped('marked-4')] });
    const layer = document.createElement('test-consent-host') as ConsentHost;
    Object.assign(layer, { kind: 'labels', studyKey, places: [label('l1', 'marked-4', false, 0)] });
    document.body.append(layer);
    hosts.push(layer);
    layer.consent.register({ report: false });
    expect(layer.consent.state('l1')).to.equal('reading');
    expect(layer.consent.anyHidden()).to.equal(true);
    await step.consent.reveal();
    expect(layer.consent.state('l1')).to.equal('shown');
    expect(layer.consent.anyHidden()).to.equal(false);
    // A new place on the page (another layer's label of it) takes the choice before anything is read.
    const later = document.createElement('test-consent-host') as ConsentHost;
    Object.assign(later, { kind: 'labels', studyKey, places: [label('l2', 'marked-4', false, 0)] });
    document.body.append(later);
    hosts.push(later);
    later.consent.register({ report: false });
    expect(later.consent.state('l2')).to.equal('shown');
  });

  it('[HAZ-001] a label not marked sensitive whose finding is sensitive elsewhere is held, and the mismatch is reported once', async () => {
    const layer = await host({ kind: 'labels', studyKey, places: [label('l1', 'marked-2', false, 0), label('l2', 'plain', false, 1)] });
    expect(layer.consent.hiddenIds().size).to.equal(0);
    await host({ studyKey, places: [wrapped('marked-2')] });
    expect([...layer.consent.hiddenIds()]).to.deep.equal(['l1']);
    const errors = layer.of('pv-annotation-error') as PvAnnotationErrorEvent[];
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.problems).to.have.length(1);
    expect(errors[0]!.detail.problems[0]).to.include({
      code: 'finding-sensitivity-mismatch',
      findingId: 'marked-2',
      labelId: 'l1',
      path: 'labels[0].sensitivity',
    });
    // Said once, even when the page changes again.
    await host({ studyKey, places: [wrapped('unrelated')] });
    expect(layer.of('pv-annotation-error')).to.have.length(1);
  });

  it('reads a wrapped finding kept under its older key (wrapped-finding:<id>); the new key wins', async () => {
    const store = memoryStore();
    await keep(store, studyKey, 'wrapped-finding:old-1', stored('reveal'));
    const el = await host({ studyKey, store, places: [wrapped('old-1')] });
    expect(el.consent.state('old-1')).to.equal('shown');
    await keep(store, studyKey, 'finding:old-1', stored('defer'));
    const again = await host({ studyKey, store, places: [wrapped('old-1')] });
    expect(again.consent.state('old-1')).to.equal('waiting');
    // Labels never read the older key (they never wrote it).
    const layer = await host({ kind: 'labels', studyKey, store, places: [label('x', 'old-2', true, 0)] });
    await keep(store, studyKey, 'wrapped-finding:old-2', stored('reveal'));
    await layer.consent.read();
    expect(layer.consent.state('x')).to.equal('asking');
  });

  it('moves focus (the host\'s `settled`) once the change is rendered, before pv-reveal and pv-defer', async () => {
    const el = await host({ studyKey, places: [wrapped('f1')] });
    const order: string[] = [];
    el.addEventListener('pv-reveal', () => order.push('pv-reveal'));
    el.addEventListener('pv-defer', () => order.push('pv-defer'));
    await el.consent.reveal(undefined, (shown) => order.push(`settled ${shown.join()} ${el.consent.state('f1')}`));
    await el.consent.wait(undefined, () => order.push(`settled ${el.consent.state('f1')}`));
    expect(order).to.deep.equal(['settled f1 shown', 'pv-reveal', 'settled waiting', 'pv-defer']);
  });

  it('a choice made while it reads stands over what was kept', async () => {
    const store = memoryStore();
    await keep(store, studyKey, 'finding:f1', stored('reveal'));
    const el = document.createElement('test-consent-host') as ConsentHost;
    Object.assign(el, { studyKey, store, places: [wrapped('f1')] });
    document.body.append(el);
    hosts.push(el);
    const read = el.consent.read();
    await el.consent.wait();
    await read;
    expect(el.consent.state('f1')).to.equal('waiting');
  });
});
