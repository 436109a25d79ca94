/**
 * Focus, the glossary popover and status messages in <lay-annotation-layer> and the viewer's
 * toolbar (WCAG 2.2: 2.4.3, 2.4.11, 1.4.10, 4.1.3), with real key presses.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import chestDoc from '../../examples/annotations/chest-xray.json';
import type { LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { cleanup, nextFrame, serverInfo, until } from '../support/helpers.js';
import { deepActiveElement } from '../support/pixels.js';
import { mountWithLayer } from './support.js';

/** The viewer and layer, once the list of labels is there (the keyboard paths start from it). */
function mount(
  setup: Partial<PatientImageViewer>,
  annotations: unknown,
  size: [number, number] = [640, 480],
  setupLayer?: (layer: LayAnnotationLayer) => void,
): Promise<{ viewer: PatientImageViewer; layer: LayAnnotationLayer }> {
  return mountWithLayer(setup, annotations, size, setupLayer, 'ol > li');
}

/** Focus `el` as the keyboard would: focus the control before it, then press Tab. */
async function tabTo(el: HTMLElement): Promise<void> {
  el.focus();
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
  await sendKeys({ press: 'Tab' });
  expect(deepActiveElement(), 'keyboard focus').to.equal(el);
}

function expectFocusNotOnBody(what: string): Element {
  const active = deepActiveElement();
  expect(active, `${what}: focus`).to.not.equal(null);
  expect(active, `${what}: focus fell to the page`).to.not.equal(document.body);
  return active!;
}

/** Every text the status regions of a shadow root take on, as it changes. */
function recordStatus(root: ShadowRoot): { said: string[]; stop: () => void } {
  const said: string[] = [];
  const read = () => {
    for (const region of root.querySelectorAll('[role="status"], [role="alert"], [aria-live]')) {
      const text = region.textContent!.trim();
      const key = `${region.getAttribute('role')}:${text}`;
      if (text && (region as HTMLElement).dataset.lastSaid !== key) said.push(text);
      (region as HTMLElement).dataset.lastSaid = key;
    }
  };
  const observer = new MutationObserver(read);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  return { said, stop: () => observer.disconnect() };
}

const ctDoc = {
  version: 1,
  summary: 'There is a small cyst.',
  labels: [
    { id: 'a', kind: 'finding', title: 'Spot on slice 1', description: 'A small cyst.', target: { image: { index: 0 }, point: { column: 100, row: 100 } } },
    { id: 'b', kind: 'finding', title: 'Spot on slice 3', target: { image: { index: 2 }, point: { column: 120, row: 90 } } },
    { id: 'c', kind: 'anatomy', title: 'Your skull', target: { image: { index: 0 }, point: { column: 60, row: 60 } } },
  ],
};

describe('focus never falls to the page (WCAG 2.4.3)', () => {
  afterEach(cleanup);

  it('Next on the last image and Previous on the first hand focus to the other button', async () => {
    const { synthetic } = await serverInfo();
    const { viewer } = await mount({ urls: synthetic.ct.slice(0, 2).map((n) => `/__synthetic/${n}`) }, ctDoc);
    const nav = () => [...viewer.shadowRoot!.querySelectorAll<HTMLButtonElement>('.navigate > button')];
    await tabTo(nav()[1]!);
    await sendKeys({ press: 'Enter' });
    await until(() => viewer.index === 1, 5000, 'image 2');
    await viewer.updateComplete;
    await until(() => deepActiveElement() === nav()[0], 2000, 'focus on Previous');
    await sendKeys({ press: 'Enter' });
    await until(() => viewer.index === 0, 5000, 'image 1');
    await until(() => deepActiveElement() === nav()[1], 2000, 'focus on Next');
  });

  it('"Show image N" goes away once its image shows: focus moves to that label, on the picture when the picture was brought into view, else in the list', async () => {
    const { synthetic } = await serverInfo();
    const { viewer, layer } = await mount({ urls: synthetic.ct.slice(0, 4).map((n) => `/__synthetic/${n}`) }, ctDoc);
    const go = layer.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="b"] button.goto')!;
    await tabTo(go);
    const pictureInView = (() => {
      const rect = layer.shadowRoot!.querySelector('.overlay')!.getBoundingClientRect();
      return Math.min(rect.bottom, innerHeight) - Math.max(rect.top, 0) >= Math.min(rect.height, innerHeight) * 0.6;
    })();
    await sendKeys({ press: 'Enter' });
    await until(() => viewer.index === 2, 5000, 'image 3');
    const target = pictureInView ? 'li[data-id="b"] button.choose' : '.marker[data-id="b"]';
    await until(() => deepActiveElement()?.matches(target) === true, 3000, `focus on ${target}`);
    // Wherever it lands, the focused control is on screen (once a smooth scroll has ended).
    const onScreen = () => {
      const rect = deepActiveElement()!.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < innerHeight;
    };
    await until(onScreen, 3000, 'the focused control on screen');
  });

  it('Cancel in the question form returns focus to "Ask a question about this"', async () => {
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const root = layer.shadowRoot!;
    await tabTo(root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!);
    await sendKeys({ press: 'Enter' });
    await until(() => Boolean(root.querySelector('.composer')), 2000, 'form');
    const cancel = [...root.querySelectorAll<HTMLButtonElement>('.composer button')].find((b) => b.textContent!.trim() === 'Cancel')!;
    await tabTo(cancel);
    await sendKeys({ press: 'Enter' });
    await until(() => !root.querySelector('.composer'), 2000, 'form closed');
    await layer.updateComplete;
    expect(expectFocusNotOnBody('after Cancel').matches('[data-ask="summary"] button.ask')).to.equal(true);
  });

  it('Remove on a saved question moves focus to the next Remove, then to Ask, and says so', async () => {
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const root = layer.shadowRoot!;
    const status = recordStatus(root);
    for (const text of ['First?', 'Second?']) {
      root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
      await layer.updateComplete;
      root.querySelector<HTMLTextAreaElement>('.composer textarea')!.value = text;
      [...root.querySelectorAll<HTMLButtonElement>('.composer button')].find((b) => b.textContent!.includes('Save'))!.click();
      await until(() => root.querySelectorAll('.saved-item').length > 0 && !root.querySelector('.composer'), 3000, 'saved');
    }
    await until(() => root.querySelectorAll('.saved-item').length === 2, 3000, 'two saved');
    await tabTo(root.querySelector<HTMLButtonElement>('[aria-label="Remove: First?"]')!);
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelectorAll('.saved-item').length === 1, 3000, 'one left');
    await layer.updateComplete;
    expect(expectFocusNotOnBody('after Remove').getAttribute('aria-label')).to.equal('Remove: Second?');
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelectorAll('.saved-item').length === 0, 3000, 'none left');
    await layer.updateComplete;
    expect(expectFocusNotOnBody('after the last Remove').matches('button.ask')).to.equal(true);
    await until(() => status.said.filter((s) => s === 'Question removed.').length === 2, 2000, 'both removals announced');
    status.stop();
    sessionStorage.clear();
  });
});

describe('the glossary popover (WCAG 2.4.3, 2.4.11, 1.4.10)', () => {
  afterEach(async () => {
    cleanup();
    document.querySelectorAll('body > button').forEach((b) => b.remove());
    await setViewport({ width: 800, height: 600 });
  });

  const doc = {
    version: 1,
    summary: 'There is no pleural effusion.',
    labels: chestDoc.labels.slice(0, 2),
  };

  it('sits after its word: Tab from Close goes on to the next control after the word, and the popover closes', async () => {
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, doc);
    const root = layer.shadowRoot!;
    const term = root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.term')!;
    await tabTo(term);
    // What Tab reaches after the word when no popover is open.
    await sendKeys({ press: 'Tab' });
    const afterWord = deepActiveElement();
    term.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement?.classList.contains('close') === true, 2000, 'focus on Close');
    await sendKeys({ press: 'Tab' });
    await layer.updateComplete;
    expect(deepActiveElement(), 'Tab from Close').to.equal(afterWord);
    await until(() => !root.querySelector('[role="dialog"]'), 2000, 'closed when focus left');
    expect(term.getAttribute('aria-expanded')).to.equal('false');
  });

  it('Escape elsewhere on the page does nothing to focus; Escape in the popover closes it and returns to the word', async () => {
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, doc);
    const root = layer.shadowRoot!;
    const term = root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.term')!;
    term.click();
    await until(() => Boolean(root.querySelector('[role="dialog"]')), 2000, 'open');
    // A control elsewhere on the page: focusing it closes the popover, and Escape there keeps focus there.
    const elsewhere = document.createElement('button');
    elsewhere.textContent = 'Elsewhere';
    document.body.append(elsewhere);
    elsewhere.focus();
    await until(() => !root.querySelector('[role="dialog"]'), 2000, 'closed when focus left');
    await sendKeys({ press: 'Escape' });
    await layer.updateComplete;
    expect(document.activeElement).to.equal(elsewhere);
    term.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement?.classList.contains('close') === true, 2000, 'focus on Close');
    await sendKeys({ press: 'Escape' });
    await layer.updateComplete;
    expect(root.querySelector('[role="dialog"]')).to.equal(null);
    expect(root.activeElement).to.equal(term);
  });

  it('at 400% zoom (320 x 225) it fits on screen or scrolls inside: Close is always in view', async () => {
    const { layer, viewer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, doc, [300, 200]);
    await setViewport({ width: 320, height: 225 });
    const root = layer.shadowRoot!;
    const term = root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.term')!;
    term.scrollIntoView({ block: 'center' });
    await nextFrame();
    term.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement?.classList.contains('close') === true, 2000, 'focus on Close');
    await nextFrame();
    await nextFrame();
    const popover = root.querySelector<HTMLElement>('[role="dialog"]')!;
    const rect = popover.getBoundingClientRect();
    expect(rect.top, 'top on screen').to.be.at.least(0);
    expect(rect.bottom, 'bottom on screen').to.be.at.most(innerHeight);
    expect(rect.right, 'right edge on screen').to.be.at.most(innerWidth);
    const close = root.activeElement!.getBoundingClientRect();
    expect(close.top).to.be.at.least(0);
    expect(close.bottom).to.be.at.most(innerHeight);
    // Close is what is on screen at its centre (not covered, not scrolled away inside the popover).
    const hit = root.elementFromPoint(close.left + close.width / 2, close.top + close.height / 2);
    expect(hit?.closest('.close')).to.equal(root.activeElement);
    // The popover follows its word when the page scrolls.
    const gap = () => popover.getBoundingClientRect().top - term.getBoundingClientRect().bottom;
    const before = gap();
    window.scrollBy(0, 30);
    await nextFrame();
    await nextFrame();
    expect(gap()).to.be.closeTo(before, 2);
    expect(viewer).to.exist;
  });
});

describe('status messages (WCAG 4.1.3) and the visible confirmation', () => {
  afterEach(cleanup);

  it('a question sent twice is announced twice, and shown: what, to whom, what next (portal words)', async () => {
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, chestDoc, [640, 480], (l) => {
      l.setAttribute('question-recipient', 'the X-ray team at St Elsewhere');
      l.setAttribute('question-next-steps', 'They will reply in your inbox within 5 working days.');
    });
    const root = layer.shadowRoot!;
    const status = recordStatus(root);
    for (const text of ['Is it broken?', 'Is it broken?']) {
      await tabTo(root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!);
      await sendKeys({ press: 'Enter' });
      await until(() => root.activeElement?.tagName === 'TEXTAREA', 2000, 'question box');
      await sendKeys({ type: text });
      const send = [...root.querySelectorAll<HTMLButtonElement>('.composer button')].find((b) => b.textContent!.includes('Send'))!;
      await tabTo(send);
      await sendKeys({ press: 'Enter' });
      await until(() => !root.querySelector('.composer'), 2000, 'sent');
    }
    await until(() => status.said.filter((s) => s.includes('sent to the X-ray team at St Elsewhere')).length === 2, 2000, 'both sends announced');
    const panel = root.querySelector<HTMLElement>('[data-ask="summary"] [data-confirmation="sent"]')!;
    expect(panel, 'a visible confirmation').to.exist;
    expect(panel.getClientRects().length).to.be.greaterThan(0);
    const words = panel.innerText.replace(/\s+/g, ' ');
    expect(words).to.contain('Question sent');
    expect(words).to.contain('Is it broken?');
    expect(words).to.contain('the X-ray team at St Elsewhere');
    expect(words).to.contain('within 5 working days');
    status.stop();
    await expect(layer).to.be.accessible();
  });

  it('without portal words: "your care team" and a general next step; Save shows where the question went', async () => {
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const root = layer.shadowRoot!;
    const status = recordStatus(root);
    root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
    await layer.updateComplete;
    root.querySelector<HTMLTextAreaElement>('.composer textarea')!.value = 'What next?';
    root.querySelector<HTMLFormElement>('.composer')!.requestSubmit();
    await until(() => Boolean(root.querySelector('[data-confirmation="sent"]')), 2000, 'confirmation');
    expect((root.querySelector<HTMLElement>('[data-confirmation="sent"]')!).innerText).to.contain('your care team');
    for (let i = 0; i < 2; i++) {
      root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
      await layer.updateComplete;
      root.querySelector<HTMLTextAreaElement>('.composer textarea')!.value = `Saved ${i}`;
      [...root.querySelectorAll<HTMLButtonElement>('.composer button')].find((b) => b.textContent!.includes('Save'))!.click();
      await until(() => Boolean(root.querySelector('[data-confirmation="saved"]')), 2000, 'saved confirmation');
    }
    expect(root.querySelector<HTMLElement>('[data-confirmation="saved"]')!.innerText).to.contain('questions for your appointment');
    await until(() => status.said.filter((s) => s.startsWith('Saved to your questions')).length === 2, 2000, 'both saves announced');
    status.stop();
    sessionStorage.clear();
  });

  it('an empty question: the error is an alert each time, focus goes to the box, which is marked invalid', async () => {
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const root = layer.shadowRoot!;
    const status = recordStatus(root);
    await tabTo(root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!);
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement?.tagName === 'TEXTAREA', 2000, 'question box');
    const send = [...root.querySelectorAll<HTMLButtonElement>('.composer button')].find((b) => b.textContent!.includes('Send'))!;
    for (let i = 0; i < 2; i++) {
      await tabTo(send);
      await sendKeys({ press: 'Enter' });
      await until(() => root.activeElement?.tagName === 'TEXTAREA', 2000, 'focus back in the box');
    }
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Write a question');
    const textarea = root.querySelector('textarea')!;
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.equal(alert.id);
    expect(status.said.filter((s) => s.includes('Write a question')).length, 'alerted each time').to.equal(2);
    status.stop();
  });
});
