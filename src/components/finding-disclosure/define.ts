import { FindingDisclosure } from './finding-disclosure.js';
import { defineOnce } from '../../define-once.js';

defineOnce('finding-disclosure', FindingDisclosure);

declare global {
  interface HTMLElementTagNameMap {
    'finding-disclosure': FindingDisclosure;
  }
}
