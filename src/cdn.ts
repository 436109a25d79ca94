/**
 * The script-tag entry (`dist/cdn/patient-image-viewer.js`), built by `vite build --mode cdn`.
 *
 * Before the patient agrees to see an image, only the consent step loads: `<finding-disclosure>`
 * is defined at once, and `<patient-image-viewer>` and `<lay-annotation-layer>` are each defined
 * from their own chunk when one is in the page outside a consent step that is still asking, or when
 * a consent step reveals its images (see ./cdn/autoload.ts). Chunks load from beside this file; the
 * decode worker and codecs too, or from the folder named by
 * `<meta name="patient-image-viewer-base" content="...">` (see ./cdn/worker.ts).
 *
 * npm users get every element at once with `import 'patient-image-viewer/define.js'` (src/define.ts).
 */
import './components/finding-disclosure/define.js';
import { autoload, defineAll } from './cdn/autoload.js';
import { setBundleRoot } from './cdn/worker.js';

// Through a variable: Vite reads `new URL('...', import.meta.url)` as a file to bundle.
const entryUrl = import.meta.url;
setBundleRoot(new URL('.', entryUrl).href);
autoload(document);

export { defineAll };
export { configureEngine } from './engine/index.js';
export { clearAll, type ClearOptions } from './clear-all.js';
