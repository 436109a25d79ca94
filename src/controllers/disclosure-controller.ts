import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { keep, parseChoice, readKept, type StoreSetting, type StoredChoice } from '../disclosure/choice-store.js';
import { lockedUntil } from '../disclosure/date-lock.js';
import { FindingChoiceEvent, findingMarks, findingStoreScope, type FindingChoice } from '../disclosure/finding-marks.js';
import { PvDeferEvent } from '../events/pv-defer-event.js';
import { PvDisclosureRequestEvent, type DisclosureScope } from '../events/pv-disclosure-request-event.js';
import { PvRevealEvent } from '../events/pv-reveal-event.js';
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
  /**
   * The places' group, when they are one of several parts of one element (the held parts of one
   * `<lay-report>`): a choice to see one part is that part's own and is not followed by the other
   * parts of the group (HAZ-020: showing one part never puts another in the page); a choice to wait
   * or hide is followed by all, as is any choice made outside the group.
   */
  readonly group?: object;
}

/** The group of the host making a choice now (set while the page hears it; see `DisclosureInputs.group`). */
let choosingGroup: object | undefined;

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
 * finding sensitive in one place and not another is held everywhere (and, by a host of a document,
 * reported: {@link DocumentDisclosureController}).
 *
 * Its host renders from `state(id)` and `held()`, and calls `register()` and `read()` when its
 * places or study change; nothing is shown until a place is `shown`.
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

  /** Places came or went on the page: places that became held take the choice made there; report new mismatches. */
  readonly #onMarks = () => {
    this.#follow();
    this.reportMismatches();
  };

  /** The patient chose about a finding somewhere on the page: every place of it here follows. */
  readonly #onChoice = (event: Event) => {
    const { studyKey, findingId, choice } = (event as FindingChoiceEvent).detail;
    if (choice === 'shown' && choosingGroup !== undefined && choosingGroup === this.#inputs().group) return;
    if (studyKey === this.markStudy) this.#follow(findingId, choice);
  };

  /** Where the choice about this place stands (`reading` until read back). */
  state(id: string): DisclosureState {
    return this.#states.get(id) ?? 'reading';
  }

  /** The places held until the patient chooses: marked sensitive here, or their finding elsewhere on the page. */
  held(): DisclosurePlace[] {
    const marks = findingMarks();
    return this.places.filter((place) => place.sensitive || (place.findingId !== undefined && marks.isSensitive(this.markStudy, place.findingId)));
  }

  /** The date before which this place cannot be shown, while it is in the future (it wins over any choice). */
  lock(place: DisclosurePlace): Date | undefined {
    return lockedUntil(place.notBefore);
  }

  /**
   * Put the places in the page's registry of findings (again, when they or the study change).
   * `report`: say at once which findings are sensitive in one place and not another. `fresh`: new
   * places (a new document): forget their states (and the mismatches already reported).
   */
  register({ report = true, fresh = false } = {}): void {
    if (fresh) this.#states = new Map();
    this.#unregister?.();
    this.#unregister = undefined;
    this.#registered = true;
    const study = this.markStudy;
    const places = this.places.filter((place) => place.findingId);
    if (!this.#host.isConnected || places.length === 0) return;
    this.#unregister = findingMarks().register(
      places.map((place) => ({ studyKey: study, findingId: place.findingId!, sensitive: place.sensitive, where: place.where ?? place.id })),
    );
    if (report) this.reportMismatches();
  }

  /**
   * Read back what was remembered for every held place. A date lock wins over a remembered "show"
   * (the portal may have moved the date). A choice the patient makes while this reads stands;
   * nothing kept means: a choice already made on this page stands, else ask.
   */
  async read(): Promise<void> {
    const token = ++this.#readToken;
    this.#readDropped = false;
    const { kind, storage, studyKey } = this.#inputs();
    const places = this.held();
    const before = new Map(this.#states);
    const kept = await Promise.all(places.map(async (place) => [place, await readStored(kind, storage, studyKey, place)] as const));
    if (token !== this.#readToken) return;
    if (!this.#host.isConnected) {
      this.#readDropped = true;
      return;
    }
    const marks = findingMarks();
    const study = this.markStudy;
    const next = new Map<string, DisclosureState>();
    const remembered = { shown: [] as { place: DisclosurePlace; at: string }[], waiting: [] as { place: DisclosurePlace; at: string }[] };
    for (const [place, stored] of kept) {
      const now = this.#states.get(place.id);
      if (now !== before.get(place.id)) {
        if (now) next.set(place.id, now);
        continue;
      }
      const locked = lockedUntil(place.notBefore);
      const choice: FindingChoice | undefined = stored
        ? stored.choice === 'reveal' && !locked ? 'shown' : 'waiting'
        : place.findingId ? marks.choice(study, place.findingId) : undefined;
      if (stored) remembered[choice!].push({ place, at: stored.at });
      next.set(place.id, choice && (choice === 'waiting' || !locked) ? choice : 'asking');
    }
    this.#states = next;
    this.#host.requestUpdate();
    // What was read back holds everywhere the finding shows, and is told to the portal.
    const { scope, rememberedDefer } = KINDS[kind];
    for (const choice of ['shown', 'waiting'] as const) {
      const list = remembered[choice];
      for (const { place } of list) if (place.findingId) marks.choose(study, place.findingId, choice, true);
      if (list.length === 0 || (choice === 'waiting' && !rememberedDefer)) continue;
      const detail = { scope, at: list.map((entry) => entry.at).sort().at(-1)!, remembered: true, ...this.#findings(list.map((entry) => entry.place)) };
      this.#host.dispatchEvent(choice === 'shown' ? new PvRevealEvent(detail) : new PvDeferEvent(detail));
    }
  }

  /**
   * Show these places (by id; all held ones when omitted) that may be shown now, if the portal
   * agrees (`pv-disclosure-request`, cancellable). Resolves to the ids shown (none when vetoed).
   * `settled`: called as soon as the host has rendered them, before `pv-reveal` (to move focus).
   */
  async reveal(ids?: readonly string[], settled?: (shown: string[]) => void): Promise<string[]> {
    const words = KINDS[this.#inputs().kind];
    const places = this.#pick(ids).filter((place) => !lockedUntil(place.notBefore) && this.state(place.id) !== 'shown');
    if (places.length === 0) return [];
    const named = places.map((place) => place.id);
    const request = new PvDisclosureRequestEvent({ scope: words.scope, findings: words.requestNames ? named : undefined });
    this.#host.dispatchEvent(request);
    if (request.defaultPrevented) {
      if (words.stopped) this.#say(words.stopped);
      return [];
    }
    await this.#choose(places, 'shown', () => settled?.(named));
    return named;
  }

  /**
   * Wait (or hide again) these places (by id; all held ones when omitted): "Not now", "I'll wait",
   * "Hide it again". `settled`: called as soon as the host has rendered it, before `pv-defer`.
   */
  async wait(ids?: readonly string[], settled?: () => void): Promise<void> {
    const places = this.#pick(ids);
    if (places.length > 0) await this.#choose(places, 'waiting', settled);
  }

  /** Forget the remembered choice of every held place, and ask again. */
  async forget(): Promise<void> {
    const places = this.held();
    await this.#remember(places, undefined);
    for (const place of places) this.#states.set(place.id, 'asking');
    this.#host.requestUpdate();
  }

  /**
   * Issue 17 (sign-out): forget the choices held in memory for this host's places (with `storage`,
   * the remembered ones too, in whatever store) and take its places off the page's registry. The
   * host reads again (`register()`, `read()`) when it has places again.
   */
  async clear(storage = false): Promise<void> {
    this.#readToken++;
    if (storage) await this.#remember(this.held(), undefined).catch(() => undefined);
    this.#states = new Map();
    this.#unregister?.();
    this.#unregister = undefined;
    this.#registered = false;
    this.#readDropped = false;
    this.#host.requestUpdate();
  }

  /**
   * Say which findings of this host's places are sensitive in one place and not another. Only
   * hosts whose places come from a document say so (`DocumentDisclosureController`); a wrapped
   * finding is always sensitive, and a study has no finding.
   */
  reportMismatches(): void {}

  /** The element this controller belongs to. */
  protected get host(): ReactiveControllerHost & HTMLElement {
    return this.#host;
  }

  /** The host's places now. */
  protected get places(): readonly DisclosurePlace[] {
    return this.#inputs().places;
  }

  /** The study key places are matched by on the page. */
  protected get markStudy(): string {
    const inputs = this.#inputs();
    return inputs.markStudyKey ?? inputs.studyKey;
  }

  /** Held places by id (every held place when `ids` is omitted), in the host's order. */
  #pick(ids: readonly string[] | undefined): DisclosurePlace[] {
    const held = this.held();
    return ids ? held.filter((place) => ids.includes(place.id)) : held;
  }

  /**
   * The patient's choice: these places and every other place here showing the same findings take
   * it (a date lock still wins over "shown"), the page hears it, the host says it, the store keeps
   * it; `settled` once rendered; then `pv-reveal` or `pv-defer`.
   */
  async #choose(places: readonly DisclosurePlace[], choice: FindingChoice, settled: (() => void) | undefined): Promise<void> {
    const words = KINDS[this.#inputs().kind];
    const at = new Date().toISOString();
    for (const place of places) this.#states.set(place.id, choice);
    const group = this.#inputs().group;
    for (const id of new Set(places.map((place) => place.findingId))) {
      if (!id) continue;
      this.#follow(id, choice);
      choosingGroup = group;
      try {
        findingMarks().choose(this.markStudy, id, choice);
      } finally {
        choosingGroup = undefined;
      }
    }
    this.#host.requestUpdate();
    const shown = choice === 'shown';
    this.#say(shown ? words.shown(places.length) : words.waiting, { count: places.length });
    const kept = this.#remember(places, { choice: shown ? 'reveal' : 'defer', at });
    // Focus moves as soon as the change is rendered (not after the store), and before the event.
    if (settled) {
      await this.#host.updateComplete;
      if (this.#host.isConnected) settled();
    }
    await kept;
    const detail = { scope: words.scope, at, remembered: false, ...this.#findings(places) };
    this.#host.dispatchEvent(shown ? new PvRevealEvent(detail) : new PvDeferEvent(detail));
  }

  /**
   * Places here showing this finding take a choice made elsewhere; without a finding: places that
   * became held because of another place (they have no state yet) take the choice made on the page.
   * A date lock still wins over "shown".
   */
  #follow(findingId?: string, choice?: FindingChoice): void {
    for (const place of this.held()) {
      if (!place.findingId || (findingId !== undefined && place.findingId !== findingId)) continue;
      const next = choice ?? (this.#states.has(place.id) ? undefined : findingMarks().choice(this.markStudy, place.findingId));
      if (next && this.#states.get(place.id) !== next && !(next === 'shown' && lockedUntil(place.notBefore))) this.#states.set(place.id, next);
    }
    this.#host.requestUpdate();
  }

  /** `findings` for the events: the places' ids (none for a study, or for a wrapped finding with no id). */
  #findings(places: readonly DisclosurePlace[]): { findings?: string[] } {
    const ids = places.map((place) => place.id).filter(Boolean);
    return KINDS[this.#inputs().kind].scope === 'finding' && ids.length > 0 ? { findings: ids } : {};
  }

  /** Keep (or forget, with `undefined`) the choice under each place's key, once per key. */
  async #remember(places: readonly DisclosurePlace[], choice: StoredChoice | undefined): Promise<void> {
    const { kind, storage, studyKey } = this.#inputs();
    const value = choice && JSON.stringify(choice);
    await Promise.all([...new Set(places.map((place) => storeScopes(kind, place).scope))].map((scope) => keep(storage, studyKey, scope, value)));
  }

  #say(key: MessageKey, values?: Record<string, string | number>): void {
    const { t, announce } = this.#inputs();
    announce(t(key, values));
  }
}

/** What is kept for a place: under its key, else under an older one. Nothing kept (or a store that fails) means: ask. */
async function readStored(kind: DisclosureKind, storage: StoreSetting, studyKey: string, place: DisclosurePlace): Promise<StoredChoice | undefined> {
  const { scope, legacy } = storeScopes(kind, place);
  for (const key of [scope, ...legacy]) {
    const stored = parseChoice(await readKept(storage, studyKey, key));
    if (stored) return stored;
  }
  return undefined;
}
