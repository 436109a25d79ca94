import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Whether a consent step around an element holds what is inside it (true until the patient has
 * chosen to see it). `<finding-disclosure>` provides it (`ContextProvider` from `@lit/context`);
 * `<patient-image-viewer>` and `<lay-annotation-layer>` consume it through {@link HoldController}.
 * The key is shared by every copy of the library on a page.
 */
export const holdContext = createContext<boolean>(Symbol.for('patient-image-viewer.hold'));

type Host = ReactiveElement;

/**
 * An element's effective hold: its own (the `hold` attribute or property a portal sets by hand)
 * OR the hold of the consent step around it ({@link holdContext}), followed as it changes. The
 * element declares `hold` as an accessor over `own` (set) and `held` (get); when the step's hold
 * changes, the host updates with `property` (`hold`) among its changed properties, so the
 * attribute reflects it and the element's `willUpdate` sees it.
 *
 * - A step defined (or connected) after the element, whose first request went unanswered, is
 *   asked again when it announces itself (`context-provider`).
 * - An element moved out of a step is no longer held by it (and one moved into another step
 *   takes that step's hold).
 * - Nested steps: the nearest step answers, and it passes on the hold of the steps around it.
 */
export class HoldController implements ReactiveController {
  readonly #host: Host;
  readonly #property: string | undefined;
  readonly #consumer: ContextConsumer<typeof holdContext, Host>;
  #own = false;
  #byStep = false;
  /** Whether a step answered since the host connected. */
  #answered = false;

  /** `property`: the host's property to update when the hold changes (none: only `requestUpdate()`). */
  constructor(host: Host, property: string | undefined = 'hold') {
    this.#host = host;
    this.#property = property;
    // The consumer first: it asks on connect, then this controller sees whether a step answered.
    this.#consumer = new ContextConsumer(host, {
      context: holdContext,
      subscribe: true,
      callback: (value) => {
        this.#answered = true;
        this.#stopListening();
        this.#setStep(value === true);
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#answered) return;
    // No step around it (or one not defined yet, or it was moved out of one): not held by a step.
    this.#setStep(false);
    this.#host.ownerDocument.addEventListener('context-provider', this.#onProvider);
  }

  hostDisconnected(): void {
    this.#answered = false;
    this.#stopListening();
  }

  /** The element's own `hold`. */
  get own(): boolean {
    return this.#own;
  }

  set own(value: boolean) {
    this.#own = value;
  }

  /** True while a consent step around the element holds it. */
  get byStep(): boolean {
    return this.#byStep;
  }

  /** The effective hold: its own, or a step's. */
  get held(): boolean {
    return this.#own || this.#byStep;
  }

  /** A step connected somewhere: ask again (the step answers only if it is around this element). */
  readonly #onProvider = (event: Event) => {
    if ((event as Event & { context?: unknown }).context !== holdContext || !this.#host.isConnected) return;
    this.#consumer.hostConnected();
  };

  #stopListening(): void {
    this.#host.ownerDocument.removeEventListener('context-provider', this.#onProvider);
  }

  #setStep(value: boolean): void {
    if (value === this.#byStep) return;
    const old = this.held;
    this.#byStep = value;
    if (this.#property) this.#host.requestUpdate(this.#property, old);
    else this.#host.requestUpdate();
  }
}
