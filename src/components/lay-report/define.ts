import { LayReport } from './lay-report.js';
import { defineOnce } from '../../define-once.js';
// Held parts of the report wait inside <finding-disclosure>: it must be defined with the report.
import '../finding-disclosure/define.js';

defineOnce('lay-report', LayReport);

declare global {
  interface HTMLElementTagNameMap {
    'lay-report': LayReport;
  }
}
