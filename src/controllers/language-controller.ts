import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDate, langOf, langScopes, languageFor, type Language } from '../lay/language.js';
import { format } from '../lay/messages-consent.js';
import type { Catalogue, MessageKey, Messages } from '../lay/messages.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** How long an element waits for the Welsh words before it shows English (and then Welsh when they come). */
const WAIT_MS = 3000;

interface WelshModule {
  cy: Catalogue;
  monthsCy: readonly string[];
}

/** The Welsh catalogue, downloaded once for the whole page and only when an element needs it. */
let welshPromise: Promise<WelshModule | undefined> | undefined;
let welsh: WelshModule | undefined;
function loadWelsh(): Promise<WelshModule | undefined> {
  welshPromise ??= import('../lay/messages-cy.js').then(
    (module) => (welsh = module),
    // Offline or blocked: stay in English (the text is then marked en-GB, so it is read correctly).
    () => undefined,
  );
  return welshPromise;
}

/**
 * The language an element speaks, and its words. The language comes from `lang`: the element's
 * own, else the closest ancestor's (across shadow roots), else `<html lang>`; `cy` or `cy-*` is
 * Welsh, anything else en-GB. A change of `lang` on the element, any ancestor or `<html>` re-renders
 * the element. The portal's `messages` win over both catalogues.
 *
 * The Welsh catalogue is a separate chunk, imported the first time an element resolves to Welsh;
 * until it arrives (3 s at most) the host's updates wait for it ({@link pending}), so no English
 * flashes up. After each update, the top-level elements of the host's shadow root get `lang`, so
 * screen readers pronounce the text in the language it is written in.
 */
export class LanguageController implements ReactiveController {
  readonly #host: Host;
  readonly #overrides: () => Messages | undefined;
  readonly #onChange: (() => void) | undefined;
  #language: Language = 'en-GB';
  #observer: MutationObserver | undefined;
  #pending: Promise<unknown> | undefined;
  #merged: { catalogue: Partial<Catalogue>; overrides: Messages | undefined; words: Messages } | undefined;
  readonly #english: Partial<Catalogue>;

  /**
   * @param overrides The portal's replacement words (the element's `messages` property).
   * @param onChange Called after the language changes (and its catalogue is ready).
   * @param english The English words the element uses: the whole catalogue (`enGB`), or for the
   *   consent step in the shell only its own part (`consentEnGB`), so the shell does not carry the rest.
   */
  constructor(host: Host, overrides: () => Messages | undefined, onChange: (() => void) | undefined, english: Partial<Catalogue>) {
    this.#host = host;
    this.#english = english;
    this.#overrides = overrides;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#resolve());
    for (const scope of [this.#host, ...langScopes(this.#host)]) {
      this.#observer.observe(scope, { attributes: true, attributeFilter: ['lang'], subtree: scope !== this.#host });
    }
    this.#resolve();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  hostUpdated(): void {
    const lang = this.language;
    for (const child of this.#host.renderRoot.children) {
      if (child.getAttribute('lang') !== lang) child.setAttribute('lang', lang);
    }
  }

  /** `en-GB` or `cy`: the catalogue in use, and the value for `lang` on the element's text. */
  get language(): Language {
    return this.#language === 'cy' && welsh ? 'cy' : 'en-GB';
  }

  /** While the Welsh catalogue downloads: a promise the host's updates wait for. */
  get pending(): Promise<unknown> | undefined {
    return this.#pending;
  }

  /** Every word in the current language, with the portal's overrides applied (pass to `message()`). */
  get messages(): Messages {
    const english = this.#english;
    const catalogue = this.language === 'cy' ? welsh!.cy : english;
    const overrides = this.#overrides();
    if (this.#merged?.catalogue !== catalogue || this.#merged.overrides !== overrides) {
      const words: Messages = { ...catalogue };
      for (const [key, value] of Object.entries(overrides ?? {})) {
        if (typeof value === 'string' && Object.hasOwn(english, key)) words[key as MessageKey] = value;
      }
      this.#merged = { catalogue, overrides, words };
    }
    return this.#merged.words;
  }

  /** A message in the current language (the portal's override first), with `{name}` filled in. */
  t(key: MessageKey, values?: Record<string, string | number>): string {
    return format(this.messages[key] ?? this.#english[key] ?? '', values);
  }

  /** A date in words in the current language ("1 March 2030", "1 Mawrth 2030"). */
  date(date: Date): string {
    return formatDate(date, this.language, welsh?.monthsCy);
  }

  #resolve(): void {
    const next = languageFor(langOf(this.#host));
    const changed = next !== this.#language;
    this.#language = next;
    if (next === 'cy' && !welsh) this.#wait();
    else if (changed) this.#changed();
  }

  /** Hold the host's updates until the Welsh catalogue is here (or failed, or late), then re-render. */
  #wait(): void {
    if (this.#pending) return;
    const arrived = loadWelsh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let late = false;
    const pending = Promise.race([arrived, new Promise((resolve) => (timer = setTimeout(resolve, WAIT_MS)))]).then(() => {
      clearTimeout(timer);
      late = !welsh;
      if (this.#pending === pending) this.#pending = undefined;
      this.#changed();
    });
    this.#pending = pending;
    // Shown in English because the words were late: switch when they come.
    void arrived.then((module) => {
      if (late && module) this.#changed();
    });
  }

  #changed(): void {
    this.#host.requestUpdate();
    this.#onChange?.();
  }
}
