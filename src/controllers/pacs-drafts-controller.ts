import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ViewerError } from '../sources/errors.js';
import { fetchBytes } from '../sources/fetch-bytes.js';
import { firstPart } from '../sources/multipart.js';
import { MOST_OBJECTS, WADO_INSTANCE_ACCEPT, acceptFor, absoluteRoot, draftSeries, instanceUids, instanceUrl } from '../sources/pacs-dicomweb.js';
import { PacsDraftError, readPacsDrafts, type PacsDrafts } from '../sources/pacs-drafts.js';
import { untilAborted } from '../sources/until-aborted.js';

/** What reading a PACS object gave: its drafts, or why there are none (plain words). */
export type PacsReadResult = { drafts: PacsDrafts } | { reason: string };

/** What looking in a study gave: the objects found (SR, PR, KO instances) and what each gave; or why the study could not be listed. */
/** Each object read (with its address), how many were found, how many left out as already open, series lists that failed. */
export type PacsFindResult = { found: number; objects: (PacsReadResult & { url: string })[]; unlisted: number; already: number } | { reason: string };

/**
 * The portal's request headers, for the viewer's own DICOMweb service only (HAZ-013): `get` is
 * asked before each request (`refresh` once after a 401, when `canRefresh`).
 */
export interface PacsHeaders {
  get(refresh: boolean): Promise<Record<string, string>>;
  canRefresh: boolean;
}

/**
 * Opening drafts from the PACS for `<lay-annotation-editor>`: downloads an SR, GSPS or KOS (a Part
 * 10 file, or a WADO-RS instance: its `multipart/related` answer's first part) and reads its marks
 * (`src/sources/pacs-drafts.ts`); or lists a study's SR, PR and KO series over DICOMweb (QIDO-RS)
 * and reads each of their instances, one bad object not stopping the others. It keeps what the
 * editor shows about it (busy, the last message and whether it failed). A download going on when
 * the host leaves the page is stopped, and the host comes back not busy.
 */
export class PacsDraftsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #abort: AbortController | undefined;
  /** A download is going on. */
  busy = false;
  /** What the last import said (plain words), and whether it failed. */
  message = '';
  failed = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.busy) {
      this.busy = false;
      this.message = '';
      this.#host.requestUpdate();
    }
  }

  /** Say `text` on screen (the host announces it too). */
  say(text: string, failed: boolean): void {
    this.message = text;
    this.failed = failed;
    this.#host.requestUpdate();
  }

  /**
   * Download `url` (each request within `timeout` ms) and read its drafts, showing `opening`
   * meanwhile; `headers` go with it when given. Undefined when the host left the page meanwhile
   * (nothing to say then); otherwise drafts or a reason.
   */
  async read(url: string, timeout: number, opening: string, headers?: PacsHeaders): Promise<PacsReadResult | undefined> {
    const signal = this.#start(opening);
    const result = await this.#readOne(url, signal, timeout, headers);
    return this.#end(signal, result);
  }

  /**
   * List study `study`'s SR, PR and KO series at DICOMweb root `root` (QIDO-RS; the modality checked
   * here too, as a static server ignores queries), then their instances, and read each (at most
   * `MOST_OBJECTS`), except those `open` says are open already. Undefined when the host left the
   * page meanwhile.
   */
  async find(root: string, study: string, timeout: number, opening: string, headers?: PacsHeaders, open: (url: string) => boolean = () => false): Promise<PacsFindResult | undefined> {
    const signal = this.#start(opening);
    const base = `${absoluteRoot(root, document.baseURI)}/studies/${study}`;
    let series: string[];
    try {
      series = draftSeries(await this.#json(`${base}/series`, signal, timeout, headers));
    } catch {
      return this.#end(signal, { reason: 'the study\u2019s list of objects could not be downloaded.' });
    }
    const urls: string[] = [];
    let unlisted = 0;
    for (const uid of series) {
      try {
        const instances = instanceUids(await this.#json(`${base}/series/${uid}/instances`, signal, timeout, headers));
        urls.push(...instances.map((instance) => instanceUrl(absoluteRoot(root, document.baseURI), study, uid, instance)));
      } catch {
        if (signal.aborted) return undefined;
        unlisted++;
      }
    }
    // Objects whose drafts are still in the document are not read again.
    const fresh = urls.filter((url) => !open(url));
    const objects: (PacsReadResult & { url: string })[] = [];
    for (const url of fresh.slice(0, MOST_OBJECTS)) {
      objects.push({ ...(await this.#readOne(url, signal, timeout, headers)), url });
      if (!this.#host.isConnected || signal.aborted) return undefined;
    }
    return this.#end(signal, { found: urls.length, objects, unlisted, already: urls.length - fresh.length });
  }

  #start(opening: string): AbortSignal {
    const abort = (this.#abort ??= new AbortController());
    this.busy = true;
    this.message = opening;
    this.#host.requestUpdate();
    return abort.signal;
  }

  #end<T>(signal: AbortSignal, result: T): T | undefined {
    if (!this.#host.isConnected || signal.aborted) return undefined;
    this.busy = false;
    this.#host.requestUpdate();
    return result;
  }

  async #readOne(url: string, signal: AbortSignal, timeout: number, headers: PacsHeaders | undefined): Promise<PacsReadResult> {
    const accept = acceptFor(url, document.baseURI);
    try {
      const bytes = await this.#bytes(url, accept, signal, timeout, headers);
      if (signal.aborted) return { reason: 'it could not be downloaded.' };
      // A WADO-RS answer holds the file as its first part; a server that sent the file itself is read as it is.
      const file = accept === WADO_INSTANCE_ACCEPT ? firstPart(new Uint8Array(bytes)).slice().buffer : bytes;
      return { drafts: await readPacsDrafts(file) };
    } catch (error) {
      return { reason: error instanceof PacsDraftError ? error.message : 'it could not be downloaded.' };
    }
  }

  async #json(url: string, signal: AbortSignal, timeout: number, headers: PacsHeaders | undefined): Promise<unknown> {
    const bytes = await this.#bytes(url, 'application/dicom+json, application/json', signal, timeout, headers);
    // QIDO-RS answers 204 with no body when nothing matches.
    return bytes.byteLength === 0 ? [] : (JSON.parse(new TextDecoder().decode(bytes)) as unknown);
  }

  /** One download, each try within `timeout`; a 401 asks the portal once for fresh credentials. */
  async #bytes(url: string, accept: string, signal: AbortSignal, timeout: number, headers: PacsHeaders | undefined): Promise<ArrayBuffer> {
    const get = async (refresh: boolean) => {
      const bounded = AbortSignal.any([signal, AbortSignal.timeout(timeout)]);
      // A headers function that never answers ends in the time-out, as for the viewer.
      const extra = headers ? await untilAborted(headers.get(refresh), bounded) : {};
      return fetchBytes(url, { headers: extra, signal: bounded, accept });
    };
    try {
      return await get(false);
    } catch (error) {
      if (!(error instanceof ViewerError && error.status === 401 && headers?.canRefresh) || signal.aborted) throw error;
      return get(true);
    }
  }
}
