/**
 * Test-runner commands that need the browser's DevTools protocol: a real mouse wheel (a synthetic
 * WheelEvent is not the same input), real touch and mouse drags, and heap measurement after a
 * forced garbage collection.
 */
export function browserCommands() {
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
