/**
 * A whole study in one viewer (issue 16): given a DICOMweb root and a study UID but no series, list
 * the study's series (QIDO-RS) as plain choices, the images the care team picked (a KOS) first;
 * choosing one shows it in the viewer, and "Back to the list" is one step.
 *
 * Loaded by `<patient-image-viewer>` with a dynamic `import()` only when it is given a study alone,
 * so its code (and this list's styles) stay out of the viewer's own chunk. It reaches the viewer
 * through {@link StudyHost}, never by its class.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { heading, headingLevel } from '../components/heading.js';
import { PvErrorEvent } from '../events/pv-error-event.js';
import { PvSeriesChangeEvent } from '../events/pv-series-change-event.js';
import type { MessageKey, Messages } from '../lay/messages.js';
import { ViewerError, toViewerError } from '../sources/errors.js';
import { fetchBytes } from '../sources/fetch-bytes.js';
import type { ViewerSource } from '../sources/prepare.js';
import { readKeyImages, type KeyImage } from './key-images.js';
import { SERIES_FIELDS, kindName, layName, namedByFacts, readSeries, sortSeries, type StudySeries } from './series.js';
import { frameCount, instanceAnswer, lacksNamingFacts, withNamingFacts } from './answers.js';
import { studyStyles } from './study.styles.js';
import { THUMB_FIELDS, THUMB_SIZE, loadThumb, thumbImage, type ThumbImage } from './thumbs.js';
import { untilAborted } from '../sources/until-aborted.js';

/** What the controller needs from its viewer, pulled on every use. */
export interface StudyInputs {
  /** Whether the viewer is showing a study alone (a root and a study UID, no other source, not held). */
  active: boolean;
  root: string;
  study: string;
  /** The portal's request headers; `refresh` asks once for fresh credentials after a 401. */
  headers: (refresh: boolean) => Promise<Record<string, string>>;
  /** Whether the portal can give fresh credentials (its `requestHeaders` is a function). */
  canRefresh: boolean;
  timeout: number;
  messages: Messages;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  headingLevel: number;
  /** The portal opted in to each series' own description behind "More detail" (for clinicians). */
  showDetails: boolean;
  /** Resolves when the viewer may start loading (near the screen, for a lazy viewer). */
  whenWanted: () => Promise<void>;
  /** Images the care team picked besides the KOS (an annotation document's `keyImages`), by instance and frame. */
  keyImages: readonly ImageTarget[];
}

/** One image of the study, by its SOP Instance UID and frame (1-based, default 1). */
export interface ImageTarget {
  sopInstanceUid: string;
  frame?: number;
}

/** The viewer, as this controller uses it. */
export interface StudyHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  imageIndexFor(target: { sopInstanceUid: string; frame?: number }): number | undefined;
  goTo(index: number): Promise<void>;
}

/** One series a patient can choose. */
interface Choice {
  series: StudySeries;
  name: string;
  kind: string;
}

/** One key image a patient can choose. */
interface KeyChoice {
  image: KeyImage;
  choice: Choice;
  /** 1-based position among the images the care team picked. */
  index: number;
}

/** What is open: the series, the key image it was opened for, and the image to go to once it shows. */
interface Chosen {
  choice: Choice;
  key?: KeyChoice;
  source: ViewerSource;
  target?: ImageTarget;
}

/** Where an image of the study is: its series, and how many frames it has (undefined: the server did not say). */
interface Place {
  series: string;
  frames: number | undefined;
}

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** At most this many instance UIDs in one search's address (UID list matching); more: each series' own list. */
const UIDS_AT_ONCE = 40;
/** A server that ignores `includefield`: at most this many series' metadata asked for their naming facts, so many at once. */
const FACTS_FOR = 24;
const FACTS_AT_ONCE = 3;
/** How many small images may download at once (a phone on a slow line). */
const THUMBS_AT_ONCE = 3;
const UID = /^[0-9.]{1,64}$/;

export class StudyController implements ReactiveController {
  readonly #host: StudyHost;
  readonly #inputs: () => StudyInputs;

  status: Status = 'idle';
  error: ViewerError | undefined;
  #choices: Choice[] = [];
  /** The images picked, the KOS's first, then the document's: what the list offers. */
  #keys: KeyChoice[] = [];
  #notPictures = 0;
  #keyMissing = 0;
  /** The images the study's KOS names (found in their series), and how many it names that are not there. */
  #kosKeys: KeyImage[] = [];
  #kosMissing = 0;
  /** The images the document names (found in the study), how many are not there, and which list they are for. */
  #docKeys: KeyImage[] = [];
  #docMissing = 0;
  #docKeysFor = '';
  /** Where images of the study are (instance UID -> series and frames), asked for lazily; and those not found. */
  readonly #where = new Map<string, Place>();
  readonly #absent = new Set<string>();
  /** Series whose whole list of instances was asked for. */
  readonly #searched = new Set<string>();
  /** One search for places at a time, so two askers never fetch the same list twice. */
  #locating: Promise<void> = Promise.resolve();
  /** The chosen series (and key image), or undefined while the list shows. */
  #chosen: Chosen | undefined;
  /** The last choice opened, marked in the list and focused on the way back. */
  #lastId = '';
  /** The key image's frame could not be found in its series once loaded. */
  #keyNotFound = false;
  /** The server ignores query strings (a static DICOMweb tree): its answers hold all, and only their own attributes. */
  #ignoresQueries = false;
  /** The choice whose image to go to when its series is on screen (once: "Try again" after that keeps the patient's place). */
  #pending: Chosen | undefined;
  #loadedKey = '';
  #abort: AbortController | undefined;
  /** The words the choices were named in: named again when the language or the portal's words change. */
  #namedWith: Messages | undefined;

  /** Small images: id -> object URL, or null when the server had none. */
  readonly #thumbs = new Map<string, string | null>();
  /** Small images asked for (queued, downloading or done): each is fetched once. */
  readonly #asked = new Set<string>();
  #queue: string[] = [];
  #inFlight = 0;
  /** Instances whose shape a search already gave (the key images'), for their small pictures. */
  readonly #shapes = new Map<string, ThumbImage>();
  /** What the server answered 404 to for small pictures (`rendered`, `thumbnail`, `file`): not asked again. */
  readonly #missing = new Set<string>();
  /**
   * Series metadata asked for, by address: read for the naming facts (a static tree), kept for the
   * small pictures drawn from frames (./drawn-thumb.ts), so it is asked for once. At most `FACTS_FOR`
   * series, and only while the list lasts.
   */
  readonly #metadata = new Map<string, Promise<unknown>>();
  #observer: IntersectionObserver | undefined;

  constructor(host: StudyHost, inputs: () => StudyInputs) {
    this.#host = host;
    this.#inputs = inputs;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (root instanceof ShadowRoot && studyStyles.styleSheet && !root.adoptedStyleSheets.includes(studyStyles.styleSheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, studyStyles.styleSheet];
    }
    this.#host.addEventListener('pv-load', this.#onLoad);
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pv-load', this.#onLoad);
    // Deferred, as the viewer's own teardown: moving the viewer in the page keeps the list and the choice.
    queueMicrotask(() => {
      if (this.#host.isConnected) return;
      this.#reset();
      this.#loadedKey = '';
    });
  }

  hostUpdate(): void {
    const { active, root, study } = this.#inputs();
    const key = active ? `${root}\n${study}` : '';
    if (key !== this.#loadedKey) {
      this.#loadedKey = key;
      this.#reset();
      if (key) void this.load();
      return;
    }
    // The document's picked images came (or changed) once the list was there.
    if (this.status === 'ready' && this.#docKeysFor !== docKeysKey(this.#inputs().keyImages)) void this.#loadDocKeys();
  }

  hostUpdated(): void {
    this.#watchThumbs();
  }

  /** Whether the list is showing (so the viewer hides its picture box). */
  get listing(): boolean {
    return this.#inputs().active && !this.#chosen;
  }

  /** The chosen series, for the viewer to load; undefined while the list shows. */
  get source(): ViewerSource | undefined {
    return this.#inputs().active ? this.#chosen?.source : undefined;
  }

  /** Fetch the list of series (and the key images) again. */
  async load(): Promise<void> {
    this.#reset();
    const abort = new AbortController();
    this.#abort = abort;
    const { study } = this.#inputs();
    this.#set('loading');
    try {
      await untilAborted(this.#inputs().whenWanted(), abort.signal);
      if (!UID.test(study)) throw new ViewerError('not-found', 'Not a study UID.');
      const base = this.#base();
      let answer = await this.#json(`${base}/series?includefield=${SERIES_FIELDS.join(',')}`, abort.signal);
      if (abort.signal.aborted) return;
      this.#ignoresQueries = lacksNamingFacts(answer);
      if (this.#ignoresQueries) answer = await this.#addNamingFacts(base, answer as unknown[], abort.signal);
      if (abort.signal.aborted) return;
      const all = readSeries(answer);
      const { pictures, notPictures, keyObjects } = sortSeries(all);
      this.#choices = pictures.map((series) => ({ series, name: '', kind: '' }));
      this.#namedWith = undefined;
      this.#name();
      this.#notPictures = notPictures;
      if (keyObjects.length > 0 && this.#choices.length > 0) await this.#loadKeys(base, keyObjects, abort.signal);
      if (abort.signal.aborted || !this.#host.isConnected) return;
      if (this.#choices.length > 0) await this.#findDocKeys(abort.signal);
      if (abort.signal.aborted || !this.#host.isConnected) return;
      if (this.#choices.length === 0) {
        this.#fail(new ViewerError('not-an-image', 'The study has no pictures.'));
        return;
      }
      this.#set('ready');
      // One series and nothing picked: a list of one is a step for nothing; show it at once.
      if (this.#choices.length === 1 && this.#keys.length === 0 && this.#keyMissing === 0) this.choose(this.#choices[0]!, undefined, false);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#fail(toViewerError(error, 'server'));
    }
  }

  /**
   * Open one series (at a key image's frame, or at `target`, when given); `focus` moves focus to its
   * name.
   */
  choose(choice: Choice, key?: KeyChoice, focus = true, target?: ImageTarget): void {
    const { root, study } = this.#inputs();
    const at = key ? { sopInstanceUid: key.image.instance, frame: key.image.frame } : target;
    this.#chosen = { choice, key, source: { kind: 'dicomweb', root, study, series: choice.series.uid }, target: at };
    this.#lastId = key ? keyId(key.image) : choice.series.uid;
    this.#keyNotFound = false;
    this.#pending = at ? this.#chosen : undefined;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(
      new PvSeriesChangeEvent({
        view: 'series',
        modality: choice.series.modality,
        name: key ? this.#keyName(key) : choice.name,
        imageCount: choice.series.instances ?? 0,
        keyImage: Boolean(key),
      }),
    );
    if (focus) void this.#focusAfterUpdate('.study-bar [tabindex="-1"]');
  }

  /**
   * Which series of the study hold these images (by SOP Instance UID): instance UID -> the series'
   * plain name. Asks the server only for images not placed yet: one search of the study for the named
   * instances, or (a server that finds none that way) each series' own list until all are placed.
   * Empty while no list is there.
   */
  async find(uids: readonly string[]): Promise<Map<string, string>> {
    const signal = this.#abort?.signal;
    const found = new Map<string, string>();
    if (!signal || this.status !== 'ready') return found;
    await this.#locate(uids, signal);
    if (signal.aborted) return found;
    this.#name();
    for (const uid of uids) {
      const choice = this.#choiceOf(uid);
      if (choice) found.set(uid, choice.name);
    }
    return found;
  }

  /** Open the series that holds this image, at this image. False when the study has no such image. */
  async open(target: ImageTarget): Promise<boolean> {
    const signal = this.#abort?.signal;
    if (!signal || this.status !== 'ready') return false;
    await this.#locate([target.sopInstanceUid], signal);
    const choice = this.#choiceOf(target.sopInstanceUid);
    if (signal.aborted || !choice) return false;
    this.choose(choice, undefined, false, target);
    return true;
  }

  /** Back to the list, focus on the choice the patient came from. */
  back(): void {
    if (!this.#chosen) return;
    this.#chosen = undefined;
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new PvSeriesChangeEvent({ view: 'list', modality: '', name: '', imageCount: 0, keyImage: false }));
    void this.#focusAfterUpdate(`button[data-id="${this.#lastId}"]`);
  }

  // Loading
  /** The study's address: `{root}/studies/{study}`. */
  #base(): string {
    const { root, study } = this.#inputs();
    return `${new URL(root.replace(/\/+$/, ''), document.baseURI).href}/studies/${study}`;
  }

  async #json(url: string, signal: AbortSignal): Promise<unknown> {
    const { timeout, headers, canRefresh } = this.#inputs();
    const limited = AbortSignal.any([signal, AbortSignal.timeout(timeout)]);
    const get = async (refresh: boolean) =>
      fetchBytes(url, {
        // A headers function that never answers ends in the time-out message, as for the viewer.
        headers: await untilAborted(headers(refresh), limited),
        signal: limited,
        accept: 'application/dicom+json, application/json',
      });
    let bytes: ArrayBuffer;
    try {
      bytes = await get(false);
    } catch (error) {
      // Signed out: ask the portal once for fresh credentials.
      if (!(error instanceof ViewerError && error.status === 401 && canRefresh)) throw error;
      bytes = await get(true);
    }
    // QIDO-RS answers 204 with no body when nothing matches.
    if (bytes.byteLength === 0) return [];
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch (error) {
      throw new ViewerError('server', 'The image server sent something we could not read.', { cause: error });
    }
  }

  /**
   * A series list without the facts the plain names need (a static server ignores `includefield`):
   * each picture series' own metadata gives them, a few at a time. A series whose metadata fails keeps
   * the name its kind gives ("CT scan of the head"); the list never waits on it beyond the time-out.
   */
  async #addNamingFacts(base: string, list: unknown[], signal: AbortSignal): Promise<unknown[]> {
    const entries = [...list];
    const wanted = entries
      .map((entry, index) => ({ index, series: readSeries([entry])[0] }))
      .filter((item): item is { index: number; series: StudySeries } => item.series !== undefined && namedByFacts(item.series))
      .slice(0, FACTS_FOR);
    let next = 0;
    const worker = async () => {
      while (next < wanted.length && !signal.aborted) {
        const { index, series } = wanted[next++]!;
        try {
          entries[index] = withNamingFacts(entries[index], await this.#seriesMetadata(`${base}/series/${series.uid}/metadata`, signal));
        } catch (error) {
          if (signal.aborted) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: FACTS_AT_ONCE }, worker));
    return entries;
  }

  /** A series' metadata (`url`), asked for once while the list lasts. */
  #seriesMetadata(url: string, signal: AbortSignal): Promise<unknown> {
    const answer = this.#metadata.get(url) ?? this.#json(url, signal);
    this.#metadata.set(url, answer);
    answer.catch(() => this.#metadata.delete(url));
    return answer;
  }

  /**
   * The key images: each KOS's list, then each named series' instances (one search a series) so an
   * image that is not there is counted as missing rather than offered. A failure here leaves the
   * list without key images; it never stops the list.
   */
  async #loadKeys(base: string, keyObjects: StudySeries[], signal: AbortSignal): Promise<void> {
    const study = this.#inputs().study;
    try {
      const found = await Promise.all(keyObjects.map((kos) => this.#json(`${base}/series/${kos.uid}/metadata`, signal)));
      const images: KeyImage[] = [];
      const seen = new Set<string>();
      let missing = 0;
      for (const metadata of found) {
        const read = readKeyImages(metadata, study);
        missing += read.unplaced;
        for (const image of read.images) {
          if (seen.has(keyId(image))) continue;
          seen.add(keyId(image));
          images.push(image);
        }
      }
      const bySeries = new Map(this.#choices.map((choice) => [choice.series.uid, choice]));
      const named = [...new Set(images.map((image) => image.series))].filter((uid) => bySeries.has(uid));
      const frames = new Map<string, number | undefined>();
      await Promise.all(
        named.map(async (uid) => {
          // Only the named instances (UID list matching, which Orthanc and DCM4CHEE do); a server that
          // finds none that way is asked for the whole series.
          const wanted = [...new Set(images.filter((image) => image.series === uid).map((image) => image.instance))];
          const search = `${base}/series/${uid}/instances?includefield=${THUMB_FIELDS}`;
          let list = await this.#json(`${search}&SOPInstanceUID=${wanted.join(',')}`, signal);
          // A server that ignored the match sent others too (perhaps one page of them): one it left out
          // is not known to be missing, so the whole series is asked for.
          const answer = instanceAnswer(list, wanted);
          if (answer.found.size === 0 || (!answer.matched && answer.found.size < wanted.length)) list = await this.#json(search, signal);
          for (const entry of Array.isArray(list) ? (list as Record<string, { Value?: unknown[] }>[]) : []) {
            const sop = entry['00080018']?.Value?.[0];
            if (typeof sop === 'string') frames.set(sop, frameCount(entry, this.#ignoresQueries));
            this.#noteShape(entry);
          }
        }),
      );
      const keys: KeyImage[] = [];
      for (const image of images) {
        const count = frames.get(image.instance);
        // A frame count the server did not give (a static tree's instance list) is checked once the series shows.
        if (!bySeries.has(image.series) || !frames.has(image.instance) || (count !== undefined && image.frame > count)) {
          missing++;
          continue;
        }
        keys.push(image);
      }
      this.#kosKeys = keys;
      this.#kosMissing = missing;
    } catch (error) {
      if (signal.aborted) throw error;
      this.#kosKeys = [];
      this.#kosMissing = 0;
    }
    this.#mergeKeys();
  }

  /** The document's picked images came or changed while the list shows: place them, and offer them. */
  async #loadDocKeys(): Promise<void> {
    const signal = this.#abort?.signal;
    if (!signal) return;
    try {
      await this.#findDocKeys(signal);
    } catch {
      // Aborted: a new list is on its way.
    }
  }

  /** Place the document's picked images in the study's series; those not there are counted as missing. */
  async #findDocKeys(signal: AbortSignal): Promise<void> {
    const wanted = this.#inputs().keyImages;
    const key = docKeysKey(wanted);
    this.#docKeysFor = key;
    const images: KeyImage[] = [];
    let missing = 0;
    if (wanted.length > 0) {
      await this.#locate(
        wanted.map((image) => image.sopInstanceUid),
        signal,
      );
      if (signal.aborted || this.#docKeysFor !== key) return;
      for (const image of wanted) {
        const place = this.#where.get(image.sopInstanceUid);
        const frame = image.frame ?? 1;
        if (!place || !this.#choices.some((choice) => choice.series.uid === place.series) || (place.frames !== undefined && frame > place.frames)) missing++;
        else images.push({ series: place.series, instance: image.sopInstanceUid, frame });
      }
    }
    this.#docKeys = images;
    this.#docMissing = missing;
    this.#mergeKeys();
    this.#host.requestUpdate();
  }

  /** The KOS's picked images first, then the document's that the KOS did not name, numbered in that order. */
  #mergeKeys(): void {
    const bySeries = new Map(this.#choices.map((choice) => [choice.series.uid, choice]));
    const seen = new Set<string>();
    const keys: KeyChoice[] = [];
    for (const image of [...this.#kosKeys, ...this.#docKeys]) {
      const choice = bySeries.get(image.series);
      if (!choice || seen.has(keyId(image))) continue;
      seen.add(keyId(image));
      keys.push({ image, choice, index: keys.length + 1 });
    }
    this.#keys = keys;
    this.#keyMissing = this.#kosMissing + this.#docMissing;
  }

  /** The picture series that holds this image, once placed. */
  #choiceOf(uid: string): Choice | undefined {
    const place = this.#where.get(uid);
    return place ? this.#choices.find((choice) => choice.series.uid === place.series) : undefined;
  }

  /** Place images (one search at a time); a failure leaves them unplaced, never stops the list. */
  #locate(uids: readonly string[], signal: AbortSignal): Promise<void> {
    const next = this.#locating.then(() => this.#locateNow(uids, signal)).catch(() => {});
    this.#locating = next;
    return next;
  }

  async #locateNow(uids: readonly string[], signal: AbortSignal): Promise<void> {
    const unknown = [...new Set(uids)].filter((uid) => UID.test(uid) && !this.#where.has(uid) && !this.#absent.has(uid));
    if (unknown.length === 0 || signal.aborted) return;
    const base = this.#base();
    // One search of the whole study for the named instances (UID list matching).
    let placed = 0;
    if (unknown.length <= UIDS_AT_ONCE) {
      try {
        const list = await this.#json(`${base}/instances?SOPInstanceUID=${unknown.join(',')}&includefield=0020000E,${THUMB_FIELDS}`, signal);
        if (signal.aborted) return;
        this.#record(list);
        // Only an answer the server matched proves the rest absent; one that ignored the match (and may
        // be one page of every instance) places what it holds, and the series lists look for the rest.
        const answer = instanceAnswer(list, unknown);
        placed = answer.matched || answer.found.size === unknown.length ? answer.found.size : 0;
      } catch (error) {
        if (signal.aborted) throw error;
      }
    }
    // A server that finds none that way (no study-level search, no list matching): each series' own list.
    let complete = placed > 0;
    if (!complete) {
      complete = true;
      for (const choice of this.#choices) {
        if (unknown.every((uid) => this.#where.has(uid))) break;
        const series = choice.series.uid;
        if (this.#searched.has(series)) continue;
        try {
          const list = await this.#json(`${base}/series/${series}/instances?includefield=00080018,${THUMB_FIELDS}`, signal);
          if (signal.aborted) return;
          this.#record(list, series);
          this.#searched.add(series);
        } catch (error) {
          if (signal.aborted) throw error;
          complete = false;
        }
      }
    }
    if (complete) for (const uid of unknown) if (!this.#where.has(uid)) this.#absent.add(uid);
  }

  /** Note where each instance of a QIDO-RS answer is; how many were noted. */
  #record(list: unknown, series?: string): number {
    let count = 0;
    for (const entry of Array.isArray(list) ? (list as Record<string, { Value?: unknown[] } | undefined>[]) : []) {
      const sop = entry?.['00080018']?.Value?.[0];
      const inSeries = series ?? entry?.['0020000E']?.Value?.[0];
      if (typeof sop !== 'string' || typeof inSeries !== 'string') continue;
      this.#where.set(sop, { series: inSeries, frames: frameCount(entry, this.#ignoresQueries) });
      this.#noteShape(entry);
      count++;
    }
    return count;
  }

  #fail(error: ViewerError): void {
    this.error = error;
    this.#set('error');
    const key = this.#choices.length === 0 && error.type === 'not-an-image' ? 'study.empty' : (`error.${error.type}` as MessageKey);
    this.#host.dispatchEvent(new PvErrorEvent({ type: error.type, message: this.#inputs().t(key), retryable: error.retryable }));
  }

  #set(status: Status): void {
    this.status = status;
    if (status !== 'error') this.error = undefined;
    this.#host.requestUpdate();
  }

  #reset(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    for (const url of this.#thumbs.values()) if (url) URL.revokeObjectURL(url);
    this.#thumbs.clear();
    this.#asked.clear();
    this.#queue = [];
    this.#inFlight = 0;
    this.#shapes.clear();
    this.#missing.clear();
    this.#metadata.clear();
    this.#choices = [];
    this.#keys = [];
    this.#notPictures = 0;
    this.#keyMissing = 0;
    this.#kosKeys = [];
    this.#kosMissing = 0;
    this.#docKeys = [];
    this.#docMissing = 0;
    this.#docKeysFor = '';
    this.#where.clear();
    this.#absent.clear();
    this.#searched.clear();
    this.#locating = Promise.resolve();
    this.#chosen = undefined;
    this.#keyNotFound = false;
    this.#ignoresQueries = false;
    this.#pending = undefined;
    this.status = 'idle';
    this.error = undefined;
  }

  async #focusAfterUpdate(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // Small images
  /** Watch the list's small-image places; each starts downloading once near the screen. */
  #watchThumbs(): void {
    const places = this.#host.renderRoot.querySelectorAll<HTMLElement>('[data-thumb]');
    if (places.length === 0 || this.status !== 'ready') return;
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const id = (entry.target as HTMLElement).dataset.thumb ?? '';
          this.#observer?.unobserve(entry.target);
          if (this.#asked.has(id)) continue;
          this.#asked.add(id);
          this.#queue.push(id);
        }
        this.#pump();
      },
      { rootMargin: '200px' },
    );
    for (const place of places) {
      if (!this.#asked.has(place.dataset.thumb ?? '')) this.#observer.observe(place);
    }
    // Back to the list: the small pictures not started yet go on.
    this.#pump();
  }

  #pump(): void {
    const signal = this.#abort?.signal;
    // None started while a series is open: its own images come first (a phone on a slow line).
    while (signal && !signal.aborted && !this.#chosen && this.#inFlight < THUMBS_AT_ONCE && this.#queue.length > 0) {
      const id = this.#queue.shift()!;
      this.#inFlight++;
      void this.#fetchThumb(id, signal).then((url) => {
        if (signal.aborted) {
          if (url) URL.revokeObjectURL(url);
          return;
        }
        this.#inFlight--;
        this.#thumbs.set(id, url);
        this.#host.requestUpdate();
        this.#pump();
      });
    }
  }

  /** The choice's small picture (./thumbs.ts), as an object URL, or null for the plain box. */
  async #fetchThumb(id: string, signal: AbortSignal): Promise<string | null> {
    const { headers, timeout } = this.#inputs();
    const [series = '', instance, frame] = id.split('/');
    const base = this.#base();
    const blob = await loadThumb({
      series: `${base}/series/${series}`,
      image: instance ? { ...this.#shapes.get(instance), instance, frame: Number(frame) } : undefined,
      count: this.#choices.find((choice) => choice.series.uid === series)?.series.instances,
      json: (url) => this.#json(url, signal),
      metadata: () => this.#seriesMetadata(`${base}/series/${series}/metadata`, signal),
      missing: this.#missing,
      bytes: async (url, accept) => {
        const bounded = AbortSignal.any([signal, AbortSignal.timeout(timeout)]);
        return fetchBytes(url, { headers: await untilAborted(headers(false), bounded), signal: bounded, accept });
      },
      signal,
    }).catch(() => undefined);
    return blob && !signal.aborted ? URL.createObjectURL(blob) : null;
  }

  /** Keep an instance search row's shape, for the small picture of a key image. */
  #noteShape(entry: unknown): void {
    const image = thumbImage(entry);
    if (image?.rows) this.#shapes.set(image.instance, image);
  }

  // Handlers
  /** The chosen series is on screen: go to the key image's (or the asked-for image's) frame. */
  #onLoad = (): void => {
    const pending = this.#pending;
    this.#pending = undefined;
    if (!pending?.target || pending !== this.#chosen) return;
    const index = this.#host.imageIndexFor(pending.target);
    if (index === undefined) {
      if (!pending.key) return;
      this.#keyNotFound = true;
      this.#host.requestUpdate();
      return;
    }
    void this.#host.goTo(index);
  };

  #keyName(key: KeyChoice): string {
    return this.#inputs().t('study.keyItem', { title: key.choice.name, index: key.index });
  }

  /** Name (or name again) every choice in the viewer's current words. */
  #name(): void {
    const { messages } = this.#inputs();
    if (this.#namedWith === messages) return;
    this.#namedWith = messages;
    for (const choice of this.#choices) {
      choice.name = layName(choice.series, messages);
      choice.kind = kindName(choice.series, messages);
    }
    numberSame(this.#choices);
  }

  // Rendering
  /** What shows above the picture box: the list, or the chosen series' name and "Back". */
  render(): TemplateResult | typeof nothing {
    const inputs = this.#inputs();
    if (!inputs.active) return nothing;
    this.#name();
    const level = headingLevel(inputs.headingLevel);
    const { t } = inputs;
    if (this.#chosen) {
      const { choice, key } = this.#chosen;
      return html`<div class="study-bar" part="study-bar">
        ${this.#choices.length > 1 || this.#keys.length > 0
          ? html`<button part="button" type="button" class="study-back" @click=${() => this.back()}>${t('study.back')}</button>`
          : nothing}
        ${heading(level, key ? this.#keyName(key) : choice.name, { focusable: true })}
        ${this.#keyNotFound ? html`<p class="study-note">${t('study.keyMissing', { count: 1 })}</p>` : nothing}
      </div>`;
    }
    return html`<section class="study" part="study" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      ${heading(level, t('study.title'))} ${this.#renderBody(level + 1)}
    </section>`;
  }

  #renderBody(level: number): TemplateResult | typeof nothing {
    const { t } = this.#inputs();
    if (this.status === 'loading' || this.status === 'idle') return html`<p class="study-note">${t('loading')}</p>`;
    if (this.status === 'error' && this.error) {
      const empty = this.error.type === 'not-an-image';
      return html`<div class="study-error" part="error">
        <p>${empty ? t('study.empty') : t(`error.${this.error.type}` as MessageKey)}</p>
        ${!empty && this.error.retryable
          ? html`<button part="button" type="button" @click=${() => void this.load()}>${t('tryAgain')}</button>`
          : nothing}
        ${this.#renderLeftOut()}
      </div>`;
    }
    const keys = this.#keys;
    return html`
      ${keys.length > 0
        ? html`${heading(level, t('study.keyTitle'), { sub: true })}
            <ul class="study-list">
              ${keys.map((key) => this.#renderItem(key.choice, key))}
            </ul>`
        : nothing}
      ${this.#keyMissing > 0 ? html`<p class="study-note">${t('study.keyMissing', { count: this.#keyMissing })}</p>` : nothing}
      ${keys.length > 0 ? heading(level, t('study.allTitle'), { sub: true }) : nothing}
      <ul class="study-list">
        ${this.#choices.map((choice) => this.#renderItem(choice))}
      </ul>
      ${this.#renderLeftOut()}
    `;
  }

  #renderLeftOut(): TemplateResult | typeof nothing {
    const { t } = this.#inputs();
    if (this.#notPictures === 0) return nothing;
    return html`<p class="study-note">${this.#notPictures === 1 ? t('study.leftOne') : t('study.left', { count: this.#notPictures })}</p>`;
  }

  #renderItem(choice: Choice, key?: KeyChoice): TemplateResult {
    const { t, showDetails } = this.#inputs();
    const id = key ? keyId(key.image) : choice.series.uid;
    const thumb = this.#thumbs.get(id);
    const count = choice.series.instances;
    const countText = key || count === undefined ? '' : count === 1 ? t('study.countOne') : t('study.count', { count });
    const description = choice.series.description;
    return html`<li>
      <button
        part="button study-choice"
        type="button"
        class="study-choice"
        data-id=${id}
        aria-current=${this.#lastId === id ? 'true' : nothing}
        @click=${() => this.choose(choice, key)}
      >
        <span class="study-thumb" data-thumb=${id} aria-hidden="true">
          ${thumb ? html`<img src=${thumb} alt="" width=${THUMB_SIZE} height=${THUMB_SIZE} />` : nothing}
        </span>
        <span class="study-words">
          <span class="study-name">${key ? this.#keyName(key) : choice.name}</span>
          <span class="study-kind">${[choice.kind, countText].filter(Boolean).join(', ')}</span>
        </span>
      </button>
      ${showDetails && description && !key
        ? html`<details class="study-detail">
            <summary>${t('study.moreDetail')}</summary>
            <p>${choice.series.modality} ${choice.series.number}: ${description}</p>
          </details>`
        : nothing}
    </li>`;
  }
}

/** Series that end up with the same plain name get "(1)", "(2)"... so the choices differ. */
function numberSame(choices: Choice[]): void {
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const choice of choices) total.set(choice.name, (total.get(choice.name) ?? 0) + 1);
  for (const choice of choices) {
    if ((total.get(choice.name) ?? 0) < 2) continue;
    const n = (seen.get(choice.name) ?? 0) + 1;
    seen.set(choice.name, n);
    choice.name = `${choice.name} (${n})`;
  }
}

/** Which document key images were placed: a change asks again. */
function docKeysKey(images: readonly ImageTarget[]): string {
  return images.map((image) => `${image.sopInstanceUid}/${image.frame ?? 1}`).join(',');
}

function keyId(image: KeyImage): string {
  return `${image.series}/${image.instance}/${image.frame}`;
}
