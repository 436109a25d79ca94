import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { GestureController, type GestureTarget } from '../../src/controllers/gesture-controller.js';

/** A fake host and a recording target: unit tests of the input mapping, no engine. */
function setup(count = 10, zoom = 1) {
  const calls: string[] = [];
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (c) => controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  const element = document.createElement('div');
  document.body.append(element);
  const target: GestureTarget = {
    step: (d) => calls.push(`step ${d}`),
    goTo: (i) => calls.push(`goTo ${i}`),
    panBy: (x, y) => calls.push(`pan ${Math.round(x)} ${Math.round(y)}`),
    zoomBy: (f) => calls.push(`zoom ${f.toFixed(2)}`),
    adjust: (l, c) => calls.push(`adjust ${l.toFixed(1)} ${c.toFixed(1)}`),
    fit: () => calls.push('fit'),
    zoom: () => zoom,
    count: () => count,
  };
  let enabled = true;
  new GestureController(host, () => ({ element, enabled, dragMode: 'move' }), target);
  controllers.forEach((c) => c.hostUpdated?.());
  return {
    calls,
    element,
    disable: () => (enabled = false),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
}

const key = (el: Element, k: string, init: KeyboardEventInit = {}) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
const pointer = (el: Element, type: string, init: PointerEventInit) =>
  el.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, ...init }));

describe('GestureController (unit, fake target)', () => {
  it('maps keys to plain actions', () => {
    const { calls, element } = setup();
    for (const k of ['PageDown', 'PageUp', 'Home', 'End', 'ArrowLeft', '+', '-', '0']) key(element, k);
    key(element, 'ArrowUp', { shiftKey: true });
    expect(calls).to.deep.equal([
      'step 1', 'step -1', 'goTo 0', 'goTo Infinity', 'pan -24 0', 'zoom 1.25', 'zoom 0.80', 'fit', 'pan 0 -96',
    ]);
  });

  it('leaves keys with Ctrl/Alt/Meta and unknown keys to the browser', () => {
    const { calls, element } = setup();
    expect(key(element, '+', { ctrlKey: true })).to.equal(true);
    expect(key(element, 'a')).to.equal(true);
    expect(calls).to.deep.equal([]);
  });

  it('one mouse-wheel notch is one image; small trackpad deltas add up', () => {
    const { calls, element } = setup();
    element.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, cancelable: true }));
    for (let i = 0; i < 5; i++) element.dispatchEvent(new WheelEvent('wheel', { deltaY: 20, cancelable: true }));
    element.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, cancelable: true }));
    expect(calls).to.deep.equal(['step 1', 'step 1', 'step -1']);
  });

  it('Ctrl + wheel (trackpad pinch) zooms', () => {
    const { calls, element } = setup();
    element.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, cancelable: true }));
    expect(calls[0]).to.match(/^zoom 1\.\d\d$/);
  });

  it('with one image the wheel is not taken from the page', () => {
    const { calls, element } = setup(1);
    const wheel = new WheelEvent('wheel', { deltaY: 120, cancelable: true });
    element.dispatchEvent(wheel);
    expect(wheel.defaultPrevented).to.equal(false);
    expect(calls).to.deep.equal([]);
  });

  it('a mouse drag pans; a right-button drag adjusts brightness', () => {
    const { calls, element } = setup();
    pointer(element, 'pointerdown', { clientX: 10, clientY: 10, pointerType: 'mouse', button: 0 });
    pointer(element, 'pointermove', { clientX: 30, clientY: 15, pointerType: 'mouse' });
    pointer(element, 'pointerup', { clientX: 30, clientY: 15, pointerType: 'mouse' });
    pointer(element, 'pointerdown', { clientX: 10, clientY: 70, pointerType: 'mouse', button: 2 });
    pointer(element, 'pointermove', { clientX: 10, clientY: 10, pointerType: 'mouse' });
    pointer(element, 'pointerup', { clientX: 10, clientY: 10, pointerType: 'mouse' });
    expect(calls).to.deep.equal(['pan 20 5', 'adjust 1.0 0.0']);
  });

  it('a sideways touch swipe at fitted size changes image; zoomed in, it pans', () => {
    const fitted = setup(10, 1);
    pointer(fitted.element, 'pointerdown', { clientX: 200, clientY: 50, pointerType: 'touch', button: 0 });
    pointer(fitted.element, 'pointermove', { clientX: 110, clientY: 50, pointerType: 'touch' });
    expect(fitted.calls).to.deep.equal(['step 1', 'step 1']);
    const zoomed = setup(10, 2);
    pointer(zoomed.element, 'pointerdown', { clientX: 200, clientY: 50, pointerType: 'touch', button: 0 });
    pointer(zoomed.element, 'pointermove', { clientX: 110, clientY: 50, pointerType: 'touch' });
    expect(zoomed.calls).to.deep.equal(['pan -90 0']);
  });

  it('two fingers pinch to zoom', () => {
    const { calls, element } = setup();
    pointer(element, 'pointerdown', { pointerId: 1, clientX: 100, clientY: 100, pointerType: 'touch', button: 0 });
    pointer(element, 'pointerdown', { pointerId: 2, clientX: 200, clientY: 100, pointerType: 'touch', button: 0 });
    pointer(element, 'pointermove', { pointerId: 2, clientX: 300, clientY: 100, pointerType: 'touch' });
    expect(calls[0]).to.equal('zoom 2.00');
  });

  it('does nothing while disabled, and lets go of the element when disconnected', () => {
    const a = setup();
    a.disable();
    key(a.element, 'PageDown');
    expect(a.calls).to.deep.equal([]);
    const b = setup();
    b.disconnect();
    key(b.element, 'PageDown');
    expect(b.calls).to.deep.equal([]);
  });
});
