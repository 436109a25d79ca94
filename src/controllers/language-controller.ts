import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDate, langOf, langScopes, languageFor, roleOf, type Language, type ViewerRole } from '../lay/language.js';
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

// --- issue 17 carer ---
/** A carer catalogue: only the words that change when the person looking is not the patient, and the rewrite for other text. */
interface CarerModule {
  carer: Messages;
  /** The same text, about "them" rather than "you" (glossary meanings); `english`: English text in a Welsh page. */
  theirs(text: string, english?: boolean): string;
}

/** The carer words per language, downloaded once a page and only when an element has `viewer-role="carer"`. */
const carerPromises: Partial<Record<Language, Promise<CarerModule | undefined>>> = {};
const carerLoaded: Partial<Record<Language, CarerModule>> = {};
function loadCarer(language: Language): Promise<CarerModule | undefined> {
  carerPromises[language] ??= (language === 'cy' ? import('../lay/messages-carer-cy.js') : import('../lay/messages-carer.js')).then(
    (module) => (carerLoaded[language] = module),
    // Offline or blocked: the patient's own words (never a blank).
    () => undefined,
  );
  return carerPromises[language]!;
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
 *
 * Who is looking comes from `viewer-role` in the same way (the element's own, else the closest
 * ancestor's): with `carer`, the carer words for the language (`messages-carer.ts`,
 * `messages-carer-cy.ts`, each a lazy chunk holding only the words that change) sit over the
 * catalogue, and the portal's `messages` still win over both. Updates wait for them as for Welsh.
 */
export class LanguageController implements ReactiveController {
  readonly #host: Host;
  readonly #overrides: () => Messages | undefined;
  readonly #onChange: (() => void) | undefined;
  #language: Language = 'en-GB';
  #role: ViewerRole = 'self';
  #observer: MutationObserver | undefined;
  #pending: Promise<unknown> | undefined;
  #merged: { catalogue: Partial<Catalogue>; carer: Messages | undefined; overrides: Messages | undefined; words: Messages } | undefined;
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
      this.#observer.observe(scope, { attributes: true, attributeFilter: ['lang', 'viewer-role'], subtree: scope !== this.#host });
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

  /** `self` or `carer`: who the words speak to (`viewer-role` on the element or an ancestor), once its words are in. */
  get role(): ViewerRole {
    return this.#carer() ? 'carer' : 'self';
  }

  /** Text about the patient said right for the person looking ("your care team" becomes "their care team" for a carer). */
  theirs(text: string, english = false): string {
    return this.#carer()?.theirs(text, english) ?? text;
  }

  #carer(): CarerModule | undefined {
    return this.#role === 'carer' ? carerLoaded[this.language] : undefined;
  }

  /** While the Welsh catalogue downloads: a promise the host's updates wait for. */
  get pending(): Promise<unknown> | undefined {
    return this.#pending;
  }

  /** Every word in the current language, with the portal's overrides applied (pass to `message()`). */
  get messages(): Messages {
    const english = this.#english;
    const catalogue = this.language === 'cy' ? welsh!.cy : english;
    const carer = this.#carer()?.carer;
    const overrides = this.#overrides();
    if (this.#merged?.catalogue !== catalogue || this.#merged.carer !== carer || this.#merged.overrides !== overrides) {
      const words: Messages = { ...catalogue, ...carer };
      for (const [key, value] of Object.entries(overrides ?? {})) {
        if (typeof value === 'string' && Object.hasOwn(english, key)) words[key as MessageKey] = value;
      }
      this.#merged = { catalogue, carer, overrides, words };
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
    const role = roleOf(this.#host);
    const changed = next !== this.#language || role !== this.#role;
    this.#language = next;
    this.#role = role;
    const needs: Promise<unknown>[] = [];
    if (next === 'cy' && !welsh) needs.push(loadWelsh());
    if (role === 'carer' && !carerLoaded[next]) needs.push(loadCarer(next));
    if (needs.length > 0) this.#wait(needs);
    else if (changed) this.#changed();
  }

  /** Hold the host's updates until the Welsh or carer words are here (or failed, or late), then re-render. */
  #wait(needs: Promise<unknown>[]): void {
    if (this.#pending) {
      // Already waiting: re-check once that wait ends (the role or language may need more words).
      void this.#pending.then(() => this.#resolve());
      return;
    }
    let done = false;
    const arrived = Promise.all(needs).then(() => (done = true));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let late = false;
    const pending = Promise.race([arrived, new Promise((resolve) => (timer = setTimeout(resolve, WAIT_MS)))]).then(() => {
      clearTimeout(timer);
      late = !done;
      if (this.#pending === pending) this.#pending = undefined;
      this.#changed();
    });
    this.#pending = pending;
    // Shown in the patient's English because the words were late: switch when they come.
    void arrived.then(() => {
      if (late) this.#changed();
    });
  }

  #changed(): void {
    this.#host.requestUpdate();
    this.#onChange?.();
  }
}
