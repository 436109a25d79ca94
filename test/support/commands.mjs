/**
 * Test-runner commands that need the browser's DevTools protocol: a real mouse wheel (a synthetic
 * WheelEvent is not the same input), real touch and mouse drags, heap measurement after a
 * forced garbage collection, media features such as forced colours, and (for the reliability tests in test/components) the
 * requests a page makes, its accessibility tree's names, and its DOM counters.
 */
export function browserCommands() {
  /** One DevTools session per page for media emulation (see pv-emulate-media). */
  const mediaSessions = new WeakMap();
  /** Network recordings in progress, per page (see pv-network). */
  const networkRecorders = new WeakMap();
  return {
    name: 'pv-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('pv-')) return undefined;
      const page = session.browser.getPage(session.id);
      switch (command) {
        case 'pv-wheel': {
          const { x, y, deltaY, deltaX = 0 } = payload;
          await page.mouse.move(x, y);
          await page.mouse.wheel({ deltaX, deltaY });
          return true;
        }
        case 'pv-drag': {
          const { from, to, steps = 8, button = 'left' } = payload;
          await page.mouse.move(from[0], from[1]);
          await page.mouse.down({ button });
          await page.mouse.move(to[0], to[1], { steps });
          await page.mouse.up({ button });
          return true;
        }
        case 'pv-touch-swipe': {
          const { from, to, steps = 8 } = payload;
          const client = await page.target().createCDPSession();
          const point = (x, y) => [{ x, y, id: 1 }];
          await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(...from) });
          for (let i = 1; i <= steps; i++) {
            const x = from[0] + ((to[0] - from[0]) * i) / steps;
            const y = from[1] + ((to[1] - from[1]) * i) / steps;
            await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
          }
          await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await client.detach();
          return true;
        }
        case 'pv-touch-pinch': {
          // Two fingers, starting `from` apart around the centre, ending `to` apart.
          const { centre, from, to, steps = 8 } = payload;
          const client = await page.target().createCDPSession();
          const points = (gap) => [
            { x: centre[0] - gap / 2, y: centre[1], id: 1 },
            { x: centre[0] + gap / 2, y: centre[1], id: 2 },
          ];
          await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
          for (let i = 1; i <= steps; i++) {
            await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / steps) });
          }
          await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await client.detach();
          return true;
        }
        case 'pv-touch-device': {
          // A touch-only device (a phone): pointer and any-pointer become coarse, hover none.
          // { enabled: false } goes back. The session stays open, as for pv-emulate-media.
          let client = mediaSessions.get(page);
          if (!client) {
            client = await page.target().createCDPSession();
            mediaSessions.set(page, client);
          }
          await client.send('Emulation.setTouchEmulationEnabled', { enabled: Boolean(payload.enabled), maxTouchPoints: payload.enabled ? 5 : 1 });
          return true;
        }
        case 'pv-emulate-media': {
          // CSS media features the runner's emulateMedia cannot set (forced-colors), e.g.
          // { features: [{ name: 'forced-colors', value: 'active' }] }; { features: [] } clears them.
          // The DevTools session stays open: Chromium drops its overrides when it detaches.
          let client = mediaSessions.get(page);
          if (!client) {
            client = await page.target().createCDPSession();
            mediaSessions.set(page, client);
          }
          await client.send('Emulation.setEmulatedMedia', { features: payload.features ?? [] });
          return true;
        }
        case 'pv-network': {
          // Record every request the page and its workers make (test/components, the reliability tests): `start`, then
          // `stop` returns [{ url, method, authorization, type }].
          if (payload.action === 'start') {
            const client = await page.target().createCDPSession();
            const requests = [];
            const watch = async (cdp) => {
              cdp.on('Network.requestWillBeSent', ({ request, type }) => {
                const names = Object.keys(request.headers ?? {}).map((n) => n.toLowerCase());
                requests.push({ url: request.url, method: request.method, authorization: names.includes('authorization'), type: type ?? '' });
              });
              await cdp.send('Network.enable');
              await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }).catch(() => undefined);
            };
            client.on('sessionattached', (child) => void watch(child).catch(() => undefined));
            await watch(client);
            networkRecorders.set(page, { client, requests });
            return true;
          }
          const recorder = networkRecorders.get(page);
          networkRecorders.delete(page);
          if (!recorder) return [];
          await recorder.client.detach().catch(() => undefined);
          return recorder.requests;
        }
        case 'pv-ax-names': {
          // Every accessible name and description in the page's accessibility tree (shadow roots included).
          const client = await page.target().createCDPSession();
          const { nodes } = await client.send('Accessibility.getFullAXTree');
          await client.detach();
          const texts = [];
          for (const node of nodes) {
            for (const field of [node.name, node.description, node.value]) if (field?.value) texts.push(String(field.value));
          }
          return texts;
        }
        case 'pv-dom-counters': {
          // Live documents, DOM nodes, JS event listeners and heap, after the thorough garbage
          // collection a heap snapshot does (a plain collection leaves detached DOM nodes unswept,
          // and the DOM counters then count them). The snapshot itself is thrown away.
          const client = await page.target().createCDPSession();
          await client.send('HeapProfiler.enable');
          await client.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
          await client.send('HeapProfiler.collectGarbage');
          const counters = await client.send('Memory.getDOMCounters');
          const { usedSize } = await client.send('Runtime.getHeapUsage');
          await client.send('HeapProfiler.disable');
          await client.detach();
          return { ...counters, heap: usedSize };
        }
        case 'pv-screenshot': {
          // What is really on screen (the composited page, canvases included) in a box of CSS
          // pixels { x, y, width, height }: a base64 PNG.
          // Puppeteer's clip is in document coordinates: add the page's scroll to the viewport box.
          const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
          const clip = { ...payload.clip, x: payload.clip.x + scroll.x, y: payload.clip.y + scroll.y };
          return page.screenshot({ clip, encoding: 'base64', captureBeyondViewport: false });
        }
        case 'pv-user-agent': {
          // The browser's user agent, as a page inside the NHS App's web view has it (issue 17):
          // { userAgent: '... nhsapp-android/3.1.0' }; { userAgent: null } puts the browser's own back.
          // On the same long-lived session as pv-emulate-media (Chromium drops overrides on detach).
          let client = mediaSessions.get(page);
          if (!client) {
            client = await page.target().createCDPSession();
            mediaSessions.set(page, client);
          }
          const userAgent = payload.userAgent ?? (await page.browser().userAgent());
          await client.send('Emulation.setUserAgentOverride', { userAgent });
          return page.evaluate(() => navigator.userAgent);
        }
        case 'pv-heap': {
          const client = await page.target().createCDPSession();
          for (let i = 0; i < 3; i++) await client.send('HeapProfiler.collectGarbage');
          const { usedSize } = await client.send('Runtime.getHeapUsage');
          await client.detach();
          return usedSize;
        }
        default:
          return undefined;
      }
    },
  };
}
