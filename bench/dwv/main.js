// DWV (the `dwv` npm package), the lighter peer viewer, for `npm run bench`: one App per image in
// the same box as the other viewers, DWV's own defaults. Bundled by Vite (bench/vite.pages.config.mjs);
// DWV loads its decoder workers from ./assets/workers/ beside the page (copied there by bench/run.mjs).
import { App, AppOptions, ViewConfig } from 'dwv';
import { afterFrame, boot, litFraction, makeBox, resources } from '../common/page-kit.js';

let current;
let nextId = 0;

function clear() {
  if (!current) return;
  try {
    current.app.reset();
  } catch {
    /* gone */
  }
  current.box.remove();
  current = undefined;
}

async function show(url) {
  clear();
  const box = makeBox();
  box.id = `layerGroup${nextId++}`;
  const app = new App();
  current = { app, box };
  const done = new Promise((resolve, reject) => {
    app.addEventListener('renderend', () => resolve(performance.now()));
    app.addEventListener('error', (event) => reject(new Error(`DWV error: ${event?.error?.message ?? event?.error ?? event?.message ?? 'unknown'}`)));
    app.addEventListener('abort', () => reject(new Error('DWV aborted the load')));
  });
  const addedAt = performance.now();
  app.init(new AppOptions({ '*': [new ViewConfig(box.id)] }));
  app.loadURLs([new URL(url, location.href).href]);
  const renderedAt = await done;
  await afterFrame();
  return { ok: true, addedAt, loadAt: renderedAt, renderedAt, renderer: 'canvas2d', lit: litFraction(box.querySelector('canvas')), resources: resources() };
}

boot({ ready: Promise.resolve(), show, clear });
