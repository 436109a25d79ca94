import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { blankLabel, type DraftLabel } from '../../src/annotations/draft.js';
import { EditorPlacementController, NUDGE_PX, TAP_SLOP, type EditorPlacementCallbacks, type EditorPlacementViewer, type ImagePoint } from '../../src/controllers/editor-placement-controller.js';

/** A fake viewer: a 400 x 300 picture box at (10, 20) in the viewer, a 100 x 80 image drawn at twice its size, moved by `pan`. */
class FakeViewer implements EditorPlacementViewer {
  status = 'loaded';
  index = 0;
  scale = 2;
  pan = { x: 0, y: 0 };
  frameBox() {
    return { x: 10, y: 20, width: 400, height: 300 };
  }
  imageToFrame(column: number, row: number) {
    return { x: column * this.scale + this.pan.x, y: row * this.scale + this.pan.y };
  }
  imageGeometry() {
    return { columns: 100, rows: 80 };
  }
  imageIndexFor(target: DraftLabel['image']) {
    return 'index' in target ? target.index : undefined;
  }
}

const label = (id: string, column: number, row: number, index = 0): DraftLabel => blankLabel(id, { index }, { column, row });

type Call = [keyof EditorPlacementCallbacks, ...unknown[]];

/** A host (a div), the overlay the editor would render (a marker per label on this image), and the controller. */
function setup(labels: DraftLabel[]) {
  const viewer = new FakeViewer();
  const controllers: ReactiveController[] = [];
  const host = Object.assign(document.createElement('div'), {
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  });
  host.style.position = 'relative';
  const overlay = document.createElement('div');
  overlay.className = 'overlay';
  overlay.style.position = 'absolute';
  for (const l of labels) {
    const marker = Object.assign(document.createElement('button'), { className: 'marker', textContent: l.id });
    marker.dataset.id = l.id;
    Object.assign(marker.style, { position: 'absolute', left: '0', top: '0', width: '20px', height: '20px', margin: '-10px 0 0 -10px', padding: '0' });
    overlay.append(marker);
  }
  host.append(overlay);
  document.body.prepend(host);
  window.scrollTo(0, 0);
  const calls: Call[] = [];
  const record =
    (name: keyof EditorPlacementCallbacks) =>
    (...args: unknown[]) =>
      void calls.push([name, ...args]);
  const callbacks: EditorPlacementCallbacks = {
    tap: record('tap'),
    drag: record('drag'),
    drop: record('drop'),
    cancel: record('cancel'),
    nudge: record('nudge'),
    remove: record('remove'),
    open: record('open'),
  };
  const inputs = { viewer: viewer as EditorPlacementViewer | undefined, overlay: overlay as HTMLElement | null, labels: labels as readonly DraftLabel[] };
  const controller = new EditorPlacementController(host, () => inputs, callbacks);
  controllers.forEach((c) => c.hostConnected?.());
  // The handlers as the editor's render binds them.
  overlay.addEventListener('pointerdown', controller.onPointerDown);
  overlay.addEventListener('pointermove', controller.onPointerMove);
  overlay.addEventListener('pointerup', controller.onPointerUp);
  overlay.addEventListener('pointercancel', controller.onPointerUp);
  controllers.forEach((c) => c.hostUpdated?.());
  /** A client point of an image point (the overlay has been placed over the picture box). */
  const client = (column: number, row: number): [number, number] => {
    const rect = overlay.getBoundingClientRect();
    const at = viewer.imageToFrame(column, row);
    return [rect.left + at.x, rect.top + at.y];
  };
  const pointer = (type: string, [x, y]: [number, number], target: Element = overlay, init: PointerEventInit = {}) =>
    target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 7, pointerType: 'touch', bubbles: true, cancelable: true, ...init }));
  const marker = (id: string) => overlay.querySelector<HTMLElement>(`.marker[data-id="${id}"]`)!;
  const teardown = () => {
    controllers.forEach((c) => c.hostDisconnected?.());
    host.remove();
  };
  return { viewer, controller, overlay, inputs, calls, client, pointer, marker, teardown };
}

const near = (point: unknown, column: number, row: number) => {
  const p = point as ImagePoint;
  expect(p.column).to.be.closeTo(column, 0.01);
  expect(p.row).to.be.closeTo(row, 0.01);
};

describe('EditorPlacementController (unit)', () => {
  let teardown: (() => void) | undefined;
  afterEach(() => {
    teardown?.();
    teardown = undefined;
  });

  it('lays the overlay over the picture box and puts each marker of the image on screen on its point; markers off the picture are hidden', () => {
    const t = setup([label('a', 30, 40), label('b', 250, 40), label('c', 5, 5, 1)]);
    teardown = t.teardown;
    expect(t.overlay.style.left).to.equal('10px');
    expect(t.overlay.style.top).to.equal('20px');
    expect(t.overlay.style.width).to.equal('400px');
    expect(t.overlay.style.height).to.equal('300px');
    expect(t.marker('a').style.transform).to.equal('translate(60px, 80px)');
    expect(t.marker('a').hidden).to.equal(false);
    // Column 250 is drawn at x = 500, past the 400 px picture box.
    expect(t.marker('b').hidden).to.equal(true);
    // A label on another image is not placed.
    expect(t.marker('c').style.transform).to.equal('');
    expect(t.controller.here().map((l) => l.id)).to.deep.equal(['a', 'b']);
    // The picture moves: the next placement follows it.
    t.viewer.pan = { x: -20, y: 10 };
    t.controller.place();
    expect(t.marker('a').style.transform).to.equal('translate(40px, 90px)');
  });

  it('a tap on the picture asks for a label at that image point, kept inside the image; a drag on the picture (a pan) does not', () => {
    const t = setup([]);
    teardown = t.teardown;
    const at = t.client(25, 30);
    t.pointer('pointerdown', at);
    t.pointer('pointermove', [at[0] + TAP_SLOP - 2, at[1]]);
    t.pointer('pointerup', [at[0] + TAP_SLOP - 2, at[1]]);
    expect(t.calls).to.have.length(1);
    expect(t.calls[0]![0]).to.equal('tap');
    near(t.calls[0]![1], 25 + (TAP_SLOP - 2) / 2, 30);

    t.calls.length = 0;
    t.pointer('pointerdown', at);
    t.pointer('pointermove', [at[0] + 40, at[1] + 40]);
    t.pointer('pointerup', [at[0] + 40, at[1] + 40]);
    expect(t.calls, 'moved past the slop: not a tap').to.deep.equal([]);

    // Past the image's right edge (column 150 of 100): kept inside.
    const outside = t.client(150, 30);
    t.pointer('pointerdown', outside);
    t.pointer('pointerup', outside);
    near(t.calls[0]![1], 100, 30);
  });

  it('a drag of a marker shows it where the pointer is, then drops it (moved); a press with no move is a tap on the marker', () => {
    const t = setup([label('a', 30, 40)]);
    teardown = t.teardown;
    const from = t.client(30, 40);
    t.pointer('pointerdown', from, t.marker('a'));
    t.pointer('pointermove', [from[0] + 2, from[1]]);
    expect(t.calls, 'within the slop: no drag yet').to.deep.equal([]);
    const to = t.client(60, 20);
    t.pointer('pointermove', to);
    t.pointer('pointermove', t.client(70, 10));
    t.pointer('pointerup', t.client(70, 10));
    expect(t.calls.map((c) => c[0])).to.deep.equal(['drag', 'drag', 'drop']);
    expect(t.calls[0]![1]).to.equal('a');
    near(t.calls[0]![2], 60, 20);
    near(t.calls[1]![2], 70, 10);
    expect(t.calls[2]!.slice(1)).to.deep.equal(['a', true]);

    t.calls.length = 0;
    t.pointer('pointerdown', from, t.marker('a'));
    t.pointer('pointerup', from, t.marker('a'));
    expect(t.calls).to.deep.equal([['drop', 'a', false]]);
  });

  it('a drag is kept inside the image, and another pointer does not move it', () => {
    const t = setup([label('a', 30, 40)]);
    teardown = t.teardown;
    t.pointer('pointerdown', t.client(30, 40), t.marker('a'));
    t.pointer('pointermove', t.client(500, -50), t.overlay, { pointerId: 8 });
    expect(t.calls, 'another finger').to.deep.equal([]);
    t.pointer('pointermove', t.client(500, -50));
    near(t.calls[0]![2], 100, 0);
  });

  it('a cancelled press (the browser took the pointer) is said, and places nothing', () => {
    const t = setup([label('a', 30, 40)]);
    teardown = t.teardown;
    t.pointer('pointerdown', t.client(30, 40), t.marker('a'));
    t.pointer('pointermove', t.client(50, 50));
    t.pointer('pointercancel', t.client(50, 50));
    expect(t.calls.map((c) => c[0])).to.deep.equal(['drag', 'cancel']);
    t.pointer('pointerup', t.client(50, 50));
    expect(t.calls, 'the press is over').to.have.length(2);
  });

  it('ignores mouse buttons other than the main one', () => {
    const t = setup([]);
    teardown = t.teardown;
    const at = t.client(25, 30);
    t.pointer('pointerdown', at, t.overlay, { pointerType: 'mouse', button: 2, pointerId: 1 });
    t.pointer('pointerup', at, t.overlay, { pointerType: 'mouse', button: 2, pointerId: 1 });
    expect(t.calls).to.deep.equal([]);
  });

  it('keys on a marker: arrows nudge (Shift: five steps), Delete and Backspace remove, Enter and Space open; other keys are left alone', () => {
    const t = setup([label('a', 30, 40)]);
    teardown = t.teardown;
    const press = (key: string, shiftKey = false) => {
      const event = new KeyboardEvent('keydown', { key, shiftKey, cancelable: true });
      t.controller.onMarkerKey(event, 'a');
      return event.defaultPrevented;
    };
    expect(press('ArrowRight')).to.equal(true);
    expect(press('ArrowLeft')).to.equal(true);
    expect(press('ArrowUp', true)).to.equal(true);
    expect(press('ArrowDown')).to.equal(true);
    expect(press('Delete')).to.equal(true);
    expect(press('Backspace')).to.equal(true);
    expect(press('Enter')).to.equal(true);
    expect(press(' ')).to.equal(true);
    expect(press('Tab')).to.equal(false);
    expect(press('a')).to.equal(false);
    expect(t.calls).to.deep.equal([
      ['nudge', 'a', 1, 0],
      ['nudge', 'a', -1, 0],
      ['nudge', 'a', 0, -5],
      ['nudge', 'a', 0, 1],
      ['remove', 'a'],
      ['remove', 'a'],
      ['open', 'a'],
      ['open', 'a'],
    ]);
  });

  it(`a nudge step is ${NUDGE_PX} screen pixels at any zoom, kept inside the image`, () => {
    const t = setup([]);
    teardown = t.teardown;
    near(t.controller.nudged({ column: 30, row: 40 }, 1, 0), 30 + NUDGE_PX / 2, 40);
    near(t.controller.nudged({ column: 30, row: 40 }, 0, -5), 30, 40 - (5 * NUDGE_PX) / 2);
    t.viewer.scale = 4;
    near(t.controller.nudged({ column: 30, row: 40 }, 1, 1), 30 + NUDGE_PX / 4, 40 + NUDGE_PX / 4);
    near(t.controller.nudged({ column: 99.5, row: 0.5 }, 5, -5), 100, 0);
  });

  it('does nothing until the viewer has loaded, and nothing with no viewer', () => {
    const t = setup([label('a', 30, 40)]);
    teardown = t.teardown;
    t.viewer.status = 'loading';
    expect(t.controller.here()).to.deep.equal([]);
    expect(t.controller.nudged({ column: 30, row: 40 }, 1, 0)).to.equal(undefined);
    expect(t.controller.pointAt(100, 100)).to.equal(undefined);
    t.inputs.viewer = undefined;
    t.overlay.style.left = '';
    t.controller.place();
    expect(t.overlay.style.left).to.equal('');
    expect(t.controller.clamp({ column: -5, row: 500 }), 'no image to keep it in').to.deep.equal({ column: -5, row: 500 });
  });
});
