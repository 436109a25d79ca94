import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AnnotationDocument, AnnotationLabel, AnnotationProblem } from '../../annotations/index.js';
import { AnnouncerController } from '../../controllers/announcer-controller.js';
import { AnnotationDocumentController } from '../../controllers/annotation-document-controller.js';
import { GlossaryPopoverController } from '../../controllers/glossary-popover-controller.js';
import { LabelPlacementController } from '../../controllers/label-placement-controller.js';
import { LabelSelectionController } from '../../controllers/label-selection-controller.js';
import { LanguageController } from '../../controllers/language-controller.js';
import { QuestionsController } from '../../controllers/questions-controller.js';
import { ViewerLinkController } from '../../controllers/viewer-link-controller.js';
import { PvAnnotationErrorEvent } from '../../events/pv-annotation-error-event.js';
import { PvLinkBlockedEvent } from '../../events/pv-link-blocked-event.js';
import { PvDeferEvent, PvDisclosureRequestEvent, PvRevealEvent } from '../../events/pv-disclosure-events.js';
import { keep, parseChoice, readKept, type StoreSetting, type StoredChoice } from '../../disclosure/choice-store.js';
import { lockedUntil } from '../../disclosure/date-lock.js';
import { FindingChoiceEvent, findingMarks, findingStoreScope } from '../../disclosure/finding-marks.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import type { MessageKey, Messages } from '../../lay/messages.js';
import { edgesFromImageOrientation, edgesFromPatientOrientation } from '../../lay/orientation.js';
import { heading, headingLevel } from '../heading.js';
import { styles } from './lay-annotation-layer.styles.js';
import { documentLang, type LayerItem, type LayerRenderContext } from './render-context.js';
import { COMPACT_WIDTH, renderOverlay } from './render-overlay.js';
import { renderPanel } from './render-panel.js';

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
 * @event {PvQuestionEvent} pv-question - The patient sent a question about the summary or a label, for the portal to route to their care team. `detail`: `question`, `about`, `labelId`, `imageIndex`, `at`.
 *
 * @csspart overlay - The layer over the picture (markers, tags, orientation, scale).
 * @csspart marker - A numbered marker on the picture.
 * @csspart tag - A short label next to its marker.
 * @csspart marker-card - On a narrow picture (under 480 px), a tapped marker's words, beside it.
 * @csspart panel - The summary and the list of labels below the viewer's controls.
 * @csspart popover - A word's explanation.
 * @csspart sensitive - The notice about findings the care team has marked to talk through.
 * @csspart questions - "Questions for my appointment": the patient's saved questions, printable.
 * @csspart care-card - "When to get help" advice (NHS care card: non-urgent, urgent or emergency).
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
export class LayAnnotationLayer extends LitElement {
  static override styles = styles;

  // Controllers
  readonly #lang = new LanguageController(
    this,
    () => this.messages,
    () => {
      if (this._document) void this.#source.localise(this._document.glossary);
    },
  );

  /** The status region's words. */
  readonly #announcer = new AnnouncerController(this);

  /** The viewer this layer sits in (the one place the layer reads it from the link). */
  readonly #viewer = new ViewerLinkController(this, {
    // View changes are followed by the placement controller itself.
    onViewChange: () => {},
    onLoad: () => this.#placement.schedule(),
  });

  /** The annotation document: given, or fetched from `src` (abort, time-out); validated. */
  readonly #source = new AnnotationDocumentController(
    this,
    () => ({
      annotations: this.annotations,
      src: this.src,
      hold: this.hold,
      // The viewer's time-out; never its request headers (HAZ-013: the token goes only to the image source).
      timeout: this.#viewerEl()?.timeout ?? 30000,
      language: this.#lang.language,
    }),
    {
      onHeld: () => {
        this._document = null;
        this._failed = false;
        this.#unregisterMarks?.();
        this.#unregisterMarks = undefined;
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
      const words = this.#t('layer.selected', { title: item.label.title, number: item.number, total: this.#labels().length, index });
      return pictureShown ? `${words} ${this.#t('layer.pictureShown', { index })}` : words;
    },
    announce: (text) => void this.#announce(text),
    placeCard: (): Promise<void> => this.#placement.placeNow(),
  });

  /** Markers, tags, outlines and the marker card over the picture, placed once a frame. */
  readonly #placement: LabelPlacementController = new LabelPlacementController(this, () => ({
    viewer: this.#viewerEl(),
    items: this.#labels(),
    overlay: this.renderRoot?.querySelector<HTMLElement>('.overlay') ?? null,
    card: this.#selection.card,
    messages: this.#lang.messages,
  }));

  /** "Ask a question about this" and "Questions for my appointment". */
  readonly #questions = new QuestionsController(this, () => ({ storage: this.storage, studyKey: this.studyKey }), {
    announce: (text) => void this.#announce(text),
    sentAnnouncement: () => this.#t('ask.sentTo', { recipient: this.#recipient() }),
    savedAnnouncement: () => this.#t('ask.saved'),
    removedAnnouncement: () => this.#t('list.removed'),
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

  // Properties
  /** The annotation document (version 1, see `annotation.schema.json`), as an object. */
  @property({ attribute: false }) annotations: unknown;

  /** URL of the annotation document (JSON). Used when `annotations` is not set. */
  @property() src = '';

  /** While set, the layer fetches and shows nothing. `<finding-disclosure>` sets it until the patient chooses. */
  @property({ type: Boolean, reflect: true }) hold = false;

  /** Extra trusted domains for links, besides nhs.uk, 111.nhs.uk and patient.info. */
  @property({ attribute: false }) trustedDomains: string[] = [];

  /** Replacement words for any of the built-in messages. */
  @property({ attribute: false }) messages: Messages | undefined;

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

  @state() private _document: AnnotationDocument | null = null;
  @state() private _failed = false;
  /** The open explanation: its entry, and where its word is (`key`, unique in this layer). */
  @state() private _term: { entry: GlossaryEntry; key: string } | undefined;
  /** Each sensitive finding (by label id): not chosen yet (absent), the patient chose to wait, or shown. */
  @state() private _findings: ReadonlyMap<string, 'waiting' | 'shown'> = new Map();

  /** Untrusted links already reported in pv-link-blocked (once each per document). */
  readonly #reportedLinks = new Set<string>();
  /** Removes this document's labels from the page's registry of findings. */
  #unregisterMarks: (() => void) | undefined;
  /** Finding ids whose sensitivity mismatch was already reported for this document. */
  readonly #reportedMismatches = new Set<string>();

  // Lifecycle
  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.slot) this.slot = 'annotations';
    findingMarks().addEventListener('change', this.#onMarks);
    findingMarks().addEventListener(FindingChoiceEvent.eventName, this.#onMarkChoice);
    if (this._document) this.#registerMarks();
    // Moved in the page while fetching: the fetch was dropped when it left, so start it again.
    this.#source.resume();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    findingMarks().removeEventListener('change', this.#onMarks);
    findingMarks().removeEventListener(FindingChoiceEvent.eventName, this.#onMarkChoice);
    this.#unregisterMarks?.();
    this.#unregisterMarks = undefined;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // While the Welsh words download (once a page, a small chunk), wait rather than flash English.
    const pending = this.#lang.pending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('annotations') || changed.has('src') || changed.has('hold')) void this.#source.load();
    // A study key or store set after the document: read what is remembered under it instead.
    else if ((changed.has('studyKey') || changed.has('storage')) && this._document) {
      this.#registerMarks();
      void this.#readRemembered();
    }
  }

  async #readRemembered(): Promise<void> {
    const document = this._document;
    await this.#readSensitive();
    if (document === this._document) await this.#readSaved();
  }

  // Handlers
  /** Places came or went on the page: sensitivity may have changed; report any new mismatch. */
  #onMarks = () => {
    this.#applyPageChoices();
    this.#reportMismatches();
    this.requestUpdate();
  };

  /** The patient chose about a finding somewhere on the page: every label showing it follows. */
  #onMarkChoice = (event: Event) => {
    const { studyKey, findingId, choice } = (event as FindingChoiceEvent).detail;
    if (studyKey !== this.#markStudy()) return;
    const labels = this.#sensitiveLabels().filter((label) => this.#findingIdOf(label) === findingId);
    const ids = labels.filter((label) => this._findings.get(label.id) !== choice && (choice === 'waiting' || !lockedUntil(label.notBefore))).map((label) => label.id);
    if (ids.length > 0) this.#setFindings(ids, choice);
  };

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

  // Internals: loading, the labels shown, words
  /** A document was read: the consent part registers and reads back its findings, then problems are reported. */
  async #onDocument(document: AnnotationDocument | null, problems: AnnotationProblem[]): Promise<void> {
    this.#reportedLinks.clear();
    this._findings = new Map();
    this._document = document;
    this._failed = document === null;
    this.#reportedMismatches.clear();
    this.#registerMarks({ report: false });
    await this.#readSensitive();
    await this.#readSaved();
    if (problems.length > 0) this.dispatchEvent(new PvAnnotationErrorEvent({ problems }));
    this.#reportMismatches();
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
    return this.questionRecipient.trim() || this.#t('ask.recipient');
  }

  /** A summary may speak of the sensitive findings: it waits with them (safety before convenience). */
  #summaryHeld(): boolean {
    return (
      this.#sensitiveLabels().some((label) => this._findings.get(label.id) !== 'shown') ||
      findingMarks()
        .sensitiveIds(this.#markStudy())
        .some((id) => findingMarks().choice(this.#markStudy(), id) !== 'shown')
    );
  }

  /** The labels the patient sees: sensitive ones only once they have chosen to see them. */
  #labels(): LayerItem[] {
    const viewer = this.#viewerEl();
    const sensitive = new Set(this.#sensitiveLabels());
    return (this._document?.labels ?? [])
      .filter((label) => !sensitive.has(label) || this._findings.get(label.id) === 'shown')
      .map((label, i) => ({
        label,
        number: i + 1,
        imageIndex: viewer?.status === 'loaded' ? viewer.imageIndexFor(label.target.image) : undefined,
      }));
  }

  /**
   * Sensitive labels in the document (shown or not): marked so here, or showing a finding that another
   * place on the page (of the same study) marks sensitive.
   */
  #sensitiveLabels(): AnnotationLabel[] {
    const marks = findingMarks();
    const study = this.#markStudy();
    return (this._document?.labels ?? []).filter(
      (label) => label.sensitivity === 'sensitive' || marks.isSensitive(study, this.#findingIdOf(label)),
    );
  }

  /** The finding a label shows: its `findingId`, else its own id. */
  #findingIdOf(label: AnnotationLabel): string {
    return label.findingId ?? label.id;
  }

  /** The study the findings belong to: this layer's study key, else that of the consent step around it. */
  #markStudy(): string {
    return this.studyKey || (this.closest('finding-disclosure[study-key]')?.getAttribute('study-key') ?? '');
  }

  /** Put this document's labels in the page's registry of findings (again, when the study key changes). */
  #registerMarks({ report = true } = {}): void {
    this.#unregisterMarks?.();
    this.#unregisterMarks = undefined;
    const labels = this._document?.labels ?? [];
    if (!this.isConnected || labels.length === 0) return;
    const study = this.#markStudy();
    this.#unregisterMarks = findingMarks().register(
      labels.map((label) => ({
        studyKey: study,
        findingId: this.#findingIdOf(label),
        sensitive: label.sensitivity === 'sensitive',
        where: `lay-annotation-layer label "${label.id}"`,
      })),
    );
    if (report) this.#reportMismatches();
  }

  /** A finding of this document that is sensitive in one place and not in another: said once, as a typed problem. */
  #reportMismatches(): void {
    const labels = this._document?.labels ?? [];
    if (labels.length === 0) return;
    const study = this.#markStudy();
    const problems: AnnotationProblem[] = [];
    for (const mismatch of findingMarks().mismatches()) {
      if (mismatch.studyKey !== study || this.#reportedMismatches.has(mismatch.findingId)) continue;
      const index = labels.findIndex((label) => this.#findingIdOf(label) === mismatch.findingId && label.sensitivity !== 'sensitive');
      const any = index >= 0 ? index : labels.findIndex((label) => this.#findingIdOf(label) === mismatch.findingId);
      if (any < 0) continue;
      this.#reportedMismatches.add(mismatch.findingId);
      problems.push({
        path: `labels[${any}].sensitivity`,
        message:
          `finding "${mismatch.findingId}" is sensitive in ${mismatch.sensitiveIn.join(', ')} but not in ` +
          `${mismatch.routineIn.join(', ')}: it is held as sensitive everywhere. Mark it "sensitive" in every place.`,
        labelId: labels[any]!.id,
        code: 'finding-sensitivity-mismatch',
        findingId: mismatch.findingId,
      });
    }
    if (problems.length > 0) this.dispatchEvent(new PvAnnotationErrorEvent({ problems }));
  }

  /** Labels that became sensitive because of another place take the choice already made on the page. */
  #applyPageChoices(): void {
    const marks = findingMarks();
    const study = this.#markStudy();
    const next = new Map(this._findings);
    let changed = false;
    for (const label of this.#sensitiveLabels()) {
      const choice = marks.choice(study, this.#findingIdOf(label));
      if (!choice || next.has(label.id)) continue;
      if (choice === 'shown' && lockedUntil(label.notBefore)) continue;
      next.set(label.id, choice);
      changed = true;
    }
    if (changed) this._findings = next;
  }

  /** Tell every other place showing these findings what the patient chose. */
  #publish(labels: readonly AnnotationLabel[], choice: 'waiting' | 'shown', remembered = false): void {
    const study = this.#markStudy();
    for (const id of new Set(labels.map((label) => this.#findingIdOf(label)))) findingMarks().choose(study, id, choice, remembered);
  }

  /** Show these findings (one, or every one that may be shown), if the portal agrees. */
  async #reveal(labels: AnnotationLabel[]): Promise<void> {
    const showing = labels.filter((label) => !lockedUntil(label.notBefore) && this._findings.get(label.id) !== 'shown');
    if (showing.length === 0) return;
    const findings = showing.map((label) => label.id);
    const request = new PvDisclosureRequestEvent({ scope: 'finding', findings });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return;
    const at = new Date().toISOString();
    this.#setFindings(findings, 'shown');
    this.#publish(showing, 'shown');
    await Promise.all(showing.map((label) => this.#rememberFinding(label, { choice: 'reveal', at })));
    this.dispatchEvent(new PvRevealEvent({ scope: 'finding', at, remembered: false, findings }));
    void this.#announce(this.#t(findings.length === 1 ? 'sensitive.shownOne' : 'sensitive.shown', { count: findings.length }));
    await this.updateComplete;
    // To the first finding shown, in the list of labels.
    const first = [...this.renderRoot.querySelectorAll<HTMLElement>('ol > li')].find((li) => li.dataset.id === findings[0]);
    first?.querySelector<HTMLElement>('button.choose')?.focus();
  }

  /** Hide these findings again, or (when not shown) wait to talk to the care team about them. */
  async #wait(labels: AnnotationLabel[], focusFrom?: string): Promise<void> {
    const findings = labels.map((label) => label.id);
    if (findings.length === 0) return;
    const at = new Date().toISOString();
    this.#setFindings(findings, 'waiting');
    this.#publish(labels, 'waiting');
    await Promise.all(labels.map((label) => this.#rememberFinding(label, { choice: 'defer', at })));
    this.dispatchEvent(new PvDeferEvent({ scope: 'finding', at, remembered: false, findings }));
    void this.#announce(this.#t('sensitive.waiting'));
    await this.updateComplete;
    // Back to the notice, whose button now offers the way back.
    const notice = this.renderRoot.querySelector<HTMLElement>('.sensitive');
    const row = focusFrom ? notice?.querySelector<HTMLElement>(`[data-finding="${CSS.escape(focusFrom)}"]`) : undefined;
    (row ?? notice)?.querySelector<HTMLElement>('button')?.focus();
  }

  #setFindings(ids: readonly string[], choice: 'waiting' | 'shown'): void {
    const next = new Map(this._findings);
    for (const id of ids) next.set(id, choice);
    this._findings = next;
  }

  async #readSensitive(): Promise<void> {
    const labels = this.#sensitiveLabels();
    const before = this._findings;
    const kept = await Promise.all(
      labels.map(async (label) => [label, parseChoice(await readKept(this.storage, this.studyKey, findingStoreScope(this.#findingIdOf(label))))] as const),
    );
    const next = new Map<string, 'waiting' | 'shown'>();
    const remembered: string[] = [];
    const marks = findingMarks();
    const study = this.#markStudy();
    for (const [label, stored] of kept) {
      // A choice the patient made while this was being read stands.
      const now = this._findings.get(label.id);
      if (now !== before.get(label.id)) {
        if (now) next.set(label.id, now);
        continue;
      }
      // A date lock wins over a remembered choice (the portal may have moved the date).
      if (stored?.choice === 'reveal' && !lockedUntil(label.notBefore)) {
        next.set(label.id, 'shown');
        remembered.push(label.id);
      } else if (stored?.choice) {
        next.set(label.id, 'waiting');
      } else {
        // Nothing kept here: a choice already made on this page (in another place showing it) stands.
        const choice = marks.choice(study, this.#findingIdOf(label));
        if (choice && (choice === 'waiting' || !lockedUntil(label.notBefore))) next.set(label.id, choice);
      }
    }
    this._findings = next;
    // What was read back holds everywhere the finding shows.
    for (const [label, stored] of kept) {
      const choice = next.get(label.id);
      if (stored?.choice && choice) this.#publish([label], choice, true);
    }
    if (remembered.length > 0) {
      const at = kept.map(([, stored]) => stored?.at ?? '').sort().at(-1) ?? new Date().toISOString();
      this.dispatchEvent(new PvRevealEvent({ scope: 'finding', at, remembered: true, findings: remembered }));
    }
  }

  /** Kept under the finding's id, the key every place showing that finding reads. */
  #rememberFinding(label: AnnotationLabel, choice: StoredChoice): Promise<void> {
    return keep(this.storage, this.studyKey, findingStoreScope(this.#findingIdOf(label)), JSON.stringify(choice));
  }

  #renderSensitive() {
    // One entry per finding (a finding labelled on two images is one finding); its other labels follow its choice.
    const labels = this.#sensitiveLabels().filter(
      (label, i, all) => all.findIndex((other) => this.#findingIdOf(other) === this.#findingIdOf(label)) === i,
    );
    const count = labels.length;
    if (count === 0) return nothing;
    const state = (label: AnnotationLabel) => this._findings.get(label.id);
    const hidden = labels.filter((label) => state(label) !== 'shown');
    const open = hidden.filter((label) => !lockedUntil(label.notBefore));
    const anyWaiting = hidden.some((label) => state(label) === 'waiting');
    const heading = this.#heading(this.#t(count === 1 ? 'sensitive.noticeOne' : 'sensitive.notice', { count }), 'sensitive-title');
    if (count === 1) {
      const [label] = labels;
      const locked = lockedUntil(label.notBefore);
      return html`<section class="sensitive" part="sensitive" aria-labelledby="sensitive-title">
        ${heading}
        ${state(label) === 'shown'
          ? html`<button class="goto" type="button" @click=${() => this.#wait(labels)}>${this.#t('sensitive.hideAgain')}</button>`
          : html`<p>${anyWaiting ? this.#t('sensitive.waiting') : this.#t('sensitive.explain')}</p>
              ${locked
                ? html`<p>${this.#t('sensitive.locked', { date: this.#lang.date(locked) })}</p>`
                : html`<div class="choices">
                    <button class="goto" type="button" @click=${() => this.#reveal(labels)}>${this.#t('sensitive.show')}</button>
                    ${anyWaiting
                      ? nothing
                      : html`<button class="goto" type="button" @click=${() => this.#wait(labels)}>${this.#t('sensitive.wait')}</button>`}
                  </div>`}`}
      </section>`;
    }
    // More than one: the patient can see them one at a time, all at once, or wait. Each is named
    // only by its number here: what it is shows once the patient has chosen to see it.
    return html`<section class="sensitive" part="sensitive" aria-labelledby="sensitive-title">
      ${heading}
      <p>${hidden.length === 0 ? this.#t('sensitive.allShown') : anyWaiting ? this.#t('sensitive.waiting') : this.#t('sensitive.explainMany')}</p>
      <ul class="findings">
        ${labels.map((label, i) => {
          const number = i + 1;
          const locked = lockedUntil(label.notBefore);
          return html`<li data-finding=${label.id}>
            ${this.#heading(this.#t('sensitive.findingName', { number }), undefined, true)}
            ${state(label) === 'shown'
              ? html`<p>${this.#t('sensitive.findingShown')}</p>
                  <button class="goto" type="button" @click=${() => this.#wait([label], label.id)}>
                    ${this.#t('sensitive.hideFinding', { number })}
                  </button>`
              : locked
                ? html`<p>${this.#t('sensitive.findingLocked', { date: this.#lang.date(locked) })}</p>`
                : html`<button class="goto" type="button" @click=${() => this.#reveal([label])}>
                    ${this.#t('sensitive.showFinding', { number })}
                  </button>`}
          </li>`;
        })}
      </ul>
      ${hidden.length > 0
        ? html`<div class="choices">
            ${open.length > 1
              ? html`<button class="goto" type="button" @click=${() => this.#reveal(open)}>${this.#t('sensitive.showAll')}</button>`
              : nothing}
            ${anyWaiting
              ? nothing
              : html`<button class="goto" type="button" @click=${() => this.#wait(hidden)}>${this.#t('sensitive.wait')}</button>`}
          </div>`
        : nothing}
    </section>`;
  }

  #t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.#lang.t(key, values);
  }

  /** Say something through the status region (every time, even the same words twice). */
  #announce(text: string): Promise<void> {
    return this.#announcer.announce(text);
  }

  // Rendering
  /** What every render part needs: words, headings, the document's language, the chosen label. */
  #context(): LayerRenderContext {
    const t = (key: MessageKey, values?: Record<string, string | number>) => this.#t(key, values);
    return { t, docLang: documentLang(this._document?.language, this.#lang.language), heading: (content, id, sub) => this.#heading(content, id, sub), selected: this.#selection.selected };
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
    if (this._failed) return html`<div class="panel" part="panel"><p class="problem">${this.#t('layer.notLoaded')}</p></div>`;
    if (!doc || !viewer || viewer.status !== 'loaded') return nothing;
    const context = this.#context();
    return renderPanel({
      ...context,
      document: doc,
      items,
      index: viewer.index,
      bodyPart: viewer.imageFacts?.bodyPart ?? '',
      summaryHeld: this.#summaryHeld(),
      sensitive: this.#renderSensitive(),
      words: {
        ...this.#source.words,
        t: context.t,
        language: this.#lang.language,
        trustedDomains: this.trustedDomains,
        openKey: this._term?.key,
        onTerm: (entry, key) => this.#onTerm(entry, key),
        onClose: () => this.#popover.close('close', true),
      },
      questions: { ...context, questions: this.#questions, recipient: this.#recipient(), nextSteps: this.questionNextSteps.trim() },
      noQuestions: this.noQuestions,
      onLinkBlocked: (labelId, url) => this.#onLinkBlocked(labelId, url),
      onChoose: (item, fromList) => this.#selection.choose(item, fromList),
      onShowImage: (item) => void this.#selection.showImage(item),
    });
  }

  override render() {
    const items = this.#labels();
    return html`${this.#renderOverlay(items)}${this.#renderPanel(items)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcer.text}</div>`;
  }
}
