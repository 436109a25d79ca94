import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { PatientImageViewer } from '../../src/index.js';
import type { PvErrorEvent, PvLoadEvent } from '../../src/index.js';
import { decodeImage } from './pixels.js';

export interface ServerInfo {
  sharedDicom: boolean;
  orthanc: { available: true; ct: { study: string; series: string } } | { available: false; reason: string };
  synthetic: { ct: string[]; xray: string; burnedIn: string };
  transferSyntaxes:
    | { available: true; variants: { name: string; uid: string; what: string; base: string }[] }
    | { available: false; reason: string; variants: [] };
  token: string;
}

let infoPromise: Promise<ServerInfo> | undefined;
export function serverInfo(): Promise<ServerInfo> {
  infoPromise ??= fetch('/__info').then((r) => r.json() as Promise<ServerInfo>);
  return infoPromise;
}

/** Skip a test with a reason a reader can see in the output. */
export function skipBecause(context: Mocha.Context, reason: string): never {
  console.warn(`SKIPPED: ${context.test?.fullTitle()}: ${reason}`);
  context.skip();
}

export async function requireSharedDicom(context: Mocha.Context): Promise<void> {
  if (!(await serverInfo()).sharedDicom) skipBecause(context, '../shared/dicom is not beside this checkout');
}

/** A fixture box of a given size, cleaned up by `cleanup()`. */
const mounted: HTMLElement[] = [];
export function box(width = 400, height = 400): HTMLDivElement {
  const div = document.createElement('div');
  div.style.width = `${width}px`;
  div.style.setProperty('--pv-stage-height', `${height}px`);
  document.body.append(div);
  mounted.push(div);
  return div;
}

export function cleanup(): void {
  for (const el of mounted.splice(0)) el.remove();
}

export type ViewerSetup = Partial<Pick<PatientImageViewer, 'src' | 'urls' | 'files' | 'dicomwebRoot' | 'studyUid' | 'seriesUid' | 'requestHeaders' | 'alt' | 'timeout' | 'messages'>>;

/** Create a viewer with `loading="eager"` in a fixture box (not yet waiting for anything). */
export function viewer(setup: ViewerSetup, size: [number, number] = [400, 400]): PatientImageViewer {
  const el = document.createElement('patient-image-viewer');
  el.loading = 'eager';
  Object.assign(el, setup);
  box(...size).append(el);
  return el;
}

export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
  timeout = 25000,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${name} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as GlobalEventHandlersEventMap[K]);
      },
      { once: true },
    );
  });
}

/** Wait for the viewer to either load or fail; returns which. */
export function settle(el: PatientImageViewer, timeout = 25000): Promise<PvLoadEvent | PvErrorEvent> {
  // One timer and both listeners removed when either event comes: a losing wait left behind would
  // keep the viewer alive for `timeout` (and show as a leak in the memory and leak tests).
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      el.removeEventListener('pv-load', onEvent);
      el.removeEventListener('pv-error', onEvent);
    };
    const onEvent = (event: Event) => {
      done();
      resolve(event as PvLoadEvent | PvErrorEvent);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`No pv-load or pv-error event within ${timeout} ms`));
    }, timeout);
    el.addEventListener('pv-load', onEvent);
    el.addEventListener('pv-error', onEvent);
  });
}

export async function loaded(el: PatientImageViewer, timeout = 25000): Promise<PvLoadEvent> {
  const event = await settle(el, timeout);
  if (event.type === 'pv-error') throw new Error(`Expected an image, got pv-error ${(event as PvErrorEvent).detail.type}`);
  await nextFrame();
  return event as PvLoadEvent;
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export async function until(test: () => boolean, timeout = 5000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The canvas the engine draws into. */
export function canvasOf(el: PatientImageViewer): HTMLCanvasElement {
  const view = el._view;
  if (!view) throw new Error('viewer has no view');
  return view.canvas;
}

/** Grey levels (0..255) of the drawn picture, averaged into an n x n grid over the image's own box. */
export function pictureGrid(el: PatientImageViewer, n = 16): number[] {
  const view = el._view!;
  const canvas = view.canvas;
  const box = view.imageBox();
  if (!box) throw new Error('no image box');
  const scale = canvas.width / canvas.clientWidth;
  const ctx = canvas.getContext('2d')!;
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  return gridOf(
    (x, y) => {
      const px = Math.floor((box.x + x * box.width) * scale);
      const py = Math.floor((box.y + y * box.height) * scale);
      if (px < 0 || py < 0 || px >= canvas.width || py >= canvas.height) return 0;
      const i = (py * canvas.width + px) * 4;
      return (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    },
    n,
  );
}

/** Sample the same grid from an image (a reference PNG). */
export async function imageGrid(url: string, n = 16): Promise<number[]> {
  const { width, height, grey } = await decodeImage(url);
  return gridOf(
    (x, y) => grey(Math.min(width - 1, Math.floor(x * width)), Math.min(height - 1, Math.floor(y * height))),
    n,
  );
}

/** Average `sample` over each cell of an n x n grid of the unit square (4 x 4 samples a cell). */
function gridOf(sample: (x: number, y: number) => number, n: number): number[] {
  const out: number[] = [];
  const k = 4;
  for (let gy = 0; gy < n; gy++) {
    for (let gx = 0; gx < n; gx++) {
      let sum = 0;
      for (let sy = 0; sy < k; sy++) {
        for (let sx = 0; sx < k; sx++) {
          sum += sample((gx + (sx + 0.5) / k) / n, (gy + (sy + 0.5) / k) / n);
        }
      }
      out.push(sum / (k * k));
    }
  }
  return out;
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Pearson correlation: near 1 means the same picture; negative means inverted. */
export function correlation(a: number[], b: number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** Grey-level spread of the grid: 0 for a blank box. */
export function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values);
}

export async function wheel(x: number, y: number, deltaY: number): Promise<void> {
  await executeServerCommand('pv-wheel', { x, y, deltaY });
}

export async function drag(from: [number, number], to: [number, number], button: 'left' | 'right' = 'left'): Promise<void> {
  await executeServerCommand('pv-drag', { from, to, button });
}

export async function touchSwipe(from: [number, number], to: [number, number]): Promise<void> {
  await executeServerCommand('pv-touch-swipe', { from, to });
}

export async function touchPinch(centre: [number, number], from: number, to: number): Promise<void> {
  await executeServerCommand('pv-touch-pinch', { centre, from, to });
}

export async function heapSize(): Promise<number> {
  return (await executeServerCommand('pv-heap')) as number;
}

/** Centre of an element, in viewport coordinates. */
export function centreOf(el: Element): [number, number] {
  const rect = el.getBoundingClientRect();
  return [rect.left + rect.width / 2, rect.top + rect.height / 2];
}

/**
 * Where the synthetic CT phantom's bright marker is, as a fraction of the image width (0..1).
 * The marker moves left to right slice by slice, so it tells which slice is on screen.
 */
export function markerPosition(el: PatientImageViewer): number {
  const view = el._view!;
  const canvas = view.canvas;
  const box = view.imageBox()!;
  const scale = canvas.width / canvas.clientWidth;
  const y = Math.floor((box.y + (7.5 / 256) * box.height) * scale);
  const row = canvas.getContext('2d')!.getImageData(0, y, canvas.width, 1).data;
  let best = -1;
  let bestX = 0;
  for (let x = Math.max(0, Math.floor(box.x * scale)); x < Math.min(canvas.width, (box.x + box.width) * scale); x++) {
    const v = row[x * 4]!;
    if (v > best) {
      best = v;
      bestX = x;
    }
  }
  return (bestX / scale - box.x) / box.width;
}

/** Shuffle a copy (deterministic, so a failure can be reproduced). */
export function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Everything said on the console while `run` runs. */
export async function consoleDuring(run: () => Promise<void>): Promise<string> {
  const said: string[] = [];
  const original = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  for (const name of Object.keys(original) as (keyof typeof original)[]) {
    console[name] = (...args: unknown[]) => {
      said.push(args.map(String).join(' '));
      original[name](...args);
    };
  }
  try {
    await run();
  } finally {
    Object.assign(console, original);
  }
  return said.join('\n');
}
