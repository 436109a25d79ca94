import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnotationDocument, AnnotationProblem } from '../annotations/index.js';
import type { Glossary, GlossaryEntry } from '../lay/glossary.js';
import { loadGlossary, loadWelshGlossary } from '../lay/glossary-loader.js';
import type { Language } from '../lay/language.js';
import { fetchJsonDocument, type HeaderSource } from '../sources/fetch-json.js';

/** Validation is loaded on first use (the glossary too, by glossary-loader), so a page without labels never downloads them. */
let validatorPromise: Promise<typeof import('../annotations/validate.js').validateAnnotationDocument> | undefined;
function loadValidator() {
  validatorPromise ??= import('../annotations/validate.js').then((v) => v.validateAnnotationDocument);
  return validatorPromise;
}

export interface AnnotationDocumentInputs {
  /** The document as an object; when undefined, `src` is fetched. */
  annotations: unknown;
  src: string;
  /** While true, nothing is fetched or shown. */
  hold: boolean;
  /** Milliseconds before the fetch is given up (the viewer's `timeout`). */
  timeout: number;
  /**
   * Headers for the document's own fetch (the host's `requestHeaders`), never the viewer's: the
   * image server's token goes only to the image source (HAZ-013).
   */
  headers?: HeaderSource;
  language: Language;
}

export interface AnnotationDocumentCallbacks {
  /** Held: show nothing. */
  onHeld(): void;
  /** No document set. */
  onNone(): void;
  /** A document was read (`null` when nothing in it was usable); `problems` lists what was wrong, with paths. */
  onDocument(document: AnnotationDocument | null, problems: AnnotationProblem[]): Promise<void> | void;
  /** It could not be fetched or read; `reason` is for the portal's developer, never the patient. */
  onFailed(reason: string): void;
  /** The glossary changed language: any open explanation is now stale. */
  onWords(): void;
}

/** The words the document's text is explained with, in the host's language. */
export interface DocumentWords {
  glossary: Glossary | undefined;
  /** Everyday words (heart, lung...): not marked. */
  everyday: ReadonlySet<string>;
  /** English entries shown in a Welsh layer (no Welsh version yet): marked `lang="en"`. */
  fallback: ReadonlySet<GlossaryEntry>;
}

/**
 * Loads an annotation document for `<lay-annotation-layer>`: the object given, or `src` fetched
 * through `sources/fetch-json.ts` (same-origin credentials, the host's own request headers if it
 * has any, a time-out, aborted when the host leaves the page or its source changes); validated (the
 * validator is a lazy chunk); its glossary built in the host's language, and built again when the
 * language changes. Bad labels and glossary entries are left out and reported as problems with
 * their paths.
 */
export class AnnotationDocumentController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #inputs: () => AnnotationDocumentInputs;
  readonly #callbacks: AnnotationDocumentCallbacks;
  #words: DocumentWords = { glossary: undefined, everyday: new Set(), fallback: new Set() };
  #loadToken = 0;
  #glossaryToken = 0;
  /** The document's fetch: aborted when the host leaves the page or its source changes. */
  #fetch: AbortController | undefined;
  /** The host left the page while fetching. */
  #interrupted = false;

  constructor(host: ReactiveControllerHost & HTMLElement, inputs: () => AnnotationDocumentInputs, callbacks: AnnotationDocumentCallbacks) {
    this.#host = host;
    this.#inputs = inputs;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  get words(): DocumentWords {
    return this.#words;
  }

  hostDisconnected(): void {
    // A fetch in flight is dropped; the host loads again when it comes back (see `resume`).
    if (this.#fetch) {
      this.#loadToken++;
      this.#interrupted = true;
    }
    this.#fetch?.abort();
    this.#fetch = undefined;
  }

  /** Back on the page after leaving it mid-fetch: fetch again. */
  resume(): void {
    if (this.#interrupted) void this.load();
  }

  /** Load (again): after `annotations`, `src` or `hold` changed. */
  async load(): Promise<void> {
    const token = ++this.#loadToken;
    this.#fetch?.abort();
    this.#fetch = undefined;
    this.#interrupted = false;
    const { annotations, src, hold, timeout, language, headers } = this.#inputs();
    let input = annotations;
    if (hold) return this.#callbacks.onHeld();
    try {
      if (input === undefined && src) {
        const abort = (this.#fetch = new AbortController());
        try {
          // Only the headers given for the document: the image server's token (the viewer's
          // `requestHeaders`) goes only to the image source (HAZ-013). Same-origin cookies, as always.
          input = await fetchJsonDocument(src, { signal: abort.signal, timeout, ...(headers ? { headers } : {}) });
        } finally {
          if (this.#fetch === abort) this.#fetch = undefined;
        }
      }
      if (token !== this.#loadToken) return;
      if (input === undefined) return this.#callbacks.onNone();
      const [validate, { buildGlossary, everyday }] = await Promise.all([loadValidator(), loadGlossary()]);
      this.#words = { ...this.#words, everyday };
      if (token !== this.#loadToken || !this.#host.isConnected) return;
      const { document, problems } = validate(input);
      const { glossary, rejected } = buildGlossary(document?.glossary ?? []);
      this.#words = { ...this.#words, glossary };
      if (language !== 'en-GB') await this.localise(document?.glossary);
      await this.#callbacks.onDocument(document, [
        ...problems,
        ...rejected.map((r) => ({ path: `glossary[${r.index}]`, message: r.reason })),
      ]);
    } catch (error) {
      // Replaced by a newer load, or the host left the page mid-fetch (fetched again on return).
      if (token !== this.#loadToken) return;
      this.#callbacks.onFailed(error instanceof Error ? error.message : 'unknown error');
    }
  }

  /** The glossary in the host's language: Welsh entries (English where none yet) or English. */
  async localise(extra: unknown): Promise<void> {
    const token = ++this.#glossaryToken;
    const { buildGlossary, everyday } = await loadGlossary();
    const welsh = this.#inputs().language === 'cy' ? await loadWelshGlossary() : undefined;
    if (token !== this.#glossaryToken) return;
    this.#words = {
      everyday: welsh?.everyday ?? everyday,
      fallback: welsh?.fallback ?? new Set(),
      glossary: buildGlossary(extra ?? [], welsh?.entries).glossary,
    };
    this.#callbacks.onWords();
  }
}
