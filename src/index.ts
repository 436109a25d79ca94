/** Classes, events and types. No side effects: import `./define.js` to register the elements. */
export { PatientImageViewer, type RequestHeaders, type RequestHeadersContext } from './components/patient-image-viewer/patient-image-viewer.js';
export { LayAnnotationLayer } from './components/lay-annotation-layer/lay-annotation-layer.js';
export { FindingDisclosure } from './components/finding-disclosure/finding-disclosure.js';
export { LayReport } from './components/lay-report/lay-report.js';
export { LayAnnotationEditor } from './components/lay-annotation-editor/lay-annotation-editor.js';
export type { ImageRef, SensitiveMatch } from './report/model.js';
export type { ReportErrorType } from './report/errors.js';
export { memoryStore, webStorageStore, type ChoiceStore, type StoredChoice } from './disclosure/choice-store.js';
export {
  FindingChoiceEvent,
  FindingMarks,
  findingMarks,
  findingStoreScope,
  type FindingChoice,
  type FindingChoiceDetail,
  type FindingMismatch,
  type FindingPlace,
} from './disclosure/finding-marks.js';
export * from './events/index.js';
export { clearAll, type ClearOptions } from './clear-all.js';
export { ViewerError, type ViewerErrorType } from './sources/errors.js';
export type { SafeFacts } from './sources/inspect.js';
export type { ViewerStatus } from './controllers/viewer-controller.js';
export { configureEngine, getEngineSettings, type EngineSettings, type RenderingMode } from './engine/index.js';
export { enGB, type Catalogue, type Messages, type MessageKey } from './lay/messages.js';
// The Welsh catalogue (src/lay/messages-cy.ts) is not exported here: the elements import it only when they speak Welsh.
export type { Language, ViewerRole } from './lay/language.js';
export { describe, explain, kindOf, type ImageKind } from './lay/describe.js';
export type { AnnotationDocument, AnnotationLabel, AnnotationProblem } from './annotations/index.js';
export type { GlossaryEntry, Glossary } from './lay/glossary.js';
export { DEFAULT_TRUSTED_DOMAINS, trustedUrl } from './lay/links.js';
// The validator (zod) and the glossary are big: import them from 'patient-image-viewer/annotations.js'
// and 'patient-image-viewer/glossary.js', so pages that do not need them never load them.
