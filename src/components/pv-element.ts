import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { LanguageController } from '../controllers/language-controller.js';
import { consentEnGB } from '../lay/messages-consent.js';
import type { Catalogue, MessageKey, Messages } from '../lay/messages.js';

/**
 * What every element of this library shares, written once: its words (English, or Welsh when `lang`
 * says so, any of them replaced through `messages`), waiting for the Welsh words rather than flashing
 * English, and a status region whose changes a screen reader hears (WCAG 4.1.3). Not registered and
 * not exported: the elements extend it.
 */
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

  // Lifecycle
  protected override scheduleUpdate(): void | Promise<unknown> {
    // While the Welsh words download (once a page, a small chunk), wait rather than flash English.
    const pending = this.locale.pending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  // Internals
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
