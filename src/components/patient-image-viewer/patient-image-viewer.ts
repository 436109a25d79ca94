import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { GestureController, KEY_PAN_PX } from '../../controllers/gesture-controller.js';
import { HoldController } from '../../controllers/hold-controller.js';
import { ViewerController, type ViewerStatus } from '../../controllers/viewer-controller.js';
import type { ViewerLike } from '../../controllers/viewer-like.js';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import { PvErrorEvent } from '../../events/pv-error-event.js';
import { PvFirstPictureEvent } from '../../events/pv-first-picture-event.js';
import { PvImageChangeEvent } from '../../events/pv-image-change-event.js';
import { PvLoadEvent } from '../../events/pv-load-event.js';
import { PvViewChangeEvent } from '../../events/pv-view-change-event.js';
import { describe, explain } from '../../lay/describe.js';
import { heading, headingLevel } from '../heading.js';
import { PvElement } from '../pv-element.js';
import { enGB, type Catalogue, type MessageKey } from '../../lay/messages.js';
import { clearPoster, drawPoster, makePoster, type Poster } from '../../poster/index.js';
import { makeRenderedPoster } from '../../poster/rendered.js';
import { ViewerError, describeCause } from '../../sources/errors.js';
import { imageKey, type ImageGeometry, type SafeFacts } from '../../sources/inspect.js';
import { sourceOf } from '../../sources/has-source.js';
import { sameSource, type PreparedStack, type ViewerSource } from '../../sources/prepare.js';
import { styles } from './patient-image-viewer.styles.js';
// --- issue 16 study: type only; the study list is its own chunk, imported when a study comes alone ---
import type { StudyController } from '../../study/study-controller.js';

/** What the viewer tells a `requestHeaders` function. */
export interface RequestHeadersContext {
  /**
   * True when the image server has just refused the credentials (HTTP 401): get fresh ones (for
   * example, refresh the patient's token). Asked at most once per load; if the server still refuses,
   * the viewer shows its "sign in again" message.
   */
  refresh: boolean;
}

/**
 * Request headers, or a function that returns them (called before every request, so tokens stay
 * fresh; called with `{ refresh: true }` once after a 401, before the viewer gives up).
 */
export type RequestHeaders =
  | Record<string, string>
  | ((context: RequestHeadersContext) => Record<string, string> | Promise<Record<string, string>>);

/**
 * Shows a patient their own DICOM image or stack, with plain controls for changing image, zoom,
 * moving the picture and brightness, usable by touch, keyboard and buttons. The imaging engine
 * (Cornerstone3D) downloads only when the viewer first needs to draw.
 *
 * Sources, first one set wins: `files`, `urls`, `src`, then DICOMweb (`dicomweb-root`, `study-uid`, `series-uid`).
 * With `dicomweb-root` and `study-uid` but no `series-uid`, it lists the study's series as plain
 * choices (the images the care team picked first); choosing one shows it, with a way back to the list.
 *
 * Language: en-GB, or Welsh (cy) when `lang` says so: the element's own `lang`, else the closest
 * ancestor's, else `<html lang>` (`cy`, `cy-GB`). It follows changes to `lang`. The `messages`
 * property overrides any word in either language. Welsh strings await review by a Welsh speaker.
 *
 * @summary A safe, plain-English medical image viewer for patients.
 * @tag patient-image-viewer
 *
 * @event {PvLoadEvent} pv-load - The first image is on screen and the viewer is interactive (the live view drawn, the controls working). `detail` holds only safe facts: modality, body part, image count, index, renderer.
 * @event {PvFirstPictureEvent} pv-first-picture - The first picture of a load is on screen: a poster frame drawn before the imaging engine is ready, from the file or from a DICOMweb server's rendered picture (`detail.poster` true; `pv-load` follows when the controls work), or the live view itself (`detail.poster` false, just before `pv-load`). `detail`: modality, body part, image count, index, poster.
 * @event {PvErrorEvent} pv-error - The image cannot be shown. `detail.type` names the class of failure; `detail.message` is what the patient sees. For `engine-failed` (the page could not load or start the imaging engine: a bundling or server fault), `detail.cause` says what broke, and the console has the full error.
 * @event {PvImageChangeEvent} pv-image-change - The patient moved to another image. `detail`: index (0-based) and image count.
 * @event {PvSeriesChangeEvent} pv-series-change - A study was given alone: the patient opened one of its series, or went back to the list. `detail`: view, modality, plain name, image count, whether it was a key image; never a description or UID.
 * @event {PvViewChangeEvent} pv-view-change - The picture was drawn differently (image, zoom, move, size); at most once a frame. For overlays.
 * @event {PvActivityEvent} pv-activity - The patient tapped, clicked, pressed a key, turned the wheel or scrolled inside the element; at most once every 30 s for the page. `detail`: `kind`, `element`, `at`.
 *
 * @slot annotations - For `<lay-annotation-layer>` (it puts itself here): its labels are drawn over the picture and its list shown below the controls.
 *
 * @csspart base - The whole viewer.
 * @csspart frame - The dark box around the picture.
 * @csspart canvas - The picture itself (the element the engine draws into). Its accessible name comes from `alt`.
 * @csspart poster - The poster frame: a still picture of the first image shown while the imaging engine gets ready, in the same place as the live picture.
 * @csspart progress - The loading progress bar.
 * @csspart error - The error message panel.
 * @csspart notice - The burned-in text notice.
 * @csspart status - The line that says which image is showing; also the live region.
 * @csspart controls - The toolbar of buttons and the image slider.
 * @csspart button - Every toolbar button.
 * @csspart study - The list of a study's series (a study given without a series).
 * @csspart study-choice - Each choice in that list (a button).
 * @csspart study-bar - Above the picture of a chosen series: "Back to the list of images" and its name.
 * @csspart signed-out - After `clear()` (sign-out): the plain "Signed out" words, until a new source is set.
 *
 * @cssprop [--pv-color-text=var(--nhsuk-text-colour, #212b32)] - Text colour.
 * @cssprop [--pv-color-brand=var(--nhsuk-brand-colour, #005eb8)] - Brand colour: one setting for buttons, links, panels, the slider and progress bar, the consent step's background and the notice edge, in all three elements. A more specific property (such as `--pv-button-text-color` or `--pv-interruption-background`) wins over it.
 * @cssprop [--pv-color-surface=var(--nhsuk-card-background-colour, #ffffff)] - Background of the status line and toolbar.
 * @cssprop [--pv-color-border=var(--nhsuk-border-colour, #d8dde0)] - Border colour.
 * @cssprop [--pv-color-focus=var(--nhsuk-focus-colour, #ffeb3b)] - Focus highlight.
 * @cssprop [--pv-color-focus-text=var(--nhsuk-focus-text-colour, #212b32)] - Text and underline on focus.
 * @cssprop [--pv-color-error=var(--nhsuk-error-colour, #d5281b)] - Error border colour.
 * @cssprop [--pv-button-text-color=var(--pv-color-brand, var(--nhsuk-secondary-button-text-colour, #005eb8))] - Button text.
 * @cssprop [--pv-button-border-color=var(--pv-color-brand, var(--nhsuk-secondary-button-border-colour, #005eb8))] - Button border and shadow.
 * @cssprop [--pv-button-background=var(--nhsuk-secondary-button-solid-background-colour, #ffffff)] - Button background.
 * @cssprop [--pv-button-hover-background=var(--nhsuk-secondary-button-hover-colour, #d9e7f4)] - Button background on hover. With `--pv-color-brand` set, a pale tint of it (15% on white) instead of the NHS pale blue.
 * @cssprop [--pv-stage-background=#000000] - Behind the picture.
 * @cssprop [--pv-stage-height=min(70vh, 560px)] - Height of the picture box. On a short screen it is kept low enough for Previous and Next to show with the picture; on a phone held sideways the box takes the screen's height.
 * @cssprop [--pv-target-size=44px] - Smallest size of buttons and the slider.
 * @cssprop [--pv-radius=4px] - Corner radius.
 * @cssprop [--pv-font-family=inherit] - Font.
 */
export class PatientImageViewer extends PvElement implements ViewerLike {
  static override styles = styles;
  /** Every built-in word (the consent step in the shell carries only its own part). */
  protected static override english: Partial<Catalogue> = enGB;

  // Controllers
  /** Its own `hold`, or that of a consent step around it. */
  readonly #hold = new HoldController(this);

  readonly #visibility = new VisibilityController(
    this,
    () => ({ target: this.stage ?? null, loading: this.loading }),
    () => {
      this.#viewer.view?.resize();
      this.#redrawPoster();
    },
  );

  readonly #viewer: ViewerController = new ViewerController(
    this,
    () => ({
      source: this.#source,
      stage: this.stage ?? null,
      headers: (options) => this.#headers(options?.refresh ?? false),
      canRefresh: typeof this.requestHeaders === 'function',
      timeout: this.timeout,
    }),
    this.#visibility,
    {
      onLoad: (facts, count, index, renderer, skipped) => {
        if (!this.#posterOnScreen) {
          this.dispatchEvent(new PvFirstPictureEvent({ ...facts, imageCount: count, index, poster: false }));
        }
        this.dispatchEvent(new PvLoadEvent({ ...facts, imageCount: count, index, renderer, skippedImages: skipped }));
      },
      onPrepared: (prepared, start) => this.#preparePoster(prepared, start),
      onDrawn: () => {
        this.#live = true;
        this.requestUpdate();
      },
      onError: (error) =>
        this.dispatchEvent(
          new PvErrorEvent({
            type: error.type,
            message: this.#errorText(error.type),
            retryable: error.retryable,
            ...(error.type === 'engine-failed' ? { cause: describeCause(error) } : {}),
          }),
        ),
      onImageChange: (index, count) => {
        this.#writeIndex();
        this.dispatchEvent(new PvImageChangeEvent({ index, imageCount: count }));
      },
      onViewChange: () =>
        this.dispatchEvent(
          new PvViewChangeEvent({ index: this.#viewer.index, imageCount: this.#viewer.count, zoom: this.#viewer.view?.state().zoom ?? 1 }),
        ),
    },
  );

  // Queries
  /** @internal The element the engine draws into. */
  @query('.stage') stage?: HTMLDivElement;

  /** The poster frame's canvas (issue 15). */
  @query('.poster') posterCanvas?: HTMLCanvasElement;

  // Properties
  /** URL of one DICOM file (single- or multi-frame). */
  @property() src = '';

  /** URLs of the files of one series; shown in anatomical order (Instance Number, then position). */
  @property({ attribute: false }) urls: string[] = [];

  /** Local files (from a file picker or drag-and-drop), shown in anatomical order. */
  @property({ attribute: false }) files: File | FileList | File[] | null = null;

  /** DICOMweb service root, e.g. `/dicom-web`. Used with `study-uid` and `series-uid`. */
  @property({ attribute: 'dicomweb-root' }) dicomwebRoot = '';

  /** Study Instance UID for DICOMweb. */
  @property({ attribute: 'study-uid' }) studyUid = '';

  /** Series Instance UID for DICOMweb. Leave it out to let the patient choose among the study's series. */
  @property({ attribute: 'series-uid' }) seriesUid = '';

  /**
   * For clinicians: with a study given alone, show each series' own description (free text from the
   * scanner, which can hold identifying words) behind "More detail". Off by default; never in events.
   */
  @property({ type: Boolean, attribute: 'series-details' }) seriesDetails = false;

  /**
   * With a study given alone: images the care team picked, by SOP Instance UID and frame (1-based),
   * offered first in the list ("Images your care team picked"), after those of the study's own key
   * object selection. A `<lay-annotation-layer>` inside sets it from its document's `keyImages`.
   */
  @property({ attribute: false }) keyImages: readonly { sopInstanceUid: string; frame?: number }[] = [];

  /**
   * Headers for every request (for example a bearer token), or a function returning them.
   * A property only, never an attribute, so tokens do not appear in the page's HTML.
   * A function is called before every request with `{ refresh: false }`; when the image server
   * answers 401, it is called once with `{ refresh: true }` to get fresh credentials, and the load
   * is tried once more before the viewer says the patient needs to sign in again.
   */
  @property({ attribute: false }) requestHeaders: RequestHeaders | undefined;

  /** What the picture shows, in plain words. When empty, the viewer describes it ("CT scan of the head, image 3 of 10"). */
  @property() alt = '';

  /** `lazy` (default) waits until the viewer is near the screen before downloading anything; `eager` starts at once. */
  @property({ reflect: true }) loading: 'lazy' | 'eager' = 'lazy';

  /**
   * While set, the viewer loads nothing and shows nothing (no engine, no image bytes). Setting it
   * on a loaded viewer puts the picture away. Inside a `<finding-disclosure>` it reads true until
   * the patient chooses to see their images (the step's hold, whatever this is set to).
   */
  @property({ type: Boolean, reflect: true })
  get hold(): boolean {
    return this.#hold.held;
  }

  set hold(value: boolean) {
    this.#hold.own = value;
  }

  /** Milliseconds a load may take before the viewer says it took too long. */
  @property({ type: Number }) timeout = 30000;

  /**
   * Hide the marks stored with the image (DICOM graphics overlays: arrows, outlines or words the
   * person who reported it drew). They are shown by default, as they were reported; the patient can
   * also hide and show them with a button.
   */
  @property({ type: Boolean, reflect: true, attribute: 'hide-overlays' }) hideOverlays = false;

  /**
   * The level of this element's headings (1 to 6; default 2), so they fit the page's outline: inside
   * a section whose heading is an `h2`, set 3. Headings below them are one level lower.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  // Lifecycle
  constructor() {
    super();
    // Registers itself with this host; it lives and dies with the element.
    new GestureController(
      this,
      () => ({
        element: this.stage ?? null,
        // Markers over the picture (slotted layers) pass drags and pinches to it: heard on the whole viewer.
        area: this.renderRoot?.querySelector<HTMLElement>('.viewer') ?? null,
        enabled: this.#viewer.status === 'loaded',
        dragMode: this.#dragMode,
      }),
      {
        step: (delta) => this.#viewer.step(delta),
        goTo: (index) => void this.#viewer.goTo(index),
        panBy: (dx, dy) => this.#act((view) => view.panBy(dx, dy)),
        zoomBy: (factor) => this.#act((view) => view.zoomBy(factor)),
        adjust: (lighter, contrast) => this.#act((view) => view.adjust(lighter, contrast)),
        fit: () => this.#act((view) => view.fit()),
        zoom: () => this.#viewer.view?.state().zoom ?? 1,
        count: () => this.#viewer.count,
      },
    );
  }

  protected override willUpdate(): void {
    // Signed out (issue 17) until a new source is set.
    if (this.signedOut && sourceOf(this)) this.signedOut = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('loading')) this.#visibility.recheck();
    if (!this.#study && !this.hold && !sourceOf(this) && this.dicomwebRoot && this.studyUid) void this.#startStudy();
    this.#viewer.view?.setOverlaysVisible(!this.hideOverlays);
    this.#updatePoster();
  }

  // Poster frame (issue 15): a still picture of the first image while the engine gets ready.
  /** The current load's poster, once made; undefined when the file has none. */
  #poster: Poster | undefined;
  /** Which load the poster belongs to: a newer load (or a hold) makes an older poster stale. */
  #posterLoad = 0;
  /** Whether the poster is drawn on screen now. */
  #posterOnScreen = false;
  /** Cancels the fetch of a DICOMweb server's rendered poster when the load it was for is gone. */
  #posterAbort: AbortController | undefined;
  /** The canvas the poster was drawn into: emptied when the poster goes, even after it left the page. */
  #posterDrawnIn: HTMLCanvasElement | undefined;
  /** The engine has drawn this load: the poster gives way. */
  #live = false;

  /** Whether the poster should be on screen: while the engine gets ready, and with the engine's own failure. */
  get #posterWanted(): boolean {
    const { status, error } = this.#viewer;
    if (!this.#poster || this.hold) return false;
    return status === 'loading' || (status === 'loaded' && !this.#live) || (status === 'error' && error?.type === 'engine-failed');
  }

  /** Called once the images have passed every check (never for a refused file, never while held). */
  #preparePoster(prepared: PreparedStack, start: number): void {
    const load = ++this.#posterLoad;
    this.#dropPoster();
    this.#live = false;
    if (start !== 0 || this.hold) return;
    const made = prepared.kind === 'part10' ? this.#filePoster(prepared) : this.#renderedPoster(prepared);
    void made?.then((poster) => {
      if (!poster || load !== this.#posterLoad || !this.isConnected || this.hold) return;
      // The engine won the race (no poster needed), or failed to start (the poster stays, with the message).
      const { status, error } = this.#viewer;
      if (status !== 'loading' && !(status === 'error' && error?.type === 'engine-failed')) return;
      this.#poster = poster;
      this.requestUpdate();
    });
  }

  /** From the checked bytes of the first file, without the engine. */
  #filePoster(prepared: Extract<PreparedStack, { kind: 'part10' }>): Promise<Poster | undefined> | undefined {
    const first = prepared.files[0];
    if (!first) return undefined;
    return makePoster({ buffer: first.buffer, display: first.display, pixelSpacing: prepared.images[0]?.geometry.pixelSpacing });
  }

  /** From the DICOMweb server's rendered picture of the first frame, fetched while the engine loads. */
  #renderedPoster(prepared: Extract<PreparedStack, { kind: 'wadors' }>): Promise<Poster | undefined> | undefined {
    const frame = prepared.frames[0];
    const geometry = prepared.images[0]?.geometry;
    const box = this.renderRoot.querySelector<HTMLElement>('.frame');
    if (!frame || !geometry || !box || !frame.imageId.startsWith('wadors:')) return undefined;
    const abort = new AbortController();
    this.#posterAbort = abort;
    const ratio = globalThis.devicePixelRatio || 1;
    return this.#headers(false).then((headers) =>
      makeRenderedPoster({
        frameUrl: frame.imageId.slice('wadors:'.length),
        metadata: frame.metadata as Parameters<typeof makeRenderedPoster>[0]['metadata'],
        shape: { columns: geometry.columns, rows: geometry.rows, pixelSpacing: geometry.pixelSpacing },
        box: { width: box.clientWidth * ratio, height: box.clientHeight * ratio },
        headers,
        signal: abort.signal,
      }),
    );
  }

  #dropPoster(): void {
    this.#posterAbort?.abort();
    this.#posterAbort = undefined;
    this.#poster = undefined;
    this.#posterOnScreen = false;
    clearPoster(this.#posterDrawnIn);
    clearPoster(this.posterCanvas);
    this.#posterDrawnIn = undefined;
  }

  #updatePoster(): void {
    // A new load, a hold, or a refused file: never keep an old picture.
    if (this.#viewer.status === 'idle' || this.#viewer.status === 'waiting') this.#posterLoad++;
    if (!this.#posterWanted) {
      if (this.#posterOnScreen || this.#poster) this.#dropPoster();
      return;
    }
    if (this.#posterOnScreen) return;
    const canvas = this.posterCanvas;
    if (!canvas || !this.#poster || !drawPoster(canvas, this.#poster)) return;
    this.#posterOnScreen = true;
    this.#posterDrawnIn = canvas;
    const { facts, count, index } = this.#viewer;
    this.dispatchEvent(
      new PvFirstPictureEvent({ modality: facts?.modality ?? '', bodyPart: facts?.bodyPart ?? '', imageCount: count, index, poster: true }),
    );
    // The status line and the notices now describe the picture on screen.
    this.requestUpdate();
  }

  #redrawPoster(): void {
    if (this.#posterOnScreen && this.#poster && this.posterCanvas) drawPoster(this.posterCanvas, this.#poster);
  }

  /** What a one-finger (or left-button) drag does: move the picture, or change its brightness. */
  #dragMode: 'move' | 'adjust' = 'move';

  // Handlers
  #onDragMode = () => {
    this.#dragMode = this.#dragMode === 'move' ? 'adjust' : 'move';
    this.requestUpdate();
  };

  #onSlider = (event: Event) => {
    void this.#viewer.goTo(Number((event.target as HTMLInputElement).value) - 1);
  };

  /**
   * Previous or Next from the toolbar. On the first or last image the focused button becomes
   * disabled, which would drop focus to the page: focus moves to the other button (WCAG 2.4.3).
   */
  #step = async (delta: -1 | 1) => {
    const buttons = () => {
      const [previous, next] = this.renderRoot.querySelectorAll<HTMLButtonElement>('.navigate > button');
      return delta < 0 ? { pressed: previous, other: next } : { pressed: next, other: previous };
    };
    const hadFocus = this.shadowRoot?.activeElement === buttons().pressed;
    await this.#viewer.goTo(this.#viewer.index + delta);
    await this.updateComplete;
    const { pressed, other } = buttons();
    if (hadFocus && pressed?.disabled && !this.shadowRoot?.activeElement) other?.focus();
  };

  #onRetry = () => {
    void this.#viewer.load();
    void this.updateComplete.then(() => this.stage?.focus());
  };

  // Public methods
  /** Load the current source again. */
  reload(): Promise<void> {
    return this.#viewer.load();
  }

  /** Show the image at `index` (0-based). */
  goTo(index: number): Promise<void> {
    return this.#viewer.goTo(index);
  }

  /** Show the next image. */
  next(): Promise<void> {
    return this.#viewer.goTo(this.#viewer.index + 1);
  }

  /** Show the previous image. */
  previous(): Promise<void> {
    return this.#viewer.goTo(this.#viewer.index - 1);
  }

  /** Make the picture bigger. */
  zoomIn(): void {
    this.#act((view) => view.zoomBy(1.25));
  }

  /** Make the picture smaller. */
  zoomOut(): void {
    this.#act((view) => view.zoomBy(0.8));
  }

  /** Fit the picture to the box. */
  fit(): void {
    this.#act((view) => view.fit());
  }

  /** Make the picture lighter (`steps` > 0) or darker (`steps` < 0). */
  lighten(steps = 1): void {
    this.#act((view) => view.adjust(steps, 0));
  }

  /** More contrast (`steps` > 0) or less (`steps` < 0). */
  contrast(steps = 1): void {
    this.#act((view) => view.adjust(0, steps));
  }

  /** Back to how the picture first looked. */
  reset(): void {
    this.#act((view) => view.reset());
  }

  /** Where the viewer is: `idle`, `waiting`, `loading`, `loaded` or `error`. */
  get status(): ViewerStatus {
    return this.#viewer.status;
  }

  /** The image on screen, counting from 0. */
  get index(): number {
    return this.#viewer.index;
  }

  /** Images in the stack (0 until loaded). */
  get imageCount(): number {
    return this.#viewer.count;
  }

  /** Safe facts about what is shown (modality, body part, burned-in flag), once loaded. */
  get imageFacts(): SafeFacts | undefined {
    return this.#viewer.status === 'loaded' ? this.#viewer.facts : undefined;
  }

  /** The accessible name of the picture. */
  get description(): string {
    return this.#label();
  }

  /**
   * Which image (0-based) holds a given instance and frame, or undefined. The UID is matched
   * inside the viewer and never shown.
   */
  imageIndexFor(target: { sopInstanceUid: string; frame?: number } | { index: number }): number | undefined {
    const images = this.#viewer.images;
    if ('index' in target) {
      return Number.isInteger(target.index) && target.index >= 0 && target.index < images.length ? target.index : undefined;
    }
    const frame = target.frame ?? 1;
    const found = images.findIndex((image) => image.sopInstanceUid === target.sopInstanceUid && image.frame === frame);
    return found >= 0 ? found : undefined;
  }

  /**
   * A key for image `index` that stays the same for the same instance and frame, whatever source
   * shows it, and differs for another (a hash: no UID is given out), or undefined. Issue 18: the
   * editor tells whether a label placed by image number is still on the images it was placed on.
   */
  imageKey(index: number): string | undefined {
    const image = this.#viewer.images[index];
    return image && imageKey(`${image.sopInstanceUid}/${image.frame}`);
  }

  /** Size, orientation and pixel spacing of image `index` (safe facts only), or undefined. */
  imageGeometry(index: number): ImageGeometry | undefined {
    return this.#viewer.images[index]?.geometry;
  }

  /**
   * Where a point of the image on screen (column, row in image pixels; integers are pixel centres)
   * is, in CSS pixels from the top-left corner of the picture box (the `frame` part).
   */
  imageToFrame(column: number, row: number): { x: number; y: number } | undefined {
    if (this.#viewer.status !== 'loaded') return undefined;
    return this.#viewer.view?.imageToCanvas(column, row);
  }

  /** The picture box (the `frame` part) relative to this element's top-left corner, in CSS pixels. */
  frameBox(): { x: number; y: number; width: number; height: number } | undefined {
    const frame = this.renderRoot.querySelector<HTMLElement>('[part="frame"]');
    if (!frame) return undefined;
    const outer = this.getBoundingClientRect();
    const inner = frame.getBoundingClientRect();
    return { x: inner.left - outer.left, y: inner.top - outer.top, width: inner.width, height: inner.height };
  }

  /** @internal Read the engine view (tests and benchmarks). */
  get _view() {
    return this.#viewer.view;
  }

  // --- issue 16 study: the study list (src/study/), loaded once a study comes without a series ---
  #study: StudyController | undefined;
  #studyImport: Promise<unknown> | undefined;

  #startStudy(): Promise<unknown> {
    this.#studyImport ??= import('../../study/study-controller.js').then(({ StudyController }) => {
      this.#study = new StudyController(this, () => ({
        active: !this.hold && !sourceOf(this) && Boolean(this.dicomwebRoot && this.studyUid),
        root: this.dicomwebRoot,
        study: this.studyUid,
        headers: (refresh) => this.#headers(refresh),
        canRefresh: typeof this.requestHeaders === 'function',
        timeout: this.timeout,
        messages: this.locale.messages,
        t: (key, values) => this.t(key, values),
        headingLevel: this.headingLevel,
        showDetails: this.seriesDetails,
        whenWanted: () => this.#visibility.whenWanted(),
        keyImages: this.keyImages,
      }));
    }, (error: unknown) => {
      // The list's chunk could not load (a bundling or server fault): say so, as for the engine.
      console.error(error);
      const failure = new ViewerError('engine-failed', 'The study list could not load.', { cause: error });
      this.dispatchEvent(new PvErrorEvent({ type: failure.type, message: this.#errorText(failure.type), retryable: false, cause: describeCause(failure) }));
    });
    return this.#studyImport;
  }

  /**
   * With a study given alone: which of its series hold these images (by SOP Instance UID), as a map
   * from instance UID to the series' plain name; images of no series are left out. Asks the image
   * server only for images it has not placed yet. Empty when no study list is there.
   */
  async findInStudy(uids: readonly string[]): Promise<Map<string, string>> {
    return (await this.#study?.find(uids)) ?? new Map<string, string>();
  }

  /** With a study given alone: open the series that holds this image, at this image. False when the study has no such image. */
  async openInStudy(target: { sopInstanceUid: string; frame?: number }): Promise<boolean> {
    return (await this.#study?.open(target)) ?? false;
  }
  // --- end issue 16 study ---

  /** Issue 17: stop, let go of the images (the engine's and the files given), and forget the source. */
  protected override clearContent(): void {
    this.#viewer.clear();
    this.files = null;
    this.urls = [];
    this.src = this.dicomwebRoot = this.studyUid = this.seriesUid = this.alt = '';
    for (const name of ['src', 'dicomweb-root', 'study-uid', 'series-uid', 'alt']) this.removeAttribute(name);
    this.#lastSource = undefined;
  }

  get #source(): ViewerSource | undefined {
    const source = this.hold || this.signedOut ? undefined : (sourceOf(this) ?? this.#study?.source);
    // Keep one source object while it names the same images, so re-renders do not reload.
    if (!sameSource(source, this.#lastSource)) this.#lastSource = source;
    return this.#lastSource;
  }

  #lastSource: ViewerSource | undefined;

  async #headers(refresh: boolean): Promise<Record<string, string>> {
    const source = this.requestHeaders;
    const headers = typeof source === 'function' ? await source({ refresh }) : source;
    return { ...(headers ?? {}) };
  }

  #act(action: (view: NonNullable<PatientImageViewer['_view']>) => void): void {
    const view = this.#viewer.view;
    if (this.#viewer.status !== 'loaded' || !view) return;
    action(view);
    this.requestUpdate();
  }

  #errorText(type: string): string {
    return this.t(`error.${type}` as MessageKey);
  }

  #label(): string {
    const { facts, count, index } = this.#viewer;
    const description = this.alt || (facts ? describe(facts, this.locale.messages) : this.t('kind.other'));
    if (count > 1) return this.t('describeWithIndex', { description, index: index + 1, count });
    return description;
  }

  /** Whether the last render showed the marks notice and button (they follow the image). */
  #renderedOverlays = false;

  /**
   * Another image is on screen: write what says which one (the picture's name, the status line,
   * the slider and its words, Previous and Next) straight into the rendered controls, in the frame
   * of the draw, without a whole update of the element. Lit writes the same values on its next
   * update (every write here is of the current index, so Lit's last values never go stale on screen).
   */
  #writeIndex(): void {
    const root = this.renderRoot;
    if (!this.hasUpdated || !root || this.#viewer.status !== 'loaded') return;
    // The image's marks change what the controls show: a whole update.
    if (Boolean(this.#viewer.view?.hasOverlays()) !== this.#renderedOverlays) {
      this.requestUpdate();
      return;
    }
    const { index, count } = this.#viewer;
    const label = this.#label();
    if (this.stage && this.stage.getAttribute('aria-label') !== label) this.stage.setAttribute('aria-label', label);
    // The live region: a screen reader hears the image reached when the patient stops.
    if (!writeText(root.querySelector('[part="status"] > span'), this.#announcement())) {
      this.requestUpdate();
      return;
    }
    const navigate = root.querySelector('fieldset.navigate');
    if (!navigate) return;
    const [previous, next] = navigate.querySelectorAll<HTMLButtonElement>(':scope > button');
    if (previous) previous.disabled = index <= 0;
    if (next) next.disabled = index >= count - 1;
    const words = this.t('imageOf', { index: index + 1, count });
    writeText(navigate.querySelector('label > span'), words);
    const slider = navigate.querySelector<HTMLInputElement>('input[type="range"]');
    if (slider) {
      slider.value = String(index + 1);
      slider.setAttribute('aria-valuetext', words);
    }
  }

  #announcement(): string {
    const { status, error, progress } = this.#viewer;
    if (status === 'loading' && this.#posterOnScreen) return `${this.#label()}. ${this.t('controlsGettingReady')}`;
    if (status === 'loading') {
      // Said at the start and once half-way, not at every percent (a flood of updates a screen
      // reader would queue up): the progress bar shows the rest.
      return progress === undefined || progress < 0.5 ? this.t('loading') : this.t('loadingProgress', { percent: 50 });
    }
    if (status === 'error' && error) return `${this.t('errorTitle')}. ${this.#errorText(error.type)}`;
    if (status === 'loaded') return this.#label();
    return '';
  }

  override render() {
    if (this.signedOut) return this.renderSignedOut();
    const { status, error, progress, facts, count, index } = this.#viewer;
    const loaded = status === 'loaded';
    const zoom = loaded ? (this.#viewer.view?.state().zoom ?? 1) : 1;
    const poster = this.#posterOnScreen;
    this.#renderedOverlays = loaded && Boolean(this.#viewer.view?.hasOverlays());
    return html`
      <div part="base" class="viewer">
        ${this.#study?.render() ?? nothing}
        <div part="frame" class="frame" data-status=${status} ?hidden=${this.#study?.listing ?? false}>
          <div
            part="canvas"
            class="stage ${zoom <= 1.05 && this.#dragMode !== 'adjust' ? 'fitted' : ''}"
            role="img"
            aria-label=${this.#label()}
            tabindex=${loaded ? '0' : '-1'}
          ></div>
          <div class="focus-ring" aria-hidden="true"></div>
          ${this.#posterWanted
            ? html`<canvas part="poster" class="poster" width="0" height="0" aria-hidden="true"></canvas>`
            : nothing}
          ${status === 'loading' || status === 'waiting'
            ? html`<div class="overlay loading ${poster ? 'over-poster' : ''}">
                <span>${this.t('loading')}</span>
                <progress
                  part="progress"
                  aria-label=${this.t('loading')}
                  max="1"
                  value=${progress ?? nothing}
                ></progress>
              </div>`
            : nothing}
          ${status === 'error' && error
            ? html`<div class="overlay error ${poster ? 'over-poster' : ''}" part="error">
                ${heading(headingLevel(this.headingLevel), this.t('errorTitle'))}
                <p>${this.#errorText(error.type)}</p>
                ${error.retryable
                  ? html`<button part="button" type="button" @click=${this.#onRetry}>${this.t('tryAgain')}</button>`
                  : nothing}
              </div>`
            : nothing}
        </div>
        ${(loaded || poster) && facts?.burnedInText ? html`<p class="notice" part="notice">${this.t('burnedInText')}</p>` : nothing}
        ${loaded && this.#viewer.view?.hasOverlays() ? html`<p class="notice" part="notice">${this.t('marksNotice')}</p>` : nothing}
        ${loaded && this.#viewer.skipped > 0
          ? html`<p class="notice" part="notice">
              ${this.t('someSkipped', { skipped: this.#viewer.skipped })}
            </p>`
          : nothing}
        <div part="status" class="status" role="status" aria-live="polite" aria-atomic="true">
          <span>${this.#announcement()}</span>
        </div>
        ${loaded ? this.#renderControls(count, index, facts?.modality ?? '') : nothing}
        ${poster && status === 'loading' ? html`<p class="controls-pending">${this.t('controlsGettingReady')}</p>` : nothing}
        <slot name="annotations"></slot>
      </div>
    `;
  }

  /**
   * "Move the picture": up, down, left and right by single clicks or taps, shown while zoomed in,
   * so moving a zoomed picture never needs a drag (WCAG 2.2, 2.5.7). A step is 4 arrow-key steps.
   */
  #renderPan() {
    const zoom = this.#viewer.view?.state().zoom ?? 1;
    if (zoom <= 1.05) return nothing;
    const step = KEY_PAN_PX * 4;
    const pan = (key: MessageKey, dx: number, dy: number) =>
      html`<button part="button" type="button" @click=${() => this.#act((view) => view.panBy(dx, dy))}>${this.t(key)}</button>`;
    return html`<fieldset class="pan">
      <legend>${this.t('panGroup')}</legend>
      ${pan('panUp', 0, -step)} ${pan('panDown', 0, step)} ${pan('panLeft', -step, 0)} ${pan('panRight', step, 0)}
    </fieldset>`;
  }

  #renderControls(count: number, index: number, modality: string) {
    const button = (key: MessageKey, action: () => void, disabled = false) =>
      html`<button part="button" type="button" ?disabled=${disabled} @click=${action}>${this.t(key)}</button>`;
    return html`
      <div part="controls" class="controls" role="group" aria-label=${this.t('controlsLabel')}>
        ${count > 1
          ? html`<fieldset class="navigate">
              <legend>${this.t('moveGroup')}</legend>
              ${button('previous', () => void this.#step(-1), index <= 0)}
              <label>
                <span>${this.t('imageOf', { index: index + 1, count })}</span>
                <input
                  type="range"
                  min="1"
                  max=${count}
                  step="1"
                  .value=${String(index + 1)}
                  aria-valuetext=${this.t('imageOf', { index: index + 1, count })}
                  @input=${this.#onSlider}
                />
              </label>
              ${button('next', () => void this.#step(1), index >= count - 1)}
            </fieldset>`
          : nothing}
        <fieldset>
          <legend>${this.t('viewGroup')}</legend>
          ${button('zoomIn', () => this.zoomIn())} ${button('zoomOut', () => this.zoomOut())}
          ${button('fit', () => this.fit())}
        </fieldset>
        ${this.#renderPan()}
        <fieldset>
          <legend>${this.t('lookGroup')}</legend>
          ${button('lighter', () => this.lighten(1))} ${button('darker', () => this.lighten(-1))}
          ${button('moreContrast', () => this.contrast(1))} ${button('lessContrast', () => this.contrast(-1))}
          <button part="button" type="button" aria-pressed=${this.#dragMode === 'adjust'} @click=${this.#onDragMode}>
            ${this.t('dragToAdjust')}
          </button>
          ${button('reset', () => this.reset())}
          ${this.#viewer.view?.hasOverlays()
            ? html`<button part="button" type="button" aria-pressed=${this.hideOverlays} @click=${() => (this.hideOverlays = !this.hideOverlays)}>
                ${this.t('hideMarks')}
              </button>`
            : nothing}
        </fieldset>
        <details>
          <summary>${this.t('aboutTitle')}</summary>
          <p>${explain(modality, this.locale.messages)}</p>
        </details>
        <details class="keys">
          <summary>${this.t('keysTitle')}</summary>
          <p>${this.t('keysHelp')}</p>
        </details>
      </div>
    `;
  }
}

/** Set the text Lit rendered in `element` (its one text node), keeping Lit's node. False when there is none. */
function writeText(element: Element | null, text: string): boolean {
  const node = element?.firstChild;
  let textNode: Text | undefined;
  for (let child = node; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE && (child as Text).data.trim() !== '') {
      textNode = child as Text;
      break;
    }
  }
  if (!textNode) return false;
  if (textNode.data !== text) textNode.data = text;
  return true;
}
