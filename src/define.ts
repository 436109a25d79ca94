/** Registers every element of the library. This is the script-tag entry. */
// The consent step first: when the elements upgrade, it holds the viewers inside it before any of
// them can start loading.
import './components/finding-disclosure/define.js';
import './components/patient-image-viewer/define.js';
import './components/lay-annotation-layer/define.js';
import './components/lay-report/define.js';
// --- issue 18 editor: the clinicians' editor (a lazy chunk in the script-tag build, see cdn/autoload.ts) ---
import './components/lay-annotation-editor/define.js';

export * from './index.js';
