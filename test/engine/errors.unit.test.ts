import { expect } from '@open-wc/testing';
import { classifyLoadFailure, redrawFailure } from '../../src/engine/errors.js';
import { ViewerError } from '../../src/sources/errors.js';

/** An XHR that has finished with `status` (the shape the image loader rejects with). */
function finishedRequest(status: number): XMLHttpRequest {
  const xhr = new XMLHttpRequest();
  Object.defineProperty(xhr, 'status', { value: status });
  return xhr;
}

describe('engine errors: what Cornerstone, XHR and WASM failures mean (unit)', () => {
  it('an HTTP status anywhere in the error (the loader nests it) becomes its class, keeping the status', () => {
    const shapes: [unknown, string, number][] = [
      [{ request: finishedRequest(401) }, 'unauthorised', 401],
      [{ error: { request: finishedRequest(404) } }, 'not-found', 404],
      [{ status: 503 }, 'server', 503],
      [{ cause: { response: { status: 504 } } }, 'timeout', 504],
      [Object.assign(new Error('x'), { cause: { status: 403 } }), 'unauthorised', 403],
    ];
    for (const [error, type, status] of shapes) {
      const classified = classifyLoadFailure(error);
      expect(classified.type, JSON.stringify(error)).to.equal(type);
      expect(classified.status).to.equal(status);
    }
  });

  it('a request that got no answer at all is network', () => {
    expect(classifyLoadFailure({ error: finishedRequest(0) }).type).to.equal('network');
    expect(classifyLoadFailure(finishedRequest(0)).type).to.equal('network');
  });

  it('a codec that cannot start (WebAssembly blocked by a CSP) is rendering-unavailable, not a damaged file', () => {
    const csp = new Error('decode failed', { cause: new Error("WebAssembly.instantiate(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source of script in the following Content Security Policy directive") });
    expect(classifyLoadFailure(csp).type).to.equal('rendering-unavailable');
    expect(classifyLoadFailure({ error: 'failed to load wasm binary file' }).type).to.equal('rendering-unavailable');
    expect(classifyLoadFailure(csp).retryable).to.equal(true);
  });

  it('[HAZ-004] anything else is a picture that could not be decoded (corrupt-file, not retryable), with the cause kept', () => {
    const raw = new Error('The decoded picture is incomplete.');
    const classified = classifyLoadFailure(raw);
    expect(classified.type).to.equal('corrupt-file');
    expect(classified.retryable).to.equal(false);
    expect(classified.cause).to.equal(raw);
    expect(classifyLoadFailure(undefined).type).to.equal('corrupt-file');
  });

  it('an error already classified passes through; a failed redraw is rendering-unavailable', () => {
    const already = new ViewerError('timeout', 'slow');
    expect(classifyLoadFailure(already)).to.equal(already);
    const redraw = redrawFailure(new Error('lost'));
    expect(redraw.type).to.equal('rendering-unavailable');
    expect(redraw.retryable).to.equal(true);
  });
});
