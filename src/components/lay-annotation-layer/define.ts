import { LayAnnotationLayer } from './lay-annotation-layer.js';
import { defineOnce } from '../../define-once.js';

defineOnce('lay-annotation-layer', LayAnnotationLayer);

declare global {
  interface HTMLElementTagNameMap {
    'lay-annotation-layer': LayAnnotationLayer;
  }
}
