import { PatientImageViewer } from './patient-image-viewer.js';
import { defineOnce } from '../../define-once.js';

defineOnce('patient-image-viewer', PatientImageViewer);

declare global {
  interface HTMLElementTagNameMap {
    'patient-image-viewer': PatientImageViewer;
  }
}
