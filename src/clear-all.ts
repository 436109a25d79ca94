import { PvElement } from './components/pv-element.js';
import { clearEngineCache } from './engine/index.js';

/** What `clearAll()` and each element's `clear()` take. */
export interface ClearOptions {
  /** Also forget the choices and questions kept in this browser's session and local storage (and in a portal's own store, for the studies on the page). */
  storage?: boolean;
}

/** Every element of this library under `root`, inside shadow roots too (a report's consent steps, a portal's own components). */
function libraryElements(root: ParentNode): PvElement[] {
  const found: PvElement[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element instanceof PvElement) found.push(element);
    if (element.shadowRoot) found.push(...libraryElements(element.shadowRoot));
  }
  return found;
}

/**
 * A clean end for the whole page, for sign-out or an inactivity time-out (issue 17): every element
 * of this library on the page (inside shadow roots too) is cleared (see `clear()` on each: images,
 * canvases, labels, report text, choices and questions in memory; loads stopped; "Signed out"
 * shown until a new source is set), then the imaging engine's cache is emptied of our images. With
 * `{ storage: true }`, the choices and questions kept in session and local storage go too.
 * Resolves once all of it is done.
 */
export async function clearAll(options: ClearOptions = {}, root: ParentNode = document): Promise<void> {
  await Promise.all(libraryElements(root).map((element) => element.clear(options)));
  await clearEngineCache();
}
