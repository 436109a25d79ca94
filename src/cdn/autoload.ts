/**
 * Script-tag build only: defines `<patient-image-viewer>` and `<lay-annotation-layer>` when the page
 * needs them, so a page whose images wait behind a consent step downloads only the consent step.
 *
 * An element is needed when it is in the document and no `<finding-disclosure>` around it is still
 * asking (phase other than `shown`). The document is watched for new elements, and every `pv-reveal`
 * (a consent step showing its images) looks again. Elements in a portal's own shadow roots are not
 * seen: call `defineAll()` for those.
 */
const loaders = {
  'patient-image-viewer': () => import('../components/patient-image-viewer/define.js'),
  'lay-annotation-layer': () => import('../components/lay-annotation-layer/define.js'),
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

/** Define the viewer and the annotation layer now, wherever they are (they are defined on their own when the page needs them). */
export async function defineAll(): Promise<void> {
  await Promise.all(TAGS.map(define));
}

/** True while a consent step around `el` has not shown its images. */
function held(el: Element): boolean {
  for (let gate = el.parentElement?.closest('finding-disclosure'); gate; gate = gate.parentElement?.closest('finding-disclosure')) {
    if ((gate as Element & { phase?: string }).phase !== 'shown') return true;
  }
  return false;
}

/** Define every element the page needs now; true once nothing is left to define. */
function scan(root: Document): boolean {
  for (const el of root.querySelectorAll(SELECTOR)) {
    const tag = el.localName as LazyTag;
    if (!loading.has(tag) && !held(el)) define(tag).catch(() => undefined);
  }
  return TAGS.every((tag) => loading.has(tag));
}

/** Watch `root` until both elements are defined. */
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
