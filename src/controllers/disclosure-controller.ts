import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnotationProblem } from '../annotations/validate.js';
import { keep, parseChoice, readKept, type StoreSetting, type StoredChoice } from '../disclosure/choice-store.js';
import { lockedUntil } from '../disclosure/date-lock.js';
import { FindingChoiceEvent, findingMarks, findingStoreScope, type FindingChoice } from '../disclosure/finding-marks.js';
import { PvAnnotationErrorEvent } from '../events/pv-annotation-error-event.js';
import { PvDeferEvent, PvDisclosureRequestEvent, PvRevealEvent, type DisclosureScope } from '../events/pv-disclosure-events.js';
import type { MessageKey } from '../lay/messages.js';

/**
 * Where the patient's choice about one place stands. One vocabulary for every scope:
 * - `reading`: looking up a remembered choice (nothing is shown);
 * - `asking`: no choice yet (nothing is shown; the patient is asked);
 * - `waiting`: the patient chose to wait ("Not now", "I'll wait", "Hide it again");
 * - `shown`: the patient chose to see it.
 *
 * The store keeps `reveal` / `defer` (written in patients' browsers: it stays), and
 * `<finding-disclosure>.phase` says `deferred` for `waiting` (kept for portals).
 */
export type DisclosureState = 'reading' | FindingChoice | 'asking';

/**
 * What a host asks about:
 * - `study`: a whole study's images (`<finding-disclosure>`, the default scope);
 * - `wrapped`: one finding the host wraps (`<finding-disclosure scope="finding">`);
 * - `labels`: the findings among the labels of an annotation document (`<lay-annotation-layer>`).
 */
export type DisclosureKind = 'study' | 'wrapped' | 'labels';

/** One place the host may hold: a study, a wrapped finding, a label. */
export interface DisclosurePlace {
  /**
   * The place's id in the host, the key of its state: `study`, the wrapped finding's finding id, a
   * label's id. Named in the events' `findings` (never for a study; never when empty).
   */
  readonly id: string;
  /** The finding it shows, shared with every place on the page (`src/disclosure/finding-marks.ts`). */
  readonly findingId?: string;
  /** Marked sensitive here. A place that is not is held anyway when another place marks its finding sensitive. */
  readonly sensitive: boolean;
  /** A date (ISO 8601) before which it cannot be shown: it wins over any choice. */
  readonly notBefore?: string;
  /** For developers' messages about mismatches: where (never patient data). */
  readonly where?: string;
  /**
   * The place's path in its document (`labels[3]`), for `finding-sensitivity-mismatch` problems.
   * Without it, this host reports no mismatch about it.
   */
  readonly path?: string;
}

/** What the controller pulls from its host, each time it needs it. */
export interface DisclosureInputs {
  readonly kind: DisclosureKind;
  /** Where choices are remembered. */
  readonly storage: StoreSetting;
  /** The study key the store is keyed by (nothing is remembered without one). */
  readonly studyKey: string;
  /** The study key places are matched by on the page (default: `studyKey`). */
  readonly markStudyKey?: string;
  /** Every place of the host, in order (for `labels`: every label, held or not). */
  readonly places: readonly DisclosurePlace[];
  /** The host's words (its language and the portal's overrides). */
  readonly t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** Say something in the host's live region. */
  readonly announce: (text: string) => void;
}

/** What each kind says in the live region, and how its events and store keys look. */
const KINDS: Record<
  DisclosureKind,
  {
    scope: DisclosureScope;
    shown: (count: number) => MessageKey;
    waiting: MessageKey;
    /** Said when the portal vetoes; the layer has never said anything then (kept as it was). */
    stopped?: MessageKey;
    /** Whether `pv-disclosure-request` names the places (`findings`). */
    requestNames: boolean;
    /** Whether a remembered wait is reported with `pv-defer` (`remembered: true`); the layer never did. */
    rememberedDefer: boolean;
  }
> = {
  study: { scope: 'study', shown: () => 'disclosure.shown', waiting: 'disclosure.hidden', stopped: 'disclosure.stopped', requestNames: false, rememberedDefer: true },
  wrapped: { scope: 'finding', shown: () => 'sensitive.wrappedShown', waiting: 'sensitive.waiting', stopped: 'sensitive.stopped', requestNames: false, rememberedDefer: true },
  labels: { scope: 'finding', shown: (count) => (count === 1 ? 'sensitive.shownOne' : 'sensitive.shown'), waiting: 'sensitive.waiting', requestNames: true, rememberedDefer: false },
};

/**
 * The key a place's choice is kept under within the study's store, then older keys still read:
 * `study`; `finding:<finding id>` (every place showing a finding reads the same key); a wrapped
 * finding's `wrapped-finding:<id>` from before findings had one key.
 */
export function storeScopes(kind: DisclosureKind, place: DisclosurePlace): { scope: string; legacy: string[] } {
  if (kind === 'study') return { scope: 'study', legacy: [] };
  if (kind === 'wrapped') {
    return place.findingId ? { scope: findingStoreScope(place.findingId), legacy: [`wrapped-finding:${place.findingId}`] } : { scope: 'wrapped-finding:', legacy: [] };
  }
  return { scope: findingStoreScope(place.findingId ?? place.id), legacy: [] };
}

/**
 * The one owner of the patient's choice (HAZ-001), for every scope: the study behind a consent
 * step, a wrapped finding, the sensitive labels of an annotation document (and, to come, report
 * sentences). It reads back the remembered choice (a date lock wins over it), asks the portal with
 * the cancellable `pv-disclosure-request` (the veto, in one place), remembers, reveals, waits and
 * hides again, fires `pv-reveal` / `pv-defer`, says what happened in the host's live region, and
 * keeps the page's finding marks in step: one choice applies wherever a finding shows, and a
 * finding sensitive in one place and not another is held everywhere and reported
 * (`pv-annotation-error`, `finding-sensitivity-mismatch`).
 *
 * Its host renders from `state(id)`, `held()` and `hiddenIds()`, and calls `register()` and `read()`
 * when its places or study change; nothing is shown until a place is `shown`.
 */
export class DisclosureController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #inputs: () => DisclosureInputs;
  #states = new Map<string, DisclosureState>();
  #readToken = 0;
  /** A read dropped because the host left the page: read again when it comes back. */
  #readDropped = false;
  #unregister: (() => void) | undefined;
  /** Whether the host has put its places in the registry (they are put there again when it reconnects). */
  #registered = false;
  /** Finding ids whose mismatch this host already reported (since the last fresh read). */
  readonly #reported = new Set<string>();

  constructor(host: ReactiveControllerHost & HTMLElement, inputs: () => DisclosureInputs) {
    this.#host = host;
    this.#inputs = inputs;
    host.addController(this);
  }

  hostConnected(): void {
    findingMarks().addEventListener('change', this.#onMarks);
    findingMarks().addEventListener(FindingChoiceEvent.eventName, this.#onChoice);
    if (this.#registered) this.register();
    if (this.#readDropped) void this.read();
  }

  hostDisconnected(): void {
    findingMarks().removeEventListener('change', this.#onMarks);
    findingMarks().removeEventListener(FindingChoiceEvent.eventName, this.#onChoice);
    this.#unregister?.();
    this.#unregister = undefined;
  }

  /** Places came or went on the page: sensitivity may have changed; take choices made there; report new mismatches. */
  readonly #onMarks = () => {
    this.#takePageChoices();
    this.reportMismatches();
    this.#host.requestUpdate();
  };

  /** The patient chose about a finding somewhere on the page: every place of it here follows (a date lock still wins over "shown"). */
  readonly #onChoice = (event: Event) => {
    const { studyKey, findingId, choice } = (event as FindingChoiceEvent).detail;
    if (studyKey !== this.#markStudy) return;
    this.#follow(findingId, choice);
  };

  /** Where the choice about this place stands (`reading` until read back). */
  state(id: string): DisclosureState {
    return this.#states.get(id) ?? 'reading';
  }

  /** The places held until the patient chooses: marked sensitive here, or their finding elsewhere on the page. */
  held(): DisclosurePlace[] {
    const marks = findingMarks();
    const study = this.#markStudy;
    return this.#inputs().places.filter((place) => place.sensitive || (place.findingId !== undefined && marks.isSensitive(study, place.findingId)));
  }

  /** The ids of the places that must not be shown now: held, and not chosen to be seen. */
  hiddenIds(): Set<string> {
    return new Set(this.held().filter((place) => this.state(place.id) !== 'shown').map((place) => place.id));
  }

  /** True while any held place here, or any sensitive finding of the study elsewhere on the page, is not shown. */
  anyHidden(): boolean {
    const marks = findingMarks();
    const study = this.#markStudy;
    return this.held().some((place) => this.state(place.id) !== 'shown') || marks.sensitiveIds(study).some((id) => marks.choice(study, id) !== 'shown');
  }

  /** The date before which this place cannot be shown, while it is in the future (it wins over any choice). */
  lock(place: DisclosurePlace): Date | undefined {
    return lockedUntil(place.notBefore);
  }

  /**
   * Put the places in the page's registry of findings (again, when they or the study change).
   * `report`: say at once which findings are sensitive in one place and not another. `fresh`: new
   * places (a new document): forget the states and the mismatches already reported.
   */
  register({ report = true, fresh = false } = {}): void {
    if (fresh) {
      this.#states = new Map();
      this.#reported.clear();
    }
    this.#unregister?.();
    this.#unregister = undefined;
    this.#registered = true;
    const study = this.#markStudy;
    const places = this.#inputs().places.filter((place) => place.findingId);
    if (!this.#host.isConnected || places.length === 0) return;
    this.#unregister = findingMarks().register(
      places.map((place) => ({ studyKey: study, findingId: place.findingId!, sensitive: place.sensitive, where: place.where ?? place.id })),
    );
    if (report) this.reportMismatches();
  }

  /**
   * Read back what was remembered for every held place. A choice the patient makes while this
   * reads stands; nothing kept means: a choice already made on this page stands, else ask.
   */
  async read(): Promise<void> {
    const token = ++this.#readToken;
    this.#readDropped = false;
    const { kind, storage, studyKey } = this.#inputs();
    const places = this.held();
    const before = new Map(this.#states);
    const kept = await Promise.all(places.map(async (place) => [place, await this.#readKept(kind, storage, studyKey, place)] as const));
    if (token !== this.#readToken) return;
    if (!this.#host.isConnected) {
      this.#readDropped = true;
      return;
    }
    const marks = findingMarks();
    const study = this.#markStudy;
    const next = new Map<string, DisclosureState>();
    const shown: { place: DisclosurePlace; at: string }[] = [];
    const waiting: { place: DisclosurePlace; at: string }[] = [];
    for (const [place, stored] of kept) {
      const now = this.#states.get(place.id);
      if (now !== before.get(place.id)) {
        if (now) next.set(place.id, now);
        continue;
      }
      const locked = lockedUntil(place.notBefore);
      // A date lock wins over a remembered choice (the portal may have moved the date).
      if (stored?.choice === 'reveal' && !locked) {
        next.set(place.id, 'shown');
        shown.push({ place, at: stored.at });
      } else if (stored) {
        next.set(place.id, 'waiting');
        waiting.push({ place, at: stored.at });
      } else {
        const choice = place.findingId ? marks.choice(study, place.findingId) : undefined;
        next.set(place.id, choice && (choice === 'waiting' || !locked) ? choice : 'asking');
      }
    }
    this.#states = next;
    this.#host.requestUpdate();
    // What was read back holds everywhere the finding shows.
    for (const { place } of [...shown, ...waiting]) this.#publish([place], next.get(place.id) as FindingChoice, true);
    const { scope, rememberedDefer } = KINDS[kind];
    const latest = (list: { at: string }[]) => list.map((entry) => entry.at).sort().at(-1)!;
    if (shown.length > 0) {
      const places = shown.map((entry) => entry.place);
      this.#host.dispatchEvent(new PvRevealEvent({ scope, at: latest(shown), remembered: true, ...this.#findings(places) }));
    }
    if (waiting.length > 0 && rememberedDefer) {
      const places = waiting.map((entry) => entry.place);
      this.#host.dispatchEvent(new PvDeferEvent({ scope, at: latest(waiting), remembered: true, ...this.#findings(places) }));
    }
  }

  /**
   * Show these places (by id; all held ones when omitted) that may be shown now, if the portal
   * agrees (`pv-disclosure-request`, cancellable). Resolves to the ids shown (none when vetoed).
   * `settled`: called once the host has rendered them, before `pv-reveal` (to move focus).
   */
  async reveal(ids?: readonly string[], settled?: (shown: string[]) => void): Promise<string[]> {
    const { kind } = this.#inputs();
    const words = KINDS[kind];
    const places = this.#pick(ids).filter((place) => !lockedUntil(place.notBefore) && this.state(place.id) !== 'shown');
    if (places.length === 0) return [];
    const named = places.map((place) => place.id);
    const request = new PvDisclosureRequestEvent(words.scope, words.requestNames ? named : undefined);
    this.#host.dispatchEvent(request);
    if (request.defaultPrevented) {
      if (words.stopped) this.#say(words.stopped);
      return [];
    }
    const at = new Date().toISOString();
    this.#set(places, 'shown');
    this.#publish(places, 'shown');
    this.#say(words.shown(places.length), { count: places.length });
    const kept = this.#remember(places, { choice: 'reveal', at });
    await this.#settle(() => settled?.(named));
    await kept;
    this.#host.dispatchEvent(new PvRevealEvent({ scope: words.scope, at, remembered: false, ...this.#findings(places) }));
    return named;
  }

  /**
   * Wait (or hide again) these places (by id; all held ones when omitted): "Not now", "I'll wait",
   * "Hide it again". `settled`: called once the host has rendered it, before `pv-defer`.
   */
  async wait(ids?: readonly string[], settled?: () => void): Promise<void> {
    const { kind } = this.#inputs();
    const words = KINDS[kind];
    const places = this.#pick(ids);
    if (places.length === 0) return;
    const at = new Date().toISOString();
    this.#set(places, 'waiting');
    this.#publish(places, 'waiting');
    this.#say(words.waiting);
    const kept = this.#remember(places, { choice: 'defer', at });
    await this.#settle(settled);
    await kept;
    this.#host.dispatchEvent(new PvDeferEvent({ scope: words.scope, at, remembered: false, ...this.#findings(places) }));
  }

  /** Forget the remembered choice of every held place, and ask again. */
  async forget(): Promise<void> {
    const places = this.held();
    await this.#remember(places, undefined);
    for (const place of places) this.#states.set(place.id, 'asking');
    this.#host.requestUpdate();
  }

  /** Findings of this host's places that are sensitive in one place and not another: said once each, as typed problems. */
  reportMismatches(): void {
    const places = this.#inputs().places;
    if (!places.some((place) => place.path)) return;
    const study = this.#markStudy;
    const problems: AnnotationProblem[] = [];
    for (const mismatch of findingMarks().mismatches()) {
      if (mismatch.studyKey !== study || this.#reported.has(mismatch.findingId)) continue;
      const ofIt = places.filter((place) => place.path && place.findingId === mismatch.findingId);
      const place = ofIt.find((p) => !p.sensitive) ?? ofIt[0];
      if (!place) continue;
      this.#reported.add(mismatch.findingId);
      problems.push({
        path: `${place.path}.sensitivity`,
        message:
          `finding "${mismatch.findingId}" is sensitive in ${mismatch.sensitiveIn.join(', ')} but not in ` +
          `${mismatch.routineIn.join(', ')}: it is held as sensitive everywhere. Mark it "sensitive" in every place.`,
        labelId: place.id,
        code: 'finding-sensitivity-mismatch',
        findingId: mismatch.findingId,
      });
    }
    if (problems.length > 0) this.#host.dispatchEvent(new PvAnnotationErrorEvent(problems));
  }

  get #markStudy(): string {
    const inputs = this.#inputs();
    return inputs.markStudyKey ?? inputs.studyKey;
  }

  /** Held places by id (every held place when `ids` is omitted), in the host's order. */
  #pick(ids: readonly string[] | undefined): DisclosurePlace[] {
    const held = this.held();
    return ids ? held.filter((place) => ids.includes(place.id)) : held;
  }

  /** Set these places, and every other place here showing the same findings (a date lock still wins over "shown"). */
  #set(places: readonly DisclosurePlace[], choice: FindingChoice): void {
    for (const place of places) this.#states.set(place.id, choice);
    for (const id of new Set(places.map((place) => place.findingId))) if (id) this.#follow(id, choice, false);
    this.#host.requestUpdate();
  }

  /** Places here showing this finding take a choice made elsewhere. */
  #follow(findingId: string, choice: FindingChoice, update = true): void {
    let changed = false;
    for (const place of this.held()) {
      if (place.findingId !== findingId || this.#states.get(place.id) === choice) continue;
      if (choice === 'shown' && lockedUntil(place.notBefore)) continue;
      this.#states.set(place.id, choice);
      changed = true;
    }
    if (changed && update) this.#host.requestUpdate();
  }

  /**
   * Places that became held because of another place (not held when last read back: they have no
   * state) take the choice already made on the page.
   */
  #takePageChoices(): void {
    const marks = findingMarks();
    const study = this.#markStudy;
    for (const place of this.held()) {
      const choice = place.findingId ? marks.choice(study, place.findingId) : undefined;
      if (!choice || this.#states.has(place.id)) continue;
      if (choice === 'shown' && lockedUntil(place.notBefore)) continue;
      this.#states.set(place.id, choice);
    }
  }

  /** Tell every other place showing these findings what the patient chose. */
  #publish(places: readonly DisclosurePlace[], choice: FindingChoice, remembered = false): void {
    const study = this.#markStudy;
    for (const id of new Set(places.map((place) => place.findingId))) if (id) findingMarks().choose(study, id, choice, remembered);
  }

  /** `findings` for the events: the places' ids (none for a study, or for a wrapped finding with no id). */
  #findings(places: readonly DisclosurePlace[]): { findings?: string[] } {
    if (KINDS[this.#inputs().kind].scope === 'study') return {};
    const ids = places.map((place) => place.id).filter(Boolean);
    return ids.length > 0 ? { findings: ids } : {};
  }

  async #readKept(kind: DisclosureKind, storage: StoreSetting, studyKey: string, place: DisclosurePlace): Promise<StoredChoice | undefined> {
    // Nothing kept (or a store that fails) means: ask. Older keys are read when the new one holds nothing.
    const { scope, legacy } = storeScopes(kind, place);
    for (const key of [scope, ...legacy]) {
      const stored = parseChoice(await readKept(storage, studyKey, key));
      if (stored) return stored;
    }
    return undefined;
  }

  /** Keep (or forget, with `undefined`) the choice under each place's key, once per key. */
  async #remember(places: readonly DisclosurePlace[], choice: StoredChoice | undefined): Promise<void> {
    const { kind, storage, studyKey } = this.#inputs();
    const scopes = new Set(places.map((place) => storeScopes(kind, place).scope));
    const value = choice ? JSON.stringify(choice) : undefined;
    await Promise.all([...scopes].map((scope) => keep(storage, studyKey, scope, value)));
  }

  /**
   * As soon as the host has rendered the change: `then` (focus moves at once, and before the event,
   * so a listener finds it moved). It waits for nothing else, not even the store.
   */
  async #settle(then: (() => void) | undefined): Promise<void> {
    if (!then) return;
    await this.#host.updateComplete;
    if (this.#host.isConnected) then();
  }

  #say(key: MessageKey, values?: Record<string, string | number>): void {
    const { t, announce } = this.#inputs();
    announce(t(key, values));
  }
}
