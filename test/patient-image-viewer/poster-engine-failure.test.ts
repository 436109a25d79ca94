import { expect } from '@open-wc/testing';
import { engineImports } from '../../src/engine/index.js';
import { cleanup, nextEvent, until, viewer } from '../support/helpers.js';

/**
 * Issue 15: when the imaging engine cannot start, the poster frame (drawn without it) stays, with
 * the plain error message over its lower edge. Its own file: the engine must not have loaded yet.
 */
describe('poster frame when the engine cannot start', () => {
  const realModules = engineImports.modules;
  const realConsoleError = console.error;
  before(() => {
    console.error = () => undefined;
    const broken = 'data:text/javascript,const Missing = undefined; export class XMLReader extends Missing {}';
    engineImports.modules = () => import(/* @vite-ignore */ broken);
  });
  after(() => {
    console.error = realConsoleError;
    engineImports.modules = realModules;
    cleanup();
  });

  it('keeps the poster and shows the plain message', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    const error = await nextEvent(el, 'pv-error');
    expect(error.detail.type).to.equal('engine-failed');
    const poster = () => el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.poster')!;
    await until(() => (poster()?.width ?? 0) > 0, 5000, 'the poster to be drawn');
    const message = el.shadowRoot!.querySelector<HTMLElement>('[part="error"]')!;
    expect(message.textContent).to.contain(el.shadowRoot!.querySelector('[part="error"] p')!.textContent!.trim());
    expect(message.classList.contains('over-poster'), 'the message leaves the picture readable').to.equal(true);
    // The picture is really there: not a blank canvas.
    const data = poster().getContext('2d')!.getImageData(0, 0, poster().width, poster().height).data;
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > 40) lit++;
    expect(lit, 'lit pixels on the poster').to.be.greaterThan(1000);
  });
});
