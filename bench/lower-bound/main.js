// The lower bound for `npm run bench`: the time to fetch a file's bytes and decode its pixel data
// with the same codec the viewers use (Cornerstone's OpenJPEG WebAssembly build for JPEG 2000;
// nothing to decode for uncompressed data), in a decode worker as the viewers do, with the codec
// already compiled, and nothing drawn. See lower-bound/worker.js.
import { boot } from '../common/page-kit.js';

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 0;
const waiting = new Map();
worker.onmessage = (event) => {
  const { id } = event.data;
  waiting.get(id)?.(event.data);
  waiting.delete(id);
};
const ask = (url) =>
  new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    worker.postMessage({ id, url: new URL(url, location.href).href });
  });

/** One fetch + parse + decode, timed from the request on the page to the decoded pixels back. */
async function show(url) {
  const addedAt = performance.now();
  const answer = await ask(url);
  const renderedAt = performance.now();
  if (answer.error) return { ok: false, addedAt, error: answer.error };
  return { ok: true, addedAt, loadAt: renderedAt, renderedAt, ...answer };
}

boot({ ready: Promise.resolve(), show, clear() {} });
