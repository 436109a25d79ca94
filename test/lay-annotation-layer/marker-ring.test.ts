/**
 * The marker focus ring against the picture under it (WCAG 1.4.11): measured on screen, against
 * the real pixels of the picture around the marker.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { box, cleanup, loaded, nextFrame, serverInfo, until } from '../support/helpers.js';
import { contrast, deepActiveElement, screenshot } from '../support/pixels.js';

describe('marker focus ring contrast (WCAG 1.4.11)', () => {
  afterEach(cleanup);

  it('a focused marker has a ring that stands out 3:1 from the picture all the way round, over brain and over air', async () => {
    const { synthetic } = await serverInfo();
    const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
    viewer.loading = 'eager';
    viewer.urls = synthetic.ct.slice(18, 22).map((n) => `/__synthetic/${n}`);
    const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
    layer.annotations = {
      version: 1,
      labels: [
        { id: 'brain', kind: 'anatomy', title: 'Your brain', target: { image: { index: 0 }, point: { column: 175, row: 128 } } },
        { id: 'air', kind: 'anatomy', title: 'Outside your head', target: { image: { index: 0 }, point: { column: 14, row: 128 } } },
      ],
    };
    viewer.append(layer);
    // Under 480 px wide: numbered markers only (no tags or leader lines near the ring).
    box(400, 400).append(viewer);
    await loaded(viewer);
    await until(() => layer.shadowRoot!.querySelectorAll('.marker').length === 2, 5000, 'markers');
    for (let i = 0; i < 3; i++) await nextFrame();
    const before = document.createElement('button');
    before.textContent = 'Before';
    viewer.parentElement!.before(before);
    try {
      for (const id of ['brain', 'air']) {
        const marker = layer.shadowRoot!.querySelector<HTMLElement>(`.marker[data-id="${id}"]`)!;
        const r = marker.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const area = { x: cx - 30, y: cy - 30, width: 60, height: 60 };
        before.focus();
        await nextFrame();
        const plain = await screenshot(area);
        // Tab from the picture reaches the markers (keyboard focus, :focus-visible).
        marker.focus();
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        await sendKeys({ press: 'Tab' });
        expect(deepActiveElement()).to.equal(marker);
        await nextFrame();
        const focused = await screenshot(area);
        const weak: string[] = [];
        for (let a = 0; a < 360; a += 15) {
          const dx = Math.cos((a * Math.PI) / 180);
          const dy = Math.sin((a * Math.PI) / 180);
          // The picture just outside where any ring could be, from the unfocused shot.
          const picture = plain.at(30 + dx * 25, 30 + dy * 25);
          // The best contrast any pixel of the ring band (14 to 21 px from the centre) makes with it.
          let best = 1;
          for (let radius = 14.5; radius <= 20.5; radius += 1) {
            best = Math.max(best, contrast(focused.at(30 + dx * radius, 30 + dy * radius), picture));
          }
          if (best < 3) weak.push(`${a}°: ${best.toFixed(2)}:1 against rgb(${picture.join(',')})`);
        }
        expect(weak, `${id}: ring samples under 3:1`).to.deep.equal([]);
      }
    } finally {
      before.remove();
    }
  });
});
