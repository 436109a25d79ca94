import { nothing, type TemplateResult } from 'lit';
import type { AnnotationLabel } from '../../annotations/index.js';
import type { MessageKey } from '../../lay/messages.js';

/** A label the patient sees: its number in the list, and the image (0-based) it is on, when known. */
export interface LayerItem {
  label: AnnotationLabel;
  number: number;
  imageIndex: number | undefined;
  /** With a whole study: the plain name of the other series that holds its image (not the one on screen). */
  series?: string;
}

/** The layer's words, in its language (`messages` overrides applied). */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What every render part of the layer needs. */
export interface LayerRenderContext {
  t: Translate;
  /** `lang` for the document's own text where it differs from the layer's words. */
  docLang: string | typeof nothing;
  /** One of the layer's headings, at its `heading-level` (or one below, `sub`). */
  heading(content: unknown, id?: string, sub?: boolean): TemplateResult;
  /** The label chosen by the patient, if any. */
  selected: string | undefined;
}

/**
 * The document's language (its `language` field) where it differs from the layer's own words, for
 * `lang` on the document's text (WCAG 3.1.2); else nothing (the text takes the layer's).
 */
export function documentLang(document: string | undefined, layer: string): string | typeof nothing {
  if (!document) return nothing;
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  return primary(document) === primary(layer) ? nothing : document;
}
