import type { TemplateResult } from 'lit';
import type { DraftLabel } from '../../annotations/draft.js';
import type { EditorWordKey } from './editor-words.js';

/** The editor's words (`words` overrides applied). */
export type Words = (key: EditorWordKey, values?: Record<string, string | number>) => string;

/** What every render part of the editor needs. */
export interface EditorRenderContext {
  w: Words;
  /** The editor's `heading-level` (1 to 6). */
  level: number;
  /** One of the editor's headings, at its level (or one below, `sub`). */
  heading(content: unknown, options?: { sub?: boolean; id?: string }): TemplateResult;
  /** The label being edited, if any. */
  selected: string | undefined;
}

/** A label's title as the editor lists it: its own, or "no title yet". */
export function titleOf(w: Words, label: DraftLabel): string {
  return label.title.trim() || w('untitled');
}
