import { LayAnnotationEditor } from './lay-annotation-editor.js';
import { defineOnce } from '../../define-once.js';

defineOnce('lay-annotation-editor', LayAnnotationEditor);

declare global {
  interface HTMLElementTagNameMap {
    'lay-annotation-editor': LayAnnotationEditor;
  }
}
