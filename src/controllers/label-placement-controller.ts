import { computePosition, flip, offset, platform, shift, type Middleware, type Placement, type Platform } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnotationLabel } from '../annotations/index.js';
import type { Messages } from '../lay/messages.js';
import { chooseScaleBar, type ScaleBar } from '../lay/scale.js';
import { MARKER_SIZE, placeMarkers, type Box, type MarkerTarget } from './marker-placement.js';

/** A point in the picture box, in CSS pixels from its top-left corner. */
type Point = { x: number; y: number };

/**
 * What the controller needs of the viewer (a `<patient-image-viewer>`, or a fake in tests): where
 * the picture box is, where an image point is in it, and `pv-view-change` events when the picture
 * is drawn differently (zoom, moves, image).
 */
export interface PlacementViewer extends EventTarget {
  readonly status: string;
  /** The image on screen, counting from 0. */
  readonly index: number;
  /** The picture's stage: its `touch-action` is copied to markers and tags. */
  readonly stage?: Element | null | undefined;
  frameBox(): Box | undefined;
  imageToFrame(column: number, row: number): Point | undefined;
  imageGeometry(index: number): { pixelSpacing?: readonly number[] | undefined; spacingKind?: string } | undefined;
}

/** A label the patient sees, and the image (0-based) it is on, when the viewer has it. */
export interface PlacementItem {
  label: AnnotationLabel;
  imageIndex: number | undefined;
}

export interface PlacementInputs {
  viewer: PlacementViewer | undefined;
  /** The labels the patient sees (those on other images are left alone). */
  items: readonly PlacementItem[];
  /** The rendered overlay (`.overlay`): markers, tags, lines, outlines and the marker card are in it. */
  overlay: HTMLElement | null;
  /** The label whose marker card is open, if any. */
  card: string | undefined;
  /** For the scale bar's words. */
  messages: Messages;
}

/** The picture box and its scale bar, as the host renders the overlay from them. */
export interface PlacementGeometry {
  frame: Box;
  scale?: ScaleBar | undefined;
}

/** Everything one placement reads from the page and the viewer, before it writes anything. */
interface Reads {
  frame: Box;
  overlay: HTMLElement;
  touch: string;
  here: readonly PlacementItem[];
  points: (Point | undefined)[];
  outlines: (Box | undefined)[];
  shapes: { element: SVGElement; attributes: [string, string][] }[];
  /** The orientation words ("Your right"), relative to the overlay: no marker covers them. */
  words: Box[];
  /** Each tag, with its size (undefined while hidden, so not measurable this frame). */
  tags: ({ element: HTMLElement; css: { width: number; height: number }; offset: { width: number; height: number } | undefined } | undefined)[];
  card: { element: HTMLElement; size: { width: number; height: number }; id: string } | undefined;
  /** The picture box as floating-ui clips to it (the overlay's inner box within its own rectangle). */
  clip: Box;
}

const inside = (p: Point | undefined, frame: { width: number; height: number }): p is Point =>
  Boolean(p && p.x >= 0 && p.y >= 0 && p.x <= frame.width && p.y <= frame.height);

/**
 * floating-ui with no DOM: the reference, the floating element's size and the clipping box are
 * numbers read beforehand, in the overlay's coordinates. Same algorithm (offset, flip, shift), so
 * tags and the marker card land where they always did, with no layout read during the writes.
 */
async function placeBeside(reference: Box, size: { width: number; height: number }, clip: Box, placement: Placement, middleware: Middleware[]): Promise<Point> {
  // floating-ui's DOM build merges this over its own platform: every method that would read an
  // element is replaced, so nothing here touches the page.
  const numbers: Platform = {
    getElementRects: () => ({ reference, floating: { x: 0, y: 0, ...size } }),
    getClippingRect: () => clip,
    getDimensions: () => size,
    convertOffsetParentRelativeRectToViewportRelativeRect: ({ rect }) => rect,
    getOffsetParent: () => window,
    getDocumentElement: () => document.documentElement,
    getClientRects: () => [],
    isElement: () => false,
    isRTL: () => false,
    getScale: () => ({ x: 1, y: 1 }),
  };
  const virtual = { getBoundingClientRect: () => DOMRect.fromRect(reference) };
  const { x, y } = await computePosition(virtual, {} as HTMLElement, { placement, strategy: 'absolute', middleware, platform: numbers });
  return { x, y };
}

/** Where an image point (column, row) is in the picture box. */
type ToFrame = (column: number, row: number) => Point | undefined;

/**
 * The viewer's image-to-box mapping, read three times a placement instead of once for every point:
 * a flat picture seen straight on (zoom, move, pixel aspect ratio) maps image points affinely.
 */
function affineMap(viewer: PlacementViewer): ToFrame {
  const origin = viewer.imageToFrame(0, 0);
  const column = viewer.imageToFrame(1, 0);
  const row = viewer.imageToFrame(0, 1);
  if (!origin || !column || !row) return (c, r) => viewer.imageToFrame(c, r);
  const cx = column.x - origin.x;
  const cy = column.y - origin.y;
  const rx = row.x - origin.x;
  const ry = row.y - origin.y;
  return (c, r) => {
    const x = origin.x + c * cx + r * rx;
    const y = origin.y + c * cy + r * ry;
    return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
  };
}

/** Room between a marker and its tag, and between a tag and the edge of the picture box (CSS px). */
const TAG_GAP = 10;
const EDGE_PADDING = 4;

/** A label's elements in the overlay. */
interface LabelElements {
  marker?: HTMLElement;
  tag?: HTMLElement;
  pointers: SVGElement[];
  leaders: SVGElement[];
  shapes: SVGElement[];
}

/**
 * Where floating-ui's `offset(gap)`, `flip` and `shift` (with `padding`) put a box of `size` beside
 * `reference` (left or right, centred), when that place needs no flip and no shift: the box inside
 * `clip`, `padding` from every edge. The same arithmetic as floating-ui's, in the same order. Undefined
 * when the box would overflow there: floating-ui itself decides then.
 */
function besideWithin(reference: Box, size: { width: number; height: number }, clip: Box, placement: 'left' | 'right', gap: number, padding: number): Point | undefined {
  const x = placement === 'right' ? reference.x + reference.width + gap : reference.x - size.width - gap;
  const y = reference.y + reference.height / 2 - size.height / 2;
  const fits =
    clip.x - x + padding <= 0 &&
    x + size.width - (clip.x + clip.width) + padding <= 0 &&
    clip.y - y + padding <= 0 &&
    y + size.height - (clip.y + clip.height) + padding <= 0;
  return fits ? { x, y } : undefined;
}

/**
 * Places the layer's markers, tags, outlines, pointer and leader lines and the marker card over the
 * viewer's picture, and keeps them there through zoom, moves, image changes, scrolls and resizes.
 *
 * - **One animation-frame throttle**: any number of changes in one frame (view changes, scrolls,
 *   resizes, host updates) cause one placement.
 * - **Reads before writes**: each placement reads the viewer (picture box, points) and the page
 *   (sizes of the orientation words, tags and card) first, then computes, then writes; it never
 *   reads layout after a write within one frame. When the picture box itself changes (first show,
 *   a resize), the new box is written and the words are measured and placed in the next frame.
 * - **Markers** go on their points, moved beside small outlines and off the orientation words
 *   (`placeMarkers`); **tags** beside their markers (floating-ui), pushed down so they never overlap;
 *   when they cannot all fit, {@link crowded} turns true and the host shows numbers only, until a
 *   zoom or move makes room for them again (checked with their last measured sizes).
 *
 * The host renders the overlay from {@link geometry} (undefined until the viewer shows a picture) and
 * {@link crowded}; this controller writes positions through the CSSOM (allowed under a strict CSP).
 */
export class LabelPlacementController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #inputs: () => PlacementInputs;
  #frameRequest = 0;
  #geometry: PlacementGeometry | undefined;
  #crowded = false;
  /** The viewer whose view changes are followed. */
  #followed: PlacementViewer | undefined;
  /** The orientation words' boxes last measured (used while a new box waits a frame to be measured). */
  #words: Box[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, inputs: () => PlacementInputs) {
    this.#host = host;
    this.#inputs = inputs;
    host.addController(this);
  }

  /** The picture box and scale bar, once the viewer shows a picture. */
  get geometry(): PlacementGeometry | undefined {
    return this.#geometry;
  }

  /** The tags did not fit this picture box without overlapping (a short box, a zoomed page): numbers only. */
  get crowded(): boolean {
    return this.#crowded;
  }

  hostConnected(): void {
    // Tags are placed within the picture box wherever the page has scrolled, and again when it changes size.
    window.addEventListener('scroll', this.schedule, { passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
    this.#follow();
  }

  hostUpdated(): void {
    this.#follow();
    // The host rendered: its markers, tags and lines may be new elements.
    if (this.#elements) this.#elements.stale = true;
    this.schedule();
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.schedule);
    window.removeEventListener('resize', this.schedule);
    this.#sizes.disconnect();
    this.#elements = undefined;
    this.#unfollow();
    cancelAnimationFrame(this.#frameRequest);
    this.#frameRequest = 0;
  }

  /** Place again in the next animation frame (at most once a frame, however often this is called). */
  readonly schedule = (): void => {
    if (this.#frameRequest) return;
    this.#frameRequest = requestAnimationFrame(() => {
      this.#frameRequest = 0;
      void this.#pass().then((again) => {
        if (again) this.schedule();
      });
    });
  };

  /** Place now (a marker card just opened), measuring in the next frame if the picture box changed. */
  async placeNow(): Promise<void> {
    for (let pass = 0; pass < 3 && (await this.#pass()); pass++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }

  #follow(): void {
    const viewer = this.#inputs().viewer;
    if (viewer === this.#followed) return;
    this.#unfollow();
    this.#followed = viewer;
    viewer?.addEventListener('pv-view-change', this.#onViewChange);
  }

  #unfollow(): void {
    this.#followed?.removeEventListener('pv-view-change', this.#onViewChange);
    this.#followed = undefined;
  }

  /**
   * The viewer drew the picture differently: place in the same frame (the event comes right after
   * the draw, before it is painted), once the host has rendered any change the viewer caused (a new
   * image's markers). This placement takes the place of one waiting for the next frame.
   */
  readonly #onViewChange = (): void => {
    if (this.#viewChangeQueued) return;
    this.#viewChangeQueued = true;
    void this.#host.updateComplete.then(() => {
      this.#viewChangeQueued = false;
      if (!this.#followed) return;
      cancelAnimationFrame(this.#frameRequest);
      this.#frameRequest = 0;
      void this.#pass().then((again) => {
        if (again) this.schedule();
      });
    });
  };

  #viewChangeQueued = false;

  /** One placement. True when it must run again next frame (a new box to measure, a tag to measure). */
  async #pass(): Promise<boolean> {
    const { viewer, items, messages } = this.#inputs();
    if (!viewer || viewer.status !== 'loaded' || !this.#host.isConnected) {
      if (this.#geometry) {
        this.#geometry = undefined;
        this.#host.requestUpdate();
      }
      return false;
    }
    // Reads: the picture box and the scale.
    const frame = viewer.frameBox();
    if (!frame) return false;
    const index = viewer.index;
    const toFrame = affineMap(viewer);
    const scale = this.#scale(viewer, toFrame, index, frame, messages);
    // Markers and tags pass gestures to the picture: they let the page scroll exactly when the picture does.
    const touch = viewer.stage ? getComputedStyle(viewer.stage).touchAction : 'none';
    const previous = this.#geometry;
    if (
      !previous ||
      previous.frame.x !== frame.x ||
      previous.frame.y !== frame.y ||
      previous.frame.width !== frame.width ||
      previous.frame.height !== frame.height ||
      Boolean(previous.scale) !== Boolean(scale)
    ) {
      // A new size: try the words on the picture again.
      if (!previous || previous.frame.width !== frame.width || previous.frame.height !== frame.height) this.#crowded = false;
      this.#geometry = { frame, scale };
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      // Writes only: the new box (and markers, from the viewer's numbers); the words are measured next frame.
      const overlay = this.#inputs().overlay;
      if (!overlay) return false;
      const here = items.filter((item) => item.imageIndex === index);
      const points = here.map((item) => toFrame(item.label.target.point.column, item.label.target.point.row));
      const outlines = here.map((item) => this.#outlineBox(toFrame, item.label));
      this.#writeBox(overlay, frame, touch, scale);
      this.#writeMarkers(overlay, here, points, outlines, frame, this.#words);
      // Tags never placed yet wait, unseen, for their place.
      for (const tag of overlay.querySelectorAll<HTMLElement>('.tag')) if (!tag.style.transform) tag.style.visibility = 'hidden';
      return true;
    }
    if (previous.scale?.label !== scale?.label || Math.abs((previous.scale?.widthPx ?? 0) - (scale?.widthPx ?? 0)) > 0.5) {
      // The scale bar's length (written below) or its words (rendered by the host) changed: nothing
      // else moves, so the placement goes on in this frame.
      const words = previous.scale?.label !== scale?.label;
      this.#geometry = { frame, scale };
      if (words) this.#host.requestUpdate();
    }
    const reads = this.#read(toFrame, items, frame, index, touch);
    if (!reads) return false;
    // Computes: markers, then tags beside them, then the card.
    const places = placeMarkers(
      reads.points.map((point, i): MarkerTarget | undefined => {
        if (!inside(point, frame)) return undefined;
        const outline = reads.outlines[i];
        return outline ? { point, outline } : { point };
      }),
      frame,
      reads.words,
    );
    const markerPoints = places.map((place) => (place ? { x: place.x, y: place.y } : undefined));
    const tags = await this.#tagPlaces(reads, markerPoints);
    // Numbers only because the words did not fit: a zoom or move may have made room for them again.
    if (this.#crowded && (await this.#wordsFitAgain(reads, markerPoints))) {
      this.#crowded = false;
      this.#host.requestUpdate();
    }
    const cardIndex = reads.card ? reads.here.findIndex((item) => item.label.id === reads.card!.id) : -1;
    const cardPlace = reads.card && markerPoints[cardIndex] ? await this.#cardPlace(reads, markerPoints[cardIndex]!) : undefined;
    if (!this.#host.isConnected) return false;
    // Writes.
    this.#words = reads.words;
    this.#writeBox(reads.overlay, frame, reads.touch, scale);
    this.#writeMarkers(reads.overlay, reads.here, reads.points, reads.outlines, frame, reads.words, places);
    for (const { element, attributes } of reads.shapes) for (const [name, value] of attributes) element.setAttribute(name, value);
    const again = this.#writeTags(reads, markerPoints, tags);
    if (reads.card && cardPlace) reads.card.element.style.transform = `translate(${cardPlace.x}px, ${cardPlace.y}px)`;
    return again;
  }

  /** The overlay's markers, tags, lines and outlines by label id, found once per host render. */
  #elements: { overlay: HTMLElement; byId: Map<string, LabelElements>; stale: boolean } | undefined;

  #elementsOf(overlay: HTMLElement): Map<string, LabelElements> {
    if (this.#elements?.overlay === overlay && !this.#elements.stale) return this.#elements.byId;
    // Tags the host has since removed are no longer watched.
    for (const { tag } of this.#elements?.byId.values() ?? []) if (tag && !tag.isConnected) this.#sizes.unobserve(tag);
    const byId = new Map<string, LabelElements>();
    const entry = (id: string) => {
      let found = byId.get(id);
      if (!found) byId.set(id, (found = { pointers: [], leaders: [], shapes: [] }));
      return found;
    };
    for (const element of overlay.querySelectorAll<HTMLElement | SVGElement>('[data-id]')) {
      const id = element.dataset.id;
      if (id === undefined) continue;
      const group = element.parentElement?.classList;
      if (element.classList.contains('marker') && element instanceof HTMLElement) entry(id).marker = element;
      else if (element.classList.contains('tag') && element instanceof HTMLElement) {
        entry(id).tag = element;
        // Measured once; again only when its size changes (its words, language, font or the box's width).
        this.#sizes.observe(element);
      } else if (group?.contains('pointers')) entry(id).pointers.push(element as SVGElement);
      else if (group?.contains('leaders')) entry(id).leaders.push(element as SVGElement);
      else if (group?.contains('outlines')) entry(id).shapes.push(element as SVGElement);
    }
    this.#elements = { overlay, byId, stale: false };
    return byId;
  }

  /** Each tag's size as last measured (CSS size for placing, offset size for spacing and lines). */
  readonly #tagSizes = new WeakMap<Element, { css: { width: number; height: number }; offset: { width: number; height: number } }>();

  /** A tag whose size changed is measured again at the next placement. */
  readonly #sizes = new ResizeObserver((entries) => {
    let changed = false;
    for (const { target } of entries) {
      // A hidden tag has no size: it keeps the one it had, and is measured again when shown.
      if ((target as HTMLElement).hidden) continue;
      this.#tagSizes.delete(target);
      changed = true;
    }
    if (changed) this.schedule();
  });

  #tagSize(element: HTMLElement): { css: { width: number; height: number }; offset: { width: number; height: number } } {
    let size = this.#tagSizes.get(element);
    if (!size) {
      size = { css: platform.getDimensions(element) as { width: number; height: number }, offset: { width: element.offsetWidth, height: element.offsetHeight } };
      this.#tagSizes.set(element, size);
    }
    return size;
  }

  #scale(viewer: PlacementViewer, toFrame: ToFrame, index: number, frame: Box, messages: Messages): ScaleBar | undefined {
    const geometry = viewer.imageGeometry(index);
    const origin = toFrame(0, 0);
    const step = toFrame(1, 0);
    const columnSpacing = geometry?.pixelSpacing?.[1];
    if (!columnSpacing || !origin || !step) return undefined;
    const pxPerColumn = Math.hypot(step.x - origin.x, step.y - origin.y);
    return chooseScaleBar(columnSpacing / pxPerColumn, frame.width * 0.3, { approximate: geometry.spacingKind === 'imager', messages });
  }

  /** Every read of one placement: the viewer's numbers first, then sizes on the page. */
  #read(toFrame: ToFrame, items: readonly PlacementItem[], frame: Box, index: number, touch: string): Reads | undefined {
    const { overlay, card } = this.#inputs();
    if (!overlay) return undefined;
    const here = items.filter((item) => item.imageIndex === index);
    const points = here.map((item) => toFrame(item.label.target.point.column, item.label.target.point.row));
    const outlines = here.map((item) => this.#outlineBox(toFrame, item.label));
    const shapeElements = this.#elementsOf(overlay);
    const shapes = here.flatMap((item) => {
      const outline = item.label.target.outline;
      if (!outline) return [];
      const attributes = outlineAttributes(toFrame, outline);
      if (!attributes) return [];
      return (shapeElements.get(item.label.id)?.shapes ?? []).map((element) => ({ element, attributes }));
    });
    const overlayRect = overlay.getBoundingClientRect();
    const words = [...overlay.querySelectorAll<HTMLElement>('.edge')].map((edge) => {
      const r = edge.getBoundingClientRect();
      return { x: r.left - overlayRect.left, y: r.top - overlayRect.top, width: r.width, height: r.height };
    });
    const elements = this.#elementsOf(overlay);
    const tags = here.map((item) => {
      const element = elements.get(item.label.id)?.tag;
      if (!element) return undefined;
      if (element.hidden) return { element, css: { width: 0, height: 0 }, offset: undefined };
      const size = this.#tagSize(element);
      this.#sizesById.set(item.label.id, size);
      return { element, ...size };
    });
    const cardElement = card ? overlay.querySelector<HTMLElement>('.marker-card') : null;
    // The picture box is the whole boundary: not the part of it that happens to be on screen (a
    // page zoomed to 200% or scrolled would squeeze every tag into that part).
    const clip = { x: 0, y: 0, width: Math.min(overlay.clientWidth, overlayRect.width), height: Math.min(overlay.clientHeight, overlayRect.height) };
    return {
      frame,
      overlay,
      touch,
      here,
      points,
      outlines,
      shapes,
      words,
      tags,
      card: cardElement && card ? { element: cardElement, size: platform.getDimensions(cardElement) as { width: number; height: number }, id: card } : undefined,
      clip,
    };
  }

  /** The box round a label's outline, in the picture box's coordinates (undefined without one). */
  #outlineBox(toFrame: ToFrame, label: AnnotationLabel): Box | undefined {
    const outline = label.target.outline;
    if (!outline) return undefined;
    const corners =
      outline.type === 'ellipse'
        ? [
            [outline.center[0] - outline.radii[0], outline.center[1] - outline.radii[1]],
            [outline.center[0] + outline.radii[0], outline.center[1] + outline.radii[1]],
            [outline.center[0] - outline.radii[0], outline.center[1] + outline.radii[1]],
            [outline.center[0] + outline.radii[0], outline.center[1] - outline.radii[1]],
          ]
        : outline.points;
    const mapped = corners.map(([col, row]) => toFrame(col!, row!)).filter((p): p is Point => Boolean(p));
    if (mapped.length === 0) return undefined;
    const xs = mapped.map((p) => p.x);
    const ys = mapped.map((p) => p.y);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }

  /**
   * Each tag beside its marker (floating-ui, kept inside the box), then pushed down past the tags above
   * it so none overlap. Undefined for a tag not shown; `'crowded'` when they cannot all fit.
   */
  async #tagPlaces(reads: Reads, points: (Point | undefined)[]): Promise<(Box | undefined)[] | 'crowded'> {
    const { frame, clip } = reads;
    const placed: (Box | undefined)[] = [];
    const overflowing: Promise<void>[] = [];
    reads.tags.forEach((tag, i) => {
      const point = points[i];
      if (!tag?.offset || !inside(point, frame)) return;
      const size = tag.offset;
      const half = MARKER_SIZE / 2;
      const reference = { x: point.x - half, y: point.y - half, width: MARKER_SIZE, height: MARKER_SIZE };
      const placement = point.x > frame.width / 2 ? 'left' : 'right';
      const beside = besideWithin(reference, tag.css, clip, placement, TAG_GAP, EDGE_PADDING);
      if (beside) {
        placed[i] = { ...beside, width: size.width, height: size.height };
        return;
      }
      // It would overflow the box: floating-ui flips and shifts it (the only tags it is run for).
      overflowing.push(
        placeBeside(reference, tag.css, clip, placement, [offset(TAG_GAP), flip({ padding: EDGE_PADDING }), shift({ padding: EDGE_PADDING })]).then(({ x, y }) => {
          placed[i] = { x, y, width: size.width, height: size.height };
        }),
      );
    });
    if (overflowing.length > 0) await Promise.all(overflowing);
    placed.length = reads.tags.length;
    // Keep tags off each other: walk down the box, pushing overlapping tags below the one above.
    const order = placed
      .map((box, i) => ({ box, i }))
      .filter((entry): entry is { box: Box; i: number } => Boolean(entry.box))
      .sort((a, b) => a.box.y - b.box.y);
    const settled: Box[] = [];
    const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height + 4 && b.y < a.y + a.height + 4;
    for (const entry of order) {
      const box = { ...entry.box };
      // Move down past every tag it meets, checking again after each move (at most once per tag).
      for (let moves = 0; moves <= settled.length; moves++) {
        const hit = settled.find((other) => overlaps(box, other));
        if (!hit) break;
        box.y = hit.y + hit.height + 4;
      }
      // No room for every tag without piling them up at the bottom: numbers only, words in the list.
      if (box.y > frame.height - box.height - 4) return 'crowded';
      settled.push(box);
      placed[entry.i] = box;
    }
    return placed;
  }

  /** Each label's tag size as last measured, kept while the tags are off the page (numbers only). */
  readonly #sizesById = new Map<string, { css: { width: number; height: number }; offset: { width: number; height: number } }>();
  /** The marker points the last "would the words fit?" check saw (it runs again only when they move). */
  #fitCheckedFor = '';

  /**
   * While only numbers show: whether every tag, at its last measured size, would now fit beside its
   * marker without piling up, with a margin (so a view on the edge does not switch back and forth).
   * The same arithmetic as the placement itself, with no tag on the page.
   */
  async #wordsFitAgain(reads: Reads, points: (Point | undefined)[]): Promise<boolean> {
    const seen = points.map((point) => (point ? `${Math.round(point.x)},${Math.round(point.y)}` : '-')).join(' ');
    if (seen === this.#fitCheckedFor) return false;
    this.#fitCheckedFor = seen;
    const tags: Reads['tags'] = [];
    for (const [i, item] of reads.here.entries()) {
      if (!inside(points[i], reads.frame)) continue;
      const size = this.#sizesById.get(item.label.id);
      // A tag never measured (the labels came while crowded): keep the numbers.
      if (!size) return false;
      tags[i] = { element: reads.overlay, ...size };
    }
    tags.length = reads.here.length;
    const margin = 8;
    const frame = { ...reads.frame, height: reads.frame.height - margin };
    const places = await this.#tagPlaces({ ...reads, frame, clip: { ...reads.clip, height: reads.clip.height - margin }, tags }, points);
    return places !== 'crowded';
  }

  /** The open marker card beside its marker, inside the picture box. */
  #cardPlace(reads: Reads, marker: Point): Promise<Point> {
    const half = MARKER_SIZE / 2;
    const reference = { x: marker.x - half, y: marker.y - half, width: MARKER_SIZE, height: MARKER_SIZE };
    return placeBeside(reference, reads.card!.size, reads.clip, 'bottom', [
      offset(12),
      flip({ padding: 4, fallbackPlacements: ['top', 'right', 'left'] }),
      // Both ways: a card taller than the room above and below its marker (a 320 px phone) stays in
      // the picture box, over the marker, rather than hanging off its top (seen at 320 x 640).
      shift({ padding: 4, crossAxis: true }),
    ]);
  }

  /** Writes through the CSSOM (allowed under a CSP without 'unsafe-inline'). */
  #writeBox(overlay: HTMLElement, frame: Box, touch: string, scale: ScaleBar | undefined): void {
    overlay.dataset.touch = touch;
    overlay.style.left = `${frame.x}px`;
    overlay.style.top = `${frame.y}px`;
    overlay.style.width = `${frame.width}px`;
    overlay.style.height = `${frame.height}px`;
    const bar = overlay.querySelector<HTMLElement>('.scale .bar');
    if (bar && scale) bar.style.width = `${scale.widthPx}px`;
  }

  /** Markers and their pointer lines (markers placed from `words`, or computed here when not given). */
  #writeMarkers(
    overlay: HTMLElement,
    here: readonly PlacementItem[],
    points: (Point | undefined)[],
    outlines: (Box | undefined)[],
    frame: Box,
    words: Box[],
    given?: ReturnType<typeof placeMarkers>,
  ): void {
    const places =
      given ??
      placeMarkers(
        points.map((point, i): MarkerTarget | undefined => (inside(point, frame) ? (outlines[i] ? { point, outline: outlines[i] } : { point }) : undefined)),
        frame,
        words,
      );
    const elements = this.#elementsOf(overlay);
    here.forEach((item, i) => {
      const parts = elements.get(item.label.id);
      const marker = parts?.marker;
      const place = places[i];
      if (marker) {
        marker.style.transform = place ? `translate(${place.x}px, ${place.y}px)` : '';
        marker.hidden = !place;
        marker.toggleAttribute('data-moved', Boolean(place?.moved));
      }
      for (const line of parts?.pointers ?? []) {
        line.style.display = place?.moved ? '' : 'none';
        if (!place?.moved) continue;
        line.setAttribute('x1', String(place.x));
        line.setAttribute('y1', String(place.y));
        line.setAttribute('x2', String(place.target.x));
        line.setAttribute('y2', String(place.target.y));
      }
    });
  }

  /** Tags and their leader lines. True when a tag came back into the box and must be measured next frame. */
  #writeTags(reads: Reads, points: (Point | undefined)[], places: (Box | undefined)[] | 'crowded'): boolean {
    const { overlay, here, tags, frame } = reads;
    const elements = this.#elementsOf(overlay);
    let again = false;
    // A tag whose point has left the picture box is hidden with its marker and leader line.
    here.forEach((item, i) => {
      const tag = tags[i];
      const shown = inside(points[i], frame);
      if (tag) {
        tag.element.hidden = !shown;
        if (shown && !tag.offset) {
          // Back in the box: measured (unseen) next frame.
          tag.element.style.visibility = 'hidden';
          again = true;
        }
      }
      for (const line of elements.get(item.label.id)?.leaders ?? []) line.style.display = shown ? '' : 'none';
    });
    if (places === 'crowded') {
      this.#crowded = true;
      this.#fitCheckedFor = '';
      this.#host.requestUpdate();
      return again;
    }
    places.forEach((box, i) => {
      const tag = tags[i];
      const point = points[i];
      if (!box || !tag || !point) return;
      tag.element.style.transform = `translate(${box.x}px, ${box.y}px)`;
      tag.element.style.visibility = '';
      for (const line of elements.get(here[i]!.label.id)?.leaders ?? []) {
        const edgeX = box.x > point.x ? box.x : box.x + box.width;
        const edgeY = Math.max(box.y, Math.min(point.y, box.y + box.height));
        line.setAttribute('x1', String(point.x));
        line.setAttribute('y1', String(point.y));
        line.setAttribute('x2', String(edgeX));
        line.setAttribute('y2', String(edgeY));
      }
    });
    return again;
  }
}

/** An outline's shape attributes in the picture box (an ellipse's centre and radii, or a polygon's points). */
function outlineAttributes(toFrame: ToFrame, outline: NonNullable<AnnotationLabel['target']['outline']>): [string, string][] | undefined {
  if (outline.type === 'ellipse') {
    const c = toFrame(outline.center[0], outline.center[1]);
    const e = toFrame(outline.center[0] + outline.radii[0], outline.center[1] + outline.radii[1]);
    if (!c || !e) return undefined;
    return [
      ['cx', String(c.x)],
      ['cy', String(c.y)],
      ['rx', String(Math.abs(e.x - c.x))],
      ['ry', String(Math.abs(e.y - c.y))],
    ];
  }
  const points = outline.points
    .map(([col, row]) => toFrame(col, row))
    .filter((p): p is Point => Boolean(p))
    .map((p) => `${p.x},${p.y}`)
    .join(' ');
  return [['points', points]];
}
