import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AnnouncerController } from '../controllers/announcer-controller.js';
import { LanguageController } from '../controllers/language-controller.js';
import type { ViewerRole } from '../lay/language.js';
import type { MessageKey, Messages } from '../lay/messages.js';

/**
 * What every element of this library shares, written once: its words (English, or Welsh when `lang`
 * says so, any of them replaced through `messages`), waiting for the Welsh words rather than flashing
 * English, and a status region whose changes a screen reader hears (WCAG 4.1.3). Not registered and
 * not exported: the elements extend it.
 */
export abstract class PvElement extends LitElement {
  // Controllers
  /** The element's language and words (`lang` on it or an ancestor, `messages` overrides). */
  protected readonly locale = new LanguageController(
    this,
    () => this.messages,
    () => this.languageChanged(),
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
