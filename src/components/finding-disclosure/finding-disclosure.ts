import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DisclosureController, type DisclosurePlace, type DisclosureState } from '../../controllers/disclosure-controller.js';
import { HoldController, holdContext } from '../../controllers/hold-controller.js';
import type { StoreSetting } from '../../disclosure/choice-store.js';
import { explain, kindOf } from '../../lay/describe.js';
import { portalUrl } from '../../lay/links.js';
import { heading, headingLevel } from '../heading.js';
import type { MessageKey } from '../../lay/messages.js';
import { PvElement } from '../pv-element.js';
import { styles } from './finding-disclosure.styles.js';

/** `state`, in the words `phase` has always used (`deferred` for `waiting`). */
type Phase = 'reading' | 'asking' | 'deferred' | 'shown';

/**
 * The patient-led step before their images: what kind of images these are, that scans can look
 * strange, that they can stop at any time; then "Show my images", "Not now", and (where the
 * portal has a route) "I'd rather talk to someone first". Nothing inside loads until the patient
 * chooses: every `<patient-image-viewer>` and `<lay-annotation-layer>` inside is held (through a
 * "held" context they consume, so also those defined or added later; a step inside another passes
 * on the outer step's hold).
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
 * @event {PvActivityEvent} pv-activity - The patient tapped, clicked, pressed a key, turned the wheel or scrolled inside the element; at most once every 30 s for the page. `detail`: `kind`, `element`, `at`.
 *
 * @csspart panel - The step's panel (and the "not yet" panel).
 * @csspart actions - The row of choices.
 * @csspart button - Every button.
 * @csspart shown - The bar above the images once shown (heading and "Hide my images").
 * @csspart signed-out - After `clear()` (sign-out): the plain "Signed out" words, until a new source is set.
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
export class FindingDisclosure extends PvElement {
  static override styles = styles;

  // Controllers
  /** The patient's choice: read back, date lock, the portal's veto, remembered, shared with the page. */
  readonly #choice = new DisclosureController(this, () => ({
    kind: this.#isFinding() ? 'wrapped' : 'study',
    storage: this.storage,
    studyKey: this.studyKey,
    places: [this.#place()],
    t: (key, values) => this.t(key, values),
    announce: (text) => void this.announce(text),
    group: this.consentGroup,
  }));

  /** The hold of a step around this one (nested steps): what is inside stays held while either holds it. */
  readonly #outerHold = new HoldController(this, undefined);

  /** Holds every viewer and annotation layer inside (they consume it) until the patient chooses to see them. */
  readonly #hold = new ContextProvider(this, { context: holdContext, initialValue: true });

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

  /**
   * The level of this element's headings (1 to 6; default 2), so they fit the page's outline: inside
   * a section whose heading is an `h2`, set 3. Headings below them are one level lower.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * @internal Set by the element whose held part this step is (`<lay-report>` sets itself): "Show me
   * now" in another part of the same element is not followed here (each part is its own choice to
   * see); a choice to wait, and any choice made outside it, are.
   */
  consentGroup: object | undefined;

  // Lifecycle
  protected override willUpdate(changed: PropertyValues<this>): void {
    // Signed out (issue 17) until a study key is set again (or `reset()`).
    if (this.signedOut && changed.has('studyKey') && this.studyKey) this.signedOut = false;
    const place = changed.has('studyKey') || changed.has('scope') || changed.has('findingKey') || changed.has('findingId');
    if (place) this.#choice.register();
    if (place || changed.has('storage')) void this.#choice.read();
    this.#hold.setValue(this.signedOut || this.state !== 'shown' || this.#outerHold.held);
  }

  // Handlers
  /** Focus goes to the heading of what was revealed. */
  #onShow = () => this.#choice.reveal(undefined, () => this.renderRoot.querySelector<HTMLElement>('.shown .h-main')?.focus());

  /** Focus goes to the way back. */
  #onNotNow = () => this.#choice.wait(undefined, () => this.renderRoot.querySelector<HTMLElement>('.deferred button')?.focus());

  // Public methods
  /** Where the patient's choice stands: `reading` (looking up a remembered choice), `asking`, `waiting` or `shown`. */
  get state(): DisclosureState {
    return this.#choice.state(this.#place().id);
  }

  /**
   * Where the step is: `reading`, `asking`, `deferred` or `shown`.
   * @deprecated Use `state`, which says `waiting` where this says `deferred`.
   */
  get phase(): Phase {
    const state = this.state;
    return state === 'waiting' ? 'deferred' : state;
  }

  /** Forget the remembered choice and ask again. */
  async reset(): Promise<void> {
    this.signedOut = false;
    this.#choice.register();
    await this.#choice.forget();
  }

  /** Issue 17: the elements inside are cleared too; the choice is forgotten (stored too, when asked) and the study key with it. */
  protected override async clearContent(options: { storage?: boolean }): Promise<void> {
    const inside = [...this.querySelectorAll('*')].filter((element): element is PvElement => element instanceof PvElement);
    await Promise.all([...inside.map((element) => element.clear(options)), this.#choice.clear(options.storage)]);
    this.studyKey = '';
    this.removeAttribute('study-key');
  }

  /** This step's one place: the study, or the wrapped finding (always sensitive). */
  #place(): DisclosurePlace {
    if (!this.#isFinding()) return { id: 'study', sensitive: true, notBefore: this.notBefore };
    const id = this.findingId || this.findingKey;
    return id
      ? { id, findingId: id, sensitive: true, notBefore: this.notBefore, where: `<finding-disclosure finding-id="${id}">` }
      : { id: '', sensitive: true, notBefore: this.notBefore };
  }

  #isFinding(): boolean {
    return this.scope === 'finding';
  }

  /** "You can choose to see it from 3 December 2026.", or nothing when there is no lock. */
  #renderLock() {
    const locked = this.#choice.lock(this.#place());
    if (!locked) return nothing;
    const date = this.locale.date(locked);
    return html`<p class="locked">${this.t('sensitive.locked', { date })}</p>`;
  }

  /** `talk-href`, when it is safe to link to: the portal's own origin or a trusted site (never `javascript:`). */
  get #talkLink(): string | undefined {
    return portalUrl(this.talkHref);
  }

  /** One finding: told that it is there, not what it is. NHS inset text, not an interruption. */
  #renderFinding(deferred: boolean) {
    const locked = this.#choice.lock(this.#place());
    return html`<section class="panel finding ${deferred ? 'deferred' : ''}" part="panel" aria-labelledby="step-title">
      ${heading(headingLevel(this.headingLevel), this.t('sensitive.noticeOne'), { id: 'step-title' })}
      <p>${this.t(deferred ? 'sensitive.waiting' : 'sensitive.explain')}</p>
      ${this.#renderLock()}
      <div class="actions" part="actions">
        ${locked ? nothing : html`<button part="button" type="button" @click=${this.#onShow}>${this.t('sensitive.show')}</button>`}
        ${deferred ? nothing : html`<button part="button" type="button" @click=${this.#onNotNow}>${this.t('sensitive.wait')}</button>`}
        ${this.#talkLink ? html`<a href=${this.#talkLink}>${this.t('disclosure.talk')}</a>` : nothing}
      </div>
    </section>`;
  }

  #renderAsking() {
    if (this.#isFinding()) return this.#renderFinding(false);
    const kind = this.t(`kind.${kindOf(this.modality)}` as MessageKey);
    return html`<section class="panel interruption" part="panel" aria-labelledby="step-title">
      ${heading(headingLevel(this.headingLevel), this.t('disclosure.title'), { id: 'step-title' })}
      <p>${this.t('disclosure.whatsComing', { kind })}</p>
      <p>${explain(this.modality, this.locale.messages)}</p>
      <p>${this.t('disclosure.strange')}</p>
      <p>${this.t('disclosure.stop')}</p>
      ${this.#renderLock()}
      <div class="actions" part="actions">
        ${this.#choice.lock(this.#place()) ? nothing : html`<button part="button" type="button" @click=${this.#onShow}>${this.t('disclosure.show')}</button>`}
        <button part="button" type="button" @click=${this.#onNotNow}>${this.t('disclosure.notNow')}</button>
        ${this.#talkLink ? html`<a href=${this.#talkLink}>${this.t('disclosure.talk')}</a>` : nothing}
      </div>
    </section>`;
  }

  #renderDeferred() {
    if (this.#isFinding()) return this.#renderFinding(true);
    const locked = this.#choice.lock(this.#place());
    return html`<section class="panel deferred" part="panel">
      <p>${this.t('disclosure.deferred')}</p>
      ${this.#renderLock()}
      <div class="actions" part="actions">
        ${locked ? nothing : html`<button part="button" type="button" @click=${this.#onShow}>${this.t('disclosure.show')}</button>`}
        ${this.#talkLink ? html`<a href=${this.#talkLink}>${this.t('disclosure.talk')}</a>` : nothing}
      </div>
    </section>`;
  }

  #renderShown() {
    const finding = this.#isFinding();
    return html`<div class="shown ${finding ? 'finding' : ''}">
      <div class="shown-bar" part="shown">
        ${heading(headingLevel(this.headingLevel), this.t(finding ? 'sensitive.wrappedHeading' : 'disclosure.shownHeading'), { focusable: true })}
        <button part="button" type="button" @click=${this.#onNotNow}>${this.t(finding ? 'sensitive.hideAgain' : 'disclosure.hide')}</button>
      </div>
      <slot></slot>
    </div>`;
  }

  override render() {
    const state = this.state;
    return html`${this.signedOut
        ? this.renderSignedOut()
        : state === 'asking'
        ? this.#renderAsking()
        : state === 'waiting'
          ? this.#renderDeferred()
          : state === 'shown'
            ? this.#renderShown()
            : nothing}
      ${this.renderLiveRegion()}`;
  }
}
