/** Registers every element of the library. This is the script-tag entry. */
import './components/patient-image-viewer/define.js';
import './components/lay-annotation-layer/define.js';

export * from './index.js';
