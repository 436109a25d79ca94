/**
 * The NHS App: when a portal is opened inside it, the page sits in the App's web view, where a
 * normal download and `window.print()` do not work and links out should open in the App's browser
 * overlay. The App's JavaScript API (v2, nhsconnect/nhsapp-developer-documentation,
 * `js-v2-api-specification.md`) is loaded by the portal, inline from the App's own site; this
 * library never imports or bundles it: it looks for `window.nhsapp` and uses only what is there.
 * A page without the script never errors: every call falls back to what a web browser does.
 *
 * Used (all "Live" in the specification):
 * - `nhsapp.navigation.openBrowserOverlay(url)`: a trusted link out, in the App's browser overlay.
 * - `nhsapp.storage.downloadFromBytes(base64data, filename, mimeType)`: save a file we made (the
 *   base64 of the file's bytes, no `data:` prefix; the file name with its extension). The
 *   specification's heading also names it `nhsapp.downloadFromBytes`: that is used when `storage` has none.
 * - `nhsapp.navigation.setBackAction(fn)` / `clearBackAction()`: the device's back closes an open
 *   explanation or question box first.
 */

/** Where the elements run: `auto` (find out), `nhs-app` (inside the NHS App) or `web` (a browser). */
export type Platform = 'auto' | 'nhs-app' | 'web';

/** The parts of the NHS App's JavaScript API (v2) this library uses. */
export interface NhsAppApi {
  tools?: { isOpenInNHSApp?(): boolean };
  navigation?: {
    openBrowserOverlay?(overlayUri: string): void;
    setBackAction?(backAction: () => void): void;
    clearBackAction?(): void;
  };
  storage?: { downloadFromBytes?(base64data: string, filename: string, mimeType: string): void };
  downloadFromBytes?(base64data: string, filename: string, mimeType: string): void;
}

/** The App's user-agent tokens (its web view adds `nhsapp-android/<version>` or `nhsapp-ios/<version>`). */
const APP_USER_AGENT = /\bnhsapp-(android|ios)\//i;

/** The App's API on this page, if the portal loaded its script. */
export function nhsApp(): NhsAppApi | undefined {
  const api = (globalThis as { nhsapp?: unknown }).nhsapp;
  return api !== null && typeof api === 'object' ? (api as NhsAppApi) : undefined;
}

/**
 * Whether to behave as inside the NHS App: forced by `platform`; else the App's user-agent token, or
 * the App's script on the page. A portal may load the script in every browser, so when the script can
 * say (`nhsapp.tools.isOpenInNHSApp()`, documented in v2) its answer is taken.
 */
export function inNhsApp(platform: Platform | string = 'auto'): boolean {
  if (platform === 'nhs-app') return true;
  if (platform === 'web') return false;
  if (APP_USER_AGENT.test(globalThis.navigator?.userAgent ?? '')) return true;
  const api = nhsApp();
  if (!api) return false;
  try {
    return typeof api.tools?.isOpenInNHSApp === 'function' ? api.tools.isOpenInNHSApp() === true : true;
  } catch {
    return true;
  }
}

/**
 * Open a trusted link in the App's browser overlay. Returns true when the App took it; false means
 * "do what a browser does" (not in the App, or its script is not on the page).
 */
export function openInApp(url: string, platform: Platform | string = 'auto'): boolean {
  const navigation = inNhsApp(platform) ? nhsApp()?.navigation : undefined;
  if (typeof navigation?.openBrowserOverlay !== 'function') return false;
  try {
    navigation.openBrowserOverlay(url);
    return true;
  } catch {
    return false;
  }
}

/** Base64 of bytes, in pieces (a large image would overflow the arguments of one call). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Save a file we made on the patient's device: through the App's `downloadFromBytes` inside the
 * App, else a normal download (a link with `download`, clicked, never added to the page). Says which.
 */
export async function saveFile(file: Blob, filename: string, platform: Platform | string = 'auto'): Promise<'nhs-app' | 'download'> {
  const api = inNhsApp(platform) ? nhsApp() : undefined;
  const mimeType = file.type || 'application/octet-stream';
  if (typeof api?.storage?.downloadFromBytes === 'function' || typeof api?.downloadFromBytes === 'function') {
    const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    if (typeof api.storage?.downloadFromBytes === 'function') api.storage.downloadFromBytes(base64, filename, mimeType);
    else api.downloadFromBytes!(base64, filename, mimeType);
    return 'nhs-app';
  }
  const url = URL.createObjectURL(file);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
  } finally {
    // The download has started from the click; the object URL is not needed after it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return 'download';
}

/** What the App's back does, most recent first: one entry per open popover or question box. */
const backStack: { close: () => void }[] = [];

function syncBack(): void {
  const navigation = nhsApp()?.navigation;
  const top = backStack.at(-1);
  try {
    if (top && typeof navigation?.setBackAction === 'function') navigation.setBackAction(() => top.close());
    else if (!top && typeof navigation?.clearBackAction === 'function') navigation.clearBackAction();
  } catch {
    // The App's script failed: its back button does what it did before.
  }
}

/**
 * Let the App's back button call `close` (closing the popover or question box that is open) until
 * the returned function is called; then the one opened before it gets the back button again, and
 * when none is left the App's own back action is cleared. Outside the App, or with no App script,
 * nothing happens.
 */
export function holdBack(close: () => void): () => void {
  const entry = { close };
  backStack.push(entry);
  syncBack();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const i = backStack.indexOf(entry);
    if (i >= 0) backStack.splice(i, 1);
    syncBack();
  };
}
