import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DraftLabel } from '../annotations/draft.js';
import { frameMap } from './frame-map.js';

/** A press on the picture moves less than this (CSS px) to count as a tap, not a drag. */
export const TAP_SLOP = 6;
/** One arrow-key press moves a label this far on screen (CSS px); with Shift, five times as far. */
export const NUDGE_PX = 4;

/** A point of the image, in image pixels. */
export interface ImagePoint {
  column: number;
  row: number;
}

/**
 * What the controller needs of the viewer (a `<patient-image-viewer>`, or a fake in tests): the
 * image on screen, which image a label is on, its size, and where an image point is in the picture box.
 */
export interface EditorPlacementViewer {
  readonly status: string;
  /** The image on screen, counting from 0. */
  readonly index: number;
  imageIndexFor(target: DraftLabel['image']): number | undefined;
  imageGeometry(index: number): { columns: number; rows: number } | undefined;
  /** A key for image `index` (the same image, the same key), when the viewer gives one. */
  imageKey?(index: number): string | undefined;
  imageToFrame(column: number, row: number): { x: number; y: number } | undefined;
  frameBox(): { x: number; y: number; width: number; height: number } | undefined;
}

export interface EditorPlacementInputs {
  viewer: EditorPlacementViewer | undefined;
  /** The rendered overlay (`.overlay`), with a `.marker[data-id]` for each label on the image on screen. */
  overlay: HTMLElement | null;
  /** The labels as shown (during a drag, where the drag has put them). */
  labels: readonly DraftLabel[];
}

/** What the host does when the clinician places, drags or nudges (the controller changes no draft itself). */
export interface EditorPlacementCallbacks {
  /** A tap or click on the picture (not on a marker), at this image point: add a label there. */
  tap(point: ImagePoint): void;
  /** Label `id` is being dragged to `point` (kept inside the image): show it there, no history step yet. */
  drag(id: string, point: ImagePoint): void;
  /** A press on label `id`'s marker ended: after a drag (`moved`), or as a tap on it. */
  drop(id: string, moved: boolean): void;
  /** The press was cancelled (the browser took the pointer): show the draft as it was. */
  cancel(): void;
  /** An arrow key on label `id`'s marker: move it `dx`, `dy` steps (Shift: five steps). */
  nudge(id: string, dx: number, dy: number): void;
  /** Delete or Backspace on label `id`'s marker. */
  remove(id: string): void;
  /** Enter or Space on label `id`'s marker: edit it. */
  open(id: string): void;
}

/** A marker being dragged, or a press on the picture that may become a new label. */
type Press =
  | { kind: 'marker'; id: string; pointerId: number; startX: number; startY: number; moved: boolean }
  | { kind: 'picture'; pointerId: number; startX: number; startY: number; moved: boolean };

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The editor's hands on the picture: a tap places a label, a drag moves one (one history step, at
 * its end), arrow keys nudge one by a few screen pixels at any zoom; and, after every render, the
 * overlay laid over the picture box with each marker on its image point. Pointer and key handlers
 * are bound by the host's render (`onPointerDown`...); what they mean for the draft is the host's.
 */
export class EditorPlacementController implements ReactiveController {
  readonly #inputs: () => EditorPlacementInputs;
  readonly #callbacks: EditorPlacementCallbacks;
  #press: Press | undefined;

  constructor(host: ReactiveControllerHost, inputs: () => EditorPlacementInputs, callbacks: EditorPlacementCallbacks) {
    this.#inputs = inputs;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  hostUpdated(): void {
    this.place();
  }

  hostDisconnected(): void {
    this.#press = undefined;
  }

  // Handlers (bound by the host's render)
  readonly onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const marker = (event.target as Element).closest<HTMLElement>('.marker');
    const overlay = event.currentTarget as HTMLElement | null;
    try {
      overlay?.setPointerCapture?.(event.pointerId);
    } catch {
      // Not an active pointer (an event made by a script): there is nothing to capture.
    }
    const start = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, moved: false };
    this.#press = marker?.dataset.id ? { kind: 'marker', id: marker.dataset.id, ...start } : { kind: 'picture', ...start };
    if (marker) event.preventDefault();
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    const press = this.#press;
    if (!press || press.pointerId !== event.pointerId) return;
    if (!press.moved && Math.hypot(event.clientX - press.startX, event.clientY - press.startY) < TAP_SLOP) return;
    press.moved = true;
    if (press.kind !== 'marker') return;
    const point = this.pointAt(event.clientX, event.clientY);
    if (point) this.#callbacks.drag(press.id, point);
  };

  /** `pointerup` and `pointercancel`. */
  readonly onPointerUp = (event: PointerEvent): void => {
    const press = this.#press;
    if (!press || press.pointerId !== event.pointerId) return;
    this.#press = undefined;
    if (event.type === 'pointercancel') return this.#callbacks.cancel();
    if (press.kind === 'marker') return this.#callbacks.drop(press.id, press.moved);
    if (press.moved) return;
    const point = this.pointAt(event.clientX, event.clientY);
    if (point) this.#callbacks.tap(point);
  };

  /** A key on label `id`'s marker: arrows nudge, Delete or Backspace removes, Enter or Space opens. */
  onMarkerKey(event: KeyboardEvent, id: string): void {
    const step = ARROWS[event.key];
    if (step) {
      event.preventDefault();
      const times = event.shiftKey ? 5 : 1;
      this.#callbacks.nudge(id, step[0] * times, step[1] * times);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.#callbacks.remove(id);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#callbacks.open(id);
    }
  }

  // Public methods
  /** The labels on the image on screen (none until the viewer has loaded). */
  here(): DraftLabel[] {
    const { viewer, labels } = this.#inputs();
    if (!viewer || viewer.status !== 'loaded') return [];
    return labels.filter((label) => viewer.imageIndexFor(label.image) === viewer.index);
  }

  /** The image point under a pointer (client coordinates), kept inside the image. */
  pointAt(clientX: number, clientY: number): ImagePoint | undefined {
    const { overlay } = this.#inputs();
    const map = this.#map();
    if (!overlay || !map) return undefined;
    const rect = overlay.getBoundingClientRect();
    const point = map.toImage(clientX - rect.left, clientY - rect.top);
    return point && this.clamp(point);
  }

  /** `point` moved `dx`, `dy` steps of `NUDGE_PX` screen pixels at the current zoom, kept inside the image. */
  nudged(point: ImagePoint, dx: number, dy: number): ImagePoint | undefined {
    const map = this.#map();
    const at = map?.toFrame(point.column, point.row);
    const moved = at && map?.toImage(at.x + dx * NUDGE_PX, at.y + dy * NUDGE_PX);
    return moved ? this.clamp(moved) : undefined;
  }

  /** `point` kept inside the image on screen (as it is when its size is not known). */
  clamp(point: ImagePoint): ImagePoint {
    const { viewer } = this.#inputs();
    const geometry = viewer?.imageGeometry(viewer.index);
    if (!geometry) return point;
    const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
    return { column: clamp(point.column, geometry.columns), row: clamp(point.row, geometry.rows) };
  }

  /** Put the overlay over the picture box and each marker on its point (CSSOM writes: no style attributes). */
  place(): void {
    const { viewer, overlay } = this.#inputs();
    if (!viewer || !overlay) return;
    const frame = viewer.frameBox();
    const map = this.#map();
    if (!frame || !map) return;
    overlay.style.left = `${frame.x}px`;
    overlay.style.top = `${frame.y}px`;
    overlay.style.width = `${frame.width}px`;
    overlay.style.height = `${frame.height}px`;
    for (const label of this.here()) {
      const marker = overlay.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(label.id)}"]`);
      const at = map.toFrame(label.point.column, label.point.row);
      if (!marker || !at) continue;
      const inside = at.x >= 0 && at.y >= 0 && at.x <= frame.width && at.y <= frame.height;
      marker.hidden = !inside;
      marker.style.transform = `translate(${at.x}px, ${at.y}px)`;
    }
  }

  /** Image points to and from the picture box, while the viewer shows an image. */
  #map() {
    const { viewer } = this.#inputs();
    return viewer && viewer.status === 'loaded' ? frameMap(viewer) : undefined;
  }
}
