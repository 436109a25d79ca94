import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import type { AnnotationLabel } from '../../src/annotations/index.js';
import { LabelPlacementController, type PlacementItem, type PlacementViewer } from '../../src/controllers/label-placement-controller.js';
import { enGB as messages } from '../../src/lay/messages.js';

/** A fake viewer: a 400 x 300 picture box, image pixels scaled and panned into it, and view-change events. */
class FakeViewer extends EventTarget implements PlacementViewer {
  status = 'loaded';
  index = 0;
  stage = null;
  scale = 2;
  pan = { x: 0, y: 0 };
  frameReads = 0;
  frameBox() {
    this.frameReads++;
    return { x: 0, y: 0, width: 400, height: 300 };
  }
  imageToFrame(column: number, row: number) {
    return { x: column * this.scale + this.pan.x, y: row * this.scale + this.pan.y };
  }
  imageGeometry() {
    return undefined;
  }
  /** Move the picture, as a drag would, and say so. */
  moveBy(x: number, y: number) {
    this.pan = { x: this.pan.x + x, y: this.pan.y + y };
    this.dispatchEvent(new Event('pv-view-change'));
  }
}

const label = (id: string, column: number, row: number) =>
  ({ id, title: `Label ${id}`, kind: 'anatomy', target: { image: { index: 0 }, point: { column, row } } }) as unknown as AnnotationLabel;

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await frame();
};

/** A fake host (a div), the overlay the layer would render (markers and tags), and the controller. */
function setup(points: [string, number, number][]) {
  const viewer = new FakeViewer();
  const controllers: ReactiveController[] = [];
  const host = Object.assign(document.createElement('div'), {
    addController: (c: ReactiveController) => controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  });
  const overlay = document.createElement('div');
  overlay.className = 'overlay';
  overlay.style.position = 'absolute';
  overlay.style.overflow = 'hidden';
  const items: PlacementItem[] = points.map(([id, column, row]) => ({ label: label(id, column, row), imageIndex: 0 }));
  for (const { label: l } of items) {
    const marker = Object.assign(document.createElement('button'), { className: 'marker', textContent: '1' });
    const tag = Object.assign(document.createElement('span'), { className: 'tag', textContent: l.title });
    for (const el of [marker, tag]) {
      el.dataset.id = l.id;
      Object.assign(el.style, { position: 'absolute', left: '0', top: '0', font: '14px sans-serif', padding: '2px 8px' });
    }
    Object.assign(marker.style, { width: '28px', height: '28px', margin: '-14px 0 0 -14px', padding: '0' });
    overlay.append(marker, tag);
  }
  host.style.position = 'relative';
  host.append(overlay);
  document.body.append(host);
  const controller = new LabelPlacementController(host, () => ({ viewer, items, overlay, card: undefined, messages }));
  controllers.forEach((c) => c.hostConnected?.());
  controllers.forEach((c) => c.hostUpdated?.());
  const teardown = () => {
    controllers.forEach((c) => c.hostDisconnected?.());
    host.remove();
  };
  const place = (selector: string, id: string) => {
    const el = overlay.querySelector<HTMLElement>(`${selector}[data-id="${id}"]`)!;
    const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(el.style.transform);
    return m ? { x: Number(m[1]), y: Number(m[2]), width: el.offsetWidth, height: el.offsetHeight } : undefined;
  };
  return { viewer, controller, overlay, teardown, place };
}

describe('LabelPlacementController (fake viewer, no WebGL)', () => {
  it('puts each marker on its point and its tag beside it, inside the picture box, tags not overlapping', async () => {
    const { viewer, controller, overlay, teardown, place } = setup([
      ['a', 40, 30],
      ['b', 42, 34],
      ['c', 150, 100],
    ]);
    try {
      await frames(3);
      expect(controller.geometry?.frame).to.deep.equal({ x: 0, y: 0, width: 400, height: 300 });
      expect(overlay.style.width).to.equal('400px');
      expect(place('.marker', 'a')).to.include({ x: 80, y: 60 });
      // b is close to a: its marker is moved off a's, with its own place recorded.
      expect(place('.marker', 'c')).to.include({ x: 300, y: 200 });
      const tagA = place('.tag', 'a')!;
      // Left half of the picture: the tag is to the right of its marker (14 px half marker + 10 px gap).
      expect(tagA.x).to.be.closeTo(80 + 14 + 10, 0.5);
      expect(tagA.y + tagA.height / 2).to.be.closeTo(60, 1);
      // Right half: to the left of it.
      const tagC = place('.tag', 'c')!;
      expect(tagC.x + tagC.width).to.be.closeTo(300 - 14 - 10, 1);
      const boxes = ['a', 'b', 'c'].map((id) => place('.tag', id)!);
      for (const box of boxes) {
        expect(box.x).to.be.at.least(0);
        expect(box.y).to.be.at.least(0);
        expect(box.x + box.width).to.be.at.most(400);
        expect(box.y + box.height).to.be.at.most(300);
        for (const other of boxes) {
          if (other === box) continue;
          const overlap = box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height;
          expect(overlap, 'tags overlap').to.equal(false);
        }
      }
      expect(viewer.frameReads).to.be.greaterThan(0);
    } finally {
      teardown();
    }
  });

  it('follows a view change after one animation frame; a point leaving the box hides its marker and tag', async () => {
    const { viewer, teardown, place, overlay } = setup([['a', 40, 30]]);
    try {
      await frames(3);
      expect(place('.marker', 'a')).to.include({ x: 80, y: 60 });
      viewer.moveBy(25, -10);
      await frame();
      await new Promise((resolve) => setTimeout(resolve));
      expect(place('.marker', 'a')).to.include({ x: 105, y: 50 });
      expect(place('.tag', 'a')!.x).to.be.closeTo(105 + 24, 0.5);
      viewer.moveBy(-500, 0);
      await frame();
      await new Promise((resolve) => setTimeout(resolve));
      expect(overlay.querySelector<HTMLElement>('.marker')!.hidden).to.equal(true);
      expect(overlay.querySelector<HTMLElement>('.tag')!.hidden).to.equal(true);
    } finally {
      teardown();
    }
  });

  it('many changes in one frame cause one placement; none after teardown', async () => {
    const { viewer, teardown } = setup([['a', 40, 30]]);
    try {
      await frames(3);
      const before = viewer.frameReads;
      for (let i = 0; i < 20; i++) viewer.moveBy(1, 0);
      for (let i = 0; i < 5; i++) window.dispatchEvent(new Event('scroll'));
      window.dispatchEvent(new Event('resize'));
      await frames(2);
      expect(viewer.frameReads - before).to.equal(1);
      teardown();
      const after = viewer.frameReads;
      viewer.moveBy(1, 0);
      window.dispatchEvent(new Event('resize'));
      await frames(2);
      expect(viewer.frameReads).to.equal(after);
    } finally {
      teardown();
    }
  });
});
