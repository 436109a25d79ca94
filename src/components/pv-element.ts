import { LitElement, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { LanguageController } from '../controllers/language-controller.js';
import { clearMemoryStore, forgetWebStorage } from '../disclosure/choice-store.js';
import { PvActivityEvent, type PvActivityDetail } from '../events/pv-activity-event.js';
import type { ViewerRole } from '../lay/language.js';
import { consentEnGB } from '../lay/messages-consent.js';
import type { Catalogue, MessageKey, Messages } from '../lay/messages.js';

/**
 * What every element of this library shares, written once: its words (English, or Welsh when `lang`
 * says so, any of them replaced through `messages`), waiting for the Welsh words rather than flashing
 * English, and a status region whose changes a screen reader hears (WCAG 4.1.3). Not registered and
 * not exported: the elements extend it.
 */
/** When the page last said `pv-activity` (one clock for every element: at most one event per interval). */
let lastActivity = -Infinity;

export abstract class PvElement extends LitElement {
  /**
   * The English words this element uses. The consent step keeps the default, its own part of the
   * catalogue (it loads in the shell, before consent); the other elements set the whole `enGB`.
   */
  protected static english: Partial<Catalogue> = consentEnGB;

  // Controllers
  /** The element's language and words (`lang` on it or an ancestor, `messages` overrides). */
  protected readonly locale = new LanguageController(
    this,
    () => this.messages,
    () => this.languageChanged(),
    (this.constructor as typeof PvElement).english,
  );

  /** What the status region says (every announcement heard, even the same words twice). */
  protected readonly announcer = new AnnouncerController(this);

  // Properties
  /** Replacement words for any of the built-in messages (see `src/lay/messages.ts`). */
  @property({ attribute: false }) messages: Messages | undefined;

  /**
   * Who is looking at the images: `self` (the patient, the default) or `carer` (a parent, carer or
   * someone helping the patient). With `carer` the words speak to the helper about the patient:
   * "Their right", "Their care team has marked ...", "Show the images". Set it on the element or on
   * any ancestor (a consent step, the page's container): like `lang`, the closest one applies, and
   * changes are followed. Welsh carer words await review by a Welsh speaker.
   */
  @property({ attribute: 'viewer-role', reflect: true }) viewerRole: ViewerRole | undefined;

  /** issue 17: after `clear()`, until a new source is set, the element shows only "Signed out". */
  @state() protected signedOut = false;

  // Lifecycle
  constructor() {
    super();
    // The host's own listeners (they live and die with it): the patient is still looking.
    for (const type of ['pointerdown', 'keydown', 'wheel'] as const) this.addEventListener(type, this.#onActivity, { passive: true });
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // Scrolling inside the shadow root (a long list, a report) never reaches the host.
    root.addEventListener('scroll', this.#onActivity, { capture: true, passive: true });
    return root;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // While the Welsh words download (once a page, a small chunk), wait rather than flash English.
    const pending = this.locale.pending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  // Handlers
  #onActivity = (event: Event): void => {
    const now = Date.now();
    if (now - lastActivity < PvActivityEvent.interval) return;
    lastActivity = now;
    const kind: PvActivityDetail['kind'] = event.type === 'keydown' ? 'keyboard' : event.type === 'pointerdown' ? 'pointer' : (event.type as 'wheel' | 'scroll');
    this.dispatchEvent(new PvActivityEvent({ kind, element: this.localName, at: new Date(now).toISOString() }));
  };

  // Public methods
  /**
   * A clean end, for sign-out or an inactivity time-out (issue 17): the element lets go of what it
   * shows and holds (images, decoded pixels and canvases, labels, report text, the patient's choices
   * and questions in memory; loads in flight are stopped) and shows only "Signed out" until a new
   * source is set. With `{ storage: true }` the choices and questions kept in this browser's session
   * and local storage are forgotten too (a portal's own store: see the README). `clearAll()` does
   * this for every element on the page and empties the image cache.
   */
  async clear(options: { storage?: boolean } = {}): Promise<void> {
    this.signedOut = true;
    await this.clearContent(options);
    clearMemoryStore();
    if (options.storage) forgetWebStorage();
    await this.updateComplete;
  }

  // Internals
  /** What `clear()` lets go of in this element (its source, state and controllers). */
  protected clearContent(_options: { storage?: boolean }): Promise<void> | void {}

  /** What a cleared element shows: plain words, nothing of the patient's. */
  protected renderSignedOut(): TemplateResult {
    return html`<p class="signed-out" part="signed-out">${this.t('signedOut')}</p>`;
  }

  /** The language changed and its words are in (the layer localises its glossary here). */
  protected languageChanged(): void {}

  /** A message in the element's language, with its `{placeholders}` filled. */
  protected t(key: MessageKey, values?: Record<string, string | number>): string {
    return this.locale.t(key, values);
  }

  /** Say something through the status region. */
  protected announce(text: string): Promise<void> {
    return this.announcer.announce(text);
  }

  /** The status region, for `render()`. */
  protected renderLiveRegion(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text}</div>`;
  }
}
