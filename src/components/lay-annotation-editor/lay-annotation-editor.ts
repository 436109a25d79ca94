import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { documentToDraft, draftToDocument, nextLabelId, type DraftLabel, type DraftState } from '../../annotations/draft.js';
import { DraftHistory } from '../../annotations/draft-history.js';
import { validateAnnotationDocument, type AnnotationDocument, type AnnotationProblem } from '../../annotations/index.js';
import { ViewerLinkController } from '../../controllers/viewer-link-controller.js';
import { PvAnnotationErrorEvent } from '../../events/pv-annotation-error-event.js';
import { PvAnnotationsChangeEvent, type PvAnnotationsChangeDetail } from '../../events/pv-annotations-change-event.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import { loadGlossary, type LoadedGlossary } from '../../lay/glossary-loader.js';
import { checkText, PLAIN_WORDS, type SentenceCheck } from '../../lay/reading-age.js';
import { fetchBytes } from '../../sources/fetch-bytes.js';
import { PacsDraftError, readPacsDrafts, type PacsDrafts, type PacsMark } from '../../sources/pacs-drafts.js';
import { trustedUrl } from '../../lay/links.js';
import { heading, headingLevel } from '../heading.js';
import type { PatientImageViewer } from '../patient-image-viewer/patient-image-viewer.js';
import { PvElement } from '../pv-element.js';
import { editorWords, fill, type EditorWordKey, type EditorWords } from './editor-words.js';
import { frameMap } from '../../controllers/frame-map.js';
import { styles } from './lay-annotation-editor.styles.js';

/** A press on the picture moves less than this (CSS px) to count as a tap, not a drag. */
const TAP_SLOP = 6;
/** One arrow-key press moves a label this far on screen (CSS px); with Shift, five times as far. */
const NUDGE_PX = 4;

/** A marker being dragged, or a press on the picture that may become a new label. */
type Press =
  | { kind: 'marker'; id: string; pointerId: number; startX: number; startY: number; moved: boolean }
  | { kind: 'picture'; pointerId: number; startX: number; startY: number; moved: boolean };

/**
 * Where clinicians write a patient's labels: put it inside the same `<patient-image-viewer>` a
 * patient uses. Click or tap the image to place a label; drag it, or select it and use the arrow
 * keys, to move it; write its words, or choose them from the glossary; say whether it is sensitive
 * and when the patient may see it. The study's summary is written below. Undo and redo
 * (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y) cover every change.
 *
 * The document leaves the editor only after the schema has checked it: `value` is the validated
 * annotation document (version 1), and `pv-annotations-change` carries it after every change.
 * Setting `value` opens an existing document to edit. Labels are anchored in image pixels, so
 * `<lay-annotation-layer>` shows them at the same points on the patient's page.
 *
 * Its words are for clinicians, in English (replace any of them with `words`); its code is a chunk
 * of its own that a patient's page never downloads.
 *
 * @summary Write the plain-English labels a patient sees, on the image itself.
 * @tag lay-annotation-editor
 *
 * @event {PvAnnotationsChangeEvent} pv-annotations-change - The document changed. `detail`: `document` (validated), `problems`, `hardSentences`, `cause` (`edit`, `import`, `undo`, `redo`).
 * @event {PvAnnotationErrorEvent} pv-annotation-error - A document given to `value` or opened from a file had problems; the rest was opened. `detail.problems`.
 *
 * @csspart overlay - The layer over the image that takes clicks, taps and drags.
 * @csspart marker - A label's numbered marker on the image.
 * @csspart panel - The labels, the chosen label's fields and the study's fields.
 *
 * @cssprop [--pv-marker-color=#ffeb3b] - Marker colour.
 * @cssprop [--pv-marker-text-color=#212b32] - Marker number and border colour.
 */
export class LayAnnotationEditor extends PvElement {
  static override styles = styles;

  // Controllers
  /** The viewer this editor sits in. */
  readonly #viewer = new ViewerLinkController(this, {
    onViewChange: () => this.#place(),
    onLoad: () => this.#place(),
  });

  // Properties
  /** Replacement words for the editor's own words (see `editor-words.ts`). */
  @property({ attribute: false }) words: EditorWords | undefined;

  /** Extra trusted domains for links, besides nhs.uk, 111.nhs.uk and patient.info (as the layer allows). */
  @property({ attribute: false }) trustedDomains: string[] = [];

  /** The level of this element's headings (1 to 6; default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Show the preview as the patient (the "Preview as the patient" button sets it too). */
  @property({ type: Boolean, reflect: true }) preview = false;

  /** The label being edited. */
  @state() private _selected: string | undefined;
  /** Bumped on every change of the draft, so Lit renders it. */
  @state() private _version = 0;
  @state() private _query = '';
  @state() private _results: readonly GlossaryEntry[] = [];
  @state() private _linkProblem = false;
  @state() private _importProblem = '';
  /** The patient's elements are defined for the preview. */
  @state() private _previewDefined = false;
  /** What the last PACS import said (plain words), and whether it failed. */
  @state() private _pacsMessage = '';
  @state() private _pacsFailed = false;
  @state() private _pacsBusy = false;
  @state() private _previewLang: 'en-GB' | 'cy' = 'en-GB';

  readonly #history = new DraftHistory();
  /** The validated document for the draft it was made from (the preview's layer gets the same object until it changes). */
  #valueCache: { draft: DraftState; document: AnnotationDocument; problems: AnnotationProblem[] } | undefined;
  /** The patient's elements, defined for the preview (in the script-tag build, their own chunks: the autoloader does not look in shadow roots). */
  #previewReady: Promise<unknown> | undefined;
  /** The preview's own study key: the patient's choice made in the preview is kept in memory only, for this editor. */
  readonly #previewKey = `editor-preview-${Math.random().toString(36).slice(2)}`;
  #press: Press | undefined;
  #glossary: readonly GlossaryEntry[] | undefined;
  /** The glossary's matcher, once loaded: words it explains in place are not hard. */
  #words: LoadedGlossary | undefined;

  // Lifecycle
  constructor() {
    super();
    // Undo and redo from anywhere in the editor (a listener on itself: it lives as long as the element).
    this.addEventListener('keydown', this.#onKeyDown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.slot) this.slot = 'annotations';
    void this.#loadWords();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('preview') && this.preview && !this._previewDefined) void this.#definePreview();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#place();
  }

  // Handlers
  readonly #onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      this.undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      this.redo();
    }
  };

  #onPointerDown(event: PointerEvent): void {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const marker = (event.target as Element).closest<HTMLElement>('.marker');
    const overlay = event.currentTarget as HTMLElement;
    overlay.setPointerCapture?.(event.pointerId);
    const start = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, moved: false };
    this.#press = marker?.dataset.id ? { kind: 'marker', id: marker.dataset.id, ...start } : { kind: 'picture', ...start };
    if (marker) event.preventDefault();
  }

  #onPointerMove(event: PointerEvent): void {
    const press = this.#press;
    if (!press || press.pointerId !== event.pointerId) return;
    if (!press.moved && Math.hypot(event.clientX - press.startX, event.clientY - press.startY) < TAP_SLOP) return;
    press.moved = true;
    if (press.kind !== 'marker') return;
    const point = this.#imagePointAt(event.clientX, event.clientY);
    if (point) this.#setLive(this.#update(press.id, { point }));
  }

  #onPointerUp(event: PointerEvent): void {
    const press = this.#press;
    if (!press || press.pointerId !== event.pointerId) return;
    this.#press = undefined;
    if (event.type === 'pointercancel') return void this.#setLive(undefined);
    if (press.kind === 'marker') {
      const number = this.#number(press.id);
      this._selected = press.id;
      if (!press.moved) return void this.#focusField('title', true);
      // The live state was shown while dragging; one step in the history for the whole drag.
      const moved = this.#live;
      this.#live = undefined;
      if (moved) this.#commit(moved);
      void this.announce(this.w('moved', { number }));
      return;
    }
    if (press.moved) return;
    const point = this.#imagePointAt(event.clientX, event.clientY);
    if (point) this.#addLabel(point, true);
  }

  #onMarkerKey(event: KeyboardEvent, label: DraftLabel): void {
    const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const step = steps[event.key];
    if (step) {
      event.preventDefault();
      this._selected = label.id;
      this.nudge(label.id, step[0] * (event.shiftKey ? 5 : 1), step[1] * (event.shiftKey ? 5 : 1));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.#remove(label.id);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this._selected = label.id;
      this.#focusField('title');
    }
  }

  async #onSearch(query: string): Promise<void> {
    this._query = query;
    const words = query.trim().toLowerCase();
    if (words.length < 2) {
      this._results = [];
      return;
    }
    this.#glossary ??= (await this.#loadWords())?.entries;
    if (!this.#glossary) return;
    if (!this.isConnected || this._query !== query) return;
    const starts: GlossaryEntry[] = [];
    const contains: GlossaryEntry[] = [];
    for (const entry of this.#glossary) {
      const names = [entry.term, ...(entry.aliases ?? [])].map((n) => n.toLowerCase());
      if (names.some((n) => n.startsWith(words))) starts.push(entry);
      else if (names.some((n) => n.includes(words))) contains.push(entry);
    }
    this._results = [...starts, ...contains].filter((entry) => !entry.sensitive || this.#label()?.sensitivity === 'sensitive').slice(0, 8);
  }

  #onUseEntry(entry: GlossaryEntry): void {
    const label = this.#label();
    if (!label) return;
    const title = entry.term.charAt(0).toUpperCase() + entry.term.slice(1);
    const url = entry.url ? trustedUrl(entry.url, this.trustedDomains) : undefined;
    const links = url && !label.links.some((link) => link.url === url) ? [...label.links, { title: `${title} on the NHS website`, url }] : label.links;
    this.#commit(
      this.#update(label.id, {
        title,
        description: label.description.trim() ? label.description : entry.definition,
        terms: label.terms.includes(entry.id) ? label.terms : [...label.terms, entry.id],
        links,
      }),
    );
    this._query = '';
    this._results = [];
    this.#focusField('title');
  }

  #onAddLink(label: DraftLabel): void {
    const root = this.renderRoot;
    const title = root.querySelector<HTMLInputElement>('#link-title')?.value.trim() ?? '';
    const url = root.querySelector<HTMLInputElement>('#link-url')?.value.trim() ?? '';
    const safe = trustedUrl(url, this.trustedDomains);
    if (!title || !safe) {
      this._linkProblem = true;
      return;
    }
    this._linkProblem = false;
    this.#commit(this.#update(label.id, { links: [...label.links, { title, url: safe }] }));
    for (const id of ['#link-title', '#link-url']) {
      const input = root.querySelector<HTMLInputElement>(id);
      if (input) input.value = '';
    }
  }

  async #onOpenFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      parsed = undefined;
    }
    if (!this.isConnected) return;
    this.#import(parsed);
  }

  /** Define the patient's viewer and layer for the preview (once). */
  async #definePreview(): Promise<void> {
    this.#previewReady ??= Promise.all([import('../patient-image-viewer/define.js'), import('../lay-annotation-layer/define.js')]);
    await this.#previewReady;
    if (!this.isConnected) return;
    this._previewDefined = true;
  }

  /** The glossary (once a page), for search and for the reading-age check. */
  async #loadWords(): Promise<LoadedGlossary | undefined> {
    if (this.#words) return this.#words;
    try {
      const words = await loadGlossary();
      if (!this.#words) {
        this.#words = words;
        this.#glossary = words.entries;
        this._version++;
      }
      return words;
    } catch {
      return undefined;
    }
  }

  // Public methods
  /**
   * The annotation document (version 1) as it stands, checked by the schema: unfinished labels are
   * left out. Set it to open a document to edit (it is validated; problems are reported in
   * `pv-annotation-error` and on screen, the rest is opened; nothing to undo after it).
   */
  get value(): AnnotationDocument {
    return this.#validated().document;
  }

  set value(input: unknown) {
    this.#import(input);
  }

  /**
   * Open a DICOM SR (TID 1500), GSPS or KOS from `url` (a Part 10 file, or a DICOMweb instance URL
   * that returns one) and add its marks as draft labels at the same image points. Their clinical
   * words are kept as notes for the writer, never exported. Resolves to the number of drafts added;
   * failures are said on screen and in `pv-annotation-error`, never thrown.
   */
  async openDrafts(url: string): Promise<number> {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') {
      this.#pacsSay(this.w('noImage'), true);
      return 0;
    }
    this._pacsBusy = true;
    this._pacsMessage = this.w('pacsOpening');
    let drafts: PacsDrafts;
    try {
      const bytes = await fetchBytes(url, { signal: AbortSignal.timeout(viewer.timeout), accept: 'application/dicom' });
      if (!this.isConnected) return 0;
      drafts = await readPacsDrafts(bytes);
    } catch (error) {
      if (!this.isConnected) return 0;
      this._pacsBusy = false;
      const reason = error instanceof PacsDraftError ? error.message : 'it could not be downloaded.';
      this.#pacsSay(this.w('pacsFailed', { reason }), true);
      this.dispatchEvent(new PvAnnotationErrorEvent({ problems: [{ path: '', message: `Drafts from the PACS: ${reason}` }] }));
      return 0;
    }
    if (!this.isConnected) return 0;
    this._pacsBusy = false;
    return this.#addDrafts(drafts);
  }

  /** Undo the last change. */
  undo(): void {
    if (!this.#history.undo()) return void this.announce(this.w('nothingToUndo'));
    this.#changed('undo');
    void this.announce(this.w('undone'));
  }

  /** Redo the last change undone. */
  redo(): void {
    if (!this.#history.redo()) return void this.announce(this.w('nothingToRedo'));
    this.#changed('redo');
    void this.announce(this.w('redone'));
  }

  /** Move label `id` by `dx`, `dy` steps (a step is a few screen pixels at the current zoom). */
  nudge(id: string, dx: number, dy: number): void {
    const label = this.#history.current.labels.find((l) => l.id === id);
    const map = this.#map();
    if (!label || !map) return;
    const at = map.toFrame(label.point.column, label.point.row);
    const point = at && map.toImage(at.x + dx * NUDGE_PX, at.y + dy * NUDGE_PX);
    if (point) this.#commit(this.#update(id, { point: this.#clamp(point) }), `nudge:${id}`);
  }

  // Internals: the draft
  /** A word of the editor's, with `words` overrides. */
  protected w(key: EditorWordKey, values?: Record<string, string | number>): string {
    return fill(this.words?.[key] ?? editorWords[key], values);
  }

  #validated(): { document: AnnotationDocument; problems: AnnotationProblem[] } {
    const draft = this.#history.current;
    if (this.#valueCache?.draft !== draft) {
      const { document, problems } = validateAnnotationDocument(draftToDocument(draft));
      this.#valueCache = { draft, document: document ?? { version: 1, labels: [] }, problems };
    }
    return this.#valueCache;
  }

  #import(input: unknown): void {
    const { document, problems } = validateAnnotationDocument(input);
    this._importProblem = document === null ? this.w('unreadable') : problems.length > 0 ? this.w('problems', { count: problems.length }) : '';
    if (problems.length > 0) this.dispatchEvent(new PvAnnotationErrorEvent({ problems }));
    if (!document) return;
    this.#history.reset(documentToDraft(document));
    this._selected = undefined;
    this.#changed('import');
  }

  /** A new step in the history (or part of the last one, in the same `group`), and the change said. */
  #commit(next: DraftState, group?: string): void {
    this.#history.push(next, group);
    this.#changed('edit');
  }

  /** What a drag shows while it goes on (undefined otherwise): no step in the history until it ends. */
  #live: DraftState | undefined;

  #setLive(next: DraftState | undefined): void {
    this.#live = next;
    this._version++;
  }

  #draft(): DraftState {
    return this.#live ?? this.#history.current;
  }

  #changed(cause: PvAnnotationsChangeDetail['cause']): void {
    this.#live = undefined;
    this._version++;
    if (this._selected && !this.#history.current.labels.some((l) => l.id === this._selected)) this._selected = undefined;
    const { document, problems } = this.#validated();
    this.dispatchEvent(new PvAnnotationsChangeEvent({ document, problems, hardSentences: this.#hardSentences().length, cause }));
  }

  /** The draft with label `id` changed. */
  #update(id: string, change: Partial<DraftLabel>): DraftState {
    const draft = this.#draft();
    return { ...draft, labels: draft.labels.map((label) => (label.id === id ? { ...label, ...change } : label)) };
  }

  #label(): DraftLabel | undefined {
    return this.#draft().labels.find((l) => l.id === this._selected);
  }

  #number(id: string): number {
    return this.#draft().labels.findIndex((l) => l.id === id) + 1;
  }

  #addLabel(point: { column: number; row: number }, fromPointer = false): void {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') return void this.announce(this.w('noImage'));
    const draft = this.#history.current;
    const id = nextLabelId(draft.labels);
    const label: DraftLabel = {
      id,
      kind: 'anatomy',
      title: '',
      description: '',
      sensitivity: 'routine',
      notBefore: '',
      terms: [],
      links: [],
      image: { index: viewer.index },
      point: this.#clamp(point),
    };
    this.#commit({ ...draft, labels: [...draft.labels, label] });
    this._selected = id;
    void this.announce(this.w('placed', { number: draft.labels.length + 1 }));
    this.#focusField('title', fromPointer);
  }

  /** Marks from the PACS as draft labels: only those on images of this study and inside them. */
  #addDrafts(drafts: PacsDrafts): number {
    const viewer = this.#viewer.viewer!;
    let draft = this.#history.current;
    let notInStudy = 0;
    let outside = 0;
    const added: DraftLabel[] = [];
    for (const mark of drafts.marks) {
      const index = viewer.imageIndexFor(mark.image);
      const geometry = index === undefined ? undefined : viewer.imageGeometry(index);
      if (index === undefined || !geometry) {
        notInStudy++;
        continue;
      }
      const placed = placeMark(mark, geometry.columns, geometry.rows);
      if (!placed) {
        outside++;
        continue;
      }
      const label: DraftLabel = {
        id: nextLabelId([...draft.labels, ...added]),
        kind: 'finding',
        title: '',
        description: '',
        sensitivity: 'routine',
        notBefore: '',
        terms: [],
        links: [],
        image: { ...mark.image },
        point: placed.point,
        outline: placed.outline,
        note: mark.note,
        site: mark.site,
      };
      added.push(label);
    }
    if (added.length > 0) {
      draft = { ...draft, labels: [...draft.labels, ...added] };
      this.#commit(draft);
      this._selected = added[0]!.id;
    }
    const why = [
      notInStudy ? this.w('pacsNotInStudy', { count: notInStudy }) : '',
      outside ? this.w('pacsOutside', { count: outside }) : '',
      drafts.unreadable ? this.w('pacsUnreadable', { count: drafts.unreadable }) : '',
    ].filter(Boolean);
    const left = notInStudy + outside + drafts.unreadable;
    const opened = added.length > 0 ? this.w('pacsOpened', { count: added.length, kind: this.w(drafts.kind) }) : this.w('pacsNone');
    this.#pacsSay(left > 0 ? `${opened} ${this.w('pacsLeftOut', { count: left, why: why.join(', ') })}` : opened, added.length === 0);
    return added.length;
  }

  #pacsSay(text: string, failed: boolean): void {
    this._pacsMessage = text;
    this._pacsFailed = failed;
    void this.announce(text);
  }

  #addInMiddle(): void {
    const geometry = this.#viewer.viewer?.imageGeometry(this.#viewer.viewer.index);
    if (!geometry) return void this.announce(this.w('noImage'));
    this.#addLabel({ column: geometry.columns / 2, row: geometry.rows / 2 });
  }

  #remove(id: string): void {
    const number = this.#number(id);
    const draft = this.#history.current;
    this.#commit({ ...draft, labels: draft.labels.filter((l) => l.id !== id) });
    void this.announce(this.w('removed', { number }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.labels button, .add')?.focus());
  }

  #setSummary(summary: string): void {
    this.#commit({ ...this.#history.current, summary }, 'summary');
  }

  /** Focus a field of the chosen label; from a pointer, without scrolling the image away. */
  #focusField(field: 'title', preventScroll = false): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus({ preventScroll }));
  }

  // Internals: the image
  #map() {
    const viewer = this.#viewer.viewer;
    return viewer && viewer.status === 'loaded' ? frameMap(viewer) : undefined;
  }

  /** The image point under a pointer (client coordinates), kept inside the image. */
  #imagePointAt(clientX: number, clientY: number): { column: number; row: number } | undefined {
    const overlay = this.renderRoot.querySelector<HTMLElement>('.overlay');
    const map = this.#map();
    if (!overlay || !map) return undefined;
    const rect = overlay.getBoundingClientRect();
    const point = map.toImage(clientX - rect.left, clientY - rect.top);
    return point && this.#clamp(point);
  }

  #clamp(point: { column: number; row: number }): { column: number; row: number } {
    const viewer = this.#viewer.viewer;
    const geometry = viewer?.imageGeometry(viewer.index);
    if (!geometry) return point;
    const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
    return { column: clamp(point.column, geometry.columns), row: clamp(point.row, geometry.rows) };
  }

  /** The labels on the image on screen. */
  #here(): DraftLabel[] {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') return [];
    return this.#draft().labels.filter((label) => viewer.imageIndexFor(label.image) === viewer.index);
  }

  /** Put the overlay over the picture box and each marker on its point (CSSOM writes: no style attributes). */
  #place(): void {
    const viewer = this.#viewer.viewer;
    const overlay = this.renderRoot?.querySelector<HTMLElement>('.overlay');
    if (!viewer || !overlay) return;
    const frame = viewer.frameBox();
    const map = this.#map();
    if (!frame || !map) return;
    overlay.style.left = `${frame.x}px`;
    overlay.style.top = `${frame.y}px`;
    overlay.style.width = `${frame.width}px`;
    overlay.style.height = `${frame.height}px`;
    for (const label of this.#here()) {
      const marker = overlay.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(label.id)}"]`);
      const at = map.toFrame(label.point.column, label.point.row);
      if (!marker || !at) continue;
      const inside = at.x >= 0 && at.y >= 0 && at.x <= frame.width && at.y <= frame.height;
      marker.hidden = !inside;
      marker.style.transform = `translate(${at.x}px, ${at.y}px)`;
    }
  }

  // Internals: reading age
  /** Every sentence the patient will read (summary, titles, descriptions) checked; those above the limit. */
  #hardSentences(): SentenceCheck[] {
    const draft = this.#history.current;
    const texts = [draft.summary, ...draft.labels.flatMap((l) => [l.title, l.description])];
    return texts.flatMap((text) => this.#check(text)).filter((s) => s.over);
  }

  #check(text: string): SentenceCheck[] {
    const words = this.#words;
    return text.trim() ? checkText(text, words ? (t) => words.findTerms(t, words.glossary) : undefined) : [];
  }

  /** Warnings under a field: each hard sentence, its hard words, and plainer or glossary words instead. */
  #renderCheck(text: string, id: string) {
    const over = this.#check(text).filter((s) => s.over);
    if (over.length === 0) return nothing;
    return html`<div class="reading" id=${id}>
      ${over.map((s) => {
        const plain = s.hard.filter((w) => PLAIN_WORDS[w.toLowerCase()]).map((w) => this.w('plainInstead', { plain: PLAIN_WORDS[w.toLowerCase()]!, word: w }));
        const terms = this.#glossaryFor(s.hard);
        return html`<p class="warning">
          <strong>${this.w('hardSentence', { sentence: s.text.length > 120 ? `${s.text.slice(0, 117)}...` : s.text })}</strong>
          ${s.long ? html` ${this.w('tooLong', { words: s.words })}` : nothing}
          ${s.hard.length > 0 ? html` ${this.w('hardWords', { words: s.hard.join(', ') })}` : nothing} ${plain.join(' ')}
          ${terms.length > 0 ? html` ${this.w('glossaryInstead', { terms: terms.join(', ') })}` : nothing}
        </p>`;
      })}
    </div>`;
  }

  /** Glossary words close to hard words (same start), which the patient gets explained in place. */
  #glossaryFor(hard: readonly string[]): string[] {
    const entries = this.#glossary ?? [];
    const found = new Set<string>();
    for (const word of hard) {
      const stem = word.toLowerCase().slice(0, Math.max(5, Math.min(7, word.length - 2)));
      if (stem.length < 5) continue;
      for (const entry of entries) {
        if (entry.sensitive || found.size >= 3) continue;
        if (entry.term.toLowerCase().startsWith(stem)) found.add(entry.term);
      }
    }
    return [...found];
  }

  // Rendering
  #heading(content: unknown, sub = false) {
    const level = headingLevel(this.headingLevel);
    return heading(sub ? Math.min(6, level + 1) : level, content, { sub });
  }

  #titleOf(label: DraftLabel): string {
    return label.title.trim() || this.w('untitled');
  }

  #renderOverlay() {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') return nothing;
    const labels = this.#draft().labels;
    return html`<div
      class="overlay"
      part="overlay"
      @pointerdown=${(e: PointerEvent) => this.#onPointerDown(e)}
      @pointermove=${(e: PointerEvent) => this.#onPointerMove(e)}
      @pointerup=${(e: PointerEvent) => this.#onPointerUp(e)}
      @pointercancel=${(e: PointerEvent) => this.#onPointerUp(e)}
    >
      ${this.#here().map((label) => {
        const number = labels.indexOf(label) + 1;
        return html`<button
          type="button"
          class="marker ${label.kind} ${label.title.trim() ? '' : 'draft'}"
          part="marker"
          data-id=${label.id}
          aria-pressed=${this._selected === label.id ? 'true' : 'false'}
          aria-label=${this.w('marker', { number, title: this.#titleOf(label) })}
          @keydown=${(e: KeyboardEvent) => this.#onMarkerKey(e, label)}
        >
          ${number}
        </button>`;
      })}
    </div>`;
  }

  #renderLabels() {
    const labels = this.#draft().labels;
    const viewer = this.#viewer.viewer;
    return html`${this.#heading(this.w('labelsHeading'), true)}
      ${labels.length === 0
        ? html`<p>${this.w('noLabels')}</p>`
        : html`<ol class="labels">
            ${labels.map((label, i) => {
              const index = viewer?.status === 'loaded' ? viewer.imageIndexFor(label.image) : undefined;
              return html`<li>
                <button type="button" aria-pressed=${this._selected === label.id ? 'true' : 'false'} data-id=${label.id} @click=${() => this.#choose(label)}>
                  ${this.w('select', { number: i + 1, title: this.#titleOf(label) })}${index !== undefined ? html` (${this.w('onImage', { index: index + 1 })})` : nothing}
                </button>
                ${label.title.trim() ? nothing : html`<span class="tag-draft">${this.w('draft')}</span>`}
              </li>`;
            })}
          </ol>`}`;
  }

  /** Choose a label from the list: show its image, and edit it. */
  async #choose(label: DraftLabel): Promise<void> {
    this._selected = label.id;
    const viewer = this.#viewer.viewer;
    const index = viewer?.imageIndexFor(label.image);
    if (viewer && index !== undefined && index !== viewer.index) await viewer.goTo(index);
    if (!this.isConnected) return;
    this.#focusField('title');
  }

  #renderLabelForm(label: DraftLabel) {
    const number = this.#number(label.id);
    const set = (change: Partial<DraftLabel>, field: string) => this.#commit(this.#update(label.id, change), `${field}:${label.id}`);
    return html`<fieldset class="label-form">
      <legend>${this.w('labelHeading', { number })}</legend>
      ${label.note ? html`<p class="note"><strong>${this.w('note')}:</strong> ${label.note}</p>` : nothing} ${this.#renderSite(label)}
      <label for="title">${this.w('title')}</label>
      <input id="title" type="text" maxlength="80" aria-describedby=${this.#check(label.title).some((c) => c.over) ? 'title-check' : nothing} .value=${label.title} @input=${(e: Event) => set({ title: (e.target as HTMLInputElement).value }, 'title')} />
      ${this.#renderCheck(label.title, 'title-check')}
      <label for="search">${this.w('search')}</label>
      <p class="hint" id="search-hint">${this.w('searchHint')}</p>
      <input id="search" type="search" aria-describedby="search-hint" .value=${this._query} @input=${(e: Event) => void this.#onSearch((e.target as HTMLInputElement).value)} />
      ${this._query.trim().length >= 2
        ? this._results.length === 0
          ? html`<p>${this.w('noMatches')}</p>`
          : html`<ul class="results">
              ${this._results.map(
                (entry) => html`<li>
                  <button type="button" @click=${() => this.#onUseEntry(entry)}><span class="visually-hidden">${this.w('use')}: </span>${entry.term}</button>
                  <span class="definition">${entry.definition}</span>
                </li>`,
              )}
            </ul>`
        : nothing}
      <label for="kind">${this.w('kind')}</label>
      <select id="kind" .value=${label.kind} @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value as DraftLabel['kind'] }, 'kind')}>
        <option value="anatomy" ?selected=${label.kind === 'anatomy'}>${this.w('anatomy')}</option>
        <option value="finding" ?selected=${label.kind === 'finding'}>${this.w('finding')}</option>
      </select>
      <label for="description">${this.w('description')}</label>
      <textarea id="description" rows="3" maxlength="1000" aria-describedby=${this.#check(label.description).some((c) => c.over) ? 'description-check' : nothing} .value=${label.description} @input=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value }, 'description')}></textarea>
      ${this.#renderCheck(label.description, 'description-check')}
      <div class="check">
        <input id="sensitive" type="checkbox" .checked=${label.sensitivity === 'sensitive'} @change=${(e: Event) => set({ sensitivity: (e.target as HTMLInputElement).checked ? 'sensitive' : 'routine' }, 'sensitivity')} />
        <label for="sensitive">${this.w('sensitive')}</label>
      </div>
      ${label.sensitivity === 'sensitive'
        ? html`<label for="not-before">${this.w('notBefore')}</label>
            <input id="not-before" type="date" .value=${label.notBefore.slice(0, 10)} @change=${(e: Event) => set({ notBefore: (e.target as HTMLInputElement).value }, 'notBefore')} />`
        : nothing}
      ${this.#renderLinks(label)}
      <button type="button" class="remove" @click=${() => this.#remove(label.id)}>${this.w('remove', { number })}</button>
    </fieldset>`;
  }

  /** A PACS draft's finding site, as the glossary word that matches it (if one does). */
  #renderSite(label: DraftLabel) {
    const site = label.site?.trim().toLowerCase();
    if (!site) return nothing;
    const entry = (this.#glossary ?? []).find((e) => !e.sensitive && [e.term, ...(e.aliases ?? [])].some((n) => n.toLowerCase() === site));
    if (!entry) return nothing;
    return html`<p class="site">
      ${this.w('siteWord')}
      <button type="button" class="use-site" @click=${() => this.#onUseEntry(entry)}><span class="visually-hidden">${this.w('use')}: </span>${entry.term}</button>
    </p>`;
  }

  #renderLinks(label: DraftLabel) {
    return html`<fieldset class="links">
      <legend>${this.w('links')}</legend>
      ${label.links.length > 0
        ? html`<ul>
            ${label.links.map(
              (link, i) => html`<li>
                <span>${link.title} (${link.url})</span>
                <button type="button" @click=${() => this.#commit(this.#update(label.id, { links: label.links.filter((_, j) => j !== i) }))}>${this.w('removeLink', { title: link.title })}</button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <label for="link-title">${this.w('linkTitle')}</label>
      <input id="link-title" type="text" maxlength="200" />
      <label for="link-url">${this.w('linkUrl')}</label>
      <input id="link-url" type="url" aria-describedby=${this._linkProblem ? 'link-problem' : nothing} />
      ${this._linkProblem ? html`<p class="problem" id="link-problem">${this.w('untrusted')}</p>` : nothing}
      <button type="button" @click=${() => this.#onAddLink(label)}>${this.w('addLink')}</button>
    </fieldset>`;
  }

  #renderStudy() {
    const draft = this.#draft();
    return html`<section class="study" aria-labelledby="study-heading">
      ${heading(Math.min(6, headingLevel(this.headingLevel) + 1), this.w('summaryHeading'), { id: 'study-heading', sub: true })}
      <label for="summary">${this.w('summary')}</label>
      <textarea id="summary" rows="4" maxlength="4000" aria-describedby=${this.#check(draft.summary).some((c) => c.over) ? 'summary-check' : nothing} .value=${draft.summary} @input=${(e: Event) => this.#setSummary((e.target as HTMLTextAreaElement).value)}></textarea>
      ${this.#renderCheck(draft.summary, 'summary-check')}
      <label for="open">${this.w('open')}</label>
      <input id="open" type="file" accept="application/json,.json" @change=${(e: Event) => void this.#onOpenFile(e)} />
      ${this._importProblem ? html`<p class="problem" role="alert">${this._importProblem}</p>` : nothing}
      <label for="pacs-url">${this.w('pacsUrl')}</label>
      <p class="hint" id="pacs-hint">${this.w('pacsHint')}</p>
      <input id="pacs-url" type="url" aria-describedby="pacs-hint" />
      <button type="button" class="pacs-open" ?disabled=${this._pacsBusy} @click=${() => void this.openDrafts(this.renderRoot.querySelector<HTMLInputElement>('#pacs-url')?.value.trim() ?? '')}>
        ${this.w('pacsOpen')}
      </button>
      ${this._pacsMessage ? html`<p class="pacs-message ${this._pacsFailed ? 'problem' : ''}">${this._pacsMessage}</p>` : nothing}
    </section>`;
  }

  #renderStatus() {
    const { document } = this.#validated();
    const notReady = this.#history.current.labels.filter((l) => !l.title.trim()).length;
    const hard = this.#hardSentences().length;
    return html`<p class="status-line">
        ${notReady > 0 ? this.w('notReady', { count: notReady }) : this.w('ready', { count: document.labels.length })}
      </p>
      ${hard > 0 ? html`<p class="status-line hard-count">${this.w('hardCount', { count: hard })}</p>` : nothing}`;
  }

  /** The patient's view: their viewer and layer, with this document, in a phone-sized frame. */
  #renderPreview() {
    const source = this.#viewer.viewer as (PatientImageViewer & HTMLElement) | undefined;
    if (!this.preview || !this._previewDefined || !source) return nothing;
    const level = Math.min(6, headingLevel(this.headingLevel) + 1);
    const stop = (event: Event) => event.stopPropagation();
    return html`<section class="preview" aria-labelledby="preview-heading">
      ${heading(level, this.w('previewHeading'), { id: 'preview-heading', sub: true })}
      <p class="hint">${this.w('previewHint')}</p>
      <fieldset class="languages">
        <legend>${this.w('previewLanguage')}</legend>
        ${(['en-GB', 'cy'] as const).map(
          (lang) => html`<div class="check">
            <input type="radio" name="preview-lang" id="preview-${lang}" .checked=${this._previewLang === lang} @change=${() => (this._previewLang = lang)} />
            <label for="preview-${lang}">${this.w(lang === 'cy' ? 'welsh' : 'english')}</label>
          </div>`,
        )}
      </fieldset>
      <div class="phone" lang=${this._previewLang} @pointerdown=${stop} @wheel=${stop} @keydown=${stop}>
        <patient-image-viewer
          loading="eager"
          heading-level=${Math.min(6, level + 1)}
          .src=${source.src}
          .urls=${source.urls}
          .files=${source.files}
          .dicomwebRoot=${source.dicomwebRoot}
          .studyUid=${source.studyUid}
          .seriesUid=${source.seriesUid}
          .requestHeaders=${source.requestHeaders}
        >
          <lay-annotation-layer .annotations=${this.#validated().document} study-key=${this.#previewKey} .trustedDomains=${this.trustedDomains} no-questions heading-level=${Math.min(6, level + 1)}></lay-annotation-layer>
        </patient-image-viewer>
      </div>
    </section>`;
  }

  override render() {
    void this._version;
    const label = this.#label();
    return html`${this.#renderOverlay()}
      <div class="panel" part="panel">
        ${this.#heading(this.w('heading'))}
        <p class="hint">${this.w('help')}</p>
        <div class="toolbar">
          <button type="button" class="undo" ?disabled=${!this.#history.canUndo} @click=${() => this.undo()}>${this.w('undo')}</button>
          <button type="button" class="redo" ?disabled=${!this.#history.canRedo} @click=${() => this.redo()}>${this.w('redo')}</button>
          <button type="button" class="add" @click=${() => this.#addInMiddle()}>${this.w('addHere')}</button>
          <button type="button" class="preview-toggle" aria-expanded=${this.preview ? 'true' : 'false'} @click=${() => (this.preview = !this.preview)}>${this.w('preview')}</button>
        </div>
        ${this.#renderPreview()}
        ${this.#renderStatus()} ${this.#renderLabels()} ${label ? this.#renderLabelForm(label) : nothing} ${this.#renderStudy()}
      </div>
      ${this.renderLiveRegion()}`;
  }
}

/** A PACS mark in image pixels, inside the image; undefined when it is outside. */
function placeMark(mark: PacsMark, columns: number, rows: number): { point: { column: number; row: number }; outline: DraftLabel['outline'] } | undefined {
  const sx = mark.displayUnits ? columns : 1;
  const sy = mark.displayUnits ? rows : 1;
  const point = mark.point ? { column: mark.point.column * sx, row: mark.point.row * sy } : { column: columns / 2, row: rows / 2 };
  const inside = (c: number, r: number) => Number.isFinite(c) && Number.isFinite(r) && c >= 0 && r >= 0 && c <= columns && r <= rows;
  if (!inside(point.column, point.row)) return undefined;
  let outline = mark.outline;
  if (outline?.type === 'polyline') {
    const points = outline.points.map(([c, r]) => [c * sx, r * sy] as [number, number]);
    outline = points.every(([c, r]) => inside(c, r)) ? { ...outline, points } : undefined;
  } else if (outline?.type === 'ellipse') {
    const center: [number, number] = [outline.center[0] * sx, outline.center[1] * sy];
    const radii: [number, number] = [outline.radii[0] * sx, outline.radii[1] * sy];
    outline = inside(center[0] - radii[0], center[1] - radii[1]) && inside(center[0] + radii[0], center[1] + radii[1]) ? { type: 'ellipse', center, radii } : undefined;
  }
  return { point, outline };
}
