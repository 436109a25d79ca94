/**
 * Script-tag build only: defines `<patient-image-viewer>`, `<lay-annotation-layer>` and `<lay-report>`
 * when the page needs them, so a page whose images wait behind a consent step downloads only the consent step.
 *
 * An element is needed when it is in the document and no `<finding-disclosure>` around it is still
 * asking (phase other than `shown`). The document is watched for new elements, and every `pv-reveal`
 * (a consent step showing its images) looks again. Elements in a portal's own shadow roots are not
 * seen: call `defineAll()` for those.
 *
 * A viewer that will draw (not held, with something to show, and `loading="eager"` or near the
 * screen) also starts the imaging engine's download at once, alongside the viewer's chunk rather
 * than after it: one round trip less before the first image. Nothing of it before consent.
 */
import { preloadEngine } from '../engine/index.js';
import { NEAR_SCREEN_MARGIN, hasSource, sourceInputsOf } from '../sources/has-source.js';

const loaders = {
  'patient-image-viewer': () => import('../components/patient-image-viewer/define.js'),
  'lay-annotation-layer': () => import('../components/lay-annotation-layer/define.js'),
  'lay-report': () => import('../components/lay-report/define.js'),
  // --- issue 18 editor: the clinicians' editor; a patient's page never has the tag, so never loads it ---
  'lay-annotation-editor': () => import('../components/lay-annotation-editor/define.js'),
} as const;

type LazyTag = keyof typeof loaders;
const TAGS = Object.keys(loaders) as LazyTag[];
const SELECTOR = TAGS.join(',');
const loading = new Map<LazyTag, Promise<void>>();

/** Define one element from its chunk, once. A failed download is tried again next time it is needed. */
function define(tag: LazyTag): Promise<void> {
  let promise = loading.get(tag);
  if (!promise) {
    promise = loaders[tag]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        throw error;
      },
    );
    loading.set(tag, promise);
  }
  return promise;
}

/** The patient's elements: what `defineAll()` defines (the clinicians' editor only when a page has one). */
const PATIENT_TAGS = TAGS.filter((tag) => tag !== 'lay-annotation-editor');

/** Define the viewer, the annotation layer and the report now, wherever they are (they are defined on their own when the page needs them). */
export async function defineAll(): Promise<void> {
  await Promise.all(PATIENT_TAGS.map(define));
}

/** True while a consent step around `el` has not shown its images. */
function held(el: Element): boolean {
  for (let gate = el.parentElement?.closest('finding-disclosure'); gate; gate = gate.parentElement?.closest('finding-disclosure')) {
    if ((gate as Element & { phase?: string }).phase !== 'shown') return true;
  }
  return false;
}

/** A viewer, maybe not yet upgraded (what was set on it before its class loaded is its own). */
type LazyViewer = Element & { hold?: unknown; loading?: unknown };

let engineStarted = false;
let nearScreen: IntersectionObserver | undefined;

function startEngine(): void {
  if (engineStarted) return;
  engineStarted = true;
  nearScreen?.disconnect();
  nearScreen = undefined;
  preloadEngine().catch(() => {
    // The viewer asks again when it draws, and reports a failure then.
    engineStarted = false;
  });
}

/** Whether a viewer (maybe not yet upgraded: its properties are still its own) has a picture to load. */
function willDraw(el: LazyViewer): boolean {
  // Inside a consent step that is showing (held() said so), its own `hold` is about to be lifted.
  const gated = el.parentElement?.closest('finding-disclosure') != null;
  if (!gated && (typeof el.hold === 'boolean' ? el.hold : el.hasAttribute('hold'))) return false;
  return hasSource(sourceInputsOf(el));
}

/** Start the engine for a viewer that will draw: now when eager, else once it is near the screen (as the viewer decides). */
function wantEngine(el: LazyViewer): void {
  if (engineStarted || !willDraw(el)) return;
  if ((el.loading ?? el.getAttribute('loading')) === 'eager') return startEngine();
  nearScreen ??= new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting && entry.target.isConnected && !held(entry.target) && willDraw(entry.target))) startEngine();
  }, { rootMargin: NEAR_SCREEN_MARGIN });
  nearScreen.observe(el);
}

/** Define every element the page needs now; true once nothing is left to define. */
function scan(root: Document): boolean {
  for (const el of root.querySelectorAll(SELECTOR)) {
    const tag = el.localName as LazyTag;
    if (held(el)) continue;
    if (tag === 'patient-image-viewer') wantEngine(el);
    if (!loading.has(tag)) define(tag).catch(() => undefined);
  }
  return TAGS.every((tag) => loading.has(tag));
}

/** Watch `root` until every lazy element is defined. */
export function autoload(root: Document): void {
  if (scan(root)) return;
  const relevant = (node: Node) => node instanceof Element && (node.matches(SELECTOR) || node.querySelector(SELECTOR) !== null);
  const stop = () => {
    observer.disconnect();
    root.removeEventListener('pv-reveal', onReveal);
  };
  const look = () => {
    if (scan(root)) stop();
  };
  const observer = new MutationObserver((records) => {
    if (records.some((record) => Array.from(record.addedNodes).some(relevant))) look();
  });
  const onReveal = () => look();
  observer.observe(root, { childList: true, subtree: true });
  root.addEventListener('pv-reveal', onReveal);
}
