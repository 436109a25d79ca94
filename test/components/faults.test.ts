import { expect } from '@open-wc/testing';
import { enGB } from '../../src/lay/messages.js';
import type { PatientImageViewer } from '../../src/index.js';
import { cleanup, loaded, markerPosition, nextEvent, serverInfo, skipBecause, until, viewer, type ViewerSetup } from '../support/helpers.js';
import { clearFaults, proxyLog, setFaults, shownText, sleep, stuck, tryAgainButton, watchUncaught, type FaultRule } from './support.js';

/**
 * Faults against a real server: a real Orthanc on 127.0.0.1 behind a small fault-injecting proxy
 * (test/support/fault-proxy.mjs). Each fault must end in a plain message (with "Try again" where
 * trying again can work) and a typed pv-error, leave nothing loading on screen or open on the wire,
 * raise no uncaught error, and load normally once the fault has passed.
 */

interface FaultCase {
  what: string;
  rules: FaultRule[];
  type: string;
  retry: boolean;
  timeout?: number;
}

const FAULTS: FaultCase[] = [
  { what: '404 for the series', rules: [{ match: '/metadata$', kind: 'status', status: 404 }], type: 'not-found', retry: false },
  { what: '404 for a frame', rules: [{ match: '/frames/', kind: 'status', status: 404 }], type: 'not-found', retry: false },
  { what: '401 for the series (fixed headers: nothing to refresh)', rules: [{ match: '/metadata$', kind: 'status', status: 401 }], type: 'unauthorised', retry: true },
  { what: '403 for the series', rules: [{ match: '/metadata$', kind: 'status', status: 403 }], type: 'unauthorised', retry: true },
  { what: '403 for a frame', rules: [{ match: '/frames/', kind: 'status', status: 403 }], type: 'unauthorised', retry: true },
  { what: '500 for the series', rules: [{ match: '/metadata$', kind: 'status', status: 500 }], type: 'server', retry: true },
  { what: '500 for a frame', rules: [{ match: '/frames/', kind: 'status', status: 500 }], type: 'server', retry: true },
  { what: 'a server that never answers (series)', rules: [{ match: '/metadata$', kind: 'hang' }], type: 'timeout', retry: true, timeout: 1500 },
  { what: 'a server that never answers (frame)', rules: [{ match: '/frames/', kind: 'hang' }], type: 'timeout', retry: true, timeout: 2000 },
  { what: 'the connection cut halfway through a frame', rules: [{ match: '/frames/', kind: 'cut' }], type: 'network', retry: true },
  { what: 'the connection cut halfway through the series metadata', rules: [{ match: '/metadata$', kind: 'cut' }], type: 'network', retry: true },
  { what: 'a very slow series, slower than the time allowed', rules: [{ match: '/frames/', kind: 'slow', ms: 6000 }], type: 'timeout', retry: true, timeout: 2000 },
];

describe('faults against a real Orthanc behind a fault-injecting proxy', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  let series: { study: string; series: string };

  before(async function () {
    const info = await serverInfo();
    if (!info.orthanc.available) skipBecause(this, info.orthanc.reason);
    series = info.orthanc.ct;
  });
  beforeEach(() => {
    uncaught = watchUncaught();
  });
  afterEach(async () => {
    cleanup();
    await clearFaults();
    uncaught.stop();
  });

  function faultyViewer(extra: ViewerSetup = {}): PatientImageViewer {
    return viewer({ dicomwebRoot: '/faulty-dicom-web', studyUid: series.study, seriesUid: series.series, ...extra });
  }

  /** Nothing left open on the wire (the viewer let go of every request it gave up on). */
  async function nothingOpen(): Promise<void> {
    await until(() => lastOpen === 0, 8000, 'every request to be closed');
  }
  let lastOpen = -1;
  async function pollOpen(): Promise<void> {
    lastOpen = (await proxyLog()).open;
  }

  for (const fault of FAULTS) {
    it(`[HAZ-004] [HAZ-008] ${fault.what}: a plain message, pv-error "${fault.type}", nothing stuck, and it loads once the fault passes`, async () => {
      await setFaults(fault.rules);
      const el = faultyViewer({ timeout: fault.timeout ?? 20000 });
      const event = await nextEvent(el, 'pv-error', 20000);
      expect(event.detail.type).to.equal(fault.type);
      expect(event.detail.retryable).to.equal(fault.retry);
      await el.updateComplete;
      const text = shownText(el);
      expect(text).to.contain(enGB.errorTitle);
      expect(text).to.contain(enGB[`error.${fault.type}` as keyof typeof enGB]);
      expect(event.detail.message).to.equal(enGB[`error.${fault.type}` as keyof typeof enGB]);
      expect(Boolean(tryAgainButton(el)), 'Try again offered').to.equal(fault.retry);
      expect(el.status).to.equal('error');
      expect(stuck(el), 'a loading indicator left on screen').to.equal(false);
      // No picture is left behind the message.
      expect(el._view === undefined).to.equal(true);

      // On the wire: the proxy saw the fault, and nothing is left open.
      const { log } = await proxyLog();
      expect(log.some((entry) => entry.fault !== null), 'the fault was met').to.equal(true);
      const poll = setInterval(() => void pollOpen(), 100);
      try {
        await nothingOpen();
      } finally {
        clearInterval(poll);
      }

      // The fault passes: "Try again" (or the portal's reload() when there is no button) loads the series.
      await clearFaults();
      const load = nextEvent(el, 'pv-load', 20000);
      if (fault.retry) tryAgainButton(el)!.click();
      else void el.reload();
      expect((await load).detail.imageCount).to.equal(40);
      await el.updateComplete;
      expect(shownText(el)).not.to.contain(enGB.errorTitle);
      expect(uncaught.errors).to.deep.equal([]);
    });
  }

  it('[HAZ-008] a very slow series within the time allowed: says it is loading all the while, then shows the image', async () => {
    await setFaults([{ match: '/frames/', kind: 'slow', ms: 2500 }]);
    const el = faultyViewer({ timeout: 20000 });
    const done = nextEvent(el, 'pv-load', 20000);
    await until(() => el.status === 'loading', 5000, 'loading');
    await sleep(800);
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain(enGB.loading);
    expect(el.shadowRoot!.querySelector('progress')).to.exist;
    expect((await done).detail.imageCount).to.equal(40);
    await el.updateComplete;
    expect(stuck(el)).to.equal(false);
    expect(uncaught.errors).to.deep.equal([]);
  });

  it('[HAZ-003] [HAZ-004] a new source that fails takes the old picture off the screen', async () => {
    const el = faultyViewer();
    await loaded(el);
    expect(el.shadowRoot!.querySelector('canvas'), 'the first picture is drawn').to.exist;
    await setFaults([{ match: '/metadata$', kind: 'status', status: 500 }]);
    const failed = nextEvent(el, 'pv-error', 20000);
    el.seriesUid = `${series.series}.999`;
    expect((await failed).detail.type).to.equal('server');
    await el.updateComplete;
    expect(el._view === undefined, 'the old view is gone').to.equal(true);
    expect(el.shadowRoot!.querySelector('canvas') === null, 'the old picture is gone').to.equal(true);
    expect(el.imageCount).to.equal(0);
    expect(el.description).not.to.contain('CT');
    expect(uncaught.errors).to.deep.equal([]);
  });

  describe('a 401 asks the portal for fresh credentials once', () => {
    it('[HAZ-008] a stale token: the callback is asked once to refresh, and the series loads', async () => {
      await setFaults([{ match: '.', kind: 'auth', token: 'fresh-token' }]);
      let token = 'stale-token';
      const asked: boolean[] = [];
      const el = faultyViewer({
        requestHeaders: ({ refresh }) => {
          asked.push(refresh);
          if (refresh) token = 'fresh-token';
          return { Authorization: `Bearer ${token}` };
        },
      });
      const errors: string[] = [];
      el.addEventListener('pv-error', (e) => errors.push(e.detail.type));
      expect((await loaded(el)).detail.imageCount).to.equal(40);
      expect(asked.filter(Boolean).length, 'refreshes').to.equal(1);
      expect(errors).to.deep.equal([]);
      const { log } = await proxyLog();
      expect(log.filter((e) => e.status === 401).length, 'requests refused').to.equal(1);
      expect(uncaught.errors).to.deep.equal([]);
    });

    it('[HAZ-008] a token refused for the frames only: one refresh, then the frames load', async () => {
      await setFaults([{ match: '/frames/', kind: 'auth', token: 'fresh-token' }]);
      let token = 'stale-token';
      let refreshes = 0;
      const el = faultyViewer({
        requestHeaders: async ({ refresh }) => {
          if (refresh) {
            refreshes++;
            await sleep(50);
            token = 'fresh-token';
          }
          return { Authorization: `Bearer ${token}` };
        },
      });
      await loaded(el);
      expect(refreshes).to.equal(1);
      await el.goTo(20);
      await new Promise((r) => requestAnimationFrame(r));
      expect(markerPosition(el)).to.be.closeTo(0.06 + (0.8 * 20) / 39, 0.05);
    });

    it('[HAZ-004] [HAZ-008] still refused after the refresh: asked once only, then "sign in again" with Try again', async () => {
      await setFaults([{ match: '.', kind: 'auth', token: 'a-token-the-portal-never-gets' }]);
      let refreshes = 0;
      let calls = 0;
      const el = faultyViewer({
        requestHeaders: ({ refresh }) => {
          calls++;
          if (refresh) refreshes++;
          return { Authorization: 'Bearer expired' };
        },
      });
      const event = await nextEvent(el, 'pv-error', 20000);
      expect(event.detail.type).to.equal('unauthorised');
      expect(refreshes).to.equal(1);
      await el.updateComplete;
      expect(shownText(el)).to.contain(enGB['error.unauthorised']);
      expect(tryAgainButton(el)).to.exist;
      const { log } = await proxyLog();
      expect(log.length, 'one request, one more after the refresh').to.equal(2);
      expect(calls).to.equal(3);
      expect(uncaught.errors).to.deep.equal([]);
    });

    it('a 403 (signed in, but not allowed) does not ask for a refresh', async () => {
      await setFaults([{ match: '/metadata$', kind: 'status', status: 403 }]);
      let refreshes = 0;
      const el = faultyViewer({
        requestHeaders: ({ refresh }) => {
          if (refresh) refreshes++;
          return { Authorization: 'Bearer any' };
        },
      });
      expect((await nextEvent(el, 'pv-error')).detail.type).to.equal('unauthorised');
      expect(refreshes).to.equal(0);
    });
  });

  describe('removing a viewer in the middle of loading a series', () => {
    for (const where of ['/metadata$', '/frames/'] as const) {
      it(`[HAZ-008] aborts its requests (${where === '/frames/' ? 'a frame' : 'the series metadata'} on the wire), and leaves no errors`, async () => {
        await setFaults([{ match: where, kind: 'hang' }]);
        const el = faultyViewer({ timeout: 60000 });
        const events: string[] = [];
        for (const type of ['pv-error', 'pv-load'] as const) el.addEventListener(type, () => events.push(type));
        const pattern = new RegExp(where);
        let entries = (await proxyLog()).log;
        const start = performance.now();
        while (!entries.some((e) => pattern.test(e.path) && e.outcome === 'open')) {
          if (performance.now() - start > 15000) throw new Error('the request never reached the proxy');
          await sleep(50);
          entries = (await proxyLog()).log;
        }
        el.remove();
        // The browser closes the request: the proxy sees it go.
        const stop = performance.now();
        for (;;) {
          entries = (await proxyLog()).log;
          if (entries.every((e) => e.outcome !== 'open')) break;
          if (performance.now() - stop > 5000) throw new Error(`still open: ${JSON.stringify(entries.filter((e) => e.outcome === 'open'))}`);
          await sleep(50);
        }
        expect(entries.filter((e) => pattern.test(e.path)).map((e) => e.outcome)).to.include('client-closed');
        // And nothing more is asked for afterwards.
        const count = entries.length;
        await sleep(500);
        expect((await proxyLog()).log.length).to.equal(count);
        expect(events).to.deep.equal([]);
        expect(el.status).to.equal('idle');
        expect(uncaught.errors).to.deep.equal([]);
      });
    }
  });
});
