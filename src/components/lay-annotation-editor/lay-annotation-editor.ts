import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { blankLabel, documentToDraft, draftToDocument, nextLabelId, type DraftLabel, type DraftState } from '../../annotations/draft.js';
import { DraftHistory } from '../../annotations/draft-history.js';
import { validateAnnotationDocument, type AnnotationDocument, type AnnotationProblem } from '../../annotations/index.js';
import { EditorPlacementController, type ImagePoint } from '../../controllers/editor-placement-controller.js';
import { PacsDraftsController, type PacsHeaders } from '../../controllers/pacs-drafts-controller.js';
import type { ViewerLike } from '../../controllers/viewer-like.js';
import { ViewerLinkController } from '../../controllers/viewer-link-controller.js';
import { PvAnnotationErrorEvent } from '../../events/pv-annotation-error-event.js';
import { PvAnnotationsChangeEvent, type PvAnnotationsChangeDetail } from '../../events/pv-annotations-change-event.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import { loadGlossary, type LoadedGlossary } from '../../lay/glossary-loader.js';
import { resolveHeaders } from '../../sources/fetch-json.js';
import { underRoot } from '../../sources/pacs-dicomweb.js';
import type { PacsDrafts } from '../../sources/pacs-drafts.js';
import { trustedUrl } from '../../lay/links.js';
import { heading, headingLevel } from '../heading.js';
import type { PatientImageViewer } from '../patient-image-viewer/patient-image-viewer.js';
import { PvElement } from '../pv-element.js';
import { draftLabels, draftsMessage, studyDraftsMessage, type StudyDraftsResult } from './drafts.js';
import { editorWords, fill, type EditorWordKey, type EditorWords } from './editor-words.js';
import { entryAllowed, resultsFor, searchGlossary, sensitiveProblem, sensitiveWordsIn, siteEntry, useEntry } from './glossary-words.js';
import { awayProblem, isAway, needsPlacedOn, withPlacedOn } from './images-shown.js';
import { styles } from './lay-annotation-editor.styles.js';
import { checkSentences, hardSentences } from './reading.js';
import type { EditorRenderContext } from './render-context.js';
import type { DraftsContext } from './render-drafts.js';
import { renderLabelForm } from './render-label-form.js';
import { renderLabels, renderStatus } from './render-labels.js';
import { renderOverlay } from './render-overlay.js';
import { renderPreview, type PreviewLang } from './render-preview.js';
import type { ReadingContext } from './render-reading.js';
import { renderStudy } from './render-study.js';

/**
 * Where clinicians write a patient's labels, on the same image viewer a patient uses.
 * Put it inside the `<patient-image-viewer>`. Click or tap the image to place a label; drag it, or select it and use the arrow
 * keys, to move it; write its words, or choose them from the glossary; say whether it is sensitive
 * and when the patient may see it. The study's summary is written below. Undo and redo
 * (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y) cover every change; inside a text field they are the field's own.
 * Drafts of findings opened from the PACS start sensitive. A label not marked sensitive that uses a
 * word the glossary marks sensitive is warned about (and listed in `problems`); a label placed by
 * image number on other images than the viewer shows now is kept, but left out of the document.
 * Drafts from the PACS: `openDrafts(url)` opens an SR (TID 1500), GSPS or KOS (a Part 10 file or a
 * WADO-RS instance) as draft labels; with a viewer given `dicomweb-root` and `study-uid`, the
 * "Find drafts in this study" button (`findDrafts()`) opens every SR, PR and KO of the study.
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
 * @event {PvActivityEvent} pv-activity - Someone tapped, clicked, pressed a key, turned the wheel or scrolled inside the editor; at most once every 30 s for the page (a portal's inactivity timer can listen). `detail`: `kind`, `element`, `at`.
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
    onViewChange: () => this.#placement.place(),
    onLoad: () => {
      this.#stampPlacedOn();
      this.#placement.place();
    },
  });

  /** Taps, drags and arrow keys on the picture; the overlay and markers placed after every render. */
  readonly #placement: EditorPlacementController = new EditorPlacementController(
    this,
    () => ({
      viewer: this.#viewer.viewer,
      overlay: this.renderRoot?.querySelector<HTMLElement>('.overlay') ?? null,
      // Labels placed by number on other images than those shown now get no marker.
      labels: this.#history.shown.labels.filter((label) => !this.#away(label)),
    }),
    {
      tap: (point) => this.#addLabel(point, true),
      drag: (id, point) => {
        this.#history.show(this.#update(id, { point }));
        this._version++;
      },
      drop: (id, moved) => this.#onDrop(id, moved),
      cancel: () => {
        this.#history.cancel();
        this._version++;
      },
      nudge: (id, dx, dy) => {
        this._selected = id;
        this.nudge(id, dx, dy);
      },
      remove: (id) => this.#remove(id),
      open: (id) => {
        this._selected = id;
        this.#focusField('title');
      },
    },
  );

  /** Drafts from the PACS: downloading and reading them, and what the editor says about it. */
  readonly #pacs = new PacsDraftsController(this);

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
  /** The glossary's matches for `_query`, best first (those the chosen label may take are offered). */
  @state() private _matches: readonly GlossaryEntry[] = [];
  @state() private _linkProblem = false;
  /** The link text being typed, for its reading-age check. */
  @state() private _linkDraft = '';
  /** The label chosen last whose image could not be shown, and what was said (shown while it stays chosen). */
  @state() private _chooseProblem: { id: string; text: string } | undefined;
  @state() private _importProblem = '';
  /** The patient's elements are defined for the preview. */
  @state() private _previewDefined = false;
  @state() private _previewLang: PreviewLang = 'en-GB';

  /** The draft and its undo/redo history (and what a drag shows while it goes on). */
  readonly #history = new DraftHistory();
  /** The labels each DICOMweb object gave (by address), so "Find drafts" does not add them twice. */
  readonly #fromObjects = new Map<string, string[]>();
  /** The validated document for the draft it was made from (the preview's layer gets the same object until it changes). */
  #valueCache: ValueCache | undefined;
  /** The patient's elements, defined for the preview (in the script-tag build, their own chunks: the autoloader does not look in shadow roots). */
  #previewReady: Promise<unknown> | undefined;
  /** The preview's own study key: the patient's choice made in the preview is kept in memory only, for this editor. */
  readonly #previewKey = `editor-preview-${Math.random().toString(36).slice(2)}`;
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

  // Handlers
  readonly #onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod) return;
    // In a text field, the keys are the field's own undo and redo (the browser's), not the labels'.
    if (isTextField(event.composedPath()[0])) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      this.undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      this.redo();
    }
  };

  /** A press on a marker ended: a tap edits it; a drag is one step in the history, and said. */
  #onDrop(id: string, moved: boolean): void {
    const number = this.#number(id);
    this._selected = id;
    if (!moved) return this.#focusField('title', true);
    // The live state was shown while dragging; one step in the history for the whole drag.
    if (this.#history.drop()) this.#changed('edit');
    void this.announce(this.w('moved', { number }));
  }

  async #onSearch(query: string): Promise<void> {
    this._query = query;
    if (query.trim().length < 2) {
      this._matches = [];
      return;
    }
    const entries = this.#words?.entries ?? (await this.#loadWords())?.entries;
    if (!entries) return;
    if (!this.isConnected || this._query !== query) return;
    this._matches = searchGlossary(entries, query);
  }

  #onUseEntry(entry: GlossaryEntry): void {
    const label = this.#label();
    // A sensitive word only for a sensitive label (the list offers no other; this holds if it changed since).
    if (!label || !entryAllowed(entry, label)) return;
    this.#commit(this.#update(label.id, useEntry(label, entry, this.trustedDomains)));
    this._query = '';
    this._matches = [];
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
    this._linkDraft = '';
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

  /** Choose a label from the list: show its image, and edit it. */
  async #onChoose(label: DraftLabel): Promise<void> {
    this._selected = label.id;
    this._chooseProblem = undefined;
    const viewer = this.#viewer.viewer;
    const away = this.#away(label);
    const index = away ? undefined : viewer?.imageIndexFor(label.image);
    const number = this.#number(label.id);
    const say = (key: 'awayChosen' | 'cannotShow') => (this._chooseProblem = { id: label.id, text: this.w(key, { number }) });
    if (away) say('awayChosen');
    else if (viewer?.status === 'loaded' && index === undefined) say('cannotShow');
    try {
      if (viewer && index !== undefined && index !== viewer.index) await viewer.goTo(index);
    } catch {
      // The viewer could not go there: the label stays chosen, and the writer is told.
      if (!this.isConnected) return;
      void this.announce(say('cannotShow').text);
    }
    if (!this.isConnected) return;
    this.#focusField('title');
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
   * Open a DICOM SR (TID 1500), GSPS or KOS from `url` and add its marks as draft labels at the same
   * image points. `url` is a Part 10 file (asked for as `application/dicom`) or a WADO-RS instance
   * (`.../studies/{study}/series/{series}/instances/{instance}`, asked for as `multipart/related;
   * type="application/dicom"`, its first part read). The viewer's `requestHeaders` go with it only
   * when it is under the viewer's `dicomweb-root` (never to another server). Their clinical words
   * are kept as notes for the writer, never exported. Resolves to the number of drafts added;
   * failures are said on screen and in `pv-annotation-error`, never thrown.
   */
  async openDrafts(url: string): Promise<number> {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') {
      this.#pacsSay(this.w('noImage'), true);
      return 0;
    }
    const result = await this.#pacs.read(url, viewer.timeout, this.w('pacsOpening'), this.#pacsHeaders(viewer, url));
    if (!result) return 0;
    if ('drafts' in result) return this.#addDrafts(result.drafts);
    this.#pacsSay(this.w('pacsFailed', { reason: result.reason }), true);
    this.#pacsError([result.reason]);
    return 0;
  }

  /**
   * Find the drafts of the viewer's DICOMweb study (its `dicomweb-root` and `study-uid`): list the
   * study's SR, PR (GSPS) and KO series (QIDO-RS), then their instances, and open each as
   * `openDrafts` does, all in one undo step. One object that cannot be opened does not stop the
   * others; the editor says how many objects were found and how many drafts they gave. A study
   * whose list cannot be downloaded is said plainly, and nothing is changed. Resolves to the number
   * of drafts added; failures are said on screen and in `pv-annotation-error`, never thrown. The
   * editor offers a "Find drafts in this study" button when the viewer has a DICOMweb study.
   */
  async findDrafts(): Promise<number> {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') {
      this.#pacsSay(this.w('noImage'), true);
      return 0;
    }
    const root = viewer.dicomwebRoot ?? '';
    const study = viewer.studyUid ?? '';
    if (!root || !study) {
      this.#pacsSay(this.w('pacsNoStudy'), true);
      return 0;
    }
    const labelIds = () => new Set(this.#history.current.labels.map((label) => label.id));
    const open = (url: string) => {
      const ids = labelIds();
      return (this.#fromObjects.get(url) ?? []).some((id) => ids.has(id));
    };
    const found = await this.#pacs.find(root, study, viewer.timeout, this.w('pacsFinding'), this.#pacsHeaders(viewer), open);
    if (!found) return 0;
    if ('reason' in found) {
      this.#pacsSay(this.w('pacsListFailed', { reason: found.reason }), true);
      this.#pacsError([found.reason]);
      return 0;
    }
    const draft = this.#history.current;
    const total: StudyDraftsResult = { found: found.found, added: [], notInStudy: 0, outside: 0, unreadable: 0, failed: [], already: found.already };
    for (let i = 0; i < found.unlisted; i++) total.failed.push('a series\u2019 list could not be downloaded.');
    for (const object of found.objects) {
      if ('reason' in object) {
        total.failed.push(object.reason);
        continue;
      }
      const result = draftLabels(object.drafts, viewer, [...draft.labels, ...total.added]);
      this.#fromObjects.set(object.url, result.added.map((label) => label.id));
      total.added.push(...result.added);
      total.notInStudy += result.notInStudy;
      total.outside += result.outside;
      total.unreadable += object.drafts.unreadable;
    }
    if (total.added.length > 0) {
      this.#commit({ ...draft, labels: [...draft.labels, ...total.added] });
      this._selected = total.added[0]!.id;
    }
    this.#pacsSay(studyDraftsMessage((key, values) => this.w(key, values), total), total.added.length === 0);
    if (total.failed.length > 0) this.#pacsError(total.failed);
    return total.added.length;
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
    // Steps are screen pixels on the image shown: none for a label placed on other images.
    const point = label && !this.#away(label) && this.#placement.nudged(label.point, dx, dy);
    if (point) this.#commit(this.#update(id, { point }), `nudge:${id}`);
  }

  // Internals: the draft
  /** A word of the editor's, with `words` overrides. */
  protected w(key: EditorWordKey, values?: Record<string, string | number>): string {
    return fill(this.words?.[key] ?? editorWords[key], values);
  }

  #validated(): ValueCache {
    const draft = this.#history.current;
    const words = this.#words;
    const away = draft.labels.filter((label) => this.#away(label));
    const awayIds = away.map((label) => label.id).join(' ');
    const cache = this.#valueCache;
    if (cache?.draft === draft && cache.words === words && cache.awayIds === awayIds) return cache;
    // Labels placed by number on other images are kept in the draft, left out of the document, and said.
    const kept = draft.labels.filter((label) => !away.includes(label));
    const checked = validateAnnotationDocument(draftToDocument({ ...draft, labels: kept }));
    const document = checked.document ?? { version: 1 as const, labels: [] };
    // The validator counts the labels it was given; the writer counts them all.
    const problems = checked.problems.map((p) => ({ ...p, path: p.path.replace(/^labels\[(\d+)\]/, (_, i: string) => `labels[${draft.labels.indexOf(kept[Number(i)]!)}]`) }));
    const exported = new Set(document.labels.map((l) => l.id));
    const sensitive = draft.labels.flatMap((label, i) => {
      const found = exported.has(label.id) ? this.#sensitiveWords(label) : [];
      return found.length > 0 ? [sensitiveProblem(label, i + 1, found)] : [];
    });
    const elsewhere = away.map((label) => awayProblem(label, draft.labels.indexOf(label) + 1));
    this.#valueCache = { draft, words, awayIds, document, problems: [...problems, ...sensitive, ...elsewhere], sensitiveLabels: sensitive.length, away: away.length };
    return this.#valueCache;
  }

  /** Is `label` placed by image number on other images than the viewer shows now (its source changed)? */
  #away(label: DraftLabel): boolean {
    return isAway(label, this.#viewer.viewer);
  }

  /** Labels placed by image number (added here, or opened) learn which image that was, once the viewer shows it. */
  #stampPlacedOn(): void {
    const viewer = this.#viewer.viewer;
    if (needsPlacedOn(this.#history.shown, viewer)) this.#history.amend((state) => withPlacedOn(state, viewer));
  }

  /** The glossary's sensitive words on `label` while it is not marked sensitive. */
  #sensitiveWords(label: DraftLabel): string[] {
    const words = this.#words;
    return sensitiveWordsIn(label, words?.entries ?? [], words ? (text) => words.findTerms(text, words.glossary) : undefined);
  }

  #import(input: unknown): void {
    const { document, problems } = validateAnnotationDocument(input);
    this._importProblem = document === null ? this.w('unreadable') : problems.length > 0 ? this.w('problems', { count: problems.length }) : '';
    if (problems.length > 0) this.dispatchEvent(new PvAnnotationErrorEvent({ problems }));
    if (!document) return;
    this.#history.reset(documentToDraft(document));
    this.#fromObjects.clear();
    this.#stampPlacedOn();
    this._selected = undefined;
    this.#changed('import');
  }

  /** A new step in the history (or part of the last one, in the same `group`), and the change said. */
  #commit(next: DraftState, group?: string): void {
    this.#history.push(next, group);
    this.#changed('edit');
  }

  #changed(cause: PvAnnotationsChangeDetail['cause']): void {
    this.#history.cancel();
    this._version++;
    if (this._selected && !this.#history.current.labels.some((l) => l.id === this._selected)) this._selected = undefined;
    const { document, problems } = this.#validated();
    this.dispatchEvent(new PvAnnotationsChangeEvent({ document, problems, hardSentences: hardSentences(this.#history.current, this.#words).length, cause }));
  }

  /** The draft as shown with label `id` changed. */
  #update(id: string, change: Partial<DraftLabel>): DraftState {
    const draft = this.#history.shown;
    return { ...draft, labels: draft.labels.map((label) => (label.id === id ? { ...label, ...change } : label)) };
  }

  #label(): DraftLabel | undefined {
    return this.#history.shown.labels.find((l) => l.id === this._selected);
  }

  #number(id: string): number {
    return this.#history.shown.labels.findIndex((l) => l.id === id) + 1;
  }

  #addLabel(point: ImagePoint, fromPointer = false): void {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') return void this.announce(this.w('noImage'));
    const draft = this.#history.current;
    const id = nextLabelId(draft.labels);
    const placedOn = viewer.imageKey?.(viewer.index);
    this.#commit({ ...draft, labels: [...draft.labels, blankLabel(id, { index: viewer.index }, this.#placement.clamp(point), placedOn ? { placedOn } : {})] });
    this._selected = id;
    void this.announce(this.w('placed', { number: draft.labels.length + 1 }));
    this.#focusField('title', fromPointer);
  }

  #addInMiddle(): void {
    const geometry = this.#viewer.viewer?.imageGeometry(this.#viewer.viewer.index);
    if (!geometry) return void this.announce(this.w('noImage'));
    this.#addLabel({ column: geometry.columns / 2, row: geometry.rows / 2 });
  }

  /** Marks from the PACS as draft labels: only those on images of this study and inside them. */
  #addDrafts(drafts: PacsDrafts): number {
    const draft = this.#history.current;
    const result = draftLabels(drafts, this.#viewer.viewer!, draft.labels);
    const { added } = result;
    if (added.length > 0) {
      this.#commit({ ...draft, labels: [...draft.labels, ...added] });
      this._selected = added[0]!.id;
    }
    this.#pacsSay(draftsMessage((key, values) => this.w(key, values), drafts, result), added.length === 0);
    return added.length;
  }

  /** The portal's request headers, only for the viewer's own DICOMweb service (HAZ-013): none for another address. */
  #pacsHeaders(viewer: ViewerLike, url?: string): PacsHeaders | undefined {
    const source = viewer.requestHeaders;
    const root = viewer.dicomwebRoot ?? '';
    if (!source || !root || (url !== undefined && !underRoot(url, root, document.baseURI))) return undefined;
    return { get: (refresh) => resolveHeaders(source, refresh), canRefresh: typeof source === 'function' };
  }

  /** Drafts that could not be opened, as a typed event (plain reasons: no names, no clinical words). */
  #pacsError(reasons: readonly string[]): void {
    this.dispatchEvent(new PvAnnotationErrorEvent({ problems: reasons.map((reason) => ({ path: '', message: `Drafts from the PACS: ${reason}` })) }));
  }

  #pacsSay(text: string, failed: boolean): void {
    this.#pacs.say(text, failed);
    void this.announce(text);
  }

  #remove(id: string): void {
    const number = this.#number(id);
    const draft = this.#history.current;
    this.#commit({ ...draft, labels: draft.labels.filter((l) => l.id !== id) });
    void this.announce(this.w('removed', { number }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.labels button, .add')?.focus());
  }

  /** Focus a field of the chosen label; from a pointer, without scrolling the image away. */
  #focusField(field: 'title', preventScroll = false): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus({ preventScroll }));
  }

  /** The glossary (once a page), for search and for the reading-age check. */
  async #loadWords(): Promise<LoadedGlossary | undefined> {
    if (this.#words) return this.#words;
    try {
      const words = await loadGlossary();
      if (!this.#words) {
        this.#words = words;
        this._version++;
      }
      return words;
    } catch {
      return undefined;
    }
  }

  /** Define the patient's viewer and layer for the preview (once). */
  async #definePreview(): Promise<void> {
    this.#previewReady ??= Promise.all([import('../patient-image-viewer/define.js'), import('../lay-annotation-layer/define.js')]);
    await this.#previewReady;
    if (!this.isConnected) return;
    this._previewDefined = true;
  }

  // Rendering
  #context(): EditorRenderContext {
    const level = headingLevel(this.headingLevel);
    return {
      w: (key, values) => this.w(key, values),
      level,
      heading: (content, { sub = false, id }: { sub?: boolean; id?: string } = {}) => heading(sub ? Math.min(6, level + 1) : level, content, { sub, ...(id ? { id } : {}) }),
      selected: this._selected,
    };
  }

  #reading(ctx: EditorRenderContext): ReadingContext {
    return { w: ctx.w, check: (text) => checkSentences(text, this.#words), glossary: this.#words?.entries ?? [] };
  }

  #renderOverlay(ctx: EditorRenderContext) {
    const viewer = this.#viewer.viewer;
    if (!viewer || viewer.status !== 'loaded') return nothing;
    const placement = this.#placement;
    return renderOverlay({
      ...ctx,
      labels: this.#history.shown.labels,
      here: placement.here(),
      onPointerDown: placement.onPointerDown,
      onPointerMove: placement.onPointerMove,
      onPointerUp: placement.onPointerUp,
      onMarkerKey: (event, label) => placement.onMarkerKey(event, label.id),
    });
  }

  #renderLabels(ctx: EditorRenderContext) {
    const viewer = this.#viewer.viewer;
    return renderLabels({
      ...ctx,
      labels: this.#history.shown.labels,
      imageIndex: (label) => (viewer?.status === 'loaded' && !this.#away(label) ? viewer.imageIndexFor(label.image) : undefined),
      away: (label) => this.#away(label),
      onChoose: (label) => void this.#onChoose(label),
    });
  }

  #renderLabelForm(ctx: EditorRenderContext, label: DraftLabel) {
    return renderLabelForm({
      ...ctx,
      label,
      number: this.#number(label.id),
      reading: this.#reading(ctx),
      query: this._query,
      results: resultsFor(this._matches, label),
      site: siteEntry(this.#words?.entries ?? [], label.site),
      linkProblem: this._linkProblem,
      linkDraft: this._linkDraft,
      sensitiveWords: this.#sensitiveWords(label),
      onLinkDraft: (text) => (this._linkDraft = text),
      onSet: (change, field) => this.#commit(this.#update(label.id, change), `${field}:${label.id}`),
      onSearch: (query) => void this.#onSearch(query),
      onUseEntry: (entry) => this.#onUseEntry(entry),
      onAddLink: () => this.#onAddLink(label),
      onRemoveLink: (index) => this.#commit(this.#update(label.id, { links: label.links.filter((_, j) => j !== index) })),
      onRemove: () => this.#remove(label.id),
    });
  }

  #renderStudy(ctx: EditorRenderContext) {
    const drafts: DraftsContext = {
      w: ctx.w,
      busy: this.#pacs.busy,
      message: this.#pacs.message,
      failed: this.#pacs.failed,
      onOpen: () => void this.openDrafts(this.renderRoot.querySelector<HTMLInputElement>('#pacs-url')?.value.trim() ?? ''),
      canFind: Boolean(this.#viewer.viewer?.dicomwebRoot && this.#viewer.viewer.studyUid),
      onFind: () => void this.findDrafts(),
    };
    return renderStudy({
      ...ctx,
      summary: this.#history.shown.summary,
      reading: this.#reading(ctx),
      importProblem: this._importProblem,
      drafts,
      onSummary: (summary) => this.#commit({ ...this.#history.current, summary }, 'summary'),
      onOpenFile: (event) => void this.#onOpenFile(event),
    });
  }

  #renderPreview(ctx: EditorRenderContext) {
    const source = this.#viewer.viewer as (PatientImageViewer & HTMLElement) | undefined;
    if (!this.preview || !this._previewDefined || !source) return nothing;
    return renderPreview({
      ...ctx,
      source,
      document: this.#validated().document,
      studyKey: this.#previewKey,
      trustedDomains: this.trustedDomains,
      lang: this._previewLang,
      onLang: (lang) => (this._previewLang = lang),
    });
  }

  override render() {
    void this._version;
    const ctx = this.#context();
    const { w } = ctx;
    const label = this.#label();
    return html`${this.#renderOverlay(ctx)}
      <div class="panel" part="panel">
        ${ctx.heading(w('heading'))}
        <p class="hint">${w('help')}</p>
        <div class="toolbar">
          <button type="button" class="undo" ?disabled=${!this.#history.canUndo} @click=${() => this.undo()}>${w('undo')}</button>
          <button type="button" class="redo" ?disabled=${!this.#history.canRedo} @click=${() => this.redo()}>${w('redo')}</button>
          <button type="button" class="add" @click=${() => this.#addInMiddle()}>${w('addHere')}</button>
          <button type="button" class="preview-toggle" aria-expanded=${this.preview ? 'true' : 'false'} @click=${() => (this.preview = !this.preview)}>${w('preview')}</button>
        </div>
        ${this.#renderPreview(ctx)}
        ${renderStatus({
          ...ctx,
          notReady: this.#history.current.labels.filter((l) => !l.title.trim()).length,
          ready: this.#validated().document.labels.length,
          hard: hardSentences(this.#history.current, this.#words).length,
          sensitiveWords: this.#validated().sensitiveLabels,
          away: this.#validated().away,
        })}
        ${this.#renderLabels(ctx)} ${this._chooseProblem && this._chooseProblem.id === this._selected ? html`<p class="problem choose-problem" role="alert">${this._chooseProblem.text}</p>` : nothing} ${label ? this.#renderLabelForm(ctx, label) : nothing} ${this.#renderStudy(ctx)}
      </div>
      ${this.renderLiveRegion()}`;
  }
}

/** The validated document for a draft, the glossary and the labels on other images it was made with, and what it left out. */
interface ValueCache {
  draft: DraftState;
  words: LoadedGlossary | undefined;
  awayIds: string;
  document: AnnotationDocument;
  problems: AnnotationProblem[];
  /** Labels the patient sees at once whose words the glossary marks sensitive. */
  sensitiveLabels: number;
  /** Labels placed by number on other images than those shown now (kept, not exported). */
  away: number;
}

/** Where Ctrl+Z belongs to the field: a text input, a text area, or editable content. */
function isTextField(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return ['text', 'search', 'url', 'email', 'tel', 'password', 'number'].includes(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}
