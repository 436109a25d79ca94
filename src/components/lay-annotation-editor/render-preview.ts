import { html } from 'lit';
import type { AnnotationDocument } from '../../annotations/index.js';
import type { PatientImageViewer } from '../patient-image-viewer/patient-image-viewer.js';
import type { EditorRenderContext } from './render-context.js';

/** The preview's two languages. */
export type PreviewLang = 'en-GB' | 'cy';

export interface PreviewContext extends EditorRenderContext {
  /** The clinician's viewer: the preview's viewer shows the same images. */
  source: PatientImageViewer;
  /** The validated document: only what the patient would get (no drafts, no notes). */
  document: AnnotationDocument;
  /** The preview's own study key, so the choice made in it is kept for this editor only. */
  studyKey: string;
  trustedDomains: readonly string[];
  lang: PreviewLang;
  onLang(lang: PreviewLang): void;
}

/** The patient's view: their viewer and layer, with this document, in a phone-sized frame. */
export function renderPreview(ctx: PreviewContext) {
  const { w, source } = ctx;
  const level = Math.min(6, ctx.level + 1);
  const stop = (event: Event) => event.stopPropagation();
  return html`<section class="preview" aria-labelledby="preview-heading">
    ${ctx.heading(w('previewHeading'), { sub: true, id: 'preview-heading' })}
    <p class="hint">${w('previewHint')}</p>
    <fieldset class="languages">
      <legend>${w('previewLanguage')}</legend>
      ${(['en-GB', 'cy'] as const).map(
        (lang) => html`<div class="check">
          <input type="radio" name="preview-lang" id="preview-${lang}" .checked=${ctx.lang === lang} @change=${() => ctx.onLang(lang)} />
          <label for="preview-${lang}">${w(lang === 'cy' ? 'welsh' : 'english')}</label>
        </div>`,
      )}
    </fieldset>
    <div class="phone" lang=${ctx.lang} @pointerdown=${stop} @wheel=${stop} @keydown=${stop}>
      <patient-image-viewer
        loading="eager"
        heading-level=${Math.min(6, level + 1)}
        .src=${source.src}
        .urls=${source.urls}
        .files=${source.files}
        .dicomwebRoot=${source.dicomwebRoot}
        .studyUid=${source.studyUid}
        .seriesUid=${source.seriesUid}
        .requestHeaders=${source.requestHeaders}
      >
        <lay-annotation-layer .annotations=${ctx.document} study-key=${ctx.studyKey} .trustedDomains=${ctx.trustedDomains} no-questions heading-level=${Math.min(6, level + 1)}></lay-annotation-layer>
      </patient-image-viewer>
    </div>
  </section>`;
}
