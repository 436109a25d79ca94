import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { choiceKey, keep, type ChoiceStore } from '../../src/disclosure/choice-store.js';
import { QuestionsController } from '../../src/controllers/questions-controller.js';
import { readSavedQuestions, savedQuestionsKey, writeSavedQuestions } from '../../src/questions/saved-questions.js';
import { renderSaved } from '../../src/components/lay-annotation-layer/render-questions.js';
import { enGB, format, type MessageKey } from '../../src/lay/messages.js';

/** The portal's own store (an adapter): a map we can look into. */
function adapter(): ChoiceStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k), set: (k, v) => void map.set(k, v), delete: (k) => void map.delete(k) };
}

const HOSTILE = '<img src=x onerror="window.__pwned=1"> & </blockquote><script>window.__pwned=1</script>';

describe('saved questions (own module, own key)', () => {
  it('are kept under their own key prefix (pv-questions:), hashed, never under a choice key', async () => {
    const store = adapter();
    await writeSavedQuestions(store, 'study-1', ['Can I drive?']);
    const key = await savedQuestionsKey('study-1');
    expect(key).to.match(/^pv-questions:[0-9a-f]{64}$/);
    expect([...store.map.keys()]).to.deep.equal([key]);
    expect(key).not.to.include('study-1');
    expect(await readSavedQuestions(store, 'study-1')).to.deep.equal(['Can I drive?']);
    // Nothing kept (or read) without a study key.
    await writeSavedQuestions(store, '', ['x']);
    expect(store.map.size).to.equal(1);
    expect(await readSavedQuestions(store, '')).to.deep.equal([]);
  });

  it('questions saved under the old choice-store key are read back and moved to the new key', async () => {
    const store = adapter();
    await keep(store, 'study-2', 'questions', JSON.stringify(['How long will it take to heal?', 'Can I drive?']));
    const old = await choiceKey('study-2', 'questions');
    expect(store.map.has(old)).to.equal(true);
    expect(await readSavedQuestions(store, 'study-2')).to.deep.equal(['How long will it take to heal?', 'Can I drive?']);
    expect(store.map.has(old), 'old key forgotten').to.equal(false);
    expect(JSON.parse(store.map.get(await savedQuestionsKey('study-2'))!)).to.deep.equal(['How long will it take to heal?', 'Can I drive?']);
    // And read again from the new key.
    expect(await readSavedQuestions(store, 'study-2')).to.deep.equal(['How long will it take to heal?', 'Can I drive?']);
  });

  it('works with the built-in stores (local storage), old key too', async () => {
    localStorage.clear();
    await keep('local', 'study-3', 'questions', JSON.stringify(['Old question']));
    expect(await readSavedQuestions('local', 'study-3')).to.deep.equal(['Old question']);
    expect(localStorage.getItem(await choiceKey('study-3', 'questions'))).to.equal(null);
    expect(localStorage.getItem(await savedQuestionsKey('study-3'))).to.equal('["Old question"]');
    localStorage.clear();
  });

  it('anything not a list of strings is not ours: an empty list (strings in it kept, at most 50)', async () => {
    const store = adapter();
    store.map.set(await savedQuestionsKey('s'), '{not json');
    expect(await readSavedQuestions(store, 's')).to.deep.equal([]);
    store.map.set(await savedQuestionsKey('s'), JSON.stringify(['a', 3, null, 'b', ...Array.from({ length: 60 }, (_, i) => `q${i}`)]));
    const read = await readSavedQuestions(store, 's');
    expect(read.slice(0, 2)).to.deep.equal(['a', 'b']);
    expect(read.length).to.equal(50);
  });

  it('the controller removes one (kept), and hostile text stays text', async () => {
    const store = adapter();
    await writeSavedQuestions(store, 'study-4', ['First', HOSTILE, 'Last']);
    const announced: string[] = [];
    const host = Object.assign(document.createElement('div'), {
      addController: () => undefined,
      removeController: () => undefined,
      requestUpdate: () => undefined,
      updateComplete: Promise.resolve(true),
      renderRoot: document.createElement('div') as ParentNode,
    });
    const questions = new QuestionsController(host, () => ({ storage: store, studyKey: 'study-4' }), {
      announce: (text) => announced.push(text),
      sentAnnouncement: () => 'sent',
      savedAnnouncement: () => 'saved',
      removedAnnouncement: () => 'removed',
    });
    await questions.read();
    expect(questions.saved).to.deep.equal(['First', HOSTILE, 'Last']);
    const t = (key: MessageKey, values?: Record<string, string | number>) => format(enGB[key], values);
    const view = { questions, t, heading: (content: unknown, id?: string) => html`<h2 id=${id ?? ''}>${content}</h2>`, recipient: 'your care team', nextSteps: '' };
    const root = document.createElement('div');
    document.body.append(root);
    render(renderSaved(view), root);
    expect(root.querySelector('img, script')).to.equal(null);
    expect([...root.querySelectorAll('li span')].map((s) => s.textContent)).to.deep.equal(['First', HOSTILE, 'Last']);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await questions.remove(0);
    expect(announced).to.deep.equal(['removed']);
    expect(questions.saved).to.deep.equal([HOSTILE, 'Last']);
    expect(await readSavedQuestions(store, 'study-4')).to.deep.equal([HOSTILE, 'Last']);
    root.remove();
  });
});
