import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { GlossaryPopoverController } from '../../controllers/glossary-popover-controller.js';
import { PlatformController } from '../../controllers/platform-controller.js';
import type { Platform } from '../../platform/nhs-app.js';
import { matchOf, popoverElement, termWords, type Words } from './words.js';
import { PvQuestionEvent } from '../../events/pv-question-event.js';
import { PvReportErrorEvent } from '../../events/pv-report-error-event.js';
import type { StoreSetting } from '../../disclosure/choice-store.js';
import type { Glossary } from '../../lay/glossary.js';
import type { TermMatch } from '../../lay/find-terms.js';
import { trustedUrl } from '../../lay/links.js';
import { enGB, type Catalogue, type MessageKey } from '../../lay/messages.js';
import type { Block, Hold, ImageRef, Paragraph, ReportModel, Section, Sentence, SensitiveMatch } from '../../report/model.js';
import { ReportError, type ReportErrorType } from '../../report/errors.js';
import { applyHolds, parseText } from '../../report/text.js';
import { fetchBytes } from '../../sources/fetch-bytes.js';
import type { FindingDisclosure } from '../finding-disclosure/finding-disclosure.js';
import type { PatientImageViewer } from '../patient-image-viewer/patient-image-viewer.js';
import { heading, headingLevel } from '../heading.js';
import { PvElement } from '../pv-element.js';
import { loadGlossary, loadWelshGlossary } from '../../lay/glossary-loader.js';
import { styles } from './lay-report.styles.js';

/** The `sensitive` attribute: a JSON list; anything else holds the whole report (an entry that matches nothing). */
const sensitiveConverter = {
  fromAttribute(value: string | null): (SensitiveMatch | string)[] {
    if (value === null || value.trim() === '') return [];
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed as (SensitiveMatch | string)[];
    } catch {
      // Falls through: unreadable.
    }
    return [{ match: '' }];
  },
};

/** Largest report file we fetch (bytes). */
const MAX_BYTES = 5 * 1024 * 1024;

type Status = 'empty' | 'loading' | 'ready' | 'error';

/**
 * The patient's own radiology report, as the radiologist wrote it, with every hard word explained
 * beside it, links that show the images a sentence names, and the parts the care team marked
 * waiting behind the patient's choice.
 *
 * Input, first one set wins: `report` (a FHIR R4 `DiagnosticReport`), `text` (the report as plain
 * text), `src` (the URL of a text, HTML or FHIR JSON report). Report HTML (IHE Interactive Multimedia
 * Report, `<imr-ref>` image links) is never inserted as markup: it is parsed into an inert document
 * and only its text, paragraphs, lists, headings and image links are rebuilt. Headings such as
 * FINDINGS and IMPRESSION are shown in plain words, with the report's own heading beside them. The
 * report's words are never changed; names and identifiers of people are never shown.
 *
 * Sensitive parts (`sensitive`, IMR `data-sensitive`, and the IMPRESSION with `hold-impression`)
 * are not in the page at all until the patient chooses to see them, in a `<finding-disclosure
 * scope="finding">` (the same words, date lock and memory as a sensitive label). A part follows the
 * patient's choice about its finding id made elsewhere on the page (a sensitive label, a wrapped
 * paragraph, a remembered choice): its words come and go with it. "Show me now" in one part of the
 * report never shows another part, even one with the same finding id.
 *
 * Language: en-GB, or Welsh (cy) when `lang` says so (the element's own, the closest ancestor's,
 * or `<html lang>`). The report's own words stay in English (marked `lang="en"`).
 *
 * @summary The patient's radiology report, explained in plain words and linked to their images.
 * @tag lay-report
 *
 * @event {PvReportErrorEvent} pv-report-error - The report cannot be shown (`detail.type`: `network`, `unauthorised`, `not-found`, `server`, `timeout`, `too-large`, `not-text`, `malformed`), or a part it was told to hold was not found (`sensitive-not-found`: the whole report then waits for the patient's choice). `detail.message` is what the patient sees.
 * @event {PvQuestionEvent} pv-question - The patient sent a question about a sentence of the report (`detail.about` is `report`, `detail.context` the sentence), for the portal to route to their care team.
 * @event {PvDisclosureRequestEvent} pv-disclosure-request - From a held part's `<finding-disclosure>`: before it is shown; cancellable.
 * @event {PvRevealEvent} pv-reveal - From a held part's `<finding-disclosure>`: the patient chose to see it (or had chosen before).
 * @event {PvDeferEvent} pv-defer - From a held part's `<finding-disclosure>`: the patient chose to wait, or hid it again.
 * @event {PvActivityEvent} pv-activity - The patient tapped, clicked, pressed a key, turned the wheel or scrolled inside the element; at most once every 30 s for the page. `detail`: `kind`, `element`, `at`.
 *
 * @csspart report - The whole report.
 * @csspart header - The title, the statement about who the report was written for, and who added the word meanings.
 * @csspart section - One section of the report (FINDINGS, IMPRESSION...).
 * @csspart heading - A section's heading in plain words.
 * @csspart original-heading - The report's own heading word, shown small under the plain words.
 * @csspart term - A word with a meaning: the button that opens it.
 * @csspart popover - A word's meaning.
 * @csspart image-link - "Show image 3": moves the paired viewer to that image.
 * @csspart error - The message when the report cannot be shown.
 * @csspart signed-out - After `clear()` (sign-out): the plain "Signed out" words, until a new source is set.
 *
 * @cssprop [--pv-color-text=var(--nhsuk-text-colour, #212b32)] - Text colour (shared).
 * @cssprop [--pv-color-secondary-text=var(--nhsuk-secondary-text-colour, #4c6272)] - Quieter text: the report's own headings, who added the meanings (shared with the layer).
 * @cssprop [--pv-color-brand=var(--nhsuk-brand-colour, #005eb8)] - Links and buttons (shared).
 * @cssprop [--pv-color-surface=var(--nhsuk-card-background-colour, #ffffff)] - Popover background (shared).
 * @cssprop [--pv-color-border=var(--nhsuk-border-colour, #d8dde0)] - Borders (shared).
 * @cssprop [--pv-color-focus=var(--nhsuk-focus-colour, #ffeb3b)] - Focus highlight (shared).
 * @cssprop [--pv-color-focus-text=var(--nhsuk-focus-text-colour, #212b32)] - Text on focus (shared).
 * @cssprop [--pv-color-error=var(--nhsuk-error-colour, #d5281b)] - The edge of the error message (shared).
 * @cssprop [--pv-target-size=44px] - Smallest size of buttons (shared).
 * @cssprop [--pv-radius=4px] - Corner radius (shared).
 * @cssprop [--pv-report-statement-border=var(--nhsuk-border-colour, #d8dde0)] - The edge of the statement about who the report was written for (NHS inset text).
 */
export class LayReport extends PvElement {
  static override styles = styles;
  /** Every built-in word (the consent step in the shell carries only its own part). */
  protected static override english: Partial<Catalogue> = enGB;

  // Controllers
  /**
   * A word's meaning, beside its word: the library's one glossary popover (as in the annotation
   * layer), in running text here, so focus stays on the word and the meaning is next in Tab order.
   * It closes on Escape (focus back to the word), on Close, on a second press of the word, and when
   * focus leaves the word and its meaning. Never on hover.
   */
  readonly #popover = new GlossaryPopoverController(this, {
    parts: () => {
      const open = this.#openPopover;
      return open && open.anchor === this.#openWord && open.anchor.isConnected ? { anchor: open.anchor, popover: open.element } : undefined;
    },
    onClose: () => {
      // Only the meaning that closed (another word may have been pressed since).
      if (this.#openPopover?.anchor === this.#openWord) this.#openWord = undefined;
    },
    strategy: 'absolute',
    minHeight: 96,
    maxWidth: 352,
    focusOnOpen: false,
  });

  /** The NHS App (issue 17): links out in its browser overlay; its back button closes an open meaning or question box first. */
  readonly #platform = new PlatformController(this, () => ({ platform: this.platform, back: () => this.#backAction() }));

  // Properties
  /** The report as plain text. Used when `report` is not set. */
  @property() text = '';

  /** The report as a FHIR R4 `DiagnosticReport` (an object). Only `presentedForm`, `conclusion` and `conclusionCode` are read. */
  @property({ attribute: false }) report: unknown;

  /** URL of the report: plain text, HTML (IMR) or FHIR JSON. Used when neither `report` nor `text` is set. Fetched same-origin with cookies. */
  @property() src = '';

  /**
   * The id of the `<patient-image-viewer>` whose images the report's image links show (in the same
   * document or shadow root). Without it, the viewer the report sits in, if any.
   */
  @property({ attribute: 'for' }) for = '';

  /**
   * Parts of the report the care team wants to talk through first: every sentence holding `match`
   * (case and spacing do not matter), or the paragraph when the words run across sentences. Each waits behind the patient's choice, remembered under `findingId`, and not
   * before `notBefore`. A plain string is a `match`. As an attribute: the same list as JSON, e.g.
   * `sensitive='[{"match": "cannot be excluded", "findingId": "f1"}]'`.
   *
   * Fails closed: a match found nowhere, an entry without words, or an attribute that is not a JSON
   * list holds the whole report (and fires `pv-report-error` `sensitive-not-found`). Set it before
   * or with the report (in the same task), never after the patient could have read it.
   */
  @property({ converter: sensitiveConverter }) sensitive: (SensitiveMatch | string)[] = [];

  /** Hold the IMPRESSION (or CONCLUSION) until the patient chooses to see it. A report without one is held whole. */
  @property({ type: Boolean, attribute: 'hold-impression' }) holdImpression = false;

  /** Who checked the explanations for this report (a trust's name), shown as "Explained by {trust} on {date}." with `explained-on`. */
  @property({ attribute: 'explained-by' }) explainedBy = '';

  /** When they did (ISO 8601 date), with `explained-by`. */
  @property({ attribute: 'explained-on' }) explainedOn = '';

  /** IMR image references by id (`<imr-ref id="1">`): the image (`index`, 0-based, or `sopInstanceUid` and `frame`) and label each points at. */
  @property({ attribute: false }) imageRefs: Record<string, ImageRef> = {};

  /** A glossary to use instead of the built-in one (from `buildGlossary` in `patient-image-viewer/glossary.js`). */
  @property({ attribute: false }) glossary: Glossary | undefined;

  /** Extra trusted domains for "Read more" links, besides nhs.uk, 111.nhs.uk and patient.info. */
  @property({ attribute: false }) trustedDomains: string[] = [];

  /** An opaque key for the study, so the patient's choices about held parts are remembered (stored only as a hash). */
  @property({ attribute: 'study-key' }) studyKey = '';

  /** Where those choices are remembered: `memory` (default), `session`, `local`, or an adapter (property). */
  @property({ attribute: 'storage' }) storage: StoreSetting = 'memory';

  /**
   * Where "I'd rather talk to someone first" leads, in the consent step of each held part (a page of
   * the portal, or an https page on a trusted NHS site; see `<finding-disclosure talk-href>`).
   */
  @property({ attribute: 'talk-href' }) talkHref = '';

  /** Hide "Ask a question about this" (for portals with no way to route questions to the care team). */
  @property({ type: Boolean, attribute: 'no-questions' }) noQuestions = false;

  /** How long to wait for `src` (milliseconds) before saying it took too long. */
  @property({ type: Number }) timeout = 30000;

  /**
   * The level of this element's headings (1 to 6; default 2), so they fit the page's outline: inside
   * a section whose heading is an `h2`, set 3. The report's section headings are one level lower.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * Where the report runs: `auto` (default: inside the NHS App when the user agent has the App's
   * `nhsapp-android/` or `nhsapp-ios/` token, or the App's script, `window.nhsapp`, is on the page and
   * its `tools.isOpenInNHSApp()`, where it has one, agrees), `nhs-app` or `web`. Inside
   * the App, "read more" links open in the App's browser overlay and the App's back button closes an
   * open meaning or question box first.
   */
  @property() platform: Platform = 'auto';

  @state() private _status: Status = 'empty';
  @state() private _model: ReportModel | undefined;
  @state() private _error: ReportErrorType | undefined;
  /**
   * Held parts whose step is `shown`, by where they are in the report (not by finding key: two parts
   * with the same key are two consent steps, and "Show me now" in one does not show the other).
   */
  @state() private _revealed: ReadonlySet<string> = new Set();
  /** The block whose question form is open. */
  @state() private _asking: string | undefined;
  @state() private _askError = false;

  #words: Words | undefined;
  /** The open word's button, if any. */
  #openWord: HTMLElement | undefined;
  /** The open word's meaning (rendered by Lit into an element placed right after the word). */
  #openPopover: { anchor: HTMLElement; element: HTMLElement } | undefined;
  /** The held parts' steps already watched (see `#watchStep`). */
  readonly #watched = new WeakSet<Element>();
  #loadToken = 0;
  #abort: AbortController | undefined;
  #glossaryToken = 0;

  // Lifecycle
  /** The words' language changed: the report's words are explained in it. */
  protected override languageChanged(): void {
    void this.#loadGlossary();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A viewer that loads (or fails) after the report: its image links can now be shown, or not.
    document.addEventListener('pv-load', this.#onViewerChange);
    document.addEventListener('pv-error', this.#onViewerChange);
    // Moved in the page while loading: the load was dropped when it left, so start it again.
    if (this.hasUpdated && this._status === 'loading') void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pv-load', this.#onViewerChange);
    document.removeEventListener('pv-error', this.#onViewerChange);
    this.#openWord = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#loadToken++;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Signed out (issue 17) until a new report is set.
    if (this.signedOut && (this.report !== undefined || this.text || this.src)) this.signedOut = false;
    if (changed.has('report') || changed.has('text') || changed.has('src') || changed.has('sensitive') || changed.has('holdImpression') || changed.has('imageRefs')) {
      void this.#load();
    }
    if (changed.has('glossary')) void this.#loadGlossary();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // Before the popover controller looks for the open meaning (in hostUpdated).
    this.#syncPopover();
  }

  // Handlers
  #onViewerChange = () => this.requestUpdate();

  /** A press on a word (any word: one listener for the whole report). */
  #onBodyClick = (event: Event): void => {
    const target = event.target as Element | null;
    const button = target?.closest?.('button.term') as HTMLButtonElement | null;
    const key = button?.dataset.term;
    if (!button || !key) return;
    // A second press closes it; focus stays on the word.
    if (this.#openWord === button) this.#closeWord();
    else {
      this.#openWord = button;
      this.requestUpdate();
    }
  };

  /**
   * A held part's step rendered: its words follow its `state`, however it got there (the patient's
   * choice in it, the same finding chosen, or hidden again, elsewhere on the page, a remembered
   * choice read back). Only `shown` puts them in the page; anything else takes them out.
   */
  #onStepUpdated(step: FindingDisclosure): void {
    const site = step.dataset.site;
    if (!site || !step.isConnected || step.getRootNode() !== this.renderRoot) return;
    const shown = step.state === 'shown';
    if (shown === this._revealed.has(site)) return;
    const next = new Set(this._revealed);
    if (shown) next.add(site);
    else {
      next.delete(site);
      this.#closeWord();
    }
    this._revealed = next;
  }

  /** Each held part's step, once: its updates are watched (Lit's `addController`, so no new event is needed). */
  #watchStep = (element: Element | undefined): void => {
    const step = element as FindingDisclosure | undefined;
    if (!step || this.#watched.has(step) || typeof step.addController !== 'function') return;
    this.#watched.add(step);
    step.addController({ hostUpdated: () => this.#onStepUpdated(step) });
    this.#onStepUpdated(step);
  };

  async #onShowImage(ref: ImageRef, index: number): Promise<void> {
    const viewer = this.#viewer();
    if (!viewer || viewer.status !== 'loaded') return;
    if (index < 0 || index >= viewer.imageCount) {
      void this.announce(this.t('report.imageMissing', { index: index + 1 }));
      return;
    }
    viewer.scrollIntoView({ block: 'nearest' });
    await viewer.goTo(index);
    if (ref.labelId) {
      // The viewer's annotation layer, through its slot (never searched for by tag name).
      for (const child of viewer.children) {
        const layer = child as Element & { select?: (id: string) => void };
        if (child.slot === 'annotations' && typeof layer.select === 'function') layer.select(ref.labelId);
      }
    }
    void this.announce(this.t('report.imageShown', { index: index + 1 }));
  }

  // Public methods
  /** Where the report is: `empty` (nothing set), `loading`, `ready` or `error`. */
  get status(): Status {
    return this._status;
  }

  /** The paired viewer: the element with the `for` id, else the enclosing `<patient-image-viewer>`. */
  #viewer(): PatientImageViewer | undefined {
    if (this.for) {
      const root = this.getRootNode() as Document | ShadowRoot;
      const el = typeof root.getElementById === 'function' ? root.getElementById(this.for) : null;
      return el && typeof (el as Partial<PatientImageViewer>).goTo === 'function' ? (el as PatientImageViewer) : undefined;
    }
    return (this.closest('patient-image-viewer') as PatientImageViewer | null) ?? undefined;
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    this.#abort?.abort();
    this.#abort = undefined;
    this._revealed = new Set();
    this._asking = undefined;
    this.#closeWord();
    const report = this.report;
    const text = this.text;
    const src = this.src;
    if ((report === undefined || report === null) && !text && !src) {
      this._model = undefined;
      this._status = 'empty';
      this._error = undefined;
      return;
    }
    this._status = 'loading';
    try {
      const words = this.#loadGlossary();
      let model: ReportModel;
      if (report !== undefined && report !== null) model = await this.#fromFhir(report);
      else if (text) model = parseText(text);
      else model = await this.#fetch(src, token);
      await words;
      if (token !== this.#loadToken || !this.isConnected) return;
      const { unmatched, impressionFound } = applyHolds(model, Array.isArray(this.sensitive) ? this.sensitive : [], this.holdImpression);
      this._model = model;
      this._error = undefined;
      this._status = 'ready';
      if (unmatched.length > 0 || (this.holdImpression && !impressionFound)) {
        this.dispatchEvent(new PvReportErrorEvent({ type: 'sensitive-not-found', message: '' }));
      }
    } catch (error) {
      if (token !== this.#loadToken) return;
      const type: ReportErrorType = error instanceof ReportError ? error.type : 'malformed';
      this._model = undefined;
      this._status = 'error';
      this._error = type;
      this.dispatchEvent(new PvReportErrorEvent({ type, message: this.t(`report.error.${type}` as MessageKey) }));
    }
  }

  async #fromFhir(resource: unknown): Promise<ReportModel> {
    const { parseDiagnosticReport } = await import('../../report/fhir.js');
    return parseDiagnosticReport(resource, this.imageRefs);
  }

  async #fetch(url: string, token: number): Promise<ReportModel> {
    const abort = new AbortController();
    this.#abort = abort;
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(Math.max(1, this.timeout))]);
    let bytes: ArrayBuffer;
    try {
      bytes = await fetchBytes(url, {
        signal,
        accept: 'text/plain, text/html, application/fhir+json, application/json;q=0.9',
        onProgress: (received) => {
          if (received > MAX_BYTES) abort.abort(new ReportError('too-large', 'The report is too large.'));
        },
      });
    } catch (error) {
      if (abort.signal.reason instanceof ReportError) throw abort.signal.reason;
      const type = (error as { type?: string }).type;
      throw new ReportError(
        type === 'unauthorised' || type === 'not-found' || type === 'server' || type === 'timeout' ? type : 'network',
        'The report could not be fetched.',
        { cause: error },
      );
    }
    if (token !== this.#loadToken) throw new ReportError('network', 'Superseded.');
    if (bytes.byteLength > MAX_BYTES) throw new ReportError('too-large', 'The report is too large.');
    const { decodeText } = await import('../../report/fhir.js');
    const body = decodeText(new Uint8Array(bytes));
    const start = body.trimStart();
    if (start.startsWith('%PDF')) throw new ReportError('not-text', 'The report is a PDF.');
    if (start.startsWith('{')) {
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (error) {
        throw new ReportError('malformed', 'The report is not valid JSON.', { cause: error });
      }
      return this.#fromFhir(json);
    }
    if (start.startsWith('<')) {
      const { parseHtml } = await import('../../report/html.js');
      return parseHtml(body, { refs: this.imageRefs });
    }
    return parseText(body);
  }

  /** The glossary in the report's language: the portal's, else the built-in (Welsh entries where there are some). */
  async #loadGlossary(): Promise<void> {
    const token = ++this.#glossaryToken;
    const words = await loadGlossary();
    const welsh = this.locale.language === 'cy' && !this.glossary ? await loadWelshGlossary() : undefined;
    if (token !== this.#glossaryToken) return;
    this.#words = {
      glossary: this.glossary ?? welsh?.glossary ?? words.glossary,
      findTerms: words.findTerms,
      // Everyday words (heart, lung...) are not marked in the built-in glossary; a portal's own glossary is taken as it is.
      everyday: this.glossary ? new Set() : (welsh?.everyday ?? words.everyday),
      fallback: this.glossary ? new Set() : (welsh?.fallback ?? new Set()),
    };
    this.#closeWord();
    this.requestUpdate();
  }

  /** The report's own words are English; in a Welsh page they are marked so. */
  get #reportLang(): string | typeof nothing {
    return this.locale.language === 'en-GB' ? nothing : 'en';
  }

  /**
   * A part that waits for the patient's choice: nothing of it is in the page until its step is
   * `shown`. Each part is its own choice to see (the report is the steps' `consentGroup`): "Show me
   * now" in one part never puts another part in the page, even one with the same finding id.
   */
  #held(hold: Hold, site: string, content: () => unknown): TemplateResult {
    const shown = this._revealed.has(site);
    return html`<finding-disclosure
      scope="finding"
      finding-id=${hold.key}
      heading-level=${Math.min(6, headingLevel(this.headingLevel) + 1)}
      not-before=${hold.notBefore ?? ''}
      study-key=${this.studyKey}
      talk-href=${this.talkHref}
      .storage=${this.storage}
      .messages=${this.messages}
      .consentGroup=${this}
      data-site=${site}
      ${ref(this.#watchStep)}
      >${shown ? content() : nothing}</finding-disclosure
    >`;
  }

  /** A section's heading, one level below the element's own. */
  #subHeading(content: unknown, lang?: string | typeof nothing): TemplateResult {
    return heading(Math.min(6, headingLevel(this.headingLevel) + 1), content, { sub: true, part: 'heading', lang });
  }

  #renderSection(section: Section, index: number): TemplateResult {
    const plain = section.kind ? this.t(`report.section.${section.kind}` as MessageKey) : undefined;
    const blocks = () => section.blocks.map((block) => this.#renderBlock(block));
    return html`<section class="section" part="section">
      ${section.heading !== undefined
        ? plain
          ? html`${this.#subHeading(plain)}
              <p class="original" part="original-heading">
                ${this.t('report.original', { heading: '' })}<span lang=${this.#reportLang}>${section.heading}</span>
              </p>`
          : this.#subHeading(section.heading, this.#reportLang)
        : nothing}
      ${section.hold ? this.#held(section.hold, `section-${index}`, blocks) : blocks()}
    </section>`;
  }

  #renderBlock(block: Block): TemplateResult {
    const inner = () =>
      block.kind === 'list'
        ? html`${block.ordered
              ? html`<ol lang=${this.#reportLang}>${block.items.map((item) => this.#renderItem(item))}</ol>`
              : html`<ul lang=${this.#reportLang}>${block.items.map((item) => this.#renderItem(item))}</ul>`}
            ${this.#renderAsk(block.id, block.items.flatMap((item) => this.#visibleSentences(item)))}`
        : html`${this.#renderParagraph(block)}${this.#renderAsk(block.id, this.#visibleSentences(block))}`;
    // A held paragraph is wrapped by #renderParagraph; a held list here, as a whole.
    return html`<div class="block" data-block=${block.id}>${block.kind === 'list' && block.hold ? this.#held(block.hold, block.id, inner) : inner()}</div>`;
  }

  #renderItem(item: Paragraph): TemplateResult {
    const content = () => this.#sentenceGroups(item, (sentences) => html`${sentences}`);
    return html`<li>${item.hold ? this.#held(item.hold, item.id, content) : content()}</li>`;
  }

  #renderParagraph(p: Paragraph): TemplateResult {
    const content = () => this.#sentenceGroups(p, (sentences) => html`<p lang=${this.#reportLang}>${sentences}</p>`);
    return p.hold ? this.#held(p.hold, p.id, content) : html`${content()}`;
  }

  /** Sentences in runs: those that are shown together, and each held one behind its own choice. */
  #sentenceGroups(p: Paragraph, wrap: (sentences: TemplateResult[]) => TemplateResult): TemplateResult[] {
    const groups: { hold?: Hold; sentences: Sentence[] }[] = [];
    for (const sentence of p.sentences) {
      const last = groups.at(-1);
      if (last && last.hold?.key === sentence.hold?.key) last.sentences.push(sentence);
      else groups.push({ ...(sentence.hold ? { hold: sentence.hold } : {}), sentences: [sentence] });
    }
    return groups.map((group) => {
      const content = () => wrap(group.sentences.map((s) => this.#renderSentence(s)));
      return group.hold ? this.#held(group.hold, group.sentences[0]!.id, content) : content();
    });
  }

  /** Sentences the patient can see now (for "Ask a question about this"). */
  #visibleSentences(p: Paragraph): Sentence[] {
    if (p.hold && !this._revealed.has(p.id)) return [];
    // A held run of sentences is revealed under its first sentence's id.
    const shown = new Set<string>();
    let open = false;
    let key: string | undefined;
    for (const s of p.sentences) {
      if (!s.hold) {
        key = undefined;
        shown.add(s.id);
        continue;
      }
      if (s.hold.key !== key) open = this._revealed.has(s.id);
      key = s.hold.key;
      if (open) shown.add(s.id);
    }
    return p.sentences.filter((s) => shown.has(s.id));
  }

  #renderSentence(sentence: Sentence): TemplateResult {
    return html`<span class="sentence" data-sentence=${sentence.id}
      >${sentence.runs.map((run, i) => this.#renderWords(run.text, `${sentence.id}-${i}`))}</span
    >${this.#renderImageLinks(sentence)} `;
  }

  /** Words with each glossary term as a button that opens its meaning, right after it (see `words.ts`). */
  #renderWords(text: string, key: string) {
    return termWords(text, key, this.#words);
  }

  /** After each update: the open word's meaning right after it (and only that one), placed beside it. */
  #syncPopover(): void {
    const anchor = this.#openWord;
    const open = this.#openPopover;
    if (open && (open.anchor !== anchor || !anchor?.isConnected)) {
      open.anchor.setAttribute('aria-expanded', 'false');
      open.anchor.removeAttribute('aria-controls');
      open.element.remove();
      this.#openPopover = undefined;
    }
    const match = anchor ? matchOf.get(anchor) : undefined;
    if (!anchor || !match || !anchor.isConnected) return;
    let element = this.#openPopover?.element;
    if (!element) {
      element = popoverElement(`meaning-${anchor.dataset.term}`);
      anchor.after(element);
      this.#openPopover = { anchor, element };
    }
    anchor.setAttribute('aria-expanded', 'true');
    anchor.setAttribute('aria-controls', element.id);
    render(this.#renderPopover(match, element.id), element);
  }

  /** What the NHS App's back closes first: the open meaning, else the open question box. */
  #backAction(): (() => void) | undefined {
    if (!this.#platform.inApp) return undefined;
    if (this.#openWord) return () => this.#popover.close('close', true);
    const asking = this._asking;
    if (asking !== undefined) {
      return () => {
        this._asking = undefined;
        // Focus back on its Ask button, as Cancel does.
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-block="${CSS.escape(asking)}"] .ask`)?.focus());
      };
    }
    return undefined;
  }

  /** Close the open meaning (focus stays where it is). */
  #closeWord(): void {
    if (!this.#openWord) return;
    if (this.#popover.open) this.#popover.close('close', false);
    else {
      this.#openWord = undefined;
      this.requestUpdate();
    }
  }

  #renderPopover(match: TermMatch, id: string): TemplateResult {
    const entry = match.entry;
    const url = trustedUrl(entry.url, this.trustedDomains);
    const english = this.#words?.fallback.has(entry) ? 'en' : nothing;
    return html`<strong class="popover-title" id="${id}-title">${this.t('report.meaningOf', { words: match.text })}</strong
      ><span class="definition" lang=${english}>${this.locale.theirs(entry.definition, english === 'en')}</span
      >${url
        ? html`<a href=${url} target="_blank" rel="noopener noreferrer"
            >${this.t('layer.readMore', { term: match.text })}
            <span class="visually-hidden">${this.t('layer.opensNewTab')}</span></a
          >`
        : nothing}<button class="close" type="button" @click=${() => this.#popover.close('close', true)}>${this.t('layer.close')}</button>`;
  }

  /** "Show image 3" beside a sentence that names an image the paired viewer has. */
  #renderImageLinks(sentence: Sentence): TemplateResult | typeof nothing {
    if (sentence.refs.length === 0) return nothing;
    const viewer = this.#viewer();
    if (!viewer || viewer.status !== 'loaded') return nothing;
    const links = sentence.refs
      .map((ref) => {
        const index =
          ref.index ?? (ref.sopInstanceUid ? viewer.imageIndexFor({ sopInstanceUid: ref.sopInstanceUid, ...(ref.frame ? { frame: ref.frame } : {}) }) : undefined);
        return index !== undefined && index >= 0 && index < viewer.imageCount ? { ref, index } : undefined;
      })
      .filter((link): link is { ref: ImageRef; index: number } => Boolean(link));
    if (links.length === 0) return nothing;
    return html`${links.map(
      ({ ref, index }) =>
        html` <button class="image-link" part="image-link" type="button" @click=${() => this.#onShowImage(ref, index)}>
            ${this.t('report.showImage', { index: index + 1 })}
          </button>`,
    )}`;
  }

  /** "Ask a question about this": a button, or the open form (which sentence, and the question). */
  #renderAsk(key: string, sentences: Sentence[]): TemplateResult | typeof nothing {
    if (this.noQuestions || sentences.length === 0) return nothing;
    if (this._asking !== key) {
      return html`<button
        class="ask"
        type="button"
        @click=${async () => {
          this._asking = key;
          this._askError = false;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>(`[data-block="${CSS.escape(key)}"] .composer textarea`)?.focus();
        }}
      >
        ${this.t('ask.open')}
      </button>`;
    }
    const id = `ask-${key}`;
    const done = async (announcement: string) => {
      this._asking = undefined;
      this._askError = false;
      void this.announce(announcement);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-block="${CSS.escape(key)}"] .ask`)?.focus();
    };
    const send = async (event: Event) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      const question = (form.elements.namedItem('question') as HTMLTextAreaElement).value.trim();
      if (!question) {
        this._askError = true;
        return;
      }
      const chosen = form.querySelector<HTMLInputElement>('input[name="sentence"]:checked')?.value;
      const sentence = sentences.find((s) => s.id === chosen) ?? sentences[0]!;
      this.dispatchEvent(new PvQuestionEvent({ question, about: 'report', context: sentence.text.trim(), at: new Date().toISOString() }));
      await done(this.t('ask.sent'));
    };
    return html`<form class="composer" @submit=${send} novalidate>
      ${sentences.length > 1
        ? html`<fieldset>
            <legend>${this.t('report.askWhich')}</legend>
            ${sentences.map(
              (s, i) => html`<label class="choice">
                <input type="radio" name="sentence" value=${s.id} ?checked=${i === 0} />
                <span lang=${this.#reportLang}>${s.text}</span>
              </label>`,
            )}
          </fieldset>`
        : nothing}
      <label for=${id}>${this.t('ask.yourQuestion')}</label>
      ${this._askError ? html`<p class="ask-error" id="${id}-error">${this.t('ask.empty')}</p>` : nothing}
      <textarea id=${id} name="question" rows="3" maxlength="1000" aria-describedby=${this._askError ? `${id}-error` : nothing}></textarea>
      <div class="choices">
        <button class="action" type="submit">${this.t('ask.send')}</button>
        <button class="action" type="button" @click=${() => done('')}>${this.t('ask.cancel')}</button>
      </div>
    </form>`;
  }

  #renderHeader(): TemplateResult {
    const on = this.explainedOn ? new Date(this.explainedOn) : undefined;
    const checked = this.explainedBy && on && !Number.isNaN(on.getTime());
    return html`<div class="header" part="header">
      ${heading(headingLevel(this.headingLevel), this.t('report.title'))}
      <p class="statement">${this.t('report.statement')}</p>
      <p>${this.t('report.howTo')}</p>
      <p class="explained">
        ${checked ? this.t('report.explainedBy', { trust: this.explainedBy, date: this.locale.date(on) }) : this.t('report.explainedGeneral')}
      </p>
    </div>`;
  }

  /** Issue 17: stop a fetch, forget the report, its words and the choices of its held parts (stored too, when asked). */
  protected override async clearContent(options: { storage?: boolean }): Promise<void> {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#loadToken++;
    this.#closeWord();
    const steps = [...this.renderRoot.querySelectorAll('finding-disclosure')] as unknown as PvElement[];
    const forgetting = Promise.all(steps.map((step) => step.clear(options)));
    this.report = undefined;
    this.text = this.src = '';
    for (const name of ['src', 'text']) this.removeAttribute(name);
    this._model = undefined;
    this._status = 'empty';
    this._error = undefined;
    this._revealed = new Set();
    this._asking = undefined;
    this._askError = false;
    this.#openWord = undefined;
    this.#openPopover = undefined;
    await forgetting;
  }

  override render() {
    if (this.signedOut) return this.renderSignedOut();
    const model = this._model;
    const live = this.renderLiveRegion();
    if (this._status === 'error') {
      return html`<div class="error" part="error" role="alert">
          ${heading(headingLevel(this.headingLevel), this.t('report.errorTitle'))}
          <p>${this.t(`report.error.${this._error ?? 'malformed'}` as MessageKey)}</p>
        </div>
        ${live}`;
    }
    if (this._status === 'loading') return html`<p class="loading" role="status">${this.t('report.loading')}</p>${live}`;
    if (!model) return live;
    const sections = () => model.sections.map((section, i) => this.#renderSection(section, i));
    // The body's click listener only delegates the term buttons' own clicks (real <button>s, so Enter
    // and Space already click them): the div itself is not a control and needs no key handler.
    /* eslint-disable lit-a11y/click-events-have-key-events */
    return html`<article class="report" part="report">
        ${this.#renderHeader()}
        ${model.truncated ? html`<p class="truncated">${this.t('report.truncated')}</p>` : nothing}
        <div class="body" @click=${this.#onBodyClick}>
          ${
            // A new reading of the report gets new consent steps (each reads the remembered choice again),
            // never an old step left "shown" over words it no longer holds.
            keyed(model, model.hold ? this.#held(model.hold, 'report', sections) : sections())
          }
        </div>
      </article>
      ${live}`;
    /* eslint-enable lit-a11y/click-events-have-key-events */
  }
}
