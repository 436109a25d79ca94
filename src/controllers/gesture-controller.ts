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
  /**
   * Where pointer and wheel gestures are heard: a larger area round `element` holding what lies over
   * the picture (markers). Gestures start only on `element` or on an element marked with
   * {@link GESTURE_THROUGH}. Defaults to `element`.
   */
  area?: HTMLElement | null;
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

/**
 * Elements over the picture (the layer's markers and tags) carry this attribute to pass drags and
 * pinches that start on them to the picture; a tap still reaches them (a click).
 */
export const GESTURE_THROUGH = 'data-pv-gesture-through';

/** Movement (CSS px) after which a pointer that started on a marker is a drag, not a tap. */
const TAP_SLOP = 8;

interface Track {
  x: number;
  y: number;
  startX: number;
  startY: number;
  button: number;
  type: string;
  shift: boolean;
  /** Started on an element over the picture (a marker), not captured until it moves: a tap stays a click. */
  through: boolean;
}

/**
 * Turns pointer, wheel and keyboard input on the stage into plain intents. Every drag here has a
 * single-pointer alternative in the viewer's toolbar (WCAG 2.2, 2.5.7, which keys do not meet):
 * moving a zoomed picture has the "Move the image" buttons (shown while zoomed in), brightness
 * has Lighter, Darker and the contrast buttons, a swipe has Previous, Next and the slider, and a
 * pinch has Zoom in and Zoom out.
 * Drags, pinches and wheels that start on a marker over the picture act on the picture too.
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
  #area: HTMLElement | null = null;
  readonly #pointers = new Map<number, Track>();
  #pinchDistance = 0;
  #wheelAccumulator = 0;
  #swipeAccumulator = 0;

  /** Whether a pointer or wheel event starts on the picture: on the stage, or on a marker over it. */
  #startsOnPicture(event: Event): { onStage: boolean; through: boolean } | undefined {
    const path = event.composedPath();
    if (this.#element && path.includes(this.#element)) return { onStage: true, through: false };
    if (path.some((node) => node instanceof Element && node.hasAttribute(GESTURE_THROUGH))) return { onStage: false, through: true };
    return undefined;
  }

  readonly #onPointerDown = (event: PointerEvent) => {
    if (!this.#inputs().enabled) return;
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 2) return;
    const start = this.#startsOnPicture(event);
    if (!start) return;
    if (start.onStage) this.#capture(this.#element, event.pointerId);
    this.#pointers.set(event.pointerId, {
      x: event.clientX,
      y: event.clientY,
      startX: event.clientX,
      startY: event.clientY,
      button: event.button,
      type: event.pointerType,
      shift: event.shiftKey,
      through: start.through,
    });
    this.#swipeAccumulator = 0;
    if (this.#pointers.size === 2) this.#pinchDistance = this.#distance();
  };

  readonly #onPointerMove = (event: PointerEvent) => {
    const track = this.#pointers.get(event.pointerId);
    if (!track || !this.#inputs().enabled) return;
    if (track.through) {
      // From a marker: a tap until it moves; then a drag of the picture, held by the area.
      if (this.#pointers.size < 2 && Math.hypot(event.clientX - track.startX, event.clientY - track.startY) < TAP_SLOP) return;
      track.through = false;
      this.#capture(this.#area, event.pointerId);
    }
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

  /** Capture ended on the stage or the area (a marker's own implicit capture ending is not the end of a drag). */
  readonly #onLostCapture = (event: PointerEvent) => {
    if (event.target === this.#element || event.target === this.#area) this.#onPointerUp(event);
  };

  readonly #onWheel = (event: WheelEvent) => {
    if (!this.#inputs().enabled || !this.#startsOnPicture(event)) return;
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
    const { element, area } = this.#inputs();
    if (element !== this.#element || (area ?? element) !== this.#area) {
      this.#detach();
      this.#attach(element, area ?? element);
    }
  }

  hostDisconnected(): void {
    this.#detach();
  }

  #attach(element: HTMLElement | null, area: HTMLElement | null): void {
    this.#element = element;
    this.#area = element ? area : null;
    if (!element || !area) return;
    area.addEventListener('pointerdown', this.#onPointerDown);
    area.addEventListener('pointermove', this.#onPointerMove);
    area.addEventListener('pointerup', this.#onPointerUp);
    area.addEventListener('pointercancel', this.#onPointerUp);
    area.addEventListener('lostpointercapture', this.#onLostCapture);
    area.addEventListener('wheel', this.#onWheel, { passive: false });
    element.addEventListener('keydown', this.#onKeyDown);
    element.addEventListener('contextmenu', this.#onContextMenu);
  }

  #detach(): void {
    const element = this.#element;
    const area = this.#area;
    this.#pointers.clear();
    this.#element = null;
    this.#area = null;
    if (area) {
      area.removeEventListener('pointerdown', this.#onPointerDown);
      area.removeEventListener('pointermove', this.#onPointerMove);
      area.removeEventListener('pointerup', this.#onPointerUp);
      area.removeEventListener('pointercancel', this.#onPointerUp);
      area.removeEventListener('lostpointercapture', this.#onLostCapture);
      area.removeEventListener('wheel', this.#onWheel);
    }
    if (!element) return;
    element.removeEventListener('keydown', this.#onKeyDown);
    element.removeEventListener('contextmenu', this.#onContextMenu);
  }

  #capture(target: HTMLElement | null, pointerId: number): void {
    try {
      target?.setPointerCapture(pointerId);
    } catch {
      // The pointer is already gone (or was never a real one): carry on without capture.
    }
  }

  #distance(): number {
    const [a, b] = [...this.#pointers.values()];
    if (!a || !b) return 0;
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
}
