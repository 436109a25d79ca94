import { expect } from '@open-wc/testing';
import { engineImports } from '../../src/engine/index.js';
import type { PatientImageViewer } from '../../src/index.js';
import { cleanup, loaded, nextEvent, viewer } from '../support/helpers.js';

/**
 * The imaging engine fails to start, as it does in an app whose bundler mishandles Cornerstone (the
 * vtk.js XML reader left needing Node's `events`): importing the engine throws "Class extends value
 * undefined". That is the portal's fault, not the patient's browser: the portal must hear what broke
 * (console and `pv-error`), and the patient must read a neutral message with no advice to change
 * browser. (Its own file: the engine is one per page, and here it must not have loaded yet.)
 */
describe('the imaging engine cannot start', () => {
  const realModules = engineImports.modules;
  const realConsoleError = console.error;
  let logged: unknown[][] = [];

  before(() => {
    console.error = (...args: unknown[]) => {
      logged.push(args);
    };
  });
  after(() => {
    console.error = realConsoleError;
    engineImports.modules = realModules;
  });
  beforeEach(() => {
    logged = [];
    // A real dynamic import of a module that fails as a mis-bundled Cornerstone does (the URL is a
    // variable, so the test runner's bundler leaves the import to the browser).
    const broken = 'data:text/javascript,const Missing = undefined; export class XMLReader extends Missing {}';
    engineImports.modules = () => import(/* @vite-ignore */ broken);
  });
  afterEach(() => {
    engineImports.modules = realModules;
    cleanup();
  });

  const shadowText = (el: PatientImageViewer) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

  // First: the test after it ends with the engine loaded for the page.
  it('a failure to fetch the engine (a chunk missing on the server) is engine-failed too, with the cause', async () => {
    engineImports.modules = () => import(/* @vite-ignore */ `${location.origin}/__fault/status/404`);
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const event = await nextEvent(el, 'pv-error');
    expect(event.detail.type).to.equal('engine-failed');
    expect(event.detail.cause).to.match(/^TypeError: Failed to fetch dynamically imported module/);
    expect(logged.length).to.be.greaterThan(0);
    await el.updateComplete;
    expect(shadowText(el).toLowerCase()).not.to.contain('browser');
  });

  it('[HAZ-008] pv-error says engine-failed with the cause, the console has the cause, the patient reads a neutral message, and Try again recovers', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const event = await nextEvent(el, 'pv-error');

    // The portal: a type that says what it is, and the real cause.
    expect(event.detail.type).to.equal('engine-failed');
    expect(event.detail.cause).to.match(/^TypeError: Class extends value undefined/);
    expect(event.detail.retryable).to.equal(true);
    const consoleText = logged.map((args) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
    expect(consoleText.some((line) => /imaging engine could not start/.test(line) && /Class extends value undefined/.test(line)), consoleText.join('\n')).to.equal(true);

    // The patient: a plain, neutral message; nothing about their browser, no technical words.
    await el.updateComplete;
    const words = shadowText(el);
    expect(words).to.contain('Sorry, we cannot show this image');
    expect(words).to.contain('Something went wrong on our side');
    expect(event.detail.message).to.contain('Something went wrong on our side');
    expect(words.toLowerCase()).not.to.contain('browser');
    expect(words).not.to.match(/TypeError|Class extends|engine|undefined/i);
    const status = el.shadowRoot!.querySelector('[part="status"]')!.textContent!;
    expect(status).to.contain('Something went wrong on our side');

    // Once the fault is mended (here: the real import back), "Try again" shows the image.
    engineImports.modules = realModules;
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again');
    expect(retry, 'a Try again button').to.exist;
    retry!.click();
    await loaded(el);
    expect(el.status).to.equal('loaded');
  });
});
