import { expect } from '@open-wc/testing';
import {
  choiceKey,
  choiceStoreFor,
  keep,
  memoryStore,
  parseChoice,
  readKept,
  webStorageStore,
  type ChoiceStore,
} from '../../src/disclosure/choice-store.js';

const STUDY = 'study-1234';
const choice = (value: 'reveal' | 'defer', at = '2026-12-07T10:00:00.000Z') => JSON.stringify({ choice: value, at });

/** Every key a Storage holds. */
const keysOf = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i)!);

/** A portal's own store that records calls, and can be made to fail. */
function recordingStore(fail = false): ChoiceStore & { calls: string[]; data: Map<string, string> } {
  const data = new Map<string, string>();
  const calls: string[] = [];
  const check = () => {
    if (fail) throw new Error('server down');
  };
  return {
    calls,
    data,
    get: async (key) => (calls.push(`get ${key}`), check(), data.get(key)),
    set: async (key, value) => void (calls.push(`set ${key}`), check(), data.set(key, value)),
    delete: async (key) => void (calls.push(`delete ${key}`), check(), data.delete(key)),
  };
}

describe('choice store: where the patient\'s choices are kept (unit)', () => {
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('[HAZ-005] keys are a SHA-256 of scope and study key: the study key itself is never stored', async () => {
    const key = await choiceKey(STUDY, 'study');
    expect(key).to.match(/^pv-choice:[0-9a-f]{64}$/);
    expect(key).not.to.contain(STUDY);
    // The same inputs give the same key (so a choice is found again); a scope or a study changes it.
    expect(await choiceKey(STUDY, 'study')).to.equal(key);
    expect(await choiceKey(STUDY, 'finding:f1')).not.to.equal(key);
    expect(await choiceKey('study-9999', 'study')).not.to.equal(key);
    // The known digest of "study\nstudy-1234", so keys already in patients' browsers keep working.
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`study\n${STUDY}`));
    expect(key).to.equal(`pv-choice:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`);
  });

  it('keep then readKept gives the value back; undefined forgets it', async () => {
    await keep('memory', STUDY, 'study', choice('reveal'));
    expect(await readKept('memory', STUDY, 'study')).to.equal(choice('reveal'));
    expect(await readKept('memory', STUDY, 'other-scope')).to.equal(undefined);
    await keep('memory', STUDY, 'study', undefined);
    expect(await readKept('memory', STUDY, 'study')).to.equal(undefined);
  });

  it('nothing is kept or read without a study key', async () => {
    await keep('session', '', 'study', choice('reveal'));
    expect(keysOf(sessionStorage)).to.deep.equal([]);
    sessionStorage.setItem(await choiceKey('', 'study'), choice('reveal'));
    expect(await readKept('session', '', 'study')).to.equal(undefined);
  });

  it('memory (the default) stays in the page: nothing in session or local storage', async () => {
    expect(choiceStoreFor(undefined)).to.equal(memoryStore);
    expect(choiceStoreFor('memory')).to.equal(memoryStore);
    await keep('memory', STUDY, 'mem-scope', choice('defer'));
    expect(await readKept('memory', STUDY, 'mem-scope')).to.equal(choice('defer'));
    expect(keysOf(sessionStorage)).to.deep.equal([]);
    expect(keysOf(localStorage)).to.deep.equal([]);
    await keep('memory', STUDY, 'mem-scope', undefined);
  });

  it('session keeps in this tab only, local in this browser, under the hashed key', async () => {
    const key = await choiceKey(STUDY, 'study');
    await keep('session', STUDY, 'study', choice('reveal'));
    expect(keysOf(sessionStorage)).to.deep.equal([key]);
    expect(sessionStorage.getItem(key)).to.equal(choice('reveal'));
    expect(keysOf(localStorage)).to.deep.equal([]);
    expect(await readKept('local', STUDY, 'study'), 'not in local storage').to.equal(undefined);

    await keep('local', STUDY, 'study', choice('defer'));
    expect(localStorage.getItem(key)).to.equal(choice('defer'));
    expect(await readKept('local', STUDY, 'study')).to.equal(choice('defer'));
    expect(await readKept('session', STUDY, 'study')).to.equal(choice('reveal'));

    await keep('local', STUDY, 'study', undefined);
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('a portal\'s own store gets the hashed key, never the study key', async () => {
    const store = recordingStore();
    await keep(store, STUDY, 'study', choice('reveal'));
    expect(await readKept(store, STUDY, 'study')).to.equal(choice('reveal'));
    const key = await choiceKey(STUDY, 'study');
    expect(store.calls).to.deep.equal([`set ${key}`, `get ${key}`]);
    expect(store.calls.join(' ')).not.to.contain(STUDY);
  });

  it('a store that fails (full, blocked, a server down) is ignored: keep does not throw, readKept finds nothing', async () => {
    const broken = recordingStore(true);
    await keep(broken, STUDY, 'study', choice('reveal'));
    expect(await readKept(broken, STUDY, 'study')).to.equal(undefined);

    const realSet = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      await keep('local', STUDY, 'study', choice('reveal'));
      webStorageStore('session').set('k', 'v');
    } finally {
      Storage.prototype.setItem = realSet;
    }
    expect(keysOf(localStorage)).to.deep.equal([]);
  });

  it('reads back only a well-formed choice: anything else stored is ignored', () => {
    expect(parseChoice(choice('reveal'))).to.deep.equal({ choice: 'reveal', at: '2026-12-07T10:00:00.000Z' });
    expect(parseChoice(choice('defer'))).to.deep.equal({ choice: 'defer', at: '2026-12-07T10:00:00.000Z' });
    // Only what and when come back, never any other field a store held.
    expect(parseChoice(JSON.stringify({ choice: 'reveal', at: 'x', who: 'Jane' }))).to.deep.equal({ choice: 'reveal', at: 'x' });
    for (const unreadable of [undefined, '', 'reveal', '{', 'null', '42', '[]', JSON.stringify({ choice: 'show', at: 'x' }), JSON.stringify({ choice: 'reveal' }), JSON.stringify({ choice: 'reveal', at: 7 })]) {
      expect(parseChoice(unreadable), String(unreadable)).to.equal(undefined);
    }
  });

  it('an unreadable value in storage reads back as the raw text, which parseChoice then ignores', async () => {
    sessionStorage.setItem(await choiceKey(STUDY, 'study'), 'garbage{');
    const raw = await readKept('session', STUDY, 'study');
    expect(raw).to.equal('garbage{');
    expect(parseChoice(raw)).to.equal(undefined);
  });
});
