/**
 * Keyboard and screen-reader paths through the viewer (WCAG 2.2 AA), checked the way a patient
 * meets them: real key presses, real screenshots of what is on screen, focus through shadow roots.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { PatientImageViewer } from '../../src/index.js';
import { cleanup, loaded, nextFrame, serverInfo, viewer } from '../support/helpers.js';
import { NHS_TEXT, NHS_YELLOW, deepActiveElement, near, screenshot } from '../support/pixels.js';

function frameRect(el: PatientImageViewer): DOMRect {
  return el.shadowRoot!.querySelector('[part="frame"]')!.getBoundingClientRect();
}

/** A button before the viewer, so Tab reaches the picture from the keyboard (`:focus-visible`). */
function buttonBefore(el: PatientImageViewer): HTMLButtonElement {
  const before = document.createElement('button');
  before.textContent = 'Before';
  el.parentElement!.before(before);
  return before;
}

/** Share of points along the inside edge of the frame, `depth` px in, that match `colour`. */
function edgeShare(shot: Awaited<ReturnType<typeof screenshot>>, depth: number, colour: [number, number, number], tolerance: number): number {
  let hits = 0;
  let total = 0;
  const { width, height } = shot;
  for (let x = 20; x < width - 20; x += 7) {
    for (const y of [depth, height - 1 - depth]) {
      total++;
      if (near(shot.at(x, y), colour, tolerance)) hits++;
    }
  }
  for (let y = 20; y < height - 20; y += 7) {
    for (const x of [depth, width - 1 - depth]) {
      total++;
      if (near(shot.at(x, y), colour, tolerance)) hits++;
    }
  }
  return hits / total;
}

describe('viewer keyboard focus (WCAG 2.4.7, 2.4.3)', () => {
  afterEach(() => {
    cleanup();
    document.querySelectorAll('body > button').forEach((b) => b.remove());
  });

  it('the picture shows a yellow and black focus ring on screen when Tab reaches it, and none when it is not focused', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ urls: synthetic.ct.slice(0, 5).map((n) => `/__synthetic/${n}`) });
    await loaded(el);
    const before = buttonBefore(el);
    before.focus();
    await nextFrame();
    const unfocused = await screenshot(frameRect(el));
    await sendKeys({ press: 'Tab' });
    await nextFrame();
    expect(deepActiveElement()?.getAttribute('part')).to.equal('canvas');
    const focused = await screenshot(frameRect(el));
    // The ring: 4 px of NHS yellow at the edge, then 4 px of NHS dark text colour inside it.
    expect(edgeShare(unfocused, 2, NHS_YELLOW, 40), 'yellow before focus').to.be.lessThan(0.05);
    expect(edgeShare(focused, 2, NHS_YELLOW, 40), 'yellow ring when focused').to.be.greaterThan(0.95);
    expect(edgeShare(focused, 6, NHS_TEXT, 12), 'dark ring inside it').to.be.greaterThan(0.95);
  });

  it('in forced colours (Windows High Contrast) the ring still shows on screen around the picture', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ urls: synthetic.ct.slice(0, 3).map((n) => `/__synthetic/${n}`) });
    await loaded(el);
    await executeServerCommand('pv-emulate-media', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      const before = buttonBefore(el);
      before.focus();
      await nextFrame();
      const unfocused = await screenshot(frameRect(el));
      await sendKeys({ press: 'Tab' });
      await nextFrame();
      const focused = await screenshot(frameRect(el));
      let changed = 0;
      let total = 0;
      for (let x = 20; x < focused.width - 20; x += 7) {
        total++;
        // Two tones, 4 px each: at least one of them stands out from the picture (black here).
        if (!near(focused.at(x, 2), unfocused.at(x, 2), 60) || !near(focused.at(x, 6), unfocused.at(x, 6), 60)) changed++;
      }
      expect(changed / total, 'edge pixels that change on focus').to.be.greaterThan(0.95);
    } finally {
      await executeServerCommand('pv-emulate-media', { features: [] });
    }
  });
});

describe('viewer status messages (WCAG 4.1.3)', () => {
  afterEach(cleanup);

  it('loading is announced at the start, half-way and when done, not at every percent', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ urls: synthetic.ct.slice(0, 20).map((n) => `/__synthetic/${n}`) });
    await el.updateComplete;
    const said: string[] = [];
    let progressSteps = 0;
    const observer = new MutationObserver(() => {
      const text = el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';
      if (text && text !== said.at(-1)) said.push(text);
      if (el.shadowRoot!.querySelector('progress')?.hasAttribute('value')) progressSteps++;
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    await loaded(el);
    observer.disconnect();
    expect(progressSteps, 'the bar moved').to.be.greaterThan(3);
    expect(said.filter((s) => s.startsWith('Loading')).length, said.join(' | ')).to.be.at.most(2);
    expect(said.at(-1)).to.equal('CT scan of the head, image 1 of 20');
  });
});

describe('moving a zoomed picture without dragging (WCAG 2.5.7)', () => {
  afterEach(cleanup);

  it('"Move the picture" buttons appear when zoomed in, and one click moves the picture each way', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(el);
    const root = el.shadowRoot!;
    const named = (name: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name);
    expect(named('Move left'), 'no move buttons while fitted').to.equal(undefined);
    named('Zoom in')!.click();
    named('Zoom in')!.click();
    await el.updateComplete;
    expect(root.querySelector('fieldset.pan legend')?.textContent).to.equal('Move the image');
    const moves: [string, number, number][] = [['Move left', -1, 0], ['Move right', 1, 0], ['Move up', 0, -1], ['Move down', 0, 1]];
    for (const [name, sx, sy] of moves) {
      const before = el.imageToFrame(0, 0)!;
      const button = named(name)!;
      button.scrollIntoView({ block: 'center' });
      const rect = button.getBoundingClientRect();
      // A real single click (CDP mouse), no movement while pressed.
      await executeServerCommand('pv-drag', { from: [rect.left + rect.width / 2, rect.top + rect.height / 2], to: [rect.left + rect.width / 2, rect.top + rect.height / 2], steps: 1 });
      await el.updateComplete;
      const after = el.imageToFrame(0, 0)!;
      expect(Math.sign(Math.round(after.x - before.x)), `${name} x`).to.equal(sx);
      expect(Math.sign(Math.round(after.y - before.y)), `${name} y`).to.equal(sy);
      expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y), `${name} distance`).to.be.closeTo(96, 2);
    }
    named('Fit to screen')?.click() ?? el.fit();
    await el.updateComplete;
    expect(named('Move left'), 'gone when fitted again').to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
