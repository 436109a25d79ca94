/** Classes, events and types. No side effects: import `./define.js` to register the elements. */
export { PatientImageViewer, type RequestHeaders } from './components/patient-image-viewer/patient-image-viewer.js';
export * from './events/index.js';
export { ViewerError, type ViewerErrorType } from './sources/errors.js';
export type { SafeFacts } from './sources/inspect.js';
export type { ViewerStatus } from './controllers/viewer-controller.js';
export { configureEngine, getEngineSettings, type EngineSettings, type RenderingMode } from './engine/engine.js';
export { enGB, type Messages, type MessageKey } from './lay/messages.js';
export { describe, explain, kindOf, type ImageKind } from './lay/describe.js';
