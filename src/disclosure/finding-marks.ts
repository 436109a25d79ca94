/**
 * One finding, one mark: every place on a page that shows a finding (a label of
 * `<lay-annotation-layer>`, a `<finding-disclosure scope="finding">`, a sentence of a report element)
 * names it by the same **finding id**, and they all obey one choice together.
 *
 * - A finding id belongs to a study: places are matched by the study key (`study-key`) and the
 *   finding id. Places with no study key match each other: give every element its study key so two
 *   studies on one page can never share a choice. A label's finding id is its `findingId`, or its `id` when it has none; a wrapped
 *   finding's is its `finding-id` (or the older `finding-key`).
 * - If any place marks a finding sensitive, every place treats it as sensitive (the safe side), and
 *   the mismatch is reported: `mismatches()` lists it, and the layer fires `pv-annotation-error`
 *   with a problem of `code: 'finding-sensitivity-mismatch'`.
 * - The patient's choice ("Show me now" or "I'll wait") made in one place is applied in every place
 *   at once (`choose()`, and the `pv-finding-choice` event on the registry), and is remembered in
 *   the study's choice store under one key: {@link findingStoreScope} (`finding:<finding id>`).
 *
 * Elements of another bundle of this library on the same page share the same registry (it lives on
 * `globalThis` under a `Symbol.for` key, made on first use: importing this module does nothing).
 */

/** The patient's choice about one finding on this page: they chose to wait, or to see it. */
export type FindingChoice = 'waiting' | 'shown';

/** One place on the page that shows a finding. */
export interface FindingPlace {
  /** The study key of the element (`''` when it has none: such places match each other). */
  readonly studyKey: string;
  /** The finding id. */
  readonly findingId: string;
  /** Whether this place marks the finding sensitive (shown only when the patient chooses). */
  readonly sensitive: boolean;
  /** Where, for messages to the portal's developers: like `lay-annotation-layer labels[3]`. Never patient data. */
  readonly where: string;
}

/** A finding marked sensitive in one place and not in another: it is treated as sensitive everywhere. */
export interface FindingMismatch {
  studyKey: string;
  findingId: string;
  /** Where it is marked sensitive. */
  sensitiveIn: string[];
  /** Where it is not. */
  routineIn: string[];
}

/** What `pv-finding-choice` says: which finding, and the patient's choice. Never who. */
export interface FindingChoiceDetail {
  readonly studyKey: string;
  readonly findingId: string;
  readonly choice: FindingChoice;
  /** True when the choice was read back from the store rather than made just now. */
  readonly remembered: boolean;
}

/** Fired on the registry (not in the DOM) when a finding's choice is made or read back. */
export class FindingChoiceEvent extends Event {
  static readonly eventName = 'pv-finding-choice' as const;
  readonly detail: FindingChoiceDetail;
  constructor(detail: FindingChoiceDetail) {
    super(FindingChoiceEvent.eventName);
    this.detail = Object.freeze({ ...detail });
  }
}

/** The key, within a study's choice store, under which a finding's choice is kept. */
export function findingStoreScope(findingId: string): string {
  return `finding:${findingId}`;
}

const keyOf = (studyKey: string, findingId: string) => `${studyKey}\n${findingId}`;

/**
 * The page's findings: who shows which finding, whether it is sensitive, and the patient's choice.
 * Fires `change` when places come or go, and `pv-finding-choice` ({@link FindingChoiceEvent}) when
 * a choice is made.
 */
export class FindingMarks extends EventTarget {
  readonly #places = new Set<FindingPlace>();
  readonly #choices = new Map<string, FindingChoice>();

  /** Add places (for example every label of a document); returns the function that removes them. */
  register(places: readonly FindingPlace[]): () => void {
    const added = places.map((place) => Object.freeze({ ...place }));
    for (const place of added) this.#places.add(place);
    if (added.length > 0) this.dispatchEvent(new Event('change'));
    return () => {
      let removed = false;
      for (const place of added) removed = this.#places.delete(place) || removed;
      // A choice lives only while something shows the finding: a study shown later on the same page
      // (a single-page portal) starts from its own store, never from a choice about another study.
      for (const place of added) {
        const key = keyOf(place.studyKey, place.findingId);
        if (![...this.#places].some((other) => keyOf(other.studyKey, other.findingId) === key)) this.#choices.delete(key);
      }
      if (removed) this.dispatchEvent(new Event('change'));
    };
  }

  /** True when any place on the page marks this finding of this study sensitive. */
  isSensitive(studyKey: string, findingId: string): boolean {
    for (const place of this.#places) {
      if (place.sensitive && place.studyKey === studyKey && place.findingId === findingId) return true;
    }
    return false;
  }

  /** The finding ids of a study that some place marks sensitive. */
  sensitiveIds(studyKey: string): string[] {
    const ids = new Set<string>();
    for (const place of this.#places) if (place.sensitive && place.studyKey === studyKey) ids.add(place.findingId);
    return [...ids];
  }

  /** Findings marked sensitive in one place and routine in another (on this page). */
  mismatches(): FindingMismatch[] {
    const byKey = new Map<string, FindingMismatch>();
    for (const place of this.#places) {
      const key = keyOf(place.studyKey, place.findingId);
      const entry = byKey.get(key) ?? { studyKey: place.studyKey, findingId: place.findingId, sensitiveIn: [], routineIn: [] };
      (place.sensitive ? entry.sensitiveIn : entry.routineIn).push(place.where);
      byKey.set(key, entry);
    }
    return [...byKey.values()].filter((entry) => entry.sensitiveIn.length > 0 && entry.routineIn.length > 0);
  }

  /** The patient's choice about this finding on this page, if they made one (or one was read back). */
  choice(studyKey: string, findingId: string): FindingChoice | undefined {
    return this.#choices.get(keyOf(studyKey, findingId));
  }

  /** Record the patient's choice; every place showing the finding follows it. */
  choose(studyKey: string, findingId: string, choice: FindingChoice, remembered = false): void {
    const key = keyOf(studyKey, findingId);
    if (this.#choices.get(key) === choice) return;
    this.#choices.set(key, choice);
    this.dispatchEvent(new FindingChoiceEvent({ studyKey, findingId, choice, remembered }));
  }
}

const REGISTRY = Symbol.for('patient-image-viewer.finding-marks');

/** The page's one registry of findings (made on first use, shared by every copy of the library). */
export function findingMarks(): FindingMarks {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: FindingMarks };
  holder[REGISTRY] ??= new FindingMarks();
  return holder[REGISTRY];
}
