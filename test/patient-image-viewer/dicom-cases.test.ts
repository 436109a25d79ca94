import { dicomCaseTests } from './dicom-cases.js';

// WebGL through SwiftShader. The same cases run without WebGL in dicom-cases.cpu.test.ts.
dicomCaseTests('WebGL');
