/**
 * A fake of the NHS App's JavaScript API v2 (nhsconnect/nhsapp-developer-documentation,
 * `js-v2-api-specification.md`): the same namespaces and functions as the App's script, each
 * recording its calls and checking its arguments as the specification types them (a wrong call
 * throws a TypeError, so a test that makes one fails). Installed as `window.nhsapp`, as the App's
 * script does; `uninstall()` takes it away again.
 */

export type FakeCall =
  | { fn: 'openBrowserOverlay'; url: string }
  | { fn: 'openExternalBrowser'; url: string }
  | { fn: 'setBackAction' }
  | { fn: 'clearBackAction' }
  | { fn: 'goToHomepage' }
  | { fn: 'goToPage'; page: string }
  | { fn: 'downloadFromBytes'; base64data: string; filename: string; mimeType: string }
  | { fn: 'addEventToCalendar'; subject: string };

const AppPage = Object.freeze({
  HOME_PAGE: 'HOME_PAGE',
  SERVICES: 'SERVICES',
  YOUR_HEALTH: 'YOUR_HEALTH',
  MESSAGES: 'MESSAGES',
  UPLIFT: 'UPLIFT',
  GO_BACK: 'GO_BACK',
});

function need(condition: boolean, message: string): void {
  if (!condition) throw new TypeError(`nhsapp (fake): ${message}`);
}

/** A `Uri` as the specification means it: an absolute http(s) address. */
function isUri(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['https:', 'http:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export interface FakeNhsApp {
  /** Every call, in order. */
  readonly calls: FakeCall[];
  /** The back action set now, if any (what the device's back button would run). */
  readonly backAction: (() => void) | undefined;
  /** Press the device's back button: runs the back action, as the App does. Returns whether there was one. */
  pressBack(): boolean;
  /** The decoded bytes of the n-th download (0-based). */
  downloaded(n?: number): { bytes: Uint8Array; filename: string; mimeType: string };
  uninstall(): void;
}

/**
 * Put a fake `window.nhsapp` on the page, with `platform` as `getAppPlatform()` says; `none` is the
 * App's script loaded in an ordinary browser (`isOpenInNHSApp()` is false there).
 */
export function installFakeNhsApp(platform: 'android' | 'ios' | 'none' = 'android'): FakeNhsApp {
  const calls: FakeCall[] = [];
  let backAction: (() => void) | undefined;
  const downloads: { bytes: Uint8Array; filename: string; mimeType: string }[] = [];
  const api = {
    tools: {
      getAppPlatform: () => platform,
      isOpenInNHSApp: () => platform !== 'none',
    },
    navigation: {
      AppPage,
      setBackAction(action: unknown) {
        need(typeof action === 'function', 'setBackAction(backAction: function): backAction is required and must be a function');
        need(arguments.length === 1, 'setBackAction takes one argument');
        backAction = action as () => void;
        calls.push({ fn: 'setBackAction' });
      },
      clearBackAction() {
        need(arguments.length === 0, 'clearBackAction takes no arguments');
        backAction = undefined;
        calls.push({ fn: 'clearBackAction' });
      },
      goToHomepage() {
        calls.push({ fn: 'goToHomepage' });
      },
      goToPage(page: unknown) {
        need(typeof page === 'string' && page in AppPage, 'goToPage(appPage): appPage must be one of nhsapp.navigation.AppPage');
        calls.push({ fn: 'goToPage', page: page as string });
      },
      openBrowserOverlay(url: unknown) {
        need(isUri(url), `openBrowserOverlay(overlayUri: Uri): not an absolute address: ${String(url)}`);
        need(arguments.length === 1, 'openBrowserOverlay takes one argument');
        calls.push({ fn: 'openBrowserOverlay', url: url as string });
      },
      openExternalBrowser(url: unknown) {
        need(isUri(url), `openExternalBrowser(browserUri: Uri): not an absolute address: ${String(url)}`);
        calls.push({ fn: 'openExternalBrowser', url: url as string });
      },
    },
    storage: {
      addEventToCalendar(subject: unknown, body: unknown, location: unknown, start: unknown, end?: unknown) {
        need([subject, body, location].every((v) => typeof v === 'string'), 'addEventToCalendar: subject, body and location are strings');
        need(Number.isInteger(start) && (end === undefined || (Number.isInteger(end) && (end as number) >= (start as number))), 'addEventToCalendar: epoch seconds');
        calls.push({ fn: 'addEventToCalendar', subject: subject as string });
      },
      downloadFromBytes(base64data: unknown, filename: unknown, mimeType: unknown) {
        need(arguments.length === 3, 'downloadFromBytes(base64data, filename, mimeType): three arguments, all required');
        need(typeof base64data === 'string' && base64data.length > 0, 'downloadFromBytes: base64data is a required string');
        need(!/^data:/i.test(base64data as string) && /^[A-Za-z0-9+/]*={0,2}$/.test(base64data as string) && (base64data as string).length % 4 === 0, 'downloadFromBytes: base64data must be plain base64 (no data: URL prefix)');
        need(typeof filename === 'string' && /^[^/\\]+\.[a-z0-9]+$/i.test(filename), `downloadFromBytes: filename must be a name with its extension: ${String(filename)}`);
        need(typeof mimeType === 'string' && /^[a-z]+\/[a-z0-9.+-]+$/i.test(mimeType), `downloadFromBytes: mimeType must be a MIME type: ${String(mimeType)}`);
        const binary = atob(base64data as string);
        const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
        downloads.push({ bytes, filename: filename as string, mimeType: mimeType as string });
        calls.push({ fn: 'downloadFromBytes', base64data: base64data as string, filename: filename as string, mimeType: mimeType as string });
      },
    },
  };
  // The v1 specification's heading names it on nhsapp itself too.
  (api as Record<string, unknown>).downloadFromBytes = api.storage.downloadFromBytes;
  (window as unknown as { nhsapp?: unknown }).nhsapp = api;
  return {
    calls,
    get backAction() {
      return backAction;
    },
    pressBack() {
      if (!backAction) return false;
      backAction();
      return true;
    },
    downloaded(n = 0) {
      const download = downloads[n];
      if (!download) throw new Error(`no download ${n} (${downloads.length} made)`);
      return download;
    },
    uninstall() {
      delete (window as unknown as { nhsapp?: unknown }).nhsapp;
    },
  };
}
