/**
 * A small fault-injecting HTTP proxy in front of the real Orthanc (DICOMweb), listening on its own
 * port on 127.0.0.1. The test server (server.mjs) forwards `/faulty-dicom-web/...` to it, so the
 * browser sees one origin; tests set faults and read what the proxy saw through `/__fault-proxy/...`
 * (see `test/components/fault.ts`).
 *
 * A fault is a rule: requests whose path matches `match` (a regular expression source, e.g.
 * `/metadata$` or `/frames/`) get, `times` times (default: until cleared):
 *
 *   { kind: 'status', status: 404 }       an HTTP error (401 comes with WWW-Authenticate)
 *   { kind: 'auth', token: 'abc' }        401 unless `Authorization: Bearer abc`, else forwarded
 *   { kind: 'hang' }                      never answers (until cleared or the client gives up)
 *   { kind: 'cut' }                       headers and half the body, then the connection is cut
 *   { kind: 'slow', ms: 3000 }            the real answer, trickled out over `ms` milliseconds
 *
 * Every request is logged with how it ended: `completed`, `cut` (by the proxy), `client-closed`
 * (the browser gave up or aborted: what a viewer removed from the page must do), or `open`.
 */
import { createServer, request } from 'node:http';

/** @typedef {{ match: string, kind: 'status'|'auth'|'hang'|'cut'|'slow', status?: number, token?: string, ms?: number, times?: number }} FaultRule */

/**
 * @param {string} target Orthanc's base URL (http://127.0.0.1:port).
 * @returns {Promise<{ url: string, forward(ctx: any, path: string): Promise<void>, control(ctx: any): Promise<void>, stop(): Promise<void> }>}
 */
export async function startFaultProxy(target) {
  /** @type {(FaultRule & { pattern: RegExp })[]} */
  let rules = [];
  /** @type {{ n: number, method: string, path: string, query: string, fault: string | null, status?: number, outcome: string, authorization: boolean }[]} */
  let log = [];
  let counter = 0;
  /** Responses still open, so `clear()` and `stop()` can end them. */
  const live = new Set();
  /** Responses ended by `clear()` (not by the browser). */
  const cleared = new WeakSet();

  function pick(path) {
    for (const rule of rules) {
      if (rule.times === 0 || !rule.pattern.test(path)) continue;
      if (typeof rule.times === 'number') rule.times -= 1;
      return rule;
    }
    return undefined;
  }

  /** Fetch the real answer from Orthanc, whole. */
  function upstream(req) {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers };
      delete headers.host;
      const out = request(`${target}${req.url}`, { method: req.method, headers }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      out.on('error', reject);
      req.pipe(out);
    });
  }

  const server = createServer(async (req, res) => {
    const [path = '', query = ''] = (req.url ?? '').split('?');
    const rule = pick(path);
    const entry = { n: ++counter, method: req.method ?? 'GET', path, query, fault: rule?.kind ?? null, outcome: 'open', authorization: Boolean(req.headers.authorization) };
    log.push(entry);
    live.add(res);
    let cutting = false;
    res.on('close', () => {
      live.delete(res);
      entry.outcome = res.writableFinished ? 'completed' : cutting ? 'cut' : cleared.has(res) ? 'cleared' : 'client-closed';
    });
    const answer = (status, body, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    try {
      if (rule?.kind === 'status') {
        return answer(rule.status ?? 500, `Fault ${rule.status}`, rule.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
      }
      if (rule?.kind === 'auth' && req.headers.authorization !== `Bearer ${rule.token}`) {
        return answer(401, 'Unauthorised', { 'WWW-Authenticate': 'Bearer' });
      }
      if (rule?.kind === 'hang') return; // never answers
      const real = await upstream(req);
      if (res.destroyed) return;
      entry.status = real.status;
      const headers = { ...real.headers, 'cache-control': 'no-store', 'content-length': String(real.body.length) };
      delete headers['transfer-encoding'];
      res.writeHead(real.status, headers);
      if (rule?.kind === 'cut') {
        cutting = true;
        res.write(real.body.subarray(0, Math.floor(real.body.length / 2)), () => setTimeout(() => res.destroy(), 20));
        return;
      }
      if (rule?.kind === 'slow') {
        const steps = 10;
        const size = Math.ceil(real.body.length / steps);
        for (let i = 0; i < steps && !res.destroyed; i++) {
          res.write(real.body.subarray(i * size, (i + 1) * size));
          await new Promise((resolve) => setTimeout(resolve, (rule.ms ?? 3000) / steps));
        }
        if (!res.destroyed) res.end();
        return;
      }
      res.end(real.body);
    } catch {
      if (!res.headersSent) answer(502, 'Upstream failed');
      else res.destroy();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;

  function clear() {
    rules = [];
    for (const res of live) {
      if (res.headersSent) continue;
      cleared.add(res);
      res.destroy();
    }
  }

  async function readJson(ctx) {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : {};
  }

  function reply(ctx, status, body) {
    ctx.respond = false;
    ctx.res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    ctx.res.end(JSON.stringify(body));
  }

  return {
    url,

    /**
     * Forward a browser request (a Koa context) to the proxy at `path`, passing a cut connection
     * back to the browser as a cut, and the browser giving up back to the proxy as a closed request.
     */
    forward(ctx, path) {
      return new Promise((done) => {
        ctx.respond = false;
        const headers = { ...ctx.req.headers };
        delete headers.host;
        const out = request(`${url}${path}`, { method: ctx.method, headers, agent: false }, (response) => {
          ctx.res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(ctx.res);
          response.on('aborted', () => ctx.res.destroy());
          response.on('error', () => ctx.res.destroy());
          response.on('end', done);
        });
        out.on('error', () => {
          if (!ctx.res.headersSent) ctx.res.writeHead(502);
          ctx.res.destroy();
          done();
        });
        ctx.res.on('close', () => {
          if (!ctx.res.writableFinished) out.destroy();
          done();
        });
        ctx.req.pipe(out);
      });
    },

    /** `/__fault-proxy/rules` (POST a list of rules), `/__fault-proxy/clear` (POST), `/__fault-proxy/log` (GET). */
    async control(ctx) {
      const action = ctx.path.slice('/__fault-proxy/'.length);
      if (action === 'rules' && ctx.method === 'POST') {
        const body = await readJson(ctx);
        clear();
        rules = (body.rules ?? []).map((rule) => ({ ...rule, pattern: new RegExp(rule.match) }));
        log = [];
        return reply(ctx, 200, { ok: true });
      }
      if (action === 'clear' && ctx.method === 'POST') {
        clear();
        return reply(ctx, 200, { ok: true });
      }
      if (action === 'log') return reply(ctx, 200, { log, open: log.filter((e) => e.outcome === 'open').length });
      return reply(ctx, 404, { error: 'unknown action' });
    },

    stop() {
      clear();
      for (const res of live) res.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
