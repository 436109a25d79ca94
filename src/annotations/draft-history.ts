/**
 * Undo and redo for `<lay-annotation-editor>`: whole draft states (never changed in place), and what
 * a drag shows while it goes on (a live state that is not a step until the drag ends).
 *
 * Pure: no DOM, no Lit. The editor renders `shown` and says a change after every `push`, `undo`,
 * `redo`, `reset` and `drop`.
 */
import { EMPTY_DRAFT, type DraftState } from './draft.js';

/** At most this many steps back. */
export const HISTORY_LIMIT = 200;

/**
 * Undo and redo over whole states. Consecutive changes with the same `group` (typing in one field,
 * nudging one label) are one step. A live state (`show`) is shown in place of the current one until
 * it is dropped in as one step (`drop`), thrown away (`cancel`), or any other change is made.
 */
export class DraftHistory {
  #past: DraftState[] = [];
  #future: DraftState[] = [];
  #current: DraftState;
  #group: string | undefined;
  #live: DraftState | undefined;

  constructor(initial: DraftState = EMPTY_DRAFT) {
    this.#current = initial;
  }

  /** The state as it stands in the history (what is exported). */
  get current(): DraftState {
    return this.#current;
  }

  /** What is on screen: the live state while a drag goes on, else the current state. */
  get shown(): DraftState {
    return this.#live ?? this.#current;
  }

  /** A drag is showing a state that is not in the history yet. */
  get dragging(): boolean {
    return this.#live !== undefined;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Make `next` the current state; a change in the same `group` as the last one joins its step. */
  push(next: DraftState, group?: string): void {
    this.#live = undefined;
    if (next === this.#current) return;
    if (!(group !== undefined && group === this.#group && this.#past.length > 0)) {
      this.#past.push(this.#current);
      if (this.#past.length > HISTORY_LIMIT) this.#past.shift();
    }
    this.#current = next;
    this.#future = [];
    this.#group = group;
  }

  /** Show `state` while a drag goes on: no step in the history until `drop()`. */
  show(state: DraftState): void {
    this.#live = state;
  }

  /** The drag ended: what it showed becomes one step. False when nothing was shown. */
  drop(): boolean {
    const live = this.#live;
    if (!live) return false;
    this.push(live);
    return true;
  }

  /** The drag was cancelled: back to the current state. */
  cancel(): void {
    this.#live = undefined;
  }

  /** Ends the current group: the next change is a step of its own. */
  seal(): void {
    this.#group = undefined;
  }

  /** One step back (a drag going on is dropped); false when there is none. */
  undo(): boolean {
    const previous = this.#past.pop();
    if (!previous) return false;
    this.#live = undefined;
    this.#future.push(this.#current);
    this.#current = previous;
    this.#group = undefined;
    return true;
  }

  /** One step undone is made again (a drag going on is dropped); false when there is none. */
  redo(): boolean {
    const next = this.#future.pop();
    if (!next) return false;
    this.#live = undefined;
    this.#past.push(this.#current);
    this.#current = next;
    this.#group = undefined;
    return true;
  }

  /**
   * Change every state in the history the same way, as no step of its own (a fact learned later, such
   * as which image a label placed by number was on): what undo and redo bring back has it too.
   */
  amend(change: (state: DraftState) => DraftState): void {
    this.#past = this.#past.map(change);
    this.#future = this.#future.map(change);
    this.#current = change(this.#current);
    if (this.#live) this.#live = change(this.#live);
  }

  /** Start again from `state` (an imported document): nothing to undo. */
  reset(state: DraftState): void {
    this.#past = [];
    this.#future = [];
    this.#current = state;
    this.#group = undefined;
    this.#live = undefined;
  }
}
