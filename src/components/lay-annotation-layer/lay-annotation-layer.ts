import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AnnotationDocument, AnnotationLabel, AnnotationProblem } from '../../annotations/index.js';
import { GlossaryPopoverController } from '../../controllers/glossary-popover-controller.js';
import { LanguageController } from '../../controllers/language-controller.js';
import { ViewerLinkController } from '../../controllers/viewer-link-controller.js';
import { PvAnnotationErrorEvent } from '../../events/pv-annotation-error-event.js';
import { PvLabelSelectEvent } from '../../events/pv-label-select-event.js';
import { PvLinkBlockedEvent } from '../../events/pv-link-blocked-event.js';
import { PvQuestionEvent } from '../../events/pv-question-event.js';
import { keep, readKept, type StoreSetting } from '../../disclosure/choice-store.js';
import type { DisclosurePlace } from '../../controllers/disclosure-controller.js';
import { DocumentDisclosureController } from '../../controllers/document-disclosure-controller.js';
import { HoldController } from '../../controllers/hold-controller.js';
import { bodyMap, bodyRegionFor } from '../../lay/body-map.js';
import type { Glossary, GlossaryEntry } from '../../lay/glossary.js';
import { segmentText } from '../../lay/glossary-text.js';
import { readMoreText } from '../../lay/link-text.js';
import { trustedUrl } from '../../lay/links.js';
import type { MessageKey, Messages } from '../../lay/messages.js';
import { edgesFromImageOrientation, edgesFromPatientOrientation, type EdgeLabels } from '../../lay/orientation.js';
import { chooseScaleBar, type ScaleBar } from '../../lay/scale.js';
import { placeMarkers, type Box, type MarkerTarget } from '../../controllers/marker-placement.js';
import { heading, headingLevel } from '../heading.js';
import { loadGlossary, loadWelshGlossary } from '../../lay/glossary-loader.js';
import { styles } from './lay-annotation-layer.styles.js';
import { renderSensitive } from './sensitive.js';

/** Validation is loaded on first use (the glossary too, by glossary-loader), so a page without labels never downloads them. */
let validatorPromise: Promise<typeof import('../../annotations/validate.js').validateAnnotationDocument> | undefined;
function loadValidator() {
  validatorPromise ??= import('../../annotations/validate.js').then((v) => v.validateAnnotationDocument);
  return validatorPromise;
}

interface PlacedLabel {
  label: AnnotationLabel;
  number: number;
  imageIndex: number | undefined;
}

/** Frame widths below this show numbered markers only, with the words in the list below. */
const COMPACT_WIDTH = 480;

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
      if (this._document) void this.#localiseGlossary(this._document.glossary);
    },
  );

  readonly #viewer = new ViewerLinkController(this, {
    onViewChange: () => this.#schedulePlacement(),
    onLoad: () => {
      this.requestUpdate();
      this.#schedulePlacement();
    },
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
    t: (key, values) => this.#t(key, values),
    announce: (text) => void this.#announce(text),
  }));

  /** Its own `hold`, or that of a consent step around it. */
  readonly #hold = new HoldController(this);

  // Properties
  /** The annotation document (version 1, see `annotation.schema.json`), as an object. */
  @property({ attribute: false }) annotations: unknown;

  /** URL of the annotation document (JSON). Used when `annotations` is not set. */
  @property() src = '';

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
  @state() private _selected: string | undefined;
  /** On a narrow picture: the label whose words show beside its marker. */
  @state() private _card: string | undefined;
  /** The tags did not fit this picture box without overlapping (a short box, a zoomed page): numbers only. */
  @state() private _crowded = false;
  /** The open explanation: its entry, and where its word is (`key`, unique in this layer). */
  @state() private _term: { entry: GlossaryEntry; key: string } | undefined;
  @state() private _announcement = '';
  /** Which composer is open: 'summary' or a label id. */
  @state() private _asking: string | undefined;
  @state() private _askError = false;
  /** Empty sends so far: each one renders the error afresh, so it is announced again. */
  #askErrors = 0;
  /** The confirmation shown after a question was sent or saved, under its Ask button. */
  @state() private _confirmation: { key: string; kind: 'sent' | 'saved'; question: string } | undefined;
  /** "Questions for my appointment", kept with the same store as the choices. */
  @state() private _saved: string[] = [];
  @state() private _geometry: { frame: { x: number; y: number; width: number; height: number }; scale?: ScaleBar } | undefined;

  #glossary: Glossary | undefined;
  #everyday: ReadonlySet<string> = new Set();
  /** English entries shown in a Welsh layer (no Welsh version yet): marked `lang="en"`. */
  #fallback: ReadonlySet<GlossaryEntry> = new Set();
  #glossaryToken = 0;
  /** Untrusted links already reported in pv-link-blocked (once each per document). */
  readonly #reportedLinks = new Set<string>();
  #frameRequest = 0;
  #loadToken = 0;

  // Lifecycle
  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.slot) this.slot = 'annotations';
    // Tags are placed within the picture box wherever the page has scrolled, and again when it changes size.
    window.addEventListener('scroll', this.#onWindowChange, { passive: true });
    window.addEventListener('resize', this.#onWindowChange, { passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.#onWindowChange);
    window.removeEventListener('resize', this.#onWindowChange);
    cancelAnimationFrame(this.#frameRequest);
    this.#frameRequest = 0;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // While the Welsh words download (once a page, a small chunk), wait rather than flash English.
    const pending = this.#lang.pending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('annotations') || changed.has('src') || changed.has('hold')) void this.#load();
    // A study key or store set after the document: read what is remembered under it instead.
    else if ((changed.has('studyKey') || changed.has('storage')) && this._document) {
      this.#consent.register();
      void this.#readRemembered();
    }
  }

  async #readRemembered(): Promise<void> {
    const document = this._document;
    await this.#consent.read();
    if (document === this._document) await this.#readSaved();
  }

  protected override updated(): void {
    this.#schedulePlacement();
  }

  // Handlers
  readonly #onWindowChange = () => this.#schedulePlacement();

  #onChoose(item: PlacedLabel, fromList = false): boolean {
    this._selected = item.label.id;
    const total = this.#labels().length;
    if (item.imageIndex !== undefined && item.imageIndex !== this.#viewer.host?.index) {
      void this.#viewer.host?.goTo(item.imageIndex);
    }
    const selected = this.#t('layer.selected', {
      title: item.label.title,
      number: item.number,
      total,
      index: (item.imageIndex ?? 0) + 1,
    });
    // Chosen in the list while the picture is out of sight: bring the picture into view, and say so.
    const shown = fromList && this.#bringPictureIntoView();
    void this.#announce(shown ? `${selected} ${this.#t('layer.pictureShown', { index: (item.imageIndex ?? 0) + 1 })}` : selected);
    this.dispatchEvent(new PvLabelSelectEvent(item.label.id, item.imageIndex));
    return shown;
  }

  /**
   * Scroll the picture into view when most of it is off screen (smoothly, unless the patient asked for
   * reduced motion). True when it scrolled.
   */
  #bringPictureIntoView(): boolean {
    const picture = this.renderRoot.querySelector<HTMLElement>('.overlay') ?? this.#viewer.host;
    if (!picture) return false;
    const rect = picture.getBoundingClientRect();
    const height = window.innerHeight || document.documentElement.clientHeight;
    const visible = Math.max(0, Math.min(rect.bottom, height) - Math.max(rect.top, 0));
    if (visible >= Math.min(rect.height, height) * 0.6) return false;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    picture.scrollIntoView({ block: rect.height > height ? 'start' : 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    return true;
  }

  /** A marker chosen: on a narrow picture its words open beside it (there is no room for tags). */
  async #onMarker(item: PlacedLabel, compact: boolean): Promise<void> {
    this.#onChoose(item);
    if (!compact) return;
    this._card = this._card === item.label.id ? undefined : item.label.id;
    if (!this._card) return;
    await this.updateComplete;
    await this.#place();
    this.renderRoot.querySelector<HTMLElement>('.marker-card')?.focus();
  }

  /** Close the marker's words; focus goes back to its marker (or to `to`). */
  #closeCard(to?: HTMLElement | null): void {
    const id = this._card;
    this._card = undefined;
    const marker = id ? this.renderRoot.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(id)}"]`) : null;
    (to ?? marker)?.focus();
  }

  /** "Show in the list": the same label in the list below, scrolled to and focused. */
  #showInList(id: string): void {
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('ol > li')].find((li) => li.dataset.id === id);
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    item?.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
    const button = item?.querySelector<HTMLElement>('button.choose');
    this.#closeCard(button);
    button?.focus({ preventScroll: true });
  }

  /**
   * "Show image N": the button goes once its image is showing, so focus moves to the label's own
   * button in the list (WCAG 2.4.3) rather than falling to the page.
   */
  async #onShowImage(item: PlacedLabel) {
    const viewer = this.#viewer.host;
    // The picture was brought into view: focus goes to the label's marker on it, where the patient
    // sees the result (WCAG 2.4.3), rather than to the list, which would scroll the picture away.
    const shown = this.#onChoose(item, true);
    if (viewer && item.imageIndex !== undefined) await viewer.goTo(item.imageIndex);
    await this.updateComplete;
    if (shown) {
      // The layer hears of the new image a frame or two after goTo resolves: wait for its marker.
      for (let frame = 0; frame < 10 && this.isConnected; frame++) {
        const marker = this.renderRoot.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(item.label.id)}"]`);
        if (marker) {
          marker.focus({ preventScroll: true });
          return;
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await this.updateComplete;
      }
      // No marker (its point is outside the picture): the label in the list, without scrolling the picture away.
      this.#focusLabel(item.label.id, true);
      return;
    }
    this.#focusLabel(item.label.id);
  }

  #focusLabel(id: string, preventScroll = false): void {
    const li = [...this.renderRoot.querySelectorAll<HTMLElement>('ol > li.item')].find((el) => el.dataset.id === id);
    li?.querySelector<HTMLElement>('button.choose')?.focus({ preventScroll });
  }

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
    if (item) this.#onChoose(item);
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    let input: unknown = this.annotations;
    if (this.hold) {
      this._document = null;
      this._failed = false;
      this.#consent.register();
      return;
    }
    try {
      if (input === undefined && this.src) {
        const response = await fetch(this.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        input = await response.json();
      }
      if (input === undefined) {
        this._document = null;
        return;
      }
      const [validate, { buildGlossary, everyday }] = await Promise.all([loadValidator(), loadGlossary()]);
      this.#everyday = everyday;
      if (token !== this.#loadToken || !this.isConnected) return;
      const { document, problems } = validate(input);
      const { glossary, rejected } = buildGlossary(document?.glossary ?? []);
      this.#glossary = glossary;
      if (this.#lang.language !== 'en-GB') await this.#localiseGlossary(document?.glossary);
      const all: AnnotationProblem[] = [
        ...problems,
        ...rejected.map((r) => ({ path: `glossary[${r.index}]`, message: r.reason })),
      ];
      this.#reportedLinks.clear();
      this._document = document;
      this._failed = document === null;
      this.#consent.register({ report: false, fresh: true });
      await this.#consent.read();
      await this.#readSaved();
      if (all.length > 0) this.dispatchEvent(new PvAnnotationErrorEvent(all));
      this.#consent.reportMismatches();
    } catch (error) {
      if (token !== this.#loadToken) return;
      this._document = null;
      this._failed = true;
      this.dispatchEvent(
        new PvAnnotationErrorEvent([
          { path: '', message: `The annotation document could not be read (${error instanceof Error ? error.message : 'unknown error'}).` },
        ]),
      );
    }
  }

  async #readSaved(): Promise<void> {
    let parsed: unknown = [];
    try {
      parsed = JSON.parse((await readKept(this.storage, this.studyKey, 'questions')) ?? '[]');
    } catch {
      // Not ours: start a new list.
    }
    this._saved = Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string').slice(0, 50) : [];
  }

  /**
   * Remove a saved question. Focus goes to the next one's Remove, else the one before, else the
   * first "Ask a question" button (WCAG 2.4.3), and the removal is announced.
   */
  async #onRemoveSaved(i: number): Promise<void> {
    this._saved = this._saved.filter((_, j) => j !== i);
    void this.#announce(this.#t('list.removed'));
    await this.#writeSaved();
    await this.updateComplete;
    const removes = [...this.renderRoot.querySelectorAll<HTMLElement>('.saved-item button')];
    const next = removes[Math.min(i, removes.length - 1)];
    (next ?? this.renderRoot.querySelector<HTMLElement>('button.ask') ?? this.renderRoot.querySelector<HTMLElement>('button.choose'))?.focus();
  }

  #writeSaved(): Promise<void> {
    return keep(this.storage, this.studyKey, 'questions', JSON.stringify(this._saved));
  }

  #renderSaved() {
    if (this._saved.length === 0) return nothing;
    return html`<section class="saved" part="questions" aria-labelledby="saved-title">
      ${this.#heading(this.#t('list.title'), 'saved-title')}
      <ol>
        ${this._saved.map(
          (question, i) => html`<li class="saved-item">
            <span>${question}</span>
            <button
              class="goto"
              type="button"
              aria-label=${this.#t('list.removeLabel', { question })}
              @click=${() => this.#onRemoveSaved(i)}
            >
              ${this.#t('list.remove')}
            </button>
          </li>`,
        )}
      </ol>
      <button class="goto" type="button" @click=${() => window.print()}>${this.#t('list.print')}</button>
    </section>`;
  }

  /** "When to get help", in the NHS care card style; the level is in words too, never colour alone. */
  #renderCareCard() {
    const card = this._document?.careCard;
    if (!card) return nothing;
    return html`<div class="care-card ${card.level}" part="care-card">
      <div class="care-heading">
        ${this.#heading(html`<span class="visually-hidden">${this.#t(`care.${card.level}` as MessageKey)} </span><span lang=${this.#docLang()}>${card.heading}</span>`)}
      </div>
      <div class="care-content"><p lang=${this.#docLang()}>${this.#text(card.text, 'care')}</p></div>
    </div>`;
  }

  /** "Ask a question about this": a button, or the open composer with suggested questions. */
  #renderAsk(key: string, context: { about: 'summary' | 'label'; labelId?: string; imageIndex?: number }) {
    if (this.noQuestions) return nothing;
    if (this._asking !== key) {
      return html`<button
        class="ask"
        type="button"
        @click=${async () => {
          this._asking = key;
          this._askError = false;
          this._confirmation = undefined;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('.composer textarea')?.focus();
        }}
      >
        ${this.#t('ask.open')}
      </button>${this.#renderConfirmation(key)}`;
    }
    const questionIn = (form: HTMLFormElement): string | undefined => {
      const typed = (form.elements.namedItem('question') as HTMLTextAreaElement).value.trim();
      const chosen = (form.querySelector<HTMLInputElement>('input[name="suggested"]:checked')?.value ?? '').trim();
      const question = typed || chosen;
      if (!question) void showError(form);
      else this._askError = false;
      return question || undefined;
    };
    // The error is an alert, re-inserted each time (so a second empty Send is heard too), and
    // focus goes to the question box, which is marked invalid and described by the error.
    const showError = async (form: HTMLFormElement) => {
      this._askError = true;
      this.#askErrors++;
      this.requestUpdate();
      await this.updateComplete;
      form.querySelector<HTMLElement>('textarea')?.focus();
    };
    const done = async (announcement?: string) => {
      this._asking = undefined;
      this._askError = false;
      if (announcement) void this.#announce(announcement);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-ask="${CSS.escape(key)}"] .ask`)?.focus();
    };
    const send = async (event: Event) => {
      event.preventDefault();
      const question = questionIn(event.currentTarget as HTMLFormElement);
      if (!question) return;
      this.dispatchEvent(new PvQuestionEvent({ question, ...context, at: new Date().toISOString() }));
      this._confirmation = { key, kind: 'sent', question };
      await done(this.#t('ask.sentTo', { recipient: this.#recipient() }));
    };
    const save = async (event: Event) => {
      const question = questionIn((event.currentTarget as HTMLElement).closest('form')!);
      if (!question) return;
      this._saved = [...this._saved, question];
      await this.#writeSaved();
      this._confirmation = { key, kind: 'saved', question };
      await done(this.#t('ask.saved'));
    };
    const id = `ask-${key.replace(/[^\w-]/g, '_')}`;
    return html`<form class="composer" @submit=${send} novalidate>
      <fieldset>
        <legend>${this.#t('ask.legend')}</legend>
        ${(['ask.suggested1', 'ask.suggested2', 'ask.suggested3'] as const).map(
          (k) => html`<label class="choice">
            <input type="radio" name="suggested" value=${this.#t(k)} />
            ${this.#t(k)}
          </label>`,
        )}
      </fieldset>
      <label for=${id}>${this.#t('ask.yourQuestion')}</label>
      ${this._askError
        ? keyed(this.#askErrors, html`<p class="ask-error" id="${id}-error" role="alert">${this.#t('ask.empty')}</p>`)
        : nothing}
      <textarea
        id=${id}
        name="question"
        rows="3"
        maxlength="1000"
        aria-invalid=${this._askError ? 'true' : nothing}
        aria-describedby=${this._askError ? `${id}-error` : nothing}
      ></textarea>
      <div class="choices">
        <button class="goto" type="submit">${this.#t('ask.send')}</button>
        <button class="goto" type="button" @click=${save}>${this.#t('ask.save')}</button>
        <button class="goto" type="button" @click=${() => done()}>${this.#t('ask.cancel')}</button>
      </div>
    </form>`;
  }

  /** One of this layer's headings, at `heading-level` (or one below it, `sub`). */
  #heading(content: unknown, id?: string, sub = false) {
    const level = headingLevel(this.headingLevel);
    return heading(sub ? Math.min(6, level + 1) : level, content, { id, sub });
  }

  /**
   * The document's language (its `language` field) where it differs from the layer's own words,
   * for `lang` on the document's text (WCAG 3.1.2); else nothing (the text takes the layer's).
   */
  #docLang(): string | typeof nothing {
    const language = this._document?.language;
    if (!language) return nothing;
    const primary = (tag: string) => tag.toLowerCase().split('-')[0];
    return primary(language) === primary(this.#lang.language) ? nothing : language;
  }

  #recipient(): string {
    return this.questionRecipient.trim() || this.#t('ask.recipient');
  }

  /**
   * What was sent (or saved), to whom, and what happens next, where the patient can see it: an
   * NHS-style confirmation panel under the Ask button. Screen readers hear it through the status
   * region.
   */
  #renderConfirmation(key: string) {
    const done = this._confirmation;
    if (!done || done.key !== key) return nothing;
    const sent = done.kind === 'sent';
    return html`<div class="confirmation ${done.kind}" data-confirmation=${done.kind}>
      <p class="confirmation-title"><strong>${this.#t(sent ? 'ask.sentTitle' : 'ask.savedTitle')}</strong></p>
      ${sent ? html`<p>${this.#t('ask.sentTo', { recipient: this.#recipient() })}</p>` : nothing}
      <p>${this.#t('ask.youAsked')}</p>
      <blockquote>${done.question}</blockquote>
      <p>${sent ? this.questionNextSteps.trim() || this.#t('ask.nextSteps') : this.#t('ask.savedWhere')}</p>
    </div>`;
  }

  /** The labels the patient sees: sensitive ones only once they have chosen to see them. */
  #labels(): PlacedLabel[] {
    const viewer = this.#viewer.host;
    const hidden = this.#consent.hiddenIds();
    return (this._document?.labels ?? [])
      .filter((label) => !hidden.has(label.id))
      .map((label, i) => ({
        label,
        number: i + 1,
        imageIndex: viewer?.status === 'loaded' ? viewer.imageIndexFor(label.target.image) : undefined,
      }));
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

  /** The glossary in the layer's language: Welsh entries (English where none yet) or English. */
  async #localiseGlossary(extra: unknown): Promise<void> {
    const token = ++this.#glossaryToken;
    const { buildGlossary, everyday } = await loadGlossary();
    const welsh = this.#lang.language === 'cy' ? await loadWelshGlossary() : undefined;
    if (token !== this.#glossaryToken) return;
    this.#everyday = welsh?.everyday ?? everyday;
    this.#fallback = welsh?.fallback ?? new Set();
    this.#glossary = buildGlossary(extra ?? [], welsh?.entries).glossary;
    this._term = undefined;
    this.requestUpdate();
  }

  #t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.#lang.t(key, values);
  }

  #announceToken = 0;
  /**
   * Say something through the status region, every time: the region is emptied first, then the
   * words set a moment later, so the same words twice ("sent", then "sent" again) are spoken twice
   * (WCAG 4.1.3).
   */
  async #announce(text: string): Promise<void> {
    const token = ++this.#announceToken;
    if (text !== this._announcement) {
      this._announcement = text;
      return;
    }
    this._announcement = '';
    await this.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (token === this.#announceToken && this.isConnected) this._announcement = text;
  }

  /** Re-place markers and tags at most once per frame. */
  #schedulePlacement(): void {
    if (this.#frameRequest) return;
    this.#frameRequest = requestAnimationFrame(() => {
      this.#frameRequest = 0;
      void this.#place();
    });
  }

  /** Reads first (geometry, sizes), then writes (positions), so the browser lays out once. */
  async #place(): Promise<void> {
    const viewer = this.#viewer.host;
    if (!viewer || viewer.status !== 'loaded' || !this.isConnected) {
      if (this._geometry) this._geometry = undefined;
      return;
    }
    const frame = viewer.frameBox();
    if (!frame) return;
    const index = viewer.index;
    const geometry = viewer.imageGeometry(index);
    let scale: ScaleBar | undefined;
    const origin = viewer.imageToFrame(0, 0);
    const step = viewer.imageToFrame(1, 0);
    if (geometry?.pixelSpacing && origin && step) {
      const pxPerColumn = Math.hypot(step.x - origin.x, step.y - origin.y);
      scale = chooseScaleBar(geometry.pixelSpacing[1] / pxPerColumn, frame.width * 0.3, {
        approximate: geometry.spacingKind === 'imager',
        messages: this.#lang.messages,
      });
    }
    const previous = this._geometry;
    if (
      !previous ||
      previous.frame.x !== frame.x ||
      previous.frame.y !== frame.y ||
      previous.frame.width !== frame.width ||
      previous.frame.height !== frame.height ||
      previous.scale?.label !== scale?.label ||
      Math.abs((previous.scale?.widthPx ?? 0) - (scale?.widthPx ?? 0)) > 0.5
    ) {
      // A new size: try the words on the picture again.
      if (!previous || previous.frame.width !== frame.width || previous.frame.height !== frame.height) this._crowded = false;
      this._geometry = { frame, scale };
      await this.updateComplete;
    }
    const overlay = this.renderRoot.querySelector<HTMLElement>('.overlay');
    if (!overlay) return;
    // Markers and tags pass gestures to the picture: they let the page scroll exactly when the picture does.
    overlay.dataset.touch = viewer.stage ? getComputedStyle(viewer.stage).touchAction : 'none';
    // Writes through the CSSOM (allowed under a CSP without 'unsafe-inline').
    overlay.style.left = `${frame.x}px`;
    overlay.style.top = `${frame.y}px`;
    overlay.style.width = `${frame.width}px`;
    overlay.style.height = `${frame.height}px`;
    const bar = overlay.querySelector<HTMLElement>('.scale .bar');
    if (bar && scale) bar.style.width = `${scale.widthPx}px`;
    const here = this.#labels().filter((item) => item.imageIndex === index);
    // Reads: where each point is on screen now, the outlines' boxes, and the orientation words.
    const points = here.map((item) => viewer.imageToFrame(item.label.target.point.column, item.label.target.point.row));
    const inside = (p: { x: number; y: number } | undefined): p is { x: number; y: number } =>
      Boolean(p && p.x >= 0 && p.y >= 0 && p.x <= frame.width && p.y <= frame.height);
    const overlayRect = overlay.getBoundingClientRect();
    const words: Box[] = [...overlay.querySelectorAll<HTMLElement>('.edge')].map((edge) => {
      const r = edge.getBoundingClientRect();
      return { x: r.left - overlayRect.left, y: r.top - overlayRect.top, width: r.width, height: r.height };
    });
    const targets = here.map((item, i): MarkerTarget | undefined => {
      const point = points[i];
      if (!inside(point)) return undefined;
      const outline = this.#outlineBox(item.label);
      return outline ? { point, outline } : { point };
    });
    // Markers beside small outlines and off the orientation words, with a pointer line when moved.
    const places = placeMarkers(targets, frame, words);
    // Writes: markers and their pointer lines.
    here.forEach((item, i) => {
      const id = CSS.escape(item.label.id);
      const marker = overlay.querySelector<HTMLElement>(`.marker[data-id="${id}"]`);
      const place = places[i];
      if (marker) {
        marker.style.transform = place ? `translate(${place.x}px, ${place.y}px)` : '';
        marker.hidden = !place;
        marker.toggleAttribute('data-moved', Boolean(place?.moved));
      }
      for (const line of overlay.querySelectorAll<SVGLineElement>(`.pointers [data-id="${id}"]`)) {
        line.style.display = place?.moved ? '' : 'none';
        if (!place?.moved) continue;
        line.setAttribute('x1', String(place.x));
        line.setAttribute('y1', String(place.y));
        line.setAttribute('x2', String(place.target.x));
        line.setAttribute('y2', String(place.target.y));
      }
    });
    this.#placeOutlines(overlay, here);
    // Tags go beside the markers, where they are now.
    const markerPoints = places.map((place) => (place ? { x: place.x, y: place.y } : undefined));
    await this.#placeTags(overlay, here, markerPoints, frame);
    await this.#placeCard(overlay);
  }

  /** The open marker card beside its marker, inside the picture box. */
  async #placeCard(overlay: HTMLElement): Promise<void> {
    const card = overlay.querySelector<HTMLElement>('.marker-card');
    const marker = this._card ? overlay.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(this._card)}"]`) : null;
    if (!card || !marker) return;
    const { x, y } = await computePosition(marker, card, {
      placement: 'bottom',
      strategy: 'absolute',
      middleware: [
        offset(12),
        flip({ boundary: overlay, rootBoundary: overlay.getBoundingClientRect(), padding: 4, fallbackPlacements: ['top', 'right', 'left'] }),
        shift({ boundary: overlay, rootBoundary: overlay.getBoundingClientRect(), padding: 4 }),
      ],
    });
    card.style.transform = `translate(${x}px, ${y}px)`;
  }

  /** The box round a label's outline, in the picture box's coordinates (undefined without one). */
  #outlineBox(label: AnnotationLabel): Box | undefined {
    const viewer = this.#viewer.host!;
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
    const mapped = corners.map(([col, row]) => viewer.imageToFrame(col!, row!)).filter((p): p is { x: number; y: number } => Boolean(p));
    if (mapped.length === 0) return undefined;
    const xs = mapped.map((p) => p.x);
    const ys = mapped.map((p) => p.y);
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }

  #placeOutlines(overlay: HTMLElement, here: PlacedLabel[]): void {
    for (const item of here) {
      const outline = item.label.target.outline;
      if (!outline) continue;
      for (const shape of overlay.querySelectorAll<SVGElement>(`.outlines:not(.pointers):not(.leaders) [data-id="${CSS.escape(item.label.id)}"]`))
        this.#drawOutline(shape, outline);
    }
  }

  #drawOutline(shape: SVGElement, outline: NonNullable<AnnotationLabel['target']['outline']>): void {
    const viewer = this.#viewer.host!;
    if (outline.type === 'ellipse') {
      const c = viewer.imageToFrame(outline.center[0], outline.center[1]);
      const e = viewer.imageToFrame(outline.center[0] + outline.radii[0], outline.center[1] + outline.radii[1]);
      if (!c || !e) return;
      shape.setAttribute('cx', String(c.x));
      shape.setAttribute('cy', String(c.y));
      shape.setAttribute('rx', String(Math.abs(e.x - c.x)));
      shape.setAttribute('ry', String(Math.abs(e.y - c.y)));
    } else {
      const pts = outline.points
        .map(([col, row]) => viewer.imageToFrame(col, row))
        .filter((p): p is { x: number; y: number } => Boolean(p))
        .map((p) => `${p.x},${p.y}`)
        .join(' ');
      shape.setAttribute('points', pts);
    }
  }

  async #placeTags(
    overlay: HTMLElement,
    here: PlacedLabel[],
    points: ({ x: number; y: number } | undefined)[],
    frame: { width: number; height: number },
  ): Promise<void> {
    const tags = here.map((item) => overlay.querySelector<HTMLElement>(`.tag[data-id="${CSS.escape(item.label.id)}"]`));
    if (tags.every((tag) => !tag)) return;
    const overlayRect = overlay.getBoundingClientRect();
    // floating-ui: each tag beside its marker (a virtual element the size of the marker), kept inside the box.
    const inside = (p: { x: number; y: number } | undefined) =>
      Boolean(p && p.x >= 0 && p.y >= 0 && p.x <= frame.width && p.y <= frame.height);
    // A tag whose point has left the picture box is hidden with its marker and leader line.
    here.forEach((item, i) => {
      const tag = tags[i];
      if (tag) tag.hidden = !inside(points[i]);
      for (const line of overlay.querySelectorAll<SVGElement>(`.leaders [data-id="${CSS.escape(item.label.id)}"]`))
        line.style.display = inside(points[i]) ? '' : 'none';
    });
    const placed = await Promise.all(
      here.map((_, i) => {
        const tag = tags[i];
        const point = points[i];
        if (!tag || !point || !inside(point)) return Promise.resolve(undefined);
        const reference = {
          getBoundingClientRect: () =>
            DOMRect.fromRect({ x: overlayRect.left + point.x - 14, y: overlayRect.top + point.y - 14, width: 28, height: 28 }),
        };
        // The picture box is the whole boundary: not the part of it that happens to be on screen (a
        // page zoomed to 200% or scrolled would squeeze every tag into that part).
        const box = { x: overlayRect.left, y: overlayRect.top, width: overlayRect.width, height: overlayRect.height };
        return computePosition(reference, tag, {
          placement: point.x > frame.width / 2 ? 'left' : 'right',
          strategy: 'absolute',
          middleware: [
            offset(10),
            flip({ boundary: overlay, rootBoundary: box, padding: 4 }),
            shift({ boundary: overlay, rootBoundary: box, padding: 4 }),
          ],
        }).then((result) => ({ x: result.x, y: result.y, width: tag.offsetWidth, height: tag.offsetHeight }));
      }),
    );
    // Keep tags off each other: walk down the box, pushing overlapping tags below the one above.
    const order = placed
      .map((box, i) => ({ box, i }))
      .filter((entry): entry is { box: NonNullable<typeof entry.box>; i: number } => Boolean(entry.box))
      .sort((a, b) => a.box.y - b.box.y);
    const settled: { x: number; y: number; width: number; height: number }[] = [];
    const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height + 4 && b.y < a.y + a.height + 4;
    for (const entry of order) {
      const box = { ...entry.box };
      // Move down past every tag it meets, checking again after each move (at most once per tag).
      for (let moves = 0; moves <= settled.length; moves++) {
        const hit = settled.find((other) => overlaps(box, other));
        if (!hit) break;
        box.y = hit.y + hit.height + 4;
      }
      if (box.y > frame.height - box.height - 4) {
        // No room for every tag without piling them up at the bottom: numbers only, words in the list.
        this._crowded = true;
        return;
      }
      settled.push(box);
      entry.box = box;
    }
    // Writes: tags and their leader lines.
    const leaders = overlay.querySelector('.leaders');
    for (const entry of order) {
      const tag = tags[entry.i]!;
      const point = points[entry.i]!;
      tag.style.transform = `translate(${entry.box.x}px, ${entry.box.y}px)`;
      for (const line of leaders?.querySelectorAll(`[data-id="${CSS.escape(here[entry.i]!.label.id)}"]`) ?? []) {
        const edgeX = entry.box.x > point.x ? entry.box.x : entry.box.x + entry.box.width;
        const edgeY = Math.max(entry.box.y, Math.min(point.y, entry.box.y + entry.box.height));
        line.setAttribute('x1', String(point.x));
        line.setAttribute('y1', String(point.y));
        line.setAttribute('x2', String(edgeX));
        line.setAttribute('y2', String(edgeY));
      }
    }
  }

  /** Text with its hard words as buttons; `where` names the place (unique in the layer), for the popover. */
  #text(text: string, where: string): (TemplateResult | string)[] {
    if (!this.#glossary) return [text];
    return segmentText(text, this.#glossary).map((segment, i) =>
      segment.entry && !this.#everyday.has(segment.text.toLowerCase())
        ? this.#termButton(segment.entry, segment.text, `${where}:${i}`)
        : segment.text,
    );
  }

  /** A hard word as a button that opens its explanation, which follows it in the DOM (and Tab order). */
  #termButton(entry: GlossaryEntry, text: string, key: string): TemplateResult {
    const open = this._term?.key === key;
    return html`<button
        class="term"
        type="button"
        data-term=${key}
        aria-expanded=${open ? 'true' : 'false'}
        lang=${this.#fallback.has(entry) ? 'en' : nothing}
        @click=${() => this.#onTerm(entry, key)}
      >${text}</button
      >${open ? this.#renderPopover(entry, text) : nothing}`;
  }

  #edgeWords(edges: EdgeLabels | undefined) {
    if (!edges) return nothing;
    const word = (direction: string | undefined) => {
      if (!direction) return undefined;
      const text = this.#t(`orientation.${direction}` as MessageKey);
      return edges.oblique ? this.#t('orientation.roughly', { direction: text }) : text;
    };
    return (['top', 'bottom', 'left', 'right'] as const).map((side) => {
      const text = word(edges[side]);
      return text ? html`<span class="edge ${side}">${text}</span>` : nothing;
    });
  }

  #renderOverlay(items: PlacedLabel[]) {
    const viewer = this.#viewer.host;
    const geometry = this._geometry;
    if (!viewer || viewer.status !== 'loaded' || !geometry) return nothing;
    const { frame, scale } = geometry;
    const index = viewer.index;
    const image = viewer.imageGeometry(index);
    const edges =
      edgesFromImageOrientation(image?.orientation) ?? edgesFromPatientOrientation(image?.patientOrientation);
    const here = items.filter((item) => item.imageIndex === index);
    const compact = frame.width < COMPACT_WIDTH || this._crowded;
    // Sizes are written through the CSSOM in #place(), not as style attributes (a strict CSP blocks those).
    return html`<div class="overlay" part="overlay">
      <svg class="outlines" aria-hidden="true">
        ${(['casing', 'line'] as const).map((layer) =>
          here.map((item) => {
            // Each outline twice: a dark casing under a light dashed line, so one of them stands out
            // (3:1 or more) against any part of the picture (WCAG 1.4.11).
            const outline = item.label.target.outline;
            if (!outline) return nothing;
            return outline.type === 'ellipse'
              ? svg`<ellipse class=${layer} data-id=${item.label.id}></ellipse>`
              : outline.closed
                ? svg`<polygon class=${layer} data-id=${item.label.id}></polygon>`
                : svg`<polyline class=${layer} data-id=${item.label.id}></polyline>`;
          }),
        )}
      </svg>
      <svg class="outlines pointers" aria-hidden="true">
        ${(['casing', 'line'] as const).map((layer) => here.map((item) => svg`<line class=${layer} data-id=${item.label.id}></line>`))}
      </svg>
      ${compact
        ? nothing
        : html`<svg class="outlines leaders" aria-hidden="true">
            ${(['casing', 'line'] as const).map((layer) => here.map((item) => svg`<line class=${layer} data-id=${item.label.id}></line>`))}
          </svg>`}
      ${this.#edgeWords(edges)}
      ${scale
        ? html`<div class="scale" role="img" aria-label=${this.#t('layer.scale', { length: scale.label })}>
            <div class="bar"></div>
            <span aria-hidden="true">${scale.label}</span>
          </div>`
        : nothing}
      ${here.map(
        (item) => html`<button
          class="marker ${item.label.kind} ${this._selected === item.label.id ? 'selected' : ''}"
          part="marker"
          type="button"
          data-id=${item.label.id}
          data-pv-gesture-through
          aria-label=${this.#t('layer.marker', { number: item.number, title: item.label.title })}
          aria-pressed=${this._selected === item.label.id ? 'true' : 'false'}
          aria-expanded=${compact ? (this._card === item.label.id ? 'true' : 'false') : nothing}
          @click=${() => this.#onMarker(item, compact)}
          @focus=${() => (this._selected = item.label.id)}
        >
          ${item.number}
        </button>`,
      )}
      ${compact ? this.#renderCard(here) : nothing}
      ${compact
        ? nothing
        : here.map(
            (item) => html`<span
              class="tag ${this._selected === item.label.id ? 'selected' : ''}"
              part="tag"
              data-id=${item.label.id}
              data-pv-gesture-through
              aria-hidden="true"
              lang=${this.#docLang()}
              @click=${() => this.#onChoose(item)}
              >${item.label.title}</span
            >`,
          )}
    </div>`;
  }

  /** A tapped marker's words, beside it: title, description, "Show in the list" and Close. */
  #renderCard(here: PlacedLabel[]) {
    const item = here.find((entry) => entry.label.id === this._card);
    if (!item) return nothing;
    const { label } = item;
    return html`<div
      class="marker-card"
      part="marker-card"
      role="dialog"
      aria-labelledby="marker-card-title"
      tabindex="-1"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        this.#closeCard();
      }}
    >
      <p class="card-title" id="marker-card-title"><span class="number" aria-hidden="true">${item.number}</span> ${label.title}</p>
      ${label.description ? html`<p>${label.description}</p>` : nothing}
      <div class="card-actions">
        <button class="goto" type="button" @click=${() => this.#showInList(label.id)}>${this.#t('layer.showInList')}</button>
        <button class="goto" type="button" @click=${() => this.#closeCard()}>${this.#t('layer.close')}</button>
      </div>
    </div>`;
  }

  /** The label's own list of words to know, each opening its explanation. */
  #renderTerms(label: AnnotationLabel) {
    const entries = [...new Set((label.terms ?? []).map((term) => this.#glossary?.get(term)).filter((e): e is GlossaryEntry => Boolean(e)))];
    if (entries.length === 0) return nothing;
    return html`<p class="terms">
      ${this.#t('layer.wordsToKnow')}
      ${entries.map((entry, i) => html`${i > 0 ? ', ' : ''}${this.#termButton(entry, entry.term, `terms:${label.id}:${i}`)}`)}
    </p>`;
  }

  #renderLinks(label: AnnotationLabel) {
    if (!label.links?.length) return nothing;
    return html`<ul class="links">
      ${label.links.map((link) => {
        const url = trustedUrl(link.url, this.trustedDomains);
        if (!url) {
          const key = `${label.id}\n${link.url}`;
          if (!this.#reportedLinks.has(key)) {
            this.#reportedLinks.add(key);
            queueMicrotask(() => this.dispatchEvent(new PvLinkBlockedEvent(label.id, link.url)));
          }
          return html`<li class="untrusted" lang=${this.#docLang()}>${link.title}</li>`;
        }
        return html`<li>
          <a href=${url} target="_blank" rel="noopener noreferrer"
            ><span lang=${this.#docLang()}>${link.title}</span> <span class="visually-hidden">${this.#t('layer.opensNewTab')}</span></a
          >
        </li>`;
      })}
    </ul>`;
  }

  #renderPanel(items: PlacedLabel[]) {
    const doc = this._document;
    const viewer = this.#viewer.host;
    if (this._failed) {
      return html`<div class="panel" part="panel"><p class="problem">${this.#t('layer.notLoaded')}</p></div>`;
    }
    if (!doc || !viewer || viewer.status !== 'loaded') return nothing;
    const index = viewer.index;
    const elsewhere = items.filter((item) => item.imageIndex !== undefined && item.imageIndex !== index).length;
    const facts = viewer.imageFacts;
    // A summary may speak of the sensitive findings: it waits with them (safety before convenience).
    const summaryHeld = this.#consent.anyHidden();
    const region = bodyRegionFor(facts?.bodyPart ?? '', items.map((item) => item.label.title));
    const regionWords = region ? this.#t(`region.${region}` as MessageKey) : '';
    return html`<div class="panel" part="panel">
      ${region
        ? html`<div class="body-map">
            ${bodyMap(region, this.#t('layer.bodyMap', { part: regionWords }))}
            <p>${this.#t('layer.bodyMapCaption', { part: regionWords })}</p>
          </div>`
        : nothing}
      ${this.#renderCareCard()}
      ${renderSensitive({
        consent: this.#consent,
        renderRoot: this.renderRoot,
        t: (key, values) => this.#t(key, values),
        date: (date) => this.#lang.date(date),
        heading: (content, id, sub) => this.#heading(content, id, sub),
      })}
      ${doc.summary && summaryHeld
        ? html`<p class="summary">${this.#t('sensitive.summaryHeld')}</p>`
        : doc.summary
          ? html`<section class="summary" aria-labelledby="summary-title" data-ask="summary">
              ${this.#heading(this.#t('layer.summaryTitle'), 'summary-title')}
              <p lang=${this.#docLang()}>${this.#text(doc.summary, 'summary')}</p>
              ${this.#renderAsk('summary', { about: 'summary' })}
            </section>`
          : nothing}
      ${items.length > 0
        ? html`<section aria-labelledby="labels-title">
            ${this.#heading(this.#t('layer.labelsTitle'), 'labels-title')}
            ${elsewhere > 0
              ? html`<p>
                  ${elsewhere === items.length
                    ? elsewhere === 1
                      ? this.#t('layer.noneHereOne')
                      : this.#t('layer.noneHere', { count: elsewhere })
                    : elsewhere === 1
                      ? this.#t('layer.otherImage')
                      : this.#t('layer.otherImages', { count: elsewhere })}
                </p>`
              : nothing}
            <ol>
              ${items.map(
                (item) => html`<li
                  class="item ${item.label.kind} ${this._selected === item.label.id ? 'selected' : ''}"
                  data-id=${item.label.id}
                >
                  <div class="item-head">
                    <span class="number" aria-hidden="true">${item.number}</span>
                    <button
                      class="choose"
                      type="button"
                      lang=${this.#docLang()}
                      aria-pressed=${this._selected === item.label.id ? 'true' : 'false'}
                      @click=${() => this.#onChoose(item, true)}
                    >
                      ${item.label.title}
                    </button>
                  </div>
                  <span class="kind">
                    ${this.#t(`layer.kind.${item.label.kind}` as MessageKey)}${item.imageIndex !== undefined &&
                    item.imageIndex !== index
                      ? html` · ${this.#t('layer.onImage', { index: item.imageIndex + 1 })}`
                      : nothing}
                  </span>
                  ${item.label.description
                    ? html`<p lang=${this.#docLang()}>${this.#text(item.label.description, `label:${item.label.id}`)}</p>`
                    : nothing}
                  ${this.#renderTerms(item.label)}
                  ${this.#renderLinks(item.label)}
                  <div data-ask=${item.label.id}>
                    ${this.#renderAsk(item.label.id, {
                      about: 'label',
                      labelId: item.label.id,
                      ...(item.imageIndex !== undefined ? { imageIndex: item.imageIndex } : {}),
                    })}
                  </div>
                  ${item.imageIndex !== undefined && item.imageIndex !== index
                    ? html`<button class="goto" type="button" @click=${() => this.#onShowImage(item)}>
                        ${this.#t('layer.showImage', { index: item.imageIndex + 1 })}
                      </button>`
                    : nothing}
                </li>`,
              )}
            </ol>
          </section>`
        : nothing}
      ${this.#renderSaved()}
    </div>`;
  }

  /**
   * A word's explanation, rendered straight after its word (inside a paragraph, so made of spans).
   * Focus goes to Close; its text is the dialog's description. It is titled with the words as the
   * text wrote them (`words`), never a heavier headword reached through an alias ("scarring" is not
   * titled "fibrosis").
   */
  #renderPopover(entry: GlossaryEntry, words: string) {
    const url = trustedUrl(entry.url, this.trustedDomains);
    return html`<span
      class="popover"
      part="popover"
      role="dialog"
      tabindex="-1"
      lang=${this.#lang.language}
      aria-label=${words}
      aria-describedby="term-definition"
      ><span class="definition" id="term-definition" lang=${this.#fallback.has(entry) ? 'en' : nothing}
        ><strong>${words}</strong>: ${entry.definition}</span
      >${url
        ? html`<a href=${url} target="_blank" rel="noopener noreferrer"
            >${readMoreText(url, (key, values) => this.#t(key, values), (entry as { urlTitle?: unknown }).urlTitle, this.#lang.language === 'en-GB')}
            <span class="visually-hidden">${this.#t('layer.opensNewTab')}</span></a
          >`
        : nothing}<button class="close" type="button" data-autofocus @click=${() => this.#popover.close('close', true)}>
        ${this.#t('layer.close')}
      </button></span
    >`;
  }

  protected override firstUpdated(): void {
    this.#schedulePlacement();
  }

  override render() {
    const items = this.#labels();
    return html`${this.#renderOverlay(items)}${this.#renderPanel(items)}
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>`;
  }
}
