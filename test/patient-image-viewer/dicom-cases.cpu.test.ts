import { dicomCaseTests } from './dicom-cases.js';

// No WebGL at all: the CPU drawing path. The same cases run on WebGL in dicom-cases.test.ts.
dicomCaseTests('CPU');
