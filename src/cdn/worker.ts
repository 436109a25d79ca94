/**
 * Script-tag build only: where the decode worker starts from. vite.config.ts makes Cornerstone's
 * image loader construct its worker with `CrossOriginWorker` instead of `Worker`.
 *
 * - The worker (and the codecs' WebAssembly, which it loads from beside itself) comes from beside
 *   the script, or from the folder in `<meta name="patient-image-viewer-base" content="...">` when the
 *   page has one (a copy of the whole `dist/cdn` folder).
 * - Browsers start workers only from the page's own origin. When the worker is on another origin
 *   (a CDN), a one-line module from a `blob:` URL, which has the page's origin, imports it; the
 *   page's policy then needs `worker-src blob:`. Same-origin workers start directly
 *   (`worker-src 'self'`).
 */
const META_NAME = 'patient-image-viewer-base';

let bundleRoot: string | undefined;
const bootstraps = new Map<string, string>();

/** The folder the script-tag entry was loaded from (with a trailing slash). */
export function setBundleRoot(url: string): void {
  bundleRoot = url;
}

/** The folder named by the page's `<meta name="patient-image-viewer-base">`, if any, as an absolute URL ending in `/`. */
export function explicitBase(): string | undefined {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content.trim();
  if (!content) return undefined;
  const base = new URL(content, document.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base.href;
}

/** Where a file of the bundle really loads from: moved under the explicit base when the page sets one. */
export function bundleUrl(url: string | URL): string {
  const href = new URL(url, document.baseURI).href;
  const base = explicitBase();
  if (base && bundleRoot && href.startsWith(bundleRoot)) return new URL(href.slice(bundleRoot.length), base).href;
  return href;
}

/** A module that imports `href`, at a `blob:` URL of the page's own origin (one per worker script). */
function bootstrap(href: string): string {
  let url = bootstraps.get(href);
  if (!url) {
    url = URL.createObjectURL(new Blob([`import ${JSON.stringify(href)};\n`], { type: 'text/javascript' }));
    bootstraps.set(href, url);
  }
  return url;
}

/** A `Worker` that also starts from another origin (see above). Always a module worker there. */
export class CrossOriginWorker extends Worker {
  constructor(url: string | URL, options?: WorkerOptions) {
    const href = bundleUrl(url);
    const sameOrigin = new URL(href).origin === location.origin;
    super(sameOrigin ? href : bootstrap(href), sameOrigin ? options : { ...options, type: 'module' });
  }
}
