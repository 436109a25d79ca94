import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LanguageController } from '../../controllers/language-controller.js';
import { lockedUntil } from '../../disclosure/date-lock.js';
import { keep, parseChoice, readKept, type StoreSetting, type StoredChoice } from '../../disclosure/choice-store.js';
import { FindingChoiceEvent, findingMarks, findingStoreScope, type FindingChoice } from '../../disclosure/finding-marks.js';
import { PvDeferEvent, PvDisclosureRequestEvent, PvRevealEvent } from '../../events/pv-disclosure-events.js';
import { explain, kindOf } from '../../lay/describe.js';
import { portalUrl } from '../../lay/links.js';
import { heading, headingLevel } from '../heading.js';
import type { MessageKey, Messages } from '../../lay/messages.js';
import { styles } from './finding-disclosure.styles.js';

type Phase = 'reading' | 'asking' | 'deferred' | 'shown';

/**
 * The patient-led step before their images: what kind of images these are, that scans can look
 * strange, that they can stop at any time; then "Show my images", "Not now", and (where the
 * portal has a route) "I'd rather talk to someone first". Nothing inside loads until the patient
 * chooses: every `<patient-image-viewer>` and `<lay-annotation-layer>` inside is held.
 *
 * Language: en-GB, or Welsh (cy) when `lang` says so: the element's own `lang`, else the closest
 * ancestor's, else `<html lang>` (`cy`, `cy-GB`). It follows changes to `lang`. The `messages`
 * property overrides any word in either language. Welsh strings await review by a Welsh speaker.
 *
 * @summary The patient's choice to see their images, in the NHS interruption-page style.
 * @tag finding-disclosure
 *
 * With `scope="finding"` it wraps one finding instead (a paragraph of the report, a picture, a
 * viewer): the patient is told that their care team has marked something to talk through, without
 * being told what, and chooses "Show me now" or "I'll wait to talk to my care team". `not-before`
 * keeps it hidden until a date the portal sets; the patient is told when.
 *
 * One finding, one mark: `finding-id` names the finding. Every place on the page that shows the same
 * finding of the same study (a label of `<lay-annotation-layer>` whose `findingId`, or `id`, is the
 * same; another wrapped copy; a report sentence) is held and shown with this one: "Show me now" or
 * "I'll wait" here applies there too, and the other way round, and the choice is kept under one key
 * in the study's store. A label of that finding that is not marked sensitive is held anyway, and the
 * layer reports the mismatch (`pv-annotation-error`, `code: 'finding-sensitivity-mismatch'`).
 *
 * @slot - The images: a `<patient-image-viewer>` (with its `<lay-annotation-layer>`), or anything else (with `scope="finding"`: the finding).
 *
 * @event {PvDisclosureRequestEvent} pv-disclosure-request - Before showing; cancellable (`preventDefault()` keeps the images hidden, for example to ask the patient to sign in again).
 * @event {PvRevealEvent} pv-reveal - The images are shown. `detail`: `scope`, `at` (when), `remembered`; with `scope="finding"` and a finding id, `findings` (that id).
 * @event {PvDeferEvent} pv-defer - The patient chose "Not now". `detail`: `scope`, `at`, `remembered`; `findings` as for `pv-reveal`.
 *
 * @csspart panel - The step's panel (and the "not yet" panel).
 * @csspart actions - The row of choices.
 * @csspart button - Every button.
 * @csspart shown - The bar above the images once shown (heading and "Hide my images").
 *
 * @cssprop [--pv-interruption-background=var(--pv-color-brand, var(--nhsuk-brand-colour, #005eb8))] - Background of the step.
 * @cssprop [--pv-interruption-text=var(--nhsuk-reverse-text-colour, #ffffff)] - Text on the step.
 * @cssprop [--pv-reverse-button-background=var(--nhsuk-reverse-button-colour, #ffffff)] - Buttons on the step.
 * @cssprop [--pv-reverse-button-text=var(--nhsuk-reverse-button-text-colour, #212b32)] - Button text on the step.
 * @cssprop [--pv-reverse-button-shadow=var(--nhsuk-reverse-button-shadow-colour, #b3b3b3)] - Button shadow on the step.
 * @cssprop [--pv-color-text=var(--nhsuk-text-colour, #212b32)] - Text colour (shared).
 * @cssprop [--pv-color-brand=var(--nhsuk-brand-colour, #005eb8)] - The step's background, the edge and buttons after a choice (shared).
 * @cssprop [--pv-color-surface=var(--nhsuk-card-background-colour, #ffffff)] - Background after a choice (shared).
 * @cssprop [--pv-color-focus=var(--nhsuk-focus-colour, #ffeb3b)] - Focus highlight (shared).
 * @cssprop [--pv-color-focus-text=var(--nhsuk-focus-text-colour, #212b32)] - Text on focus (shared).
 * @cssprop [--pv-target-size=44px] - Smallest size of buttons (shared).
 * @cssprop [--pv-radius=4px] - Corner radius (shared).
 */
export class FindingDisclosure extends LitElement {
  static override styles = styles;

  // Controllers
  readonly #lang = new LanguageController(this, () => this.messages);

  // Properties
  /** DICOM modality of the images (CT, MR, CR, US...), to explain what kind of images they are. */
  @property() modality = '';

  /**
   * An opaque key for the study, so the choice can be remembered. Stored only as a SHA-256 hash;
   * still, use an id that means nothing outside the portal. Without it, nothing is remembered.
   */
  @property({ attribute: 'study-key' }) studyKey = '';

  /** Where choices are remembered: `memory` (default, this page only), `session`, `local`, or an adapter (property). */
  @property({ attribute: 'storage' }) storage: StoreSetting = 'memory';

  /**
   * Where "I'd rather talk to someone first" leads (a page of the portal). Without it, that choice is
   * not offered. Only a page on the portal's own origin or an `https` page on nhs.uk, 111.nhs.uk or
   * patient.info is linked; anything else (a `javascript:` URL, another site) is not offered.
   */
  @property({ attribute: 'talk-href' }) talkHref = '';

  /** `study` (default): the step before a study's images. `finding`: the step before one finding, which this element wraps. */
  @property({ reflect: true }) scope: 'study' | 'finding' = 'study';

  /**
   * With `scope="finding"`: the finding id, shared with every place on the page that shows the same
   * finding (the annotation labels' `findingId`, else their `id`; report sentences): they are held and
   * shown together, and the choice is remembered once for the study. Use an opaque id (it appears in
   * events and attributes), never words about the finding.
   */
  @property({ attribute: 'finding-id' }) findingId = '';

  /** The older name of `finding-id` (used when `finding-id` is not set). */
  @property({ attribute: 'finding-key' }) findingKey = '';

  /**
   * A date (ISO 8601, such as `2026-12-03`) before which the content cannot be shown. Until then the
   * patient is told from when they can choose to see it. Typically set with `scope="finding"`.
   */
  @property({ attribute: 'not-before' }) notBefore = '';

  /** Replacement words for any of the built-in messages. */
  @property({ attribute: false }) messages: Messages | undefined;

  /**
   * The level of this element's headings (1 to 6; default 2), so they fit the page's outline: inside
   * a section whose heading is an `h2`, set 3. Headings below them are one level lower.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private _phase: Phase = 'reading';
  @state() private _announcement = '';

  #readToken = 0;
  readonly #observer = new MutationObserver(() => this.#holdContent());
  /** Removes this wrapped finding from the page's registry of findings. */
  #unregisterMark: (() => void) | undefined;

  // Lifecycle
  protected override scheduleUpdate(): void | Promise<unknown> {
    // While the Welsh words download (once a page, a small chunk), wait rather than flash English.
    const pending = this.#lang.pending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer.observe(this, { childList: true, subtree: true });
    this.#holdContent();
    findingMarks().addEventListener(FindingChoiceEvent.eventName, this.#onMarkChoice);
    if (this.hasUpdated) this.#registerMark();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
    findingMarks().removeEventListener(FindingChoiceEvent.eventName, this.#onMarkChoice);
    this.#unregisterMark?.();
    this.#unregisterMark = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const mark = changed.has('studyKey') || changed.has('scope') || changed.has('findingKey') || changed.has('findingId');
    if (mark) this.#registerMark();
    if (mark || changed.has('storage')) void this.#readChoice();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_phase')) this.#holdContent();
  }

  // Handlers
  /** The patient chose about this finding in another place on the page: this one follows. */
  #onMarkChoice = (event: Event) => {
    const { studyKey, findingId, choice } = (event as FindingChoiceEvent).detail;
    const id = this.#findingId();
    if (!this.#isFinding() || !id || studyKey !== this.studyKey || findingId !== id) return;
    this.#follow(choice);
  };

  #onShow = async () => {
    if (lockedUntil(this.notBefore)) return;
    const finding = this.#isFinding();
    const request = new PvDisclosureRequestEvent({ scope: this.#scope() });
    this.dispatchEvent(request);
    if (request.defaultPrevented) {
      this._announcement = this.#t(finding ? 'sensitive.stopped' : 'disclosure.stopped');
      return;
    }
    const at = new Date().toISOString();
    this._phase = 'shown';
    this._announcement = this.#t(finding ? 'sensitive.wrappedShown' : 'disclosure.shown');
    this.#publish('shown');
    await this.#remember({ choice: 'reveal', at });
    this.dispatchEvent(new PvRevealEvent({ scope: this.#scope(), at, remembered: false, ...this.#findings() }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.shown .h-main')?.focus();
  };

  #onNotNow = async () => {
    const at = new Date().toISOString();
    this._phase = 'deferred';
    this._announcement = this.#t(this.#isFinding() ? 'sensitive.waiting' : 'disclosure.hidden');
    this.#publish('waiting');
    await this.#remember({ choice: 'defer', at });
    this.dispatchEvent(new PvDeferEvent({ scope: this.#scope(), at, remembered: false, ...this.#findings() }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.deferred button')?.focus();
  };

  // Public methods
  /** Where the step is: `reading` (looking up a remembered choice), `asking`, `deferred` or `shown`. */
  get phase(): Phase {
    return this._phase;
  }

  /** Forget the remembered choice and ask again. */
  async reset(): Promise<void> {
    await keep(this.storage, this.studyKey, this.#storeScope(), undefined);
    this._phase = 'asking';
  }

  async #readChoice(): Promise<void> {
    const token = ++this.#readToken;
    // Nothing kept (or a store that fails) means: ask. A wrapped finding kept under its old key
    // (`wrapped-finding:<key>`, before findings had one key for every place) is still read.
    const legacy = this.#isFinding() && this.#findingId() ? `wrapped-finding:${this.#findingId()}` : undefined;
    const stored =
      parseChoice(await readKept(this.storage, this.studyKey, this.#storeScope())) ??
      (legacy ? parseChoice(await readKept(this.storage, this.studyKey, legacy)) : undefined);
    if (token !== this.#readToken || !this.isConnected) return;
    // A date lock wins over a remembered choice (the portal may have moved the date).
    if (stored?.choice === 'reveal' && !lockedUntil(this.notBefore)) {
      this._phase = 'shown';
      this.#publish('shown', true);
      this.dispatchEvent(new PvRevealEvent({ scope: this.#scope(), at: stored.at, remembered: true, ...this.#findings() }));
    } else if (stored?.choice) {
      this._phase = 'deferred';
      this.#publish('waiting', true);
      this.dispatchEvent(new PvDeferEvent({ scope: this.#scope(), at: stored.at, remembered: true, ...this.#findings() }));
    } else {
      // Nothing kept: a choice already made on this page, in another place showing this finding, stands.
      const id = this.#findingId();
      const choice = this.#isFinding() && id ? findingMarks().choice(this.studyKey, id) : undefined;
      this._phase = 'asking';
      if (choice) this.#follow(choice);
    }
  }

  /** Follow a choice made elsewhere on the page (a date lock still wins over "shown"). */
  #follow(choice: FindingChoice): void {
    if (choice === 'shown' && !lockedUntil(this.notBefore)) this._phase = 'shown';
    else if (choice === 'waiting') this._phase = 'deferred';
  }

  /** Put this wrapped finding in the page's registry of findings: it is always sensitive. */
  #registerMark(): void {
    this.#unregisterMark?.();
    this.#unregisterMark = undefined;
    const id = this.#findingId();
    if (!this.isConnected || !this.#isFinding() || !id) return;
    this.#unregisterMark = findingMarks().register([
      { studyKey: this.studyKey, findingId: id, sensitive: true, where: `<finding-disclosure finding-id="${id}">` },
    ]);
  }

  /** Tell every other place showing this finding what the patient chose. */
  #publish(choice: FindingChoice, remembered = false): void {
    const id = this.#findingId();
    if (this.#isFinding() && id) findingMarks().choose(this.studyKey, id, choice, remembered);
  }

  /** The finding id (`finding-id`, else the older `finding-key`). */
  #findingId(): string {
    return this.findingId || this.findingKey;
  }

  /** `findings` for the events of a wrapped finding that has an id. */
  #findings(): { findings?: string[] } {
    const id = this.#findingId();
    return this.#isFinding() && id ? { findings: [id] } : {};
  }

  #remember(choice: StoredChoice): Promise<void> {
    return keep(this.storage, this.studyKey, this.#storeScope(), JSON.stringify(choice));
  }

  #isFinding(): boolean {
    return this.scope === 'finding';
  }

  #scope(): 'study' | 'finding' {
    return this.#isFinding() ? 'finding' : 'study';
  }

  /** The key a choice is kept under, within the study. */
  #storeScope(): string {
    if (!this.#isFinding()) return 'study';
    const id = this.#findingId();
    return id ? findingStoreScope(id) : 'wrapped-finding:';
  }

  /** "You can choose to see it from 3 December 2026.", or nothing when there is no lock. */
  #renderLock() {
    const locked = lockedUntil(this.notBefore);
    if (!locked) return nothing;
    const date = this.#lang.date(locked);
    return html`<p class="locked">${this.#t('sensitive.locked', { date })}</p>`;
  }

  /** Hold every viewer and annotation layer inside until the patient has chosen to see them. */
  #holdContent(): void {
    const hold = this._phase !== 'shown';
    for (const el of this.querySelectorAll<HTMLElement & { hold: boolean }>('patient-image-viewer, lay-annotation-layer')) {
      if (el.hold !== hold) el.hold = hold;
      if (!hold) continue;
      // Also before the elements are defined: the property is picked up when they upgrade.
      if (!customElements.get(el.localName)) el.setAttribute('hold', '');
    }
  }

  /** `talk-href`, when it is safe to link to: the portal's own origin or a trusted site (never `javascript:`). */
  get #talkLink(): string | undefined {
    return portalUrl(this.talkHref);
  }

  #t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.#lang.t(key, values);
  }

  /** One finding: told that it is there, not what it is. NHS inset text, not an interruption. */
  #renderFinding(deferred: boolean) {
    const locked = lockedUntil(this.notBefore);
    return html`<section class="panel finding ${deferred ? 'deferred' : ''}" part="panel" aria-labelledby="step-title">
      ${heading(headingLevel(this.headingLevel), this.#t('sensitive.noticeOne'), { id: 'step-title' })}
      <p>${this.#t(deferred ? 'sensitive.waiting' : 'sensitive.explain')}</p>
      ${this.#renderLock()}
      <div class="actions" part="actions">
        ${locked ? nothing : html`<button part="button" type="button" @click=${this.#onShow}>${this.#t('sensitive.show')}</button>`}
        ${deferred ? nothing : html`<button part="button" type="button" @click=${this.#onNotNow}>${this.#t('sensitive.wait')}</button>`}
        ${this.#talkLink ? html`<a href=${this.#talkLink}>${this.#t('disclosure.talk')}</a>` : nothing}
      </div>
    </section>`;
  }

  #renderAsking() {
    if (this.#isFinding()) return this.#renderFinding(false);
    const kind = this.#t(`kind.${kindOf(this.modality)}` as MessageKey);
    return html`<section class="panel interruption" part="panel" aria-labelledby="step-title">
      ${heading(headingLevel(this.headingLevel), this.#t('disclosure.title'), { id: 'step-title' })}
      <p>${this.#t('disclosure.whatsComing', { kind })}</p>
      <p>${explain(this.modality, this.#lang.messages)}</p>
      <p>${this.#t('disclosure.strange')}</p>
      <p>${this.#t('disclosure.stop')}</p>
      ${this.#renderLock()}
      <div class="actions" part="actions">
        ${lockedUntil(this.notBefore) ? nothing : html`<button part="button" type="button" @click=${this.#onShow}>${this.#t('disclosure.show')}</button>`}
        <button part="button" type="button" @click=${this.#onNotNow}>${this.#t('disclosure.notNow')}</button>
        ${this.#talkLink ? html`<a href=${this.#talkLink}>${this.#t('disclosure.talk')}</a>` : nothing}
      </div>
    </section>`;
  }

  #renderDeferred() {
    if (this.#isFinding()) return this.#renderFinding(true);
    const locked = lockedUntil(this.notBefore);
    return html`<section class="panel deferred" part="panel">
      <p>${this.#t('disclosure.deferred')}</p>
      ${this.#renderLock()}
      <div class="actions" part="actions">
        ${locked ? nothing : html`<button part="button" type="button" @click=${this.#onShow}>${this.#t('disclosure.show')}</button>`}
        ${this.#talkLink ? html`<a href=${this.#talkLink}>${this.#t('disclosure.talk')}</a>` : nothing}
      </div>
    </section>`;
  }

  #renderShown() {
    const finding = this.#isFinding();
    return html`<div class="shown ${finding ? 'finding' : ''}">
      <div class="shown-bar" part="shown">
        ${heading(headingLevel(this.headingLevel), this.#t(finding ? 'sensitive.wrappedHeading' : 'disclosure.shownHeading'), { focusable: true })}
        <button part="button" type="button" @click=${this.#onNotNow}>${this.#t(finding ? 'sensitive.hideAgain' : 'disclosure.hide')}</button>
      </div>
      <slot></slot>
    </div>`;
  }

  override render() {
    const phase = this._phase;
    return html`${phase === 'asking'
        ? this.#renderAsking()
        : phase === 'deferred'
          ? this.#renderDeferred()
          : phase === 'shown'
            ? this.#renderShown()
            : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>`;
  }
}
