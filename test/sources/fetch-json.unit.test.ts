import { expect } from '@open-wc/testing';
import { fetchJsonDocument } from '../../src/sources/fetch-json.js';

/** Replace fetch for one test: `respond` answers each request (or hangs until aborted). */
function stubFetch(respond: (url: string, init: RequestInit) => Response | 'hang') {
  const real = window.fetch;
  const calls: { url: string; init: RequestInit }[] = [];
  window.fetch = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = respond(url, init);
    if (answer !== 'hang') return Promise.resolve(answer);
    return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
  }) as typeof fetch;
  return { calls, restore: () => (window.fetch = real) };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('fetchJsonDocument (the annotation document fetch)', () => {
  it("sends the portal's headers (object or function) with same-origin credentials and Accept: application/json", async () => {
    const stub = stubFetch(() => json({ version: 1 }));
    try {
      const signal = new AbortController().signal;
      expect(await fetchJsonDocument('/doc.json', { signal, timeout: 1000, headers: { Authorization: 'Bearer a' } })).to.deep.equal({ version: 1 });
      await fetchJsonDocument('/doc.json', { signal, timeout: 1000, headers: () => ({ Authorization: 'Bearer b' }) });
      await fetchJsonDocument('/doc.json', { signal, timeout: 1000 });
      expect(stub.calls.map((c) => (c.init.headers as Record<string, string>).Authorization)).to.deep.equal(['Bearer a', 'Bearer b', undefined]);
      for (const call of stub.calls) {
        expect(call.init.credentials).to.equal('same-origin');
        expect((call.init.headers as Record<string, string>).Accept).to.equal('application/json');
      }
    } finally {
      stub.restore();
    }
  });

  it('a 401 asks a header function once for fresh credentials, then gives up with "HTTP 401"', async () => {
    const asked: boolean[] = [];
    const stub = stubFetch((_, init) => ((init.headers as Record<string, string>).Authorization === 'fresh' ? json({ ok: true }) : json({}, 401)));
    try {
      const signal = new AbortController().signal;
      const headers = ({ refresh }: { refresh: boolean }) => {
        asked.push(refresh);
        return { Authorization: refresh ? 'fresh' : 'stale' };
      };
      expect(await fetchJsonDocument('/doc.json', { signal, timeout: 1000, headers })).to.deep.equal({ ok: true });
      expect(asked).to.deep.equal([false, true]);
      let error: unknown;
      await fetchJsonDocument('/doc.json', { signal, timeout: 1000, headers: { Authorization: 'stale' } }).catch((e: unknown) => (error = e));
      expect((error as Error).message).to.equal('HTTP 401');
    } finally {
      stub.restore();
    }
  });

  it('is aborted by its signal, and times out', async () => {
    const stub = stubFetch(() => 'hang');
    try {
      const abort = new AbortController();
      const pending = fetchJsonDocument('/doc.json', { signal: abort.signal, timeout: 5000 }).catch((e: unknown) => e);
      abort.abort();
      expect(((await pending) as DOMException).name).to.equal('AbortError');
      const timedOut = await fetchJsonDocument('/doc.json', { signal: new AbortController().signal, timeout: 20 }).catch((e: unknown) => e);
      expect((timedOut as Error).message).to.equal('timed out');
    } finally {
      stub.restore();
    }
  });
});
