import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import chestDoc from '../../examples/annotations/chest-xray.json';
import type { LayReport, PatientImageViewer, PvShareRequestEvent } from '../../src/index.js';
import { installFakeNhsApp, type FakeNhsApp } from '../fakes/fake-nhsapp.js';
import { mountReport } from '../lay-report/support.js';
import { NHS_YELLOW, decodeImage, near } from '../support/pixels.js';
import { canvasOf, cleanup, until } from '../support/helpers.js';
import { mountWithLayer, settleLayout } from './support.js';

/**
 * Issue 17, parts 1 and 2: the NHS App's web view (its user agent, set through the DevTools
 * protocol, and a fake of its documented JS API v2) and "Keep a copy". In the App nothing may use
 * window.open, print or a download by link: each is recorded here and must stay at zero.
 */

const APP_UA_TOKEN = ' nhsapp-android/3.2.0';
const NHS_LINK = 'https://www.nhs.uk/conditions/x-ray/';

/** What the App's web view cannot do, recorded: window.open, print, a download by link. */
function recordBrowserOnly() {
  const opened: unknown[] = [];
  const printed: unknown[] = [];
  const anchorDownloads: HTMLAnchorElement[] = [];
  const followed: { href: string; prevented: boolean }[] = [];
  const open = window.open;
  const print = window.print;
  const click = HTMLAnchorElement.prototype.click;
  window.open = (...args: unknown[]) => (opened.push(args), null);
  window.print = () => void printed.push(true);
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    anchorDownloads.push(this);
  };
  // After the elements' own listeners: note whether the link was taken over, and never leave the test page.
  const onClick = (event: Event) => {
    const link = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!link) return;
    followed.push({ href: link.href, prevented: event.defaultPrevented });
    event.preventDefault();
  };
  window.addEventListener('click', onClick);
  return {
    opened,
    printed,
    anchorDownloads,
    followed,
    restore() {
      window.open = open;
      window.print = print;
      HTMLAnchorElement.prototype.click = click;
      window.removeEventListener('click', onClick);
    },
  };
}

/** Every string drawn with fillText while `run` runs (what the saved picture says). */
async function textDrawn(run: () => Promise<void>): Promise<string[]> {
  const drawn: string[] = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, ...rest: [number, number, number?]) {
    drawn.push(text);
    return fillText.call(this, text, ...rest);
  };
  try {
    await run();
  } finally {
    CanvasRenderingContext2D.prototype.fillText = fillText;
  }
  return drawn;
}

/** The chunk types of a PNG, in order. */
function pngChunks(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types: string[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    types.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)));
    at += 12 + length;
  }
  return types;
}

/** Where image point (column, row) is in the saved PNG (the engine's canvas at the PNG's scale). */
function inPng(viewer: PatientImageViewer, png: { width: number }, column: number, row: number): { x: number; y: number } {
  const canvas = canvasOf(viewer).getBoundingClientRect();
  const outer = viewer.getBoundingClientRect();
  const frame = viewer.frameBox()!;
  const point = viewer.imageToFrame(column, row)!;
  const ratio = png.width / canvas.width;
  return { x: (frame.x + point.x - (canvas.left - outer.left)) * ratio, y: (frame.y + point.y - (canvas.top - outer.top)) * ratio };
}

/** A press on a link, as a click event (the anchor's own click() is recorded as a download here). */
const follow = (link: HTMLAnchorElement) => link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));

const button = (root: ShadowRoot, words: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === words);

const withLink = {
  version: 1,
  summary: 'There is no pleural effusion.',
  labels: [{ ...chestDoc.labels[2], links: [{ title: 'X-rays', url: NHS_LINK }] }],
};

describe('NHS App mode and "Keep a copy" (issue 17)', () => {
  let app: FakeNhsApp | undefined;
  let browser: ReturnType<typeof recordBrowserOnly>;
  beforeEach(async () => {
    browser = recordBrowserOnly();
  });
  afterEach(async () => {
    cleanup();
    browser.restore();
    app?.uninstall();
    app = undefined;
    await executeServerCommand('pv-user-agent', { userAgent: null });
  });

  it('[HAZ-033] in the App (its user agent and script): links open in its overlay, the back button closes what is open first, copies are saved through downloadFromBytes; no window.open, print or link download', async () => {
    const ua = await executeServerCommand<string, { userAgent: string }>('pv-user-agent', { userAgent: navigator.userAgent + APP_UA_TOKEN });
    expect(ua).to.contain('nhsapp-android/');
    app = installFakeNhsApp();
    const { viewer, layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, withLink, [640, 480], (l) => (l.studyKey = 'app-study'));
    const root = layer.shadowRoot!;

    // A word's explanation: the back button closes it (and then is given back to the App).
    root.querySelector<HTMLButtonElement>('button.term')!.click();
    await until(() => root.querySelector('.popover') !== null, 3000, 'popover');
    await layer.updateComplete;
    expect(app.backAction).to.be.a('function');
    // Its "read more" link goes to the App's browser overlay, not a new tab.
    follow(root.querySelector<HTMLAnchorElement>('.popover a')!);
    expect(app.calls.filter((c) => c.fn === 'openBrowserOverlay')).to.have.length(1);
    app.pressBack();
    await until(() => root.querySelector('.popover') === null, 3000, 'popover closed by back');
    await layer.updateComplete;
    expect(app.backAction).to.equal(undefined);
    expect(app.calls.at(-1)!.fn).to.equal('clearBackAction');

    // A label's trusted link: the overlay too.
    follow(root.querySelector<HTMLAnchorElement>('.links a')!);
    expect(app.calls.filter((c) => c.fn === 'openBrowserOverlay').map((c) => (c as { url: string }).url)).to.include(NHS_LINK);
    expect(browser.followed.every((f) => f.prevented)).to.equal(true);

    // The question box: back closes it, focus back on its button.
    root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
    await until(() => root.querySelector('.composer textarea') !== null, 3000, 'composer');
    await layer.updateComplete;
    expect(app.pressBack()).to.equal(true);
    await until(() => root.querySelector('.composer textarea') === null, 3000, 'composer closed by back');

    // Save a question, then "Save my questions": a text file through the App; no Print in the App.
    root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
    await until(() => root.querySelector('.composer textarea') !== null, 3000, 'composer');
    root.querySelector<HTMLTextAreaElement>('.composer textarea')!.value = 'Can I drive? Ŵyr';
    button(root, 'Save for my appointment')!.click();
    await until(() => button(root, 'Save my questions') !== undefined, 3000, 'saved list');
    expect(button(root, 'Print my questions')).to.equal(undefined);
    button(root, 'Save my questions')!.click();
    await until(() => app!.calls.some((c) => c.fn === 'downloadFromBytes'), 3000, 'questions saved');
    const questions = app.downloaded(0);
    expect(questions.mimeType).to.equal('text/plain');
    expect(questions.filename).to.match(/^questions-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(new TextDecoder().decode(questions.bytes)).to.equal('Questions for my appointment\n\n1. Can I drive? Ŵyr\n');

    // "Save this picture": a PNG through the App.
    button(root, 'Save this image')!.click();
    await until(() => app!.calls.filter((c) => c.fn === 'downloadFromBytes').length === 2, 5000, 'picture saved');
    const picture = app.downloaded(1);
    expect(picture.mimeType).to.equal('image/png');
    expect(picture.filename).to.match(/^image-\d{4}-\d{2}-\d{2}\.png$/);
    const png = await decodeImage(picture.bytes);
    const heart = inPng(viewer, png, chestDoc.labels[2]!.target.point.column, chestDoc.labels[2]!.target.point.row);
    expect(near(png.at(heart.x - 9 * (png.width / canvasOf(viewer).getBoundingClientRect().width), heart.y), NHS_YELLOW)).to.equal(true);

    expect(browser.opened, 'window.open').to.deep.equal([]);
    expect(browser.printed, 'print').to.deep.equal([]);
    expect(browser.anchorDownloads, 'download by link').to.deep.equal([]);
  });

  it('[HAZ-001] a saved picture holds the labels the patient revealed and nothing else; nothing identifying, in the picture, its file or its name', async () => {
    app = installFakeNhsApp();
    const doc = {
      version: 1,
      labels: [
        chestDoc.labels[2],
        {
          id: 'shadow',
          kind: 'finding',
          sensitivity: 'sensitive',
          title: 'A small shadow',
          description: 'A small shadow in your lung.',
          target: { image: { index: 0 }, point: { column: 400, row: 130 } },
        },
      ],
    };
    const { viewer, layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, doc);
    const root = layer.shadowRoot!;
    const save = async (n: number) => {
      button(root, 'Save this image')!.click();
      await until(() => app!.calls.filter((c) => c.fn === 'downloadFromBytes').length === n, 5000, `picture ${n}`);
    };
    const held = await textDrawn(() => save(1));
    expect(held.join(' | ')).not.to.match(/shadow/i);
    expect(held).to.include('1. Your heart');
    expect(held.some((t) => /^X-ray of the chest, saved on \d{1,2} \w+ \d{4}$/.test(t)), held.join(' | ')).to.equal(true);
    expect(held).to.include('Your right');
    const before = await decodeImage(app.downloaded(0).bytes);
    const ratio = before.width / canvasOf(viewer).getBoundingClientRect().width;
    const shadow = inPng(viewer, before, 400, 130);
    expect(near(before.at(shadow.x - 9 * ratio, shadow.y), NHS_YELLOW), 'no marker where the held finding is').to.equal(false);
    // Nothing but the picture in the file: no text chunks, no EXIF.
    const chunks = pngChunks(app.downloaded(0).bytes);
    expect(chunks[0]).to.equal('IHDR');
    expect(chunks.at(-1)).to.equal('IEND');
    expect(chunks.filter((c) => ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME'].includes(c))).to.deep.equal([]);

    // The patient chooses to see it: now it is in the copy.
    button(root, 'Show me now')!.click();
    await until(() => root.querySelector('.marker[data-id="shadow"]') !== null, 3000, 'revealed');
    await settleLayout();
    const shown = await textDrawn(() => save(2));
    expect(shown).to.include('2. A small shadow');
    const after = await decodeImage(app.downloaded(1).bytes);
    expect(near(after.at(shadow.x - 9 * ratio, shadow.y), NHS_YELLOW), 'its marker once revealed').to.equal(true);

    // Hidden again: out of the copy again.
    button(root, 'Hide it again')!.click();
    await until(() => root.querySelector('.marker[data-id="shadow"]') === null, 3000, 'hidden again');
    const again = await textDrawn(() => save(3));
    expect(again.join(' | ')).not.to.match(/shadow/i);
  });

  it('on the web nothing changes: Print stays, a copy is a normal download, links are left to the browser; no App calls', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, withLink);
    const root = layer.shadowRoot!;
    follow(root.querySelector<HTMLAnchorElement>('.links a')!);
    expect(browser.followed).to.deep.equal([{ href: NHS_LINK, prevented: false }]);
    button(root, 'Save this image')!.click();
    await until(() => browser.anchorDownloads.length === 1, 5000, 'download');
    expect(browser.anchorDownloads[0]!.download).to.match(/^image-\d{4}-\d{2}-\d{2}\.png$/);
    expect(browser.anchorDownloads[0]!.href).to.match(/^blob:/);
    root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
    await until(() => root.querySelector('.composer textarea') !== null, 3000, 'composer');
    root.querySelector<HTMLTextAreaElement>('.composer textarea')!.value = 'Can I drive?';
    button(root, 'Save for my appointment')!.click();
    await until(() => button(root, 'Print my questions') !== undefined, 3000, 'Print');
    expect(button(root, 'Save my questions')).to.exist;
  });

  it('[HAZ-033] platform="web" inside the App, and the App user agent without its script: no errors, the browser way where the App cannot be reached', async () => {
    app = installFakeNhsApp();
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, withLink, [640, 480], (l) => (l.platform = 'web'));
    follow(layer.shadowRoot!.querySelector<HTMLAnchorElement>('.links a')!);
    expect(app.calls).to.deep.equal([]);
    app.uninstall();
    app = undefined;
    cleanup();
    await executeServerCommand('pv-user-agent', { userAgent: navigator.userAgent + ' nhsapp-ios/3.2.0' });
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(event);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      const { layer: inApp } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, withLink);
      const root = inApp.shadowRoot!;
      root.querySelector<HTMLButtonElement>('button.term')!.click();
      await until(() => root.querySelector('.popover') !== null, 3000, 'popover');
      button(root, 'Save this image')!.click();
      await until(() => browser.anchorDownloads.length === 1, 5000, 'the browser way');
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('the back action is given back when the layer leaves the page with its explanation open', async () => {
    app = installFakeNhsApp();
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, withLink);
    layer.shadowRoot!.querySelector<HTMLButtonElement>('button.term')!.click();
    await until(() => app!.backAction !== undefined, 3000, 'back action');
    layer.closest('patient-image-viewer')!.remove();
    expect(app.backAction).to.equal(undefined);
    expect(app.calls.at(-1)!.fn).to.equal('clearBackAction');
  });

  it('"Share with a doctor": the patient chooses what, by keyboard; pv-share-request says what was chosen and safe facts only; the portal can stop it', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc, [640, 480], (l) => (l.share = true));
    const root = layer.shadowRoot!;
    await expect(layer).to.be.accessible();
    const requests: PvShareRequestEvent[] = [];
    layer.addEventListener('pv-share-request', (event) => requests.push(event));
    const first = root.querySelector<HTMLInputElement>('input[name="share-scope"]')!;
    first.focus();
    // One picture: "This picture" and "The whole scan" (no "set" of one).
    expect([...root.querySelectorAll('.share label')].map((l) => l.textContent!.trim())).to.deep.equal(['This image', 'The whole scan']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.textContent?.trim()).to.equal('Ask to share');
    await sendKeys({ press: 'Enter' });
    await until(() => requests.length === 1, 3000, 'share request');
    const detail = requests[0]!.detail;
    expect(requests[0]!.cancelable).to.equal(true);
    expect(Object.keys(detail).sort()).to.deep.equal(['at', 'imageCount', 'modality', 'scope']);
    expect(detail.scope).to.equal('study');
    expect(detail.imageCount).to.equal(1);
    await until(() => root.textContent!.includes('We have passed on your request to share.'), 3000, 'told');

    // The portal stops it: the patient is not told it was passed on.
    layer.addEventListener('pv-share-request', (event) => event.preventDefault(), { once: true });
    await layer.updateComplete;
    root.querySelector<HTMLInputElement>('input[value="image"]')!.click();
    // Nothing is said: the status region does not change (even the same words again would empty it first).
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(root.querySelector('[role="status"]')!, { childList: true, characterData: true, subtree: true });
    root.querySelector<HTMLButtonElement>('.share button[type="submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 250));
    watch.disconnect();
    expect(requests[1]!.detail).to.include({ scope: 'image', imageIndex: 0 });
    expect(requests[1]!.defaultPrevented).to.equal(true);
    expect(changes).to.deep.equal([]);

    // "Save this picture" by keyboard.
    root.querySelector<HTMLButtonElement>('button.save-picture')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => browser.anchorDownloads.length === 1, 5000, 'saved by keyboard');
  });

  it('<lay-report> in the App: a word\'s "read more" link opens in the overlay; the back button closes the meaning', async () => {
    app = installFakeNhsApp();
    const { el, root } = await mountReport((r) => (r.text = 'FINDINGS: There is a small pleural effusion.'));
    const word = [...root.querySelectorAll<HTMLButtonElement>('button.term')].find((b) => b.textContent === 'pleural effusion')!;
    word.click();
    await (el as LayReport).updateComplete;
    await until(() => root.querySelector('.popover a') !== null, 3000, 'meaning');
    await el.updateComplete;
    expect(app.backAction).to.be.a('function');
    follow(root.querySelector<HTMLAnchorElement>('.popover a')!);
    expect(app.calls.some((c) => c.fn === 'openBrowserOverlay')).to.equal(true);
    app.pressBack();
    await until(() => root.querySelector('.popover') === null, 3000, 'meaning closed');
    await el.updateComplete;
    expect(app.backAction).to.equal(undefined);

    // Its question box: back closes it, and focus goes back to its Ask button.
    root.querySelector<HTMLButtonElement>('button.ask')!.click();
    await until(() => root.querySelector('.composer textarea') !== null, 3000, 'question box');
    await el.updateComplete;
    expect(app.pressBack()).to.equal(true);
    await until(() => root.querySelector('.composer') === null, 3000, 'question box closed by back');
    await until(() => root.activeElement?.classList.contains('ask') === true, 3000, 'focus on Ask');
    expect(app.backAction).to.equal(undefined);
    expect(browser.opened).to.deep.equal([]);
  });
});

