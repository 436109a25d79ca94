import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoreSetting } from '../disclosure/choice-store.js';
import { PvQuestionEvent } from '../events/pv-question-event.js';
import { readSavedQuestions, writeSavedQuestions } from '../questions/saved-questions.js';

/** What a question is about, as `pv-question` says it. */
export interface QuestionContext {
  about: 'summary' | 'label';
  labelId?: string;
  imageIndex?: number;
}

export interface QuestionsInputs {
  /** Where the saved questions are kept, and for which study (none kept without a key). */
  storage: StoreSetting;
  studyKey: string;
}

export interface QuestionsCallbacks {
  /** Say something through the host's status region. */
  announce(text: string): void;
  /** "Sent to …" / "Saved" words, in the host's language. */
  sentAnnouncement(): string;
  savedAnnouncement(): string;
  removedAnnouncement(): string;
}

/** The confirmation shown after a question was sent or saved, under its Ask button. */
export interface QuestionConfirmation {
  key: string;
  kind: 'sent' | 'saved';
  question: string;
}

/**
 * "Ask a question about this" and "Questions for my appointment": which composer is open (one at a
 * time, by key: `summary` or a label id), its empty-question error, the confirmation after sending or
 * saving, and the patient's saved questions (kept by `src/questions/saved-questions.ts`). Sending
 * dispatches `pv-question` from the host. Focus moves as the patient expects (WCAG 2.4.3): into the
 * question box on opening, back to the Ask button when done, to the next Remove after a removal.
 *
 * The host renders from {@link asking}, {@link error}, {@link errorCount}, {@link confirmation} and
 * {@link saved}; each composer sits in an element with `data-ask="<key>"`.
 */
export class QuestionsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };
  readonly #inputs: () => QuestionsInputs;
  readonly #callbacks: QuestionsCallbacks;
  #asking: string | undefined;
  #error = false;
  #errors = 0;
  #confirmation: QuestionConfirmation | undefined;
  #saved: readonly string[] = [];
  #readToken = 0;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    inputs: () => QuestionsInputs,
    callbacks: QuestionsCallbacks,
  ) {
    this.#host = host;
    this.#inputs = inputs;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** Which composer is open: `summary` or a label id. */
  get asking(): string | undefined {
    return this.#asking;
  }

  /** The open composer was sent empty. */
  get error(): boolean {
    return this.#error;
  }

  /** Empty sends so far: each one renders the error afresh (keyed), so it is announced again. */
  get errorCount(): number {
    return this.#errors;
  }

  get confirmation(): QuestionConfirmation | undefined {
    return this.#confirmation;
  }

  /** "Questions for my appointment", in the order saved. */
  get saved(): readonly string[] {
    return this.#saved;
  }

  /** Nothing to set up: the host asks for {@link read} when its document, study key or store changes. */
  hostConnected(): void {}

  /** Read the saved questions for the current study and store (again, when either changes). */
  async read(): Promise<void> {
    const token = ++this.#readToken;
    const { storage, studyKey } = this.#inputs();
    const saved = await readSavedQuestions(storage, studyKey);
    if (token !== this.#readToken) return;
    this.#saved = saved;
    this.#host.requestUpdate();
  }

  /**
   * Issue 17 (sign-out): forget the questions held in memory, any open composer and confirmation;
   * with `storage`, the saved list kept in the store too (any store: the portal's own included).
   */
  async clear(storage = false): Promise<void> {
    this.#readToken++;
    if (storage) await writeSavedQuestions(this.#inputs().storage, this.#inputs().studyKey, []).catch(() => undefined);
    this.#saved = [];
    this.#asking = undefined;
    this.#error = false;
    this.#confirmation = undefined;
    this.#host.requestUpdate();
  }

  /** Open the composer `key` (closing any other) and put focus in its question box. */
  async open(key: string): Promise<void> {
    this.#asking = key;
    this.#error = false;
    this.#confirmation = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('.composer textarea')?.focus();
  }

  /** Send the question in `form` (its submit handler): `pv-question`, then the confirmation. */
  async send(event: Event, key: string, context: QuestionContext): Promise<void> {
    event.preventDefault();
    const question = this.#questionIn(event.currentTarget as HTMLFormElement);
    if (!question) return;
    this.#host.dispatchEvent(new PvQuestionEvent({ question, ...context, at: new Date().toISOString() }));
    this.#confirmation = { key, kind: 'sent', question };
    await this.#done(key, this.#callbacks.sentAnnouncement());
  }

  /** Save the question in the composer `from` is in, for the appointment. */
  async save(from: HTMLElement, key: string): Promise<void> {
    const question = this.#questionIn(from.closest('form')!);
    if (!question) return;
    this.#saved = [...this.#saved, question];
    await this.#write();
    this.#confirmation = { key, kind: 'saved', question };
    await this.#done(key, this.#callbacks.savedAnnouncement());
  }

  /** Close the composer without sending; focus back on its Ask button. */
  cancel(key: string): Promise<void> {
    return this.#done(key);
  }

  /**
   * Remove a saved question. Focus goes to the next one's Remove, else the one before, else the
   * first "Ask a question" button (WCAG 2.4.3), and the removal is announced.
   */
  async remove(i: number): Promise<void> {
    this.#saved = this.#saved.filter((_, j) => j !== i);
    this.#host.requestUpdate();
    this.#callbacks.announce(this.#callbacks.removedAnnouncement());
    await this.#write();
    await this.#host.updateComplete;
    const root = this.#host.renderRoot;
    const removes = [...root.querySelectorAll<HTMLElement>('.saved-item button')];
    const next = removes[Math.min(i, removes.length - 1)];
    (next ?? root.querySelector<HTMLElement>('button.ask') ?? root.querySelector<HTMLElement>('button.choose'))?.focus();
  }

  #write(): Promise<void> {
    const { storage, studyKey } = this.#inputs();
    return writeSavedQuestions(storage, studyKey, this.#saved);
  }

  /** The typed question, else the chosen suggestion; neither shows the error and returns undefined. */
  #questionIn(form: HTMLFormElement): string | undefined {
    const typed = (form.elements.namedItem('question') as HTMLTextAreaElement).value.trim();
    const chosen = (form.querySelector<HTMLInputElement>('input[name="suggested"]:checked')?.value ?? '').trim();
    const question = typed || chosen;
    if (!question) void this.#showError(form);
    else this.#error = false;
    return question || undefined;
  }

  /**
   * The error is an alert, re-inserted each time (so a second empty Send is heard too), and focus
   * goes to the question box, which is marked invalid and described by the error.
   */
  async #showError(form: HTMLFormElement): Promise<void> {
    this.#error = true;
    this.#errors++;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    form.querySelector<HTMLElement>('textarea')?.focus();
  }

  async #done(key: string, announcement?: string): Promise<void> {
    this.#asking = undefined;
    this.#error = false;
    this.#host.requestUpdate();
    if (announcement) this.#callbacks.announce(announcement);
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`[data-ask="${CSS.escape(key)}"] .ask`)?.focus();
  }
}
