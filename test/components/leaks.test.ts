import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import chestDoc from '../../examples/annotations/chest-xray.json';
import type { FindingDisclosure, LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { box, cleanup, nextFrame, until } from '../support/helpers.js';
import { watchUncaught } from './support.js';

/**
 * Leaks: 200 times, mount the whole journey (consent step, viewer, labels), choose "Show my images",
 * wait for the picture and its labels, then remove it. Heap, DOM nodes, event listeners and live
 * WebGL contexts must come back to where they were after a warm-up.
 *
 * Tolerances (after forced garbage collection):
 *  - heap: 6 MB. One cycle holds a decoded 512 x 512 16-bit image (0.5 MB) plus its DOM: leaking
 *    one per cycle would be 100 MB or more.
 *  - DOM nodes: 250, less than one cycle's worth (the three elements render several hundred).
 *  - JS event listeners: 50, a fraction of one cycle's.
 *  - live WebGL contexts: none more than before (the one shared engine keeps its one context).
 */

const CYCLES = 200;
const WARM_UP = 8;

interface Counters {
  heap: number;
  documents: number;
  nodes: number;
  jsEventListeners: number;
}

/**
 * The first picture, or the failure, with nothing left behind: no listener, no timer. (The shared
 * helpers' `loaded()` keeps a 25 s timer and a listener for the event that did not come, which holds
 * the removed element that long: a heap snapshot showed every "leaked" viewer held by that timer.)
 */
function firstPicture(el: PatientImageViewer): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (event: Event) => {
      el.removeEventListener('pv-load', done);
      el.removeEventListener('pv-error', done);
      clearTimeout(timer);
      if (event.type === 'pv-load') resolve();
      else reject(new Error(`pv-error ${(event as CustomEvent<{ type: string }>).detail.type}`));
    };
    const timer = setTimeout(() => done(new Event('pv-error')), 20000);
    el.addEventListener('pv-load', done);
    el.addEventListener('pv-error', done);
  });
}

/** WebGL contexts ever created on this page, held weakly: live ones are those not collected or lost. */
const contexts: WeakRef<WebGLRenderingContext | WebGL2RenderingContext>[] = [];
const tracked = new WeakSet<object>();
function trackWebGl(): () => void {
  const restore: (() => void)[] = [];
  for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype] as { getContext: (...args: unknown[]) => unknown }[]) {
    const original = proto.getContext;
    proto.getContext = function (this: unknown, ...args: unknown[]) {
      const context = original.apply(this, args);
      // getContext on the same canvas gives the same context again: count each once.
      if (context && typeof args[0] === 'string' && args[0].startsWith('webgl') && !tracked.has(context)) {
        tracked.add(context);
        contexts.push(new WeakRef(context as WebGL2RenderingContext));
      }
      return context;
    };
    restore.push(() => (proto.getContext = original));
  }
  return () => restore.forEach((fn) => fn());
}
function liveWebGl(): number {
  return contexts.filter((ref) => {
    const context = ref.deref();
    return context !== undefined && !context.isContextLost();
  }).length;
}

describe('leaks', function () {
  this.timeout(240000);
  let untrack: () => void;
  let uncaught: ReturnType<typeof watchUncaught>;

  before(() => {
    untrack = trackWebGl();
    uncaught = watchUncaught();
  });
  after(() => {
    untrack();
    uncaught.stop();
    cleanup();
  });

  it(`[HAZ-010] ${CYCLES} mounts and removals of a viewer with labels behind a consent step: heap, DOM nodes, listeners and WebGL contexts return to their baseline`, async () => {
    const host = box(480, 360);
    let cycle = 0;
    const once = async () => {
      const step = document.createElement('finding-disclosure') as FindingDisclosure;
      step.modality = 'DX';
      step.studyKey = `leak-${cycle++}`;
      const el = document.createElement('patient-image-viewer') as PatientImageViewer;
      el.loading = 'eager';
      el.src = '/__synthetic/chest-xray.dcm';
      const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
      layer.annotations = chestDoc;
      el.append(layer);
      step.append(el);
      host.append(step);
      await until(() => step.phase === 'asking', 5000, 'the consent step');
      await step.updateComplete;
      const shown = firstPicture(el);
      step.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await shown;
      await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 5000, 'markers');
      step.remove();
      await nextFrame();
    };
    const measure = async () => {
      const counters = (await executeServerCommand('pv-dom-counters')) as Counters;
      return { ...counters, webgl: liveWebGl() };
    };

    for (let i = 0; i < WARM_UP; i++) await once();
    const before = await measure();
    const started = performance.now();
    for (let i = 0; i < CYCLES; i++) await once();
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 200));
    const after = await measure();
    console.log(
      `leaks over ${CYCLES} cycles (${seconds.toFixed(0)} s): heap ${(before.heap / 1e6).toFixed(1)} -> ${(after.heap / 1e6).toFixed(1)} MB, ` +
        `DOM nodes ${before.nodes} -> ${after.nodes}, listeners ${before.jsEventListeners} -> ${after.jsEventListeners}, ` +
        `documents ${before.documents} -> ${after.documents}, live WebGL contexts ${before.webgl} -> ${after.webgl} (${contexts.length} ever created)`,
    );
    expect(after.heap - before.heap, 'heap growth (bytes)').to.be.lessThan(6e6);
    expect(after.nodes - before.nodes, 'DOM node growth').to.be.lessThan(250);
    expect(after.jsEventListeners - before.jsEventListeners, 'listener growth').to.be.lessThan(50);
    expect(after.documents).to.be.at.most(before.documents);
    expect(after.webgl, 'live WebGL contexts').to.be.at.most(before.webgl);
    expect(after.webgl).to.be.at.most(1);
    expect(uncaught.errors).to.deep.equal([]);
  });
});
