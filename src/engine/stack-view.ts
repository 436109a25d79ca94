/**
 * One viewer's view of the shared engine: a Cornerstone stack viewport inside the viewer's stage,
 * with the plain operations the controls need (the `StackView` of ./index.ts). Nothing here renders
 * DOM of its own. Failures leave here classified (./errors.ts).
 */
import type { Types } from '@cornerstonejs/core';
import type { OverlayPlane } from '../sources/inspect.js';
import { displayFixesFor, type Cornerstone } from './engine.js';
import { classifyLoadFailure, redrawFailure } from './errors.js';
import { toViewerError, type ViewerError } from '../sources/errors.js';
import type { StackView, StackViewCallbacks, ViewState } from './index.js';

let nextViewportNumber = 0;

/** A drawing of one image stack, owned by one viewer. */
export class CornerstoneStackView implements StackView {
  readonly #engine: Cornerstone;
  readonly #viewportId: string;
  readonly #callbacks: StackViewCallbacks;
  #imageIds: string[] = [];
  #destroyed = false;
  /** The engine's zoom when fitted: the CPU path reports about 1.09 there, WebGL 1. */
  #fitZoom = 1;
  /** Rejects the `show()` in progress: a failed image can leave the engine's own promise pending for ever. */
  #failShow: ((error: ViewerError) => void) | undefined;
  readonly #onFailed = (event: Event) => {
    const detail = (event as CustomEvent<{ imageId: string; error: unknown }>).detail;
    if (detail && this.#imageIds.includes(detail.imageId)) {
      const error = classifyLoadFailure(detail.error);
      this.#failShow?.(error);
      this.#callbacks.onImageFailed(error);
    }
  };
  readonly #onContextLost = () => {
    if (this.#destroyed) return;
    // Redraw on the CPU path rather than leave a blank box: switch the engine (once, page-wide),
    // then give the rebuilt viewport its images back, on the image the patient was looking at.
    const index = this.#index;
    if (!this.#engine.core.getShouldUseCPURendering()) this.#engine.core.setUseCPURendering(true, true);
    this.#callbacks.onContextLost(
      this.show(this.#imageIds, index).catch((error: unknown) => {
        throw redrawFailure(error);
      }),
    );
  };
  #index = 0;
  /** The window the patient chose with the brightness and contrast controls, until reset. */
  #userRange: { lower: number; upper: number } | undefined;

  readonly #element: HTMLDivElement;
  readonly #onRendered = () => {
    this.#drawOverlays();
    this.#callbacks.onRendered();
  };
  #overlaysVisible = true;
  /** Overlay planes drawn as white-on-transparent bitmaps, made once per plane. */
  readonly #overlayBitmaps = new WeakMap<OverlayPlane, HTMLCanvasElement>();

  constructor(engine: Cornerstone, element: HTMLDivElement, callbacks: StackViewCallbacks) {
    this.#engine = engine;
    this.#element = element;
    this.#callbacks = callbacks;
    this.#viewportId = `pv-viewport-${nextViewportNumber++}`;
    const { core, renderingEngine } = engine;
    renderingEngine.enableElement({
      viewportId: this.#viewportId,
      element,
      type: core.Enums.ViewportType.STACK,
      defaultOptions: { background: [0, 0, 0] as Types.Point3 },
    });
    core.eventTarget.addEventListener(core.EVENTS.IMAGE_LOAD_FAILED, this.#onFailed);
    core.eventTarget.addEventListener(core.EVENTS.WEBGL_CONTEXT_LOST, this.#onContextLost);
    element.addEventListener(core.EVENTS.IMAGE_RENDERED, this.#onRendered);
  }

  get #viewport(): Types.IStackViewport {
    return this.#engine.renderingEngine.getViewport(this.#viewportId) as Types.IStackViewport;
  }

  /** `cpu` or `gpu`. */
  get backend(): 'cpu' | 'gpu' {
    return this.#engine.core.getShouldUseCPURendering() ? 'cpu' : 'gpu';
  }

  /** The canvas Cornerstone draws into. */
  get canvas(): HTMLCanvasElement {
    return this.#viewport.canvas;
  }

  async show(imageIds: string[], index: number): Promise<void> {
    let fail: (error: ViewerError) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined);
    this.#failShow = fail;
    try {
      await Promise.race([this.#show(imageIds, index), failed]);
    } catch (error) {
      throw classifyLoadFailure(error);
    } finally {
      if (this.#failShow === fail) this.#failShow = undefined;
    }
  }

  async #show(imageIds: string[], index: number): Promise<void> {
    this.#userRange = undefined;
    this.#imageIds = imageIds;
    this.#index = index;
    await this.#viewport.setStack(imageIds, index);
    this.#checkDecoded();
    this.#applyCpuSigmoid();
    this.#applyGpuVoiLut();
    this.#viewport.render();
    this.#fitZoom = this.#viewport.getZoom() || 1;
  }

  async setIndex(index: number): Promise<void> {
    try {
      await this.#setIndex(index);
    } catch (error) {
      throw toViewerError(error, 'corrupt-file');
    }
  }

  async #setIndex(index: number): Promise<void> {
    const clamped = Math.max(0, Math.min(this.#imageIds.length - 1, index));
    if (clamped === this.#viewport.getCurrentImageIdIndex()) return;
    await this.#viewport.setImageIdIndex(clamped);
    this.#checkDecoded();
    if (this.#engine.core.getShouldUseCPURendering()) {
      // The CPU path reports the new image's own window (an enhanced CT frame's, say) but keeps
      // drawing with the previous one: give it the window it reports, or the patient's own choice.
      const range = this.#userRange ?? this.#viewport.getProperties().voiRange;
      if (range) this.#viewport.setProperties({ voiRange: { ...range } });
      this.#applyCpuSigmoid();
      this.#viewport.render();
    } else if (this.#applyGpuVoiLut()) {
      this.#viewport.render();
    }
    this.#index = clamped;
  }

  /**
   * A codec given damaged data can "succeed" with fewer samples than the picture has pixels, which
   * would be drawn as a plain black picture. Refuse it, so the patient gets a message instead.
   */
  #checkDecoded(): void {
    if (this.#destroyed) return;
    const image = this.#viewport.getCornerstoneImage();
    if (!image) return;
    const samples = image.getPixelData()?.length ?? 0;
    if (!(image.rows > 0 && image.columns > 0 && samples >= image.rows * image.columns)) {
      throw new Error('The decoded picture is incomplete.');
    }
  }

  /**
   * VOI LUT Function SIGMOID on the CPU drawing path, which Cornerstone 5.14 draws as LINEAR (its
   * WebGL path applies the sigmoid); and a VOI LUT Sequence's curve stretched over the patient's
   * own window once they change it. The CPU path does apply a VOI LUT table: give it the sigmoid
   * of PS3.3 C.11.2.1.3.1 for the current window, sampled over the image's range, each time the
   * image or the window changes. Returns whether it set one.
   */
  #applyCpuSigmoid(): boolean {
    if (this.#destroyed || !this.#engine.core.getShouldUseCPURendering()) return false;
    const viewport = this.#viewport as unknown as {
      getCornerstoneImage(): { voiLUTFunction?: string; minPixelValue: number; maxPixelValue: number } | undefined;
      _cpuFallbackEnabledElement?: { viewport?: { voi?: { windowWidth?: number; windowCenter?: number }; voiLUT?: unknown } };
    };
    const image = viewport.getCornerstoneImage();
    const cpu = viewport._cpuFallbackEnabledElement?.viewport;
    if (!image || !cpu) return false;
    const curve = (image as { voiLUT?: { firstValueMapped: number; lut: ArrayLike<number> } }).voiLUT;
    if (curve && curve.lut.length > 1 && this.#userRange) {
      // A VOI LUT Sequence: the CPU path ignores the window once it has a curve, so the brightness
      // controls did nothing. Stretch the file's curve over the patient's window instead.
      const { lower, upper } = this.#userRange;
      const first = Math.floor(lower);
      const count = Math.max(2, Math.min(1 << 20, Math.ceil(upper) - first + 1));
      const lut = new Array<number>(count);
      for (let i = 0; i < count; i++) {
        const t = Math.max(0, Math.min(1, (first + i - lower) / Math.max(1e-9, upper - lower)));
        lut[i] = curve.lut[Math.round(t * (curve.lut.length - 1))]!;
      }
      cpu.voiLUT = { id: `pv-curve-${lower}-${upper}`, firstValueMapped: first, lut };
      return true;
    }
    if (image.voiLUTFunction !== 'SIGMOID') return false;
    const { windowCentre: centre, windowWidth } = this.state();
    // The engine's LINEAR-style range back to the DICOM window: width is one more than the span.
    const width = windowWidth + 1;
    const first = Math.floor(image.minPixelValue);
    const count = Math.max(1, Math.min(1 << 20, Math.ceil(image.maxPixelValue) - first + 1));
    const lut = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      lut[i] = Math.round(65535 / (1 + Math.exp((-4 * (first + i - (centre + 0.5))) / width)));
    }
    cpu.voiLUT = { id: `pv-sigmoid-${centre}-${width}-${first}-${count}`, firstValueMapped: first, numBitsPerEntry: 16, lut };
    return true;
  }

  /** Whether the current image has graphics overlays (marks drawn by the person who reported it). */
  hasOverlays(): boolean {
    return (this.#currentOverlays()?.length ?? 0) > 0;
  }

  /** Show or hide the image's overlays (they are shown by default). */
  setOverlaysVisible(visible: boolean): void {
    if (this.#overlaysVisible === visible) return;
    this.#overlaysVisible = visible;
    if (!this.#destroyed && this.#imageIds.length > 0) this.#viewport.render();
  }

  #currentOverlays(): OverlayPlane[] | undefined {
    if (this.#destroyed || this.#imageIds.length === 0) return undefined;
    const imageId = this.#viewport.getCurrentImageId?.() ?? this.#imageIds[this.#index];
    return imageId ? displayFixesFor(imageId)?.overlays : undefined;
  }

  /**
   * Draw the overlays into the engine's canvas after each render, in the image's own geometry (so
   * they follow zoom, pan and pixel aspect ratio), in white as DCMTK draws them by default.
   */
  #drawOverlays(): void {
    if (!this.#overlaysVisible) return;
    const overlays = this.#currentOverlays();
    if (!overlays?.length) return;
    const canvas = this.canvas;
    const context = canvas.getContext('2d');
    const origin = this.imageToCanvas(0, 0);
    const right = this.imageToCanvas(1, 0);
    const down = this.imageToCanvas(0, 1);
    if (!context || !origin || !right || !down || canvas.clientWidth === 0) return;
    const scale = canvas.width / canvas.clientWidth;
    context.save();
    // Image index space (pixel centres at integers) to canvas pixels.
    context.setTransform(
      (right.x - origin.x) * scale,
      (right.y - origin.y) * scale,
      (down.x - origin.x) * scale,
      (down.y - origin.y) * scale,
      origin.x * scale,
      origin.y * scale,
    );
    context.imageSmoothingEnabled = false;
    for (const plane of overlays) {
      context.drawImage(this.#overlayBitmap(plane), plane.origin[1] - 1 - 0.5, plane.origin[0] - 1 - 0.5);
    }
    context.restore();
  }

  #overlayBitmap(plane: OverlayPlane): HTMLCanvasElement {
    let bitmap = this.#overlayBitmaps.get(plane);
    if (bitmap) return bitmap;
    bitmap = document.createElement('canvas');
    bitmap.width = plane.columns;
    bitmap.height = plane.rows;
    const context = bitmap.getContext('2d')!;
    const pixels = context.createImageData(plane.columns, plane.rows);
    for (let i = 0; i < plane.rows * plane.columns; i++) {
      if ((plane.bits[i >> 3]! >> (i & 7)) & 1) pixels.data.fill(255, i * 4, i * 4 + 4);
    }
    context.putImageData(pixels, 0, 0);
    this.#overlayBitmaps.set(plane, bitmap);
    return bitmap;
  }

  /**
   * A VOI LUT Sequence (a curve in place of a window, as CR, DX and MG images carry) on the WebGL
   * path, which Cornerstone 5.14 draws as a plain linear window (its CPU path applies the curve).
   * The curve becomes a grey colormap over the LUT's input range (or over the patient's own window,
   * once they change it). Returns whether it applied one.
   */
  #applyGpuVoiLut(): boolean {
    if (this.#destroyed || this.#engine.core.getShouldUseCPURendering()) return false;
    const viewport = this.#viewport;
    const image = viewport.getCornerstoneImage() as unknown as
      | { voiLUT?: { firstValueMapped: number; lut: ArrayLike<number> } }
      | undefined;
    const voiLUT = image?.voiLUT;
    const count = voiLUT?.lut?.length ?? 0;
    if (!voiLUT || count < 2) return false;
    let top = 0;
    for (let i = 0; i < count; i++) top = Math.max(top, voiLUT.lut[i]!);
    const samples = Math.min(count, 256);
    const points: number[] = [];
    // A colormap replaces the engine's own (inverting) transfer function: MONOCHROME1 flips here.
    const inverted = Boolean(viewport.getProperties().invert);
    for (let k = 0; k < samples; k++) {
      const v = top > 0 ? voiLUT.lut[Math.round((k * (count - 1)) / (samples - 1))]! / top : 0;
      const grey = inverted ? 1 - v : v;
      points.push(k / (samples - 1), grey, grey, grey);
    }
    const name = `pv-voi-lut-${this.#engine.core.utilities.fnv1aHash(`${voiLUT.firstValueMapped}:${points.join(',')}`)}`;
    this.#engine.core.utilities.colormap.registerColormap({ Name: name, name, ColorSpace: 'RGB', RGBPoints: points } as never);
    const range = this.#userRange ?? { lower: voiLUT.firstValueMapped, upper: voiLUT.firstValueMapped + count - 1 };
    viewport.setProperties({ voiRange: { ...range } });
    viewport.setProperties({ colormap: { name } });
    return true;
  }

  state(): ViewState {
    const viewport = this.#viewport;
    const { voiRange, invert } = viewport.getProperties();
    const lower = voiRange?.lower ?? 0;
    const upper = voiRange?.upper ?? 255;
    return {
      index: viewport.getCurrentImageIdIndex(),
      count: this.#imageIds.length,
      zoom: viewport.getZoom() / this.#fitZoom,
      windowCentre: (lower + upper) / 2,
      windowWidth: upper - lower,
      inverted: Boolean(invert),
    };
  }

  /** Multiply the zoom by `factor`, keeping it between a quarter and 20 times the fitted size. */
  zoomBy(factor: number): void {
    const viewport = this.#viewport;
    const next = Math.max(0.25 * this.#fitZoom, Math.min(20 * this.#fitZoom, viewport.getZoom() * factor));
    viewport.setZoom(next);
    viewport.render();
  }

  /** Move the picture by a number of CSS pixels on screen. */
  panBy(dx: number, dy: number): void {
    const viewport = this.#viewport;
    const from = viewport.canvasToWorld([0, 0]);
    const to = viewport.canvasToWorld([dx, dy]);
    const camera = viewport.getCamera();
    const delta = [from[0] - to[0], from[1] - to[1], from[2] - to[2]];
    const move = (p: Types.Point3 | undefined): Types.Point3 | undefined =>
      p ? [p[0] + delta[0], p[1] + delta[1], p[2] + delta[2]] : undefined;
    viewport.setCamera({ focalPoint: move(camera.focalPoint), position: move(camera.position) });
    viewport.render();
  }

  /**
   * Change how light the picture looks and its contrast, in steps of a tenth of the window.
   * `lighter` > 0 makes it lighter on screen, whatever the image's photometric interpretation.
   * `contrast` > 0 gives more contrast (a narrower window).
   */
  adjust(lighter: number, contrast: number): void {
    const viewport = this.#viewport;
    const { windowCentre, windowWidth, inverted } = this.state();
    const width = Math.max(1, windowWidth * Math.pow(0.8, contrast));
    // A lower centre makes a normal image lighter; an inverted one darker.
    const centre = windowCentre - (inverted ? -1 : 1) * lighter * windowWidth * 0.1;
    this.#userRange = { lower: centre - width / 2, upper: centre + width / 2 };
    viewport.setProperties({ voiRange: { ...this.#userRange } });
    this.#applyCpuSigmoid();
    this.#applyGpuVoiLut();
    viewport.render();
  }

  /** Fit the picture to the box again (zoom and position only). */
  fit(): void {
    this.#viewport.resetCamera();
    this.#viewport.render();
    this.#fitZoom = this.#viewport.getZoom() || 1;
  }

  /** Back to how the picture first looked: fitted, with the file's own brightness. */
  reset(): void {
    const viewport = this.#viewport;
    viewport.resetCamera();
    viewport.resetProperties();
    this.#userRange = undefined;
    this.#applyCpuSigmoid();
    this.#applyGpuVoiLut();
    viewport.render();
    this.#fitZoom = viewport.getZoom() || 1;
  }

  /**
   * Where a point of the current image (column, row; integers are pixel centres, 0-based) is on
   * the canvas, in CSS pixels from its top-left corner.
   */
  imageToCanvas(column: number, row: number): { x: number; y: number } | undefined {
    const viewport = this.#viewport;
    const data = viewport.getImageData();
    if (!data?.imageData.indexToWorld) return undefined;
    const [x, y] = viewport.worldToCanvas(data.imageData.indexToWorld([column, row, 0]) as Types.Point3);
    return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
  }

  /**
   * Where the picture sits on the canvas, in CSS pixels: the corners of the first and last pixel.
   * Overlays (labels, a scale) and the tests' pixel checks use it.
   */
  imageBox(): { x: number; y: number; width: number; height: number } | undefined {
    const viewport = this.#viewport;
    const data = viewport.getImageData();
    if (!data) return undefined;
    const [columns, rows] = data.dimensions;
    const corner = (i: number, j: number) =>
      viewport.worldToCanvas(data.imageData.indexToWorld!([i, j, 0]) as Types.Point3);
    const a = corner(-0.5, -0.5);
    const b = corner(columns - 0.5, rows - 0.5);
    return {
      x: Math.min(a[0], b[0]),
      y: Math.min(a[1], b[1]),
      width: Math.abs(b[0] - a[0]),
      height: Math.abs(b[1] - a[1]),
    };
  }

  /** @internal The shared image cache: bytes in use and the cap (benchmarks and diagnostics). */
  cacheStats(): { bytes: number; cap: number } {
    const { cache } = this.#engine.core;
    return { bytes: cache.getCacheSize(), cap: cache.getMaxCacheSize() };
  }

  /** Tell the engine the box changed size. */
  resize(): void {
    this.#engine.renderingEngine.resize(true, true);
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    const { core, renderingEngine } = this.#engine;
    core.eventTarget.removeEventListener(core.EVENTS.IMAGE_LOAD_FAILED, this.#onFailed);
    core.eventTarget.removeEventListener(core.EVENTS.WEBGL_CONTEXT_LOST, this.#onContextLost);
    this.#element.removeEventListener(core.EVENTS.IMAGE_RENDERED, this.#onRendered);
    try {
      renderingEngine.disableElement(this.#viewportId);
    } catch {
      // Already gone with the engine.
    }
    // The engine leaves its canvas, with the last picture's pixels, in our element: take it away,
    // so an old picture can never be seen (or read back) behind a new message or a new image.
    this.#element.replaceChildren();
    this.#imageIds = [];
  }
}
