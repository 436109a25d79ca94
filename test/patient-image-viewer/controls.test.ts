import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { PatientImageViewer } from '../../src/index.js';
import {
  centreOf,
  cleanup,
  drag,
  loaded,
  markerPosition,
  mean,
  nextEvent,
  nextFrame,
  pictureGrid,
  serverInfo,
  touchPinch,
  touchSwipe,
  until,
  viewer,
  wheel,
} from '../support/helpers.js';

function button(el: PatientImageViewer, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`No "${label}" button`);
  return found;
}

function stage(el: PatientImageViewer): HTMLElement {
  return el.shadowRoot!.querySelector('[part="canvas"]')!;
}

async function ctSeries(count = 10): Promise<PatientImageViewer> {
  const { synthetic } = await serverInfo();
  const el = viewer({ urls: synthetic.ct.slice(0, count).map((n) => `/__synthetic/${n}`) });
  await loaded(el);
  await el.updateComplete;
  return el;
}

describe('controls a patient can use', () => {
  afterEach(cleanup);

  it('Next and Previous buttons move through the images, with "Image N of M"', async () => {
    const el = await ctSeries(10);
    expect(el.shadowRoot!.textContent).to.contain('Image 1 of 10');
    expect(button(el, 'Previous image').disabled).to.equal(true);
    const change = nextEvent(el, 'pv-image-change');
    button(el, 'Next image').click();
    expect((await change).detail).to.deep.equal({ index: 1, imageCount: 10 });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Image 2 of 10');
    const before = markerPosition(el);
    button(el, 'Next image').click();
    await until(() => el.index === 2);
    await nextFrame();
    expect(markerPosition(el)).to.be.greaterThan(before);
    button(el, 'Previous image').click();
    await until(() => el.index === 1);
  });

  it('the slider jumps to an image and tells screen readers "Image N of M"', async () => {
    const el = await ctSeries(10);
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(slider.getAttribute('aria-valuetext')).to.equal('Image 1 of 10');
    slider.value = '7';
    slider.dispatchEvent(new Event('input'));
    await until(() => el.index === 6);
    await el.updateComplete;
    expect(slider.getAttribute('aria-valuetext')).to.equal('Image 7 of 10');
  });

  it('keyboard: Tab to the picture, Page Down/Up, End/Home, + and -, 0 to fit', async () => {
    const el = await ctSeries(10);
    stage(el).focus();
    expect(el.shadowRoot!.activeElement).to.equal(stage(el));
    await sendKeys({ press: 'PageDown' });
    await until(() => el.index === 1, 5000, 'Page Down');
    await sendKeys({ press: 'End' });
    await until(() => el.index === 9, 5000, 'End');
    await sendKeys({ press: 'PageUp' });
    await until(() => el.index === 8, 5000, 'Page Up');
    await sendKeys({ press: 'Home' });
    await until(() => el.index === 0, 5000, 'Home');
    const zoom = el._view!.state().zoom;
    await sendKeys({ press: '+' });
    expect(el._view!.state().zoom).to.be.greaterThan(zoom * 1.2);
    await sendKeys({ press: '-' });
    await sendKeys({ press: '-' });
    expect(el._view!.state().zoom).to.be.lessThan(zoom);
    await sendKeys({ press: '0' });
    expect(el._view!.state().zoom).to.be.closeTo(zoom, 0.01);
  });

  it('keyboard: the arrow keys move the picture', async () => {
    const el = await ctSeries(2);
    const before = el._view!.imageBox()!;
    stage(el).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    const after = el._view!.imageBox()!;
    expect(after.x - before.x).to.be.closeTo(24, 2);
    expect(after.y - before.y).to.be.closeTo(24, 2);
  });

  it('a real mouse wheel moves through the images', async () => {
    const el = await ctSeries(10);
    const [x, y] = centreOf(stage(el));
    await wheel(x, y, 100);
    await until(() => el.index === 1, 5000, 'wheel down');
    await wheel(x, y, 100);
    await until(() => el.index === 2, 5000, 'second notch');
    await wheel(x, y, -100);
    await until(() => el.index === 1, 5000, 'wheel up');
  });

  it('a single image lets the wheel scroll the page', async () => {
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' });
    await loaded(el);
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
    const [x, y] = centreOf(stage(el));
    const before = window.scrollY;
    await wheel(x, y, 200);
    await until(() => window.scrollY > before, 3000, 'page scroll');
    spacer.remove();
    window.scrollTo(0, 0);
  });

  it('a sideways touch swipe changes the image', async () => {
    const el = await ctSeries(10);
    const [x, y] = centreOf(stage(el));
    await touchSwipe([x + 100, y], [x - 100, y]);
    await until(() => el.index >= 3, 5000, 'swipe to later images');
    const reached = el.index;
    await touchSwipe([x - 100, y], [x + 100, y]);
    await until(() => el.index < reached, 5000, 'swipe back');
  });

  it('a thumb that starts on the fitted picture scrolls the page up and down (real touch); zoomed in, it moves the picture', async () => {
    const el = await ctSeries(3);
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
    try {
      window.scrollTo(0, 0);
      // The engine writes an inline touch-action: none on the stage; ours must still decide.
      expect(stage(el).style.getPropertyValue('touch-action'), 'the engine set its own').to.equal('none');
      expect(getComputedStyle(stage(el)).touchAction).to.equal('pan-y');
      const [x, y] = centreOf(stage(el));
      await touchSwipe([x, y + 80], [x, y - 80]);
      await until(() => window.scrollY > 40, 3000, 'the page scrolled');
      expect(el.index, 'a vertical drag does not change the image').to.equal(0);

      // Let the fling end before starting again from the top.
      for (let last = -1; last !== window.scrollY; ) {
        last = window.scrollY;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      window.scrollTo(0, 0);
      await nextFrame();
      el.zoomIn();
      el.zoomIn();
      await el.updateComplete;
      expect(getComputedStyle(stage(el)).touchAction).to.equal('none');
      const before = el._view!.imageBox()!.y;
      const [zx, zy] = centreOf(stage(el));
      await touchSwipe([zx, zy + 80], [zx, zy - 80]);
      await nextFrame();
      expect(window.scrollY, 'zoomed: the page stays').to.equal(0);
      expect(el._view!.imageBox()!.y, 'zoomed: the picture moved up').to.be.lessThan(before - 40);
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('"How to use your keyboard" is offered with a mouse or keyboard, not on a touch-only phone', async () => {
    const el = await ctSeries(2);
    const keys = () => [...el.shadowRoot!.querySelectorAll('summary')].find((s) => s.textContent!.trim() === 'How to use your keyboard')!;
    expect(keys().getClientRects().length, 'shown on a computer').to.be.greaterThan(0);
    await executeServerCommand('pv-touch-device', { enabled: true });
    try {
      await until(() => matchMedia('(any-pointer: coarse) and (any-hover: none)').matches, 3000, 'a touch-only device');
      expect(keys().getClientRects().length, 'not on a touch-only phone').to.equal(0);
    } finally {
      await executeServerCommand('pv-touch-device', { enabled: false });
    }
  });

  it('320 x 640: with the picture at the top of the screen, Previous and Next show in one row below it; on its side the picture takes the height', async () => {
    const { synthetic } = await serverInfo();
    await setViewport({ width: 320, height: 640 });
    const spacer = document.createElement('div');
    try {
      // 288 px: the demo's column on a 320 px phone (16 px margins).
      const el = viewer({ urls: synthetic.ct.slice(0, 3).map((n) => `/__synthetic/${n}`) }, [288, 0]);
      // As the demo themes it.
      el.parentElement!.style.setProperty('--pv-stage-height', 'min(60vh, 420px)');
      spacer.style.height = '2000px';
      el.parentElement!.after(spacer);
      await loaded(el);
      await el.updateComplete;
      const frame = el.shadowRoot!.querySelector<HTMLElement>('[part="frame"]')!;
      frame.scrollIntoView({ block: 'start' });
      await nextFrame();
      const previous = button(el, 'Previous image').getBoundingClientRect();
      const next = button(el, 'Next image').getBoundingClientRect();
      expect(Math.abs(previous.top - next.top), 'one row').to.be.lessThan(2);
      expect(next.bottom, 'Next is on screen with the picture').to.be.at.most(640);
      expect(frame.getBoundingClientRect().height, 'a useful picture').to.be.at.least(300);

      await setViewport({ width: 640, height: 320 });
      await nextFrame();
      await nextFrame();
      expect(frame.getBoundingClientRect().height, 'landscape: the picture uses the height').to.be.at.least(250);
    } finally {
      spacer.remove();
      await setViewport({ width: 800, height: 600 });
      window.scrollTo(0, 0);
    }
  });

  it('a two-finger pinch zooms in and out', async () => {
    const el = await ctSeries(2);
    const fitted = el._view!.imageBox()!.width;
    await touchPinch(centreOf(stage(el)), 60, 180);
    expect(el._view!.imageBox()!.width).to.be.greaterThan(fitted * 2);
    await touchPinch(centreOf(stage(el)), 180, 60);
    expect(el._view!.imageBox()!.width).to.be.closeTo(fitted, fitted * 0.15);
  });

  it('zoom buttons change the size; Fit to screen puts it back', async () => {
    const el = await ctSeries(2);
    const fitted = el._view!.imageBox()!.width;
    button(el, 'Zoom in').click();
    expect(el._view!.imageBox()!.width).to.be.closeTo(fitted * 1.25, 2);
    button(el, 'Zoom out').click();
    button(el, 'Zoom out').click();
    expect(el._view!.imageBox()!.width).to.be.lessThan(fitted);
    button(el, 'Fit to screen').click();
    expect(el._view!.imageBox()!.width).to.be.closeTo(fitted, 1);
  });

  it('dragging with the mouse moves the picture; Reset puts it back', async () => {
    const el = await ctSeries(2);
    const before = el._view!.imageBox()!;
    const [x, y] = centreOf(stage(el));
    await drag([x, y], [x + 60, y + 30]);
    const after = el._view!.imageBox()!;
    expect(after.x - before.x).to.be.closeTo(60, 4);
    expect(after.y - before.y).to.be.closeTo(30, 4);
    button(el, 'Reset').click();
    expect(el._view!.imageBox()!.x).to.be.closeTo(before.x, 1);
  });

  it('Lighter and Darker change how light the picture looks, even for an inverted (MONOCHROME1) X-ray', async function () {
    const { sharedDicom } = await serverInfo();
    for (const src of ['/__synthetic/chest-xray.dcm', ...(sharedDicom ? ['/__dicom/RG1_J2KI.dcm'] : [])]) {
      cleanup();
      const el = viewer({ src });
      await loaded(el);
      await el.updateComplete;
      const start = mean(pictureGrid(el, 8));
      button(el, 'Lighter').click();
      button(el, 'Lighter').click();
      await nextFrame();
      const lighter = mean(pictureGrid(el, 8));
      expect(lighter, `${src} lighter`).to.be.greaterThan(start + 5);
      button(el, 'Darker').click();
      button(el, 'Darker').click();
      button(el, 'Darker').click();
      button(el, 'Darker').click();
      await nextFrame();
      expect(mean(pictureGrid(el, 8)), `${src} darker`).to.be.lessThan(start - 5);
    }
  });

  it('Stronger and Softer light and dark change the spread of greys; Reset restores the file window', async () => {
    const el = await ctSeries(2);
    const { windowWidth, windowCentre } = el._view!.state();
    button(el, 'Stronger light and dark').click();
    expect(el._view!.state().windowWidth).to.be.lessThan(windowWidth);
    button(el, 'Softer light and dark').click();
    button(el, 'Softer light and dark').click();
    expect(el._view!.state().windowWidth).to.be.greaterThan(windowWidth);
    button(el, 'Reset').click();
    expect(el._view!.state().windowWidth).to.be.closeTo(windowWidth, 0.5);
    expect(el._view!.state().windowCentre).to.be.closeTo(windowCentre, 0.5);
  });

  it('"Drag to change brightness" makes a one-finger drag adjust brightness instead of moving', async () => {
    const el = await ctSeries(2);
    const toggle = button(el, 'Drag to change brightness');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const { windowCentre } = el._view!.state();
    const box = el._view!.imageBox()!;
    const [x, y] = centreOf(stage(el));
    await touchSwipe([x, y + 60], [x, y - 60]);
    expect(el._view!.state().windowCentre, 'lighter').to.be.lessThan(windowCentre);
    expect(el._view!.imageBox()!.x, 'the picture did not move').to.be.closeTo(box.x, 1);
    expect(el.index, 'no image change').to.equal(0);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
  });

  it('right-button drag adjusts brightness (the buttons do the same)', async () => {
    const el = await ctSeries(2);
    const { windowCentre } = el._view!.state();
    const [x, y] = centreOf(stage(el));
    await drag([x, y], [x, y - 120], 'right');
    expect(el._view!.state().windowCentre).to.be.lessThan(windowCentre);
  });

  it('every button is at least 44 x 44 px and the controls fit a 320 px wide phone', async () => {
    const { synthetic } = await serverInfo();
    const el = viewer({ urls: synthetic.ct.slice(0, 3).map((n) => `/__synthetic/${n}`) }, [320, 300]);
    await loaded(el);
    await el.updateComplete;
    for (const b of el.shadowRoot!.querySelectorAll('button, input, summary')) {
      const rect = b.getBoundingClientRect();
      expect(rect.height, b.textContent!).to.be.at.least(44);
      if (b.tagName === 'BUTTON') expect(rect.width, b.textContent!).to.be.at.least(44);
      expect(rect.right, `${b.textContent} fits`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
