import { expect } from '@open-wc/testing';
import { holdBack, inNhsApp, nhsApp, openInApp, saveFile, toBase64 } from '../../src/platform/nhs-app.js';
import { installFakeNhsApp, type FakeNhsApp } from '../fakes/fake-nhsapp.js';

/** Record anchor clicks (a normal download) without letting them download. */
function spyAnchorClicks(): { clicks: HTMLAnchorElement[]; restore(): void } {
  const clicks: HTMLAnchorElement[] = [];
  const original = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicks.push(this);
  };
  return { clicks, restore: () => (HTMLAnchorElement.prototype.click = original) };
}

describe('platform: the NHS App (src/platform/nhs-app.ts)', () => {
  let app: FakeNhsApp | undefined;
  afterEach(() => {
    app?.uninstall();
    app = undefined;
  });

  it('without the App script (a normal browser) nothing is the App, and nothing errors', async () => {
    expect(nhsApp()).to.equal(undefined);
    expect(inNhsApp()).to.equal(false);
    expect(inNhsApp('web')).to.equal(false);
    expect(openInApp('https://www.nhs.uk/conditions/x-ray/')).to.equal(false);
    const release = holdBack(() => {});
    release();
    release();
    const spy = spyAnchorClicks();
    try {
      expect(await saveFile(new Blob(['hi'], { type: 'text/plain' }), 'questions-2026-12-07.txt')).to.equal('download');
      expect(spy.clicks.length).to.equal(1);
      expect(spy.clicks[0]!.download).to.equal('questions-2026-12-07.txt');
      expect(spy.clicks[0]!.href).to.match(/^blob:/);
      expect(spy.clicks[0]!.isConnected).to.equal(false);
    } finally {
      spy.restore();
    }
  });

  it('platform="nhs-app" without the script: App words, but links and saving do what a browser does', async () => {
    expect(inNhsApp('nhs-app')).to.equal(true);
    expect(openInApp('https://www.nhs.uk/', 'nhs-app')).to.equal(false);
    const spy = spyAnchorClicks();
    try {
      expect(await saveFile(new Blob(['x']), 'a.txt', 'nhs-app')).to.equal('download');
    } finally {
      spy.restore();
    }
  });

  it('with the App script: links open in its browser overlay, files go through storage.downloadFromBytes as plain base64', async () => {
    app = installFakeNhsApp();
    expect(inNhsApp()).to.equal(true);
    expect(openInApp('https://www.nhs.uk/conditions/x-ray/')).to.equal(true);
    expect(app.calls).to.deep.equal([{ fn: 'openBrowserOverlay', url: 'https://www.nhs.uk/conditions/x-ray/' }]);
    const spy = spyAnchorClicks();
    try {
      const text = 'Questions for my appointment\n\n1. Can I drive? ŵ ŷ';
      expect(await saveFile(new Blob([text], { type: 'text/plain' }), 'questions-2026-12-07.txt')).to.equal('nhs-app');
      expect(spy.clicks.length).to.equal(0);
    } finally {
      spy.restore();
    }
    const saved = app.downloaded();
    expect(saved.filename).to.equal('questions-2026-12-07.txt');
    expect(saved.mimeType).to.equal('text/plain');
    expect(new TextDecoder().decode(saved.bytes)).to.contain('Can I drive? ŵ ŷ');
  });

  it('platform="web" with the App script: a browser, as the portal asked', async () => {
    app = installFakeNhsApp();
    expect(inNhsApp('web')).to.equal(false);
    expect(openInApp('https://www.nhs.uk/', 'web')).to.equal(false);
    expect(app.calls).to.deep.equal([]);
  });

  it('the App script loaded in an ordinary browser (isOpenInNHSApp() is false): a browser', () => {
    app = installFakeNhsApp('none');
    expect(inNhsApp()).to.equal(false);
    expect(openInApp('https://www.nhs.uk/')).to.equal(false);
    expect(app.calls).to.deep.equal([]);
  });

  it('an older App script without a function: the browser way, no error', async () => {
    (window as unknown as { nhsapp: unknown }).nhsapp = { navigation: {} };
    try {
      expect(inNhsApp()).to.equal(true);
      expect(openInApp('https://www.nhs.uk/')).to.equal(false);
      expect(() => holdBack(() => {})()).not.to.throw();
    } finally {
      delete (window as unknown as { nhsapp?: unknown }).nhsapp;
    }
  });

  it('the back button: the last thing opened closes first, then the one before; cleared when none is left', () => {
    app = installFakeNhsApp();
    const closed: string[] = [];
    const releaseA = holdBack(() => closed.push('popover'));
    const releaseB = holdBack(() => closed.push('composer'));
    expect(app.pressBack()).to.equal(true);
    expect(closed).to.deep.equal(['composer']);
    releaseB();
    expect(app.pressBack()).to.equal(true);
    expect(closed).to.deep.equal(['composer', 'popover']);
    releaseA();
    expect(app.backAction).to.equal(undefined);
    expect(app.calls.map((c) => c.fn)).to.deep.equal(['setBackAction', 'setBackAction', 'setBackAction', 'clearBackAction']);
  });

  it('base64 of a large file is the browser\'s own encoding (done in pieces)', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    const expected = btoa(String.fromCharCode(...bytes.subarray(0, 30000)));
    expect(toBase64(bytes).slice(0, 40000)).to.equal(expected.slice(0, 40000));
    expect(atob(toBase64(bytes)).length).to.equal(200_000);
  });
});
