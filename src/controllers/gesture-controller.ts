import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What gestures act on. The viewer implements this over its engine view; tests use a fake. */
export interface GestureTarget {
  /** Move by `delta` images (negative: back). */
  step(delta: number): void;
  /** Go to image `index` (0-based); Infinity means the last. */
  goTo(index: number): void;
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number): void;
  /** `lighter` > 0 makes the picture lighter; `contrast` > 0 gives more contrast. Fractions allowed. */
  adjust(lighter: number, contrast: number): void;
  fit(): void;
  /** Current zoom; 1 = fitted. */
  zoom(): number;
  /** Images in the stack. */
  count(): number;
}

export interface GestureInputs {
  /** The element that receives pointer, wheel and key events (the image stage). */
  element: HTMLElement | null;
  /** False while nothing is shown: gestures do nothing and let the page scroll. */
  enabled: boolean;
  /** What a one-finger or left-button drag does. */
  dragMode: 'move' | 'adjust';
}

/** Pixels of drag per image when swiping through a stack, and per brightness step. */
export const SWIPE_STEP_PX = 40;
export const ADJUST_STEP_PX = 60;
/** Trackpad wheel delta (pixels) per image, and the smallest delta taken as one mouse-wheel notch. */
export const WHEEL_STEP = 100;
export const WHEEL_NOTCH = 50;
export const KEY_PAN_PX = 24;

interface Track {
  x: number;
  y: number;
  startX: number;
  startY: number;
  button: number;
  type: string;
  shift: boolean;
}

/**
 * Turns pointer, wheel and keyboard input on the stage into plain intents. Every drag here has a
 * single-pointer alternative in the viewer's toolbar (WCAG 2.2, 2.5.7, which keys do not meet):
 * moving a zoomed picture has the "Move the picture" buttons (shown while zoomed in), brightness
 * has Lighter, Darker and the contrast buttons, a swipe has Previous, Next and the slider, and a
 * pinch has Zoom in and Zoom out.
 *
 * - Mouse or pen, left drag: move the picture (or adjust brightness in `adjust` mode).
 * - Right drag or Shift + drag: up/down lighter/darker, left/right less/more contrast.
 * - One finger, when the picture is fitted: swipe left/right to change image; when zoomed in: move.
 * - Two fingers: pinch to zoom, and move.
 * - Wheel: change image (when there is more than one); Ctrl + wheel (or a trackpad pinch): zoom.
 * - Keys: Page Up/Down, Home/End change image; arrows move; + and - zoom; 0 fits.
 */
export class GestureController implements ReactiveController {
  readonly #inputs: () => GestureInputs;
  readonly #target: GestureTarget;
  #element: HTMLElement | null = null;
  readonly #pointers = new Map<number, Track>();
  #pinchDistance = 0;
  #wheelAccumulator = 0;
  #swipeAccumulator = 0;

  readonly #onPointerDown = (event: PointerEvent) => {
    if (!this.#inputs().enabled) return;
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 2) return;
    try {
      this.#element?.setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone (or was never a real one): carry on without capture.
    }
    this.#pointers.set(event.pointerId, {
      x: event.clientX,
      y: event.clientY,
      startX: event.clientX,
      startY: event.clientY,
      button: event.button,
      type: event.pointerType,
      shift: event.shiftKey,
    });
    this.#swipeAccumulator = 0;
    if (this.#pointers.size === 2) this.#pinchDistance = this.#distance();
  };

  readonly #onPointerMove = (event: PointerEvent) => {
    const track = this.#pointers.get(event.pointerId);
    if (!track || !this.#inputs().enabled) return;
    const dx = event.clientX - track.x;
    const dy = event.clientY - track.y;
    track.x = event.clientX;
    track.y = event.clientY;
    if (this.#pointers.size >= 2) {
      const distance = this.#distance();
      if (this.#pinchDistance > 0 && distance > 0) this.#target.zoomBy(distance / this.#pinchDistance);
      this.#pinchDistance = distance;
      // Both fingers move the picture by half each.
      this.#target.panBy(dx / 2, dy / 2);
      return;
    }
    const adjusting = track.button === 2 || track.shift || this.#inputs().dragMode === 'adjust';
    if (adjusting) {
      this.#target.adjust(-dy / ADJUST_STEP_PX, dx / ADJUST_STEP_PX);
      return;
    }
    if (track.type === 'touch' && this.#target.zoom() <= 1.05 && this.#target.count() > 1) {
      this.#swipeAccumulator += dx;
      while (Math.abs(this.#swipeAccumulator) >= SWIPE_STEP_PX) {
        const direction = this.#swipeAccumulator > 0 ? 1 : -1;
        // Swiping left (finger moves left) shows the next image, like turning a page.
        this.#target.step(-direction);
        this.#swipeAccumulator -= direction * SWIPE_STEP_PX;
      }
      return;
    }
    this.#target.panBy(dx, dy);
  };

  readonly #onPointerUp = (event: PointerEvent) => {
    this.#pointers.delete(event.pointerId);
    if (this.#pointers.size < 2) this.#pinchDistance = 0;
  };

  readonly #onWheel = (event: WheelEvent) => {
    if (!this.#inputs().enabled) return;
    const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    const delta = event.deltaY * scale;
    if (event.ctrlKey) {
      event.preventDefault();
      this.#target.zoomBy(Math.exp(-delta / 300));
      return;
    }
    // A single picture lets the page scroll on.
    if (this.#target.count() <= 1) return;
    event.preventDefault();
    // A mouse-wheel notch (a big delta) is one image; trackpad scrolling adds up small deltas.
    if (Math.abs(delta) >= WHEEL_NOTCH) {
      this.#wheelAccumulator = 0;
      this.#target.step(Math.sign(delta));
      return;
    }
    this.#wheelAccumulator += delta;
    if (Math.abs(this.#wheelAccumulator) >= WHEEL_STEP) {
      const steps = Math.trunc(this.#wheelAccumulator / WHEEL_STEP);
      this.#wheelAccumulator -= steps * WHEEL_STEP;
      this.#target.step(steps);
    }
  };

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (!this.#inputs().enabled || event.altKey || event.metaKey || event.ctrlKey) return;
    const pan = event.shiftKey ? KEY_PAN_PX * 4 : KEY_PAN_PX;
    const actions: Record<string, () => void> = {
      PageUp: () => this.#target.step(-1),
      PageDown: () => this.#target.step(1),
      Home: () => this.#target.goTo(0),
      End: () => this.#target.goTo(Number.POSITIVE_INFINITY),
      ArrowLeft: () => this.#target.panBy(-pan, 0),
      ArrowRight: () => this.#target.panBy(pan, 0),
      ArrowUp: () => this.#target.panBy(0, -pan),
      ArrowDown: () => this.#target.panBy(0, pan),
      '+': () => this.#target.zoomBy(1.25),
      '=': () => this.#target.zoomBy(1.25),
      '-': () => this.#target.zoomBy(0.8),
      _: () => this.#target.zoomBy(0.8),
      '0': () => this.#target.fit(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  readonly #onContextMenu = (event: Event) => {
    if (this.#inputs().enabled) event.preventDefault();
  };

  constructor(host: ReactiveControllerHost, inputs: () => GestureInputs, target: GestureTarget) {
    this.#inputs = inputs;
    this.#target = target;
    host.addController(this);
  }

  hostUpdated(): void {
    const { element } = this.#inputs();
    if (element !== this.#element) {
      this.#detach();
      this.#attach(element);
    }
  }

  hostDisconnected(): void {
    this.#detach();
  }

  #attach(element: HTMLElement | null): void {
    this.#element = element;
    if (!element) return;
    element.addEventListener('pointerdown', this.#onPointerDown);
    element.addEventListener('pointermove', this.#onPointerMove);
    element.addEventListener('pointerup', this.#onPointerUp);
    element.addEventListener('pointercancel', this.#onPointerUp);
    element.addEventListener('lostpointercapture', this.#onPointerUp);
    element.addEventListener('wheel', this.#onWheel, { passive: false });
    element.addEventListener('keydown', this.#onKeyDown);
    element.addEventListener('contextmenu', this.#onContextMenu);
  }

  #detach(): void {
    const element = this.#element;
    this.#pointers.clear();
    this.#element = null;
    if (!element) return;
    element.removeEventListener('pointerdown', this.#onPointerDown);
    element.removeEventListener('pointermove', this.#onPointerMove);
    element.removeEventListener('pointerup', this.#onPointerUp);
    element.removeEventListener('pointercancel', this.#onPointerUp);
    element.removeEventListener('lostpointercapture', this.#onPointerUp);
    element.removeEventListener('wheel', this.#onWheel);
    element.removeEventListener('keydown', this.#onKeyDown);
    element.removeEventListener('contextmenu', this.#onContextMenu);
  }

  #distance(): number {
    const [a, b] = [...this.#pointers.values()];
    if (!a || !b) return 0;
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
}
