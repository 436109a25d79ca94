import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AnnotationDocument, AnnotationLabel, AnnotationProblem } from '../../annotations/index.js';
import { AnnotationDocumentController } from '../../controllers/annotation-document-controller.js';
import { GlossaryPopoverController } from '../../controllers/glossary-popover-controller.js';
import { LabelPlacementController } from '../../controllers/label-placement-controller.js';
import { LabelSelectionController } from '../../controllers/label-selection-controller.js';
import { QuestionsController } from '../../controllers/questions-controller.js';
import { ViewerLinkController } from '../../controllers/viewer-link-controller.js';
import { PlatformController } from '../../controllers/platform-controller.js';
import { PvShareRequestEvent, type ShareScope } from '../../events/pv-share-request-event.js';
import type { Platform } from '../../platform/nhs-app.js';
import { describe } from '../../lay/describe.js';
import { PvAnnotationErrorEvent } from '../../events/pv-annotation-error-event.js';
import { PvLinkBlockedEvent } from '../../events/pv-link-blocked-event.js';
import type { StoreSetting } from '../../disclosure/choice-store.js';
import type { DisclosurePlace } from '../../controllers/disclosure-controller.js';
import { DocumentDisclosureController } from '../../controllers/document-disclosure-controller.js';
import { HoldController } from '../../controllers/hold-controller.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import { enGB, type Catalogue, type MessageKey } from '../../lay/messages.js';
import { edgesFromImageOrientation, edgesFromPatientOrientation } from '../../lay/orientation.js';
import { heading, headingLevel } from '../heading.js';
import type { RequestHeaders } from '../patient-image-viewer/patient-image-viewer.js';
import { PvElement } from '../pv-element.js';
import { styles } from './lay-annotation-layer.styles.js';
import { renderSensitive } from './sensitive.js';
import { documentLang, type LayerItem, type LayerRenderContext } from './render-context.js';
import { COMPACT_WIDTH, renderOverlay } from './render-overlay.js';
import { renderPanel } from './render-panel.js';
import { renderCopy } from './render-copy.js';

/**
 * Plain-English labels on a patient's image: markers pinned to points of the right image that
 * follow zoom, moves and image changes; a list of the labels below; a summary of the report;
 * hard words explained in place; orientation ("Your right") and a scale in centimetres; links
 * only to trusted sites. Put it inside a `<patient-image-viewer>`.
 *
 * Language: en-GB, or Welsh (cy) when `lang` says so: the element's own `lang`, else the closest
 * ancestor's, else `<html lang>` (`cy`, `cy-GB`). It follows changes to `lang`. The `messages`
 * property overrides any word in either language.
 * Hard words are explained in Welsh where the Welsh glossary has them, else in English (marked
 * `lang="en"`). Welsh strings await review by a Welsh speaker.
 *
 * One finding, one mark: a label's finding id (its `findingId`, else its `id`) is shared with every
 * other place on the page that shows that finding in the same study (`study-key`, or the study key
 * of the `<finding-disclosure>` around it): a wrapped `<finding-disclosure scope="finding" finding-id>`,
 * other labels, report sentences. If any of them is sensitive, all are; the patient's choice in one
 * place holds or shows it in all, and is kept under one key (see `src/disclosure/finding-marks.ts`).
 * The summary waits while any sensitive finding of the study is not shown, as it may speak of it.
 *
 * @summary Labels, words and reference points on top of `<patient-image-viewer>`.
 * @tag lay-annotation-layer
 *
 * @event {PvAnnotationErrorEvent} pv-annotation-error - The annotation document had problems. Bad labels are left out; `detail.problems` lists every problem with the field's path. A finding id that is sensitive in one place and not in another (in this document, or a `<finding-disclosure finding-id>` or report sentence of the same study on the page) is a problem with `code: 'finding-sensitivity-mismatch'` and its `findingId`; it is held as sensitive everywhere.
 * @event {PvLinkBlockedEvent} pv-link-blocked - A link was not to a trusted site, so it is shown as plain text. `detail`: `labelId`, `url`.
 * @event {PvLabelSelectEvent} pv-label-select - The patient chose a label. `detail`: `id`, `imageIndex`.
 * @event {PvDisclosureRequestEvent} pv-disclosure-request - Before sensitive findings are shown (`detail.scope` is `finding`, `detail.findings` their label ids); cancellable.
 * @event {PvRevealEvent} pv-reveal - Sensitive findings are shown. `detail`: `scope`, `at`, `remembered`, `findings` (label ids).
 * @event {PvDeferEvent} pv-defer - The patient chose to wait, or hid them again. `detail`: `scope`, `at`, `remembered`, `findings`.
 * @event {PvShareRequestEvent} pv-share-request - With `share`: the patient asked to share their images with a doctor, for the portal to fulfil (nothing is uploaded by this library). `detail`: `scope` (`image`, `series` or `study`), `imageIndex` (with `image`), `imageCount`, `modality`, `at`. Cancellable.
 * @event {PvQuestionEvent} pv-question - The patient sent a question about the summary or a label, for the portal to route to their care team. `detail`: `question`, `about`, `labelId`, `imageIndex`, `at`.
 * @event {PvActivityEvent} pv-activity - The patient tapped, clicked, pressed a key, turned the wheel or scrolled inside the element; at most once every 30 s for the page. `detail`: `kind`, `element`, `at`.
 *
 * @csspart overlay - The layer over the picture (markers, tags, orientation, scale).
 * @csspart marker - A numbered marker on the picture.
 * @csspart tag - A short label next to its marker.
 * @csspart marker-card - On a narrow picture (under 480 px), a tapped marker's words, beside it.
 * @csspart panel - The summary and the list of labels below the viewer's controls.
 * @csspart popover - A word's explanation.
 * @csspart sensitive - The notice about findings the care team has marked to talk through.
 * @csspart questions - "Questions for my appointment": the patient's saved questions, printable.
 * @csspart copy - "Keep a copy": Save this image, and Share with a doctor (with `share`).
 * @csspart care-card - "When to get help" advice (NHS care card: non-urgent, urgent or emergency).
 * @csspart signed-out - After `clear()` (sign-out): the plain "Signed out" words, until a new source is set.
 *
 * @cssprop [--pv-color-text=var(--nhsuk-text-colour, #212b32)] - Text colour (shared with the viewer).
 * @cssprop [--pv-color-secondary-text=var(--nhsuk-secondary-text-colour, #4c6272)] - Quieter text: the kind of label, untrusted links.
 * @cssprop [--pv-color-brand=var(--nhsuk-brand-colour, #005eb8)] - Links, buttons, the summary's edge, the body drawing's highlight (shared with the viewer).
 * @cssprop [--pv-color-surface=var(--nhsuk-card-background-colour, #ffffff)] - Panel and popover background (shared with the viewer).
 * @cssprop [--pv-color-border=var(--nhsuk-border-colour, #d8dde0)] - Borders (shared with the viewer).
 * @cssprop [--pv-color-focus=var(--nhsuk-focus-colour, #ffeb3b)] - Focus highlight (shared with the viewer).
 * @cssprop [--pv-color-focus-text=var(--nhsuk-focus-text-colour, #212b32)] - Text on focus (shared with the viewer).
 * @cssprop [--pv-target-size=44px] - Smallest size of buttons (shared with the viewer).
 * @cssprop [--pv-radius=4px] - Corner radius (shared with the viewer).
 * @cssprop [--pv-color-error=var(--nhsuk-error-colour, #d5281b)] - The message when a question is empty (shared).
 * @cssprop [--pv-marker-color=#ffeb3b] - Marker and outline colour.
 * @cssprop [--pv-marker-text-color=#212b32] - Marker number and border colour.
 * @cssprop [--pv-finding-color=#ffffff] - Background of square markers (labels from the report).
 * @cssprop [--pv-color-link-visited=var(--nhsuk-link-visited-colour, #330072)] - Visited links.
 * @cssprop [--pv-body-map-outline=#4c6272] - Outline of the body drawing.
 * @cssprop [--pv-body-map-fill=#ffffff] - Fill of the body drawing.
 * @cssprop [--pv-body-map-highlight=var(--pv-color-brand, var(--nhsuk-brand-colour, #005eb8))] - The marked part of the body drawing.
 */
export class LayAnnotationLayer extends PvElement {
  static override styles = styles;
  /** Every built-in word (the consent step in the shell carries only its own part). */
  protected static override english: Partial<Catalogue> = enGB;

  // Controllers
  /** The viewer this layer sits in (the one place the layer reads it from the link). */
  readonly #viewer = new ViewerLinkController(this, {
    // View changes are followed by the placement controller itself.
    onViewChange: () => {},
    onLoad: () => {
      this.#placement.schedule();
      this.#selectOpened();
    },
  });

  /** The annotation document: given, or fetched from `src` (abort, time-out); validated. */
  readonly #source = new AnnotationDocumentController(
    this,
    () => ({
      annotations: this.annotations,
      src: this.src,
      hold: this.hold,
      // The viewer's time-out; the layer's own request headers, never the viewer's (HAZ-013: the
      // image server's token goes only to the image source).
      timeout: this.#viewerEl()?.timeout ?? 30000,
      headers: this.requestHeaders,
      language: this.locale.language,
    }),
    {
      onHeld: () => {
        this._document = null;
        this._failed = false;
        this.#consent.register();
      },
      onNone: () => (this._document = null),
      onDocument: (document, problems) => this.#onDocument(document, problems),
      onFailed: (reason) => {
        this._document = null;
        this._failed = true;
        this.dispatchEvent(new PvAnnotationErrorEvent({ problems: [{ path: '', message: `The annotation document could not be read (${reason}).` }] }));
      },
      onWords: () => {
        this._term = undefined;
        this.requestUpdate();
      },
    },
  );

  /** The label chosen, the marker card, and where focus and scrolling go when the patient chooses. */
  readonly #selection: LabelSelectionController = new LabelSelectionController(this, () => ({ viewer: this.#viewerEl() }), {
    selected: (item, pictureShown) => {
      const index = (item.imageIndex ?? 0) + 1;
      const words = this.t('layer.selected', { title: item.label.title, number: item.number, total: this.#labels().length, index });
      return pictureShown ? `${words} ${this.t('layer.pictureShown', { index })}` : words;
    },
    announce: (text) => void this.announce(text),
    placeCard: (): Promise<void> => this.#placement.placeNow(),
  });

  /** Markers, tags, outlines and the marker card over the picture, placed once a frame. */
  readonly #placement: LabelPlacementController = new LabelPlacementController(this, () => ({
    viewer: this.#viewerEl(),
    items: this.#labels(),
    overlay: this.renderRoot?.querySelector<HTMLElement>('.overlay') ?? null,
    card: this.#selection.card,
    messages: this.locale.messages,
  }));

  /** "Ask a question about this" and "Questions for my appointment". */
  readonly #questions = new QuestionsController(this, () => ({ storage: this.storage, studyKey: this.studyKey }), {
    announce: (text) => void this.announce(text),
    sentAnnouncement: () => this.t('ask.sentTo', { recipient: this.#recipient() }),
    savedAnnouncement: () => this.t('ask.saved'),
    removedAnnouncement: () => this.t('list.removed'),
  });

  /** A word's explanation: placed beside its word, closed by Escape or when focus leaves it. */
  readonly #popover = new GlossaryPopoverController(this, {
    parts: () => {
      const key = this._term?.key;
      if (!key) return undefined;
      const anchor = this.renderRoot.querySelector<HTMLElement>(`button.term[data-term="${CSS.escape(key)}"]`);
      const popover = anchor?.nextElementSibling as HTMLElement | null | undefined;
      return anchor && popover?.classList.contains('popover') ? { anchor, popover } : undefined;
    },
    onClose: () => (this._term = undefined),
  });

  /** The patient's choice about sensitive findings (one owner for every scope: see `DisclosureController`; this one also reports mismatches). */
  readonly #consent = new DocumentDisclosureController(this, () => ({
    kind: 'labels',
    storage: this.storage,
    studyKey: this.studyKey,
    markStudyKey: this.#markStudy(),
    places: this.#places(),
    t: (key, values) => this.t(key, values),
    announce: (text) => void this.announce(text),
  }));

  /** Its own `hold`, or that of a consent step around it. */
  readonly #hold = new HoldController(this);

  /** The NHS App: links out in its browser overlay, files saved through it, its back button closes what is open. */
  readonly #platform = new PlatformController(this, () => ({ platform: this.platform, back: () => this.#backAction() }));

  // Properties
  /** The annotation document (version 1, see `annotation.schema.json`), as an object. */
  @property({ attribute: false }) annotations: unknown;

  /** URL of the annotation document (JSON). Used when `annotations` is not set. */
  @property() src = '';

  /**
   * Headers for the fetch of `src` only (for example a bearer token for the server of the
   * annotation documents), or a function returning them. A property only, never an attribute, so
   * tokens do not appear in the page's HTML. Never taken from the viewer: its `requestHeaders` go
   * only to the image source. A function is called before the fetch with `{ refresh: false }`; when
   * the server answers 401, it is called once with `{ refresh: true }` to get fresh credentials, and
   * the fetch is tried once more before the layer says it could not show the notes.
   */
  @property({ attribute: false }) requestHeaders: RequestHeaders | undefined;

  /** While set, the layer fetches and shows nothing. Inside a `<finding-disclosure>` it reads true until the patient chooses. */
  @property({ type: Boolean, reflect: true })
  get hold(): boolean {
    return this.#hold.held;
  }

  set hold(value: boolean) {
    this.#hold.own = value;
  }

  /** Extra trusted domains for links, besides nhs.uk, 111.nhs.uk and patient.info. */
  @property({ attribute: false }) trustedDomains: string[] = [];

  /** Hide "Ask a question about this" (for portals with no way to route questions to the care team). */
  @property({ type: Boolean, attribute: 'no-questions' }) noQuestions = false;

  /**
   * An opaque key for the study, so the choice about sensitive findings and the saved questions can be
   * remembered (the key is stored only as a hash; the questions are the patient's own words).
   */
  @property({ attribute: 'study-key' }) studyKey = '';

  /** Where that choice is remembered: `memory` (default), `session`, `local`, or an adapter (property). */
  @property({ attribute: 'storage' }) storage: StoreSetting = 'memory';

  /**
   * Who gets the patient's questions, as words that fit "Your question has been sent to …"
   * (for example `the radiology team at St Elsewhere`). Empty: "your care team" (or its Welsh).
   */
  @property({ attribute: 'question-recipient' }) questionRecipient = '';

  /**
   * What happens after a question is sent, shown under the confirmation (for example `They will
   * reply in your inbox within 5 working days.`). Empty: a general sentence that says they will get
   * back to the patient, and where to get help sooner.
   */
  @property({ attribute: 'question-next-steps' }) questionNextSteps = '';

  /**
   * The level of this element's headings (1 to 6; default 2), so they fit the page's outline: inside
   * a section whose heading is an `h2`, set 3. Headings below them are one level lower.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * Where the layer runs: `auto` (default: inside the NHS App when the user agent has the App's
   * `nhsapp-android/` or `nhsapp-ios/` token, or the App's script, `window.nhsapp`, is on the page and
   * its `tools.isOpenInNHSApp()`, where it has one, agrees), `nhs-app` or `web`. Inside the App, links out open in the App's browser overlay, copies are saved through the
   * App (`downloadFromBytes`), "Print my questions" is not offered (the App cannot print), and the
   * App's back button closes an open explanation or question box first. The App's script is the
   * portal's to load; this library never loads it.
   */
  @property() platform: Platform = 'auto';

  /** Offer "Share with a doctor": the patient chooses what to share and `pv-share-request` asks the portal to do it. */
  @property({ type: Boolean }) share = false;

  @state() private _document: AnnotationDocument | null = null;
  @state() private _failed = false;
  /** The open explanation: its entry, and where its word is (`key`, unique in this layer). */
  @state() private _term: { entry: GlossaryEntry; key: string } | undefined;

  /** Untrusted links already reported in pv-link-blocked (once each per document). */
  readonly #reportedLinks = new Set<string>();

  /** With a whole study: labels' images in the study's other series (instance UID -> the series' plain name). */
  #elsewhere = new Map<string, string>();
  /** Which images (and in which words) were last looked for in the study's other series. */
  #elsewhereFor = '';
  /** The label whose series is opening ("Go to …"): chosen once its series shows. */
  #opening: string | undefined;
  /** The document's picked images, as given to the viewer (so only this layer's own are taken back). */
  #keysGiven: readonly { sopInstanceUid: string; frame?: number }[] | undefined;

  // Lifecycle
  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.slot) this.slot = 'annotations';
    // Moved in the page while fetching: the fetch was dropped when it left, so start it again.
    this.#source.resume();
  }

  /** The words' language changed: the document's glossary follows it. */
  protected override languageChanged(): void {
    if (this._document) void this.#source.localise(this._document.glossary);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Signed out (issue 17) until a new document is set.
    if (this.signedOut && (this.annotations !== undefined || this.src)) this.signedOut = false;
    if (changed.has('annotations') || changed.has('src') || changed.has('hold')) void this.#source.load();
    // A study key or store set after the document: read what is remembered under it instead.
    else if ((changed.has('studyKey') || changed.has('storage')) && this._document) {
      this.#consent.register();
      void this.#readRemembered();
    }
  }

  protected override updated(): void {
    this.#giveKeyImages();
    void this.#findElsewhere();
  }

  async #readRemembered(): Promise<void> {
    const document = this._document;
    await this.#consent.read();
    if (document === this._document) await this.#readSaved();
  }

  // Handlers
  /** A link not to a trusted site, shown as plain text: said once per document, label and URL. */
  #onLinkBlocked(labelId: string, url: string): void {
    const key = `${labelId}\n${url}`;
    if (this.#reportedLinks.has(key)) return;
    this.#reportedLinks.add(key);
    queueMicrotask(() => this.dispatchEvent(new PvLinkBlockedEvent({ labelId, url })));
  }

  /** A hard word pressed: its explanation opens, or closes when open (focus back on the word). */
  #onTerm(entry: GlossaryEntry, key: string) {
    if (this._term?.key === key) this.#popover.close('close', true);
    else this._term = { entry, key };
  }

  /** What the device's back closes first in the NHS App: the open explanation, question box or marker card. */
  #backAction(): (() => void) | undefined {
    if (this._term) return () => this.#popover.close('close', true);
    const asking = this.#questions.asking;
    if (asking !== undefined) return () => void this.#questions.cancel(asking);
    if (this.#selection.card) return () => this.#selection.closeCard();
    return undefined;
  }

  /** "Go to …": open the study's series that holds the label's image; the label is chosen once it shows. */
  async #onShowSeries(item: LayerItem): Promise<void> {
    const viewer = this.#viewerEl();
    const target = item.label.target.image;
    if (!viewer?.openInStudy || !('sopInstanceUid' in target)) return;
    this.#opening = item.label.id;
    const opened = await viewer.openInStudy(target);
    if (!opened && this.#opening === item.label.id) this.#opening = undefined;
  }

  /** The series opened for a label is showing: choose that label there (its image, its marker focused). */
  #selectOpened(): void {
    const id = this.#opening;
    const viewer = this.#viewerEl();
    if (!id || !viewer || viewer.status === 'loading' || viewer.status === 'waiting') return;
    this.#opening = undefined;
    const item = this.#labels().find((entry) => entry.label.id === id);
    if (viewer.status === 'loaded' && item?.imageIndex !== undefined) void this.#selection.showImage(item);
  }

  /** "Share with a doctor": the portal is asked (cancellable); the patient is told when it was not stopped. */
  #onShare(scope: ShareScope): void {
    const viewer = this.#viewerEl();
    if (!viewer || viewer.status !== 'loaded') return;
    const event = new PvShareRequestEvent({
      scope,
      ...(scope === 'image' ? { imageIndex: viewer.index } : {}),
      imageCount: viewer.imageCount,
      modality: viewer.imageFacts?.modality ?? '',
      at: new Date().toISOString(),
    });
    if (this.dispatchEvent(event)) void this.announce(this.t('copy.shareAsked'));
  }

  /** The day, for file names: `2026-12-07` (no names or IDs in a file name). */
  #today(): string {
    return new Date().toISOString().slice(0, 10);
  }

  /** Save a file we made; say whether it worked. */
  async #save(file: Blob, name: string): Promise<void> {
    try {
      await this.#platform.save(file, name);
      if (this.isConnected) void this.announce(this.t('copy.saved'));
    } catch {
      if (this.isConnected) void this.announce(this.t('copy.failed'));
    }
  }

  /** "Save my questions": a small text file (no print; it works inside the NHS App too). */
  #onSaveQuestions(): void {
    const saved = this.#questions.saved;
    const lines = [this.t('list.title'), '', ...saved.map((question, i) => `${i + 1}. ${question}`), ''];
    void this.#save(new Blob([lines.join('\n')], { type: 'text/plain' }), `questions-${this.#today()}.txt`);
  }

  /**
   * "Save this image": the picture on screen with the labels the patient can see now (never a held
   * one: the same list as the markers, HAZ-001), the orientation words, the scale bar and a caption.
   */
  async #onSavePicture(): Promise<void> {
    const viewer = this.#viewerEl();
    try {
      if (!viewer || viewer.status !== 'loaded') throw new Error('No picture');
      const labels = this.#labels()
        .filter((item) => item.imageIndex === viewer.index)
        .map((item) => ({ number: item.number, title: item.label.title, point: item.label.target.point }));
      const { pictureOf } = await import('../../platform/picture.js');
      if (!this.isConnected) return;
      const facts = viewer.imageFacts;
      const description = facts ? describe(facts, this.locale.messages) : this.t('kind.other');
      const words = { t: this.t.bind(this), description, today: this.locale.date(new Date()) };
      const png = await pictureOf(viewer, labels, words, this.#placement.geometry?.scale);
      if (!png) throw new Error('No picture');
      if (this.isConnected) await this.#save(png, `image-${this.#today()}.png`);
    } catch {
      if (this.isConnected) void this.announce(this.t('copy.failed'));
    }
  }

  // Public methods
  /** How many labels the document has after validation (bad ones left out), in document order. */
  get labelCount(): number {
    return this.#labels().length;
  }

  /** Select a label by id, showing its image. */
  select(id: string): void {
    const item = this.#labels().find((l) => l.label.id === id);
    if (item) this.#selection.choose(item);
  }

  /** Issue 17: forget the document, its words, the choices and questions (stored too, when asked). */
  protected override async clearContent(options: { storage?: boolean }): Promise<void> {
    this.#popover.close('close', false);
    // Started before the document goes: they read its places and the study key now.
    const forgetting = Promise.all([this.#consent.clear(options.storage), this.#questions.clear(options.storage)]);
    this.#selection.clear();
    this.annotations = undefined;
    this.src = '';
    this.removeAttribute('src');
    this._document = null;
    this._failed = false;
    this._term = undefined;
    this.#reportedLinks.clear();
    this.#elsewhere = new Map();
    this.#elsewhereFor = '';
    this.#opening = undefined;
    await forgetting;
  }

  // Internals: loading, the labels shown, words
  /** A document was read: the consent part registers and reads back its findings, then problems are reported. */
  async #onDocument(document: AnnotationDocument | null, problems: AnnotationProblem[]): Promise<void> {
    this.#reportedLinks.clear();
    this.#elsewhereFor = '';
    this._document = document;
    this._failed = document === null;
    this.#consent.register({ report: false, fresh: true });
    await this.#consent.read();
    await this.#readSaved();
    if (problems.length > 0) this.dispatchEvent(new PvAnnotationErrorEvent({ problems }));
    this.#consent.reportMismatches();
  }

  /** The saved questions for this study and store. */
  #readSaved(): Promise<void> {
    return this.#questions.read();
  }

  /** The viewer this layer is in, if any (the only read of the viewer link). */
  #viewerEl() {
    return this.#viewer.viewer;
  }

  /** One of this layer's headings, at `heading-level` (or one below it, `sub`). */
  #heading(content: unknown, id?: string, sub = false) {
    const level = headingLevel(this.headingLevel);
    return heading(sub ? Math.min(6, level + 1) : level, content, { id, sub });
  }

  /** Who gets the questions, in words that fit "Your question has been sent to …". */
  #recipient(): string {
    return this.questionRecipient.trim() || this.t('ask.recipient');
  }

  /** The labels the patient sees: sensitive ones only once they have chosen to see them. */
  #labels(): LayerItem[] {
    const viewer = this.#viewerEl();
    const hidden = this.#consent.hiddenIds();
    return (this._document?.labels ?? [])
      .filter((label) => !hidden.has(label.id))
      .map((label, i) => {
        const imageIndex = viewer?.status === 'loaded' ? viewer.imageIndexFor(label.target.image) : undefined;
        const series = imageIndex === undefined ? this.#seriesOf(label) : undefined;
        return { label, number: i + 1, imageIndex, ...(series !== undefined ? { series } : {}) };
      });
  }

  /** With a whole study: the plain name of the other series that holds a label's image, once found. */
  #seriesOf(label: AnnotationLabel): string | undefined {
    const image = label.target.image;
    return 'sopInstanceUid' in image ? this.#elsewhere.get(image.sopInstanceUid) : undefined;
  }

  /** Held sensitive labels whose images are in the study's other series: counted, never shown (HAZ-001). */
  #heldElsewhere(): number {
    const viewer = this.#viewerEl();
    const hidden = this.#consent.hiddenIds();
    return (this._document?.labels ?? []).filter(
      (label) => hidden.has(label.id) && viewer?.imageIndexFor(label.target.image) === undefined && this.#seriesOf(label) !== undefined,
    ).length;
  }

  /**
   * With a whole study: look for the labels' images that are not in the series on screen (held ones
   * too, to count them) in the study's other series. Only when there are such labels; the viewer asks
   * the image server only for images it has not placed yet.
   */
  async #findElsewhere(): Promise<void> {
    const viewer = this.#viewerEl();
    if (!viewer?.findInStudy || viewer.status !== 'loaded') return;
    const uids = (this._document?.labels ?? []).flatMap((label) => {
      const image = label.target.image;
      return 'sopInstanceUid' in image && viewer.imageIndexFor(image) === undefined ? [image.sopInstanceUid] : [];
    });
    const key = `${this.locale.language}\n${uids.join(',')}`;
    if (key === this.#elsewhereFor) return;
    this.#elsewhereFor = key;
    const found = uids.length > 0 ? await viewer.findInStudy(uids) : new Map<string, string>();
    if (!this.isConnected || key !== this.#elsewhereFor) return;
    this.#elsewhere = found;
    this.requestUpdate();
  }

  /** The document's picked images go to the viewer's study list (only this layer's own are taken back). */
  #giveKeyImages(): void {
    const viewer = this.#viewerEl();
    const keys = this._document?.keyImages;
    if (!viewer || keys === this.#keysGiven) return;
    if (keys) viewer.keyImages = keys;
    else if (this.#keysGiven && viewer.keyImages === this.#keysGiven) viewer.keyImages = [];
    this.#keysGiven = keys;
  }

  /** The document's labels as places the patient's choice is about: a label's finding is its `findingId`, else its own id. */
  #places(): DisclosurePlace[] {
    return (this._document?.labels ?? []).map((label, i) => ({
      id: label.id,
      findingId: label.findingId ?? label.id,
      sensitive: label.sensitivity === 'sensitive',
      notBefore: label.notBefore,
      where: `lay-annotation-layer label "${label.id}"`,
      path: `labels[${i}]`,
    }));
  }

  /** The study the findings belong to: this layer's study key, else that of the consent step around it. */
  #markStudy(): string {
    return this.studyKey || (this.closest('finding-disclosure[study-key]')?.getAttribute('study-key') ?? '');
  }

  // Rendering
  /** What every render part needs: words, headings, the document's language, the chosen label. */
  #context(): LayerRenderContext {
    const t = (key: MessageKey, values?: Record<string, string | number>) => this.t(key, values);
    return { t, docLang: documentLang(this._document?.language, this.locale.language), heading: (content, id, sub) => this.#heading(content, id, sub), selected: this.#selection.selected };
  }

  #renderOverlay(items: LayerItem[]) {
    const viewer = this.#viewerEl();
    const geometry = this.#placement.geometry;
    if (!viewer || viewer.status !== 'loaded' || !geometry) return nothing;
    const image = viewer.imageGeometry(viewer.index);
    return renderOverlay({
      ...this.#context(),
      here: items.filter((item) => item.imageIndex === viewer.index),
      geometry,
      edges: edgesFromImageOrientation(image?.orientation) ?? edgesFromPatientOrientation(image?.patientOrientation),
      compact: geometry.frame.width < COMPACT_WIDTH || this.#placement.crowded,
      card: this.#selection.card,
      onMarker: (item, compact) => void this.#selection.chooseMarker(item, compact),
      onMarkerFocus: (item) => this.#selection.focus(item.label.id),
      onChoose: (item) => this.#selection.choose(item),
      onCloseCard: () => this.#selection.closeCard(),
      onShowInList: (id) => this.#selection.showInList(id),
    });
  }

  #renderPanel(items: LayerItem[]) {
    const doc = this._document;
    const viewer = this.#viewerEl();
    if (this._failed) return html`<div class="panel" part="panel"><p class="problem">${this.t('layer.notLoaded')}</p></div>`;
    if (!doc || !viewer || viewer.status !== 'loaded') return nothing;
    const context = this.#context();
    return renderPanel({
      ...context,
      document: doc,
      items,
      index: viewer.index,
      bodyPart: viewer.imageFacts?.bodyPart ?? '',
      summaryHeld: this.#consent.anyHidden(),
      heldElsewhere: this.#heldElsewhere(),
      onShowSeries: (item) => void this.#onShowSeries(item),
      sensitive: renderSensitive({
        consent: this.#consent,
        renderRoot: this.renderRoot,
        t: context.t,
        date: (date) => this.locale.date(date),
        heading: context.heading,
      }),
      words: {
        ...this.#source.words,
        t: context.t,
        language: this.locale.language,
        trustedDomains: this.trustedDomains,
        openKey: this._term?.key,
        onTerm: (entry, key) => this.#onTerm(entry, key),
        onClose: () => this.#popover.close('close', true),
        theirs: (text, english) => this.locale.theirs(text, english),
      },
      questions: {
        ...context,
        questions: this.#questions,
        recipient: this.#recipient(),
        nextSteps: this.questionNextSteps.trim(),
        onSaveQuestions: () => this.#onSaveQuestions(),
        print: !this.#platform.inApp,
      },
      copy: renderCopy({
        t: context.t,
        heading: context.heading,
        share: this.share,
        imageCount: viewer.imageCount,
        onSavePicture: () => void this.#onSavePicture(),
        onShare: (scope) => this.#onShare(scope),
      }),
      noQuestions: this.noQuestions,
      onLinkBlocked: (labelId, url) => this.#onLinkBlocked(labelId, url),
      onChoose: (item, fromList) => this.#selection.choose(item, fromList),
      onShowImage: (item) => void this.#selection.showImage(item),
    });
  }

  override render() {
    if (this.signedOut) return this.renderSignedOut();
    const items = this.#labels();
    return html`${this.#renderOverlay(items)}${this.#renderPanel(items)}
      ${this.renderLiveRegion()}`;
  }
}
