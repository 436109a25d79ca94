import { html, nothing } from 'lit';
import type { AnnotationDocument, AnnotationLabel } from '../../annotations/index.js';
import { bodyMap, bodyRegionFor } from '../../lay/body-map.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import { trustedUrl } from '../../lay/links.js';
import type { MessageKey } from '../../lay/messages.js';
import type { LayerItem, LayerRenderContext } from './render-context.js';
import { renderAsk, renderSaved, type QuestionsView } from './render-questions.js';
import { renderTermButton, renderText, type WordsContext } from './render-words.js';

export interface PanelContext extends LayerRenderContext {
  document: AnnotationDocument;
  items: readonly LayerItem[];
  /** The image on screen. */
  index: number;
  /** The viewer's body part (a safe fact), for the body drawing. */
  bodyPart: string;
  /** A summary may speak of sensitive findings: it waits while any is not shown. */
  summaryHeld: boolean;
  /** With a whole study: held sensitive labels on other series' images (counted, never shown: HAZ-001). */
  heldElsewhere?: number;
  /** The notice about sensitive findings (rendered by the host's consent part). */
  sensitive: unknown;
  /** The document's hard words and their explanations. */
  words: WordsContext;
  /** "Ask a question about this" and the saved questions. */
  questions: QuestionsView;
  /** Hide "Ask a question about this". */
  noQuestions: boolean;
  /** "Keep a copy" (issue 17: save this picture, share with a doctor), rendered by the host. */
  copy?: unknown;
  /** A link was not to a trusted site (said once per label and URL by the host). */
  onLinkBlocked(labelId: string, url: string): void;
  onChoose(item: LayerItem, fromList: boolean): void;
  onShowImage(item: LayerItem): void;
  /** "Go to …": open the other series of the study that holds the label's image. */
  onShowSeries?(item: LayerItem): void;
}

/** The panel below the viewer's controls: body drawing, care card, sensitive notice, summary, labels, saved questions. */
export function renderPanel(ctx: PanelContext) {
  const { document: doc, items, index, t } = ctx;
  // On other images: of this series, of the study's other series (a whole study), and held ones there.
  const away = items.filter((item) => item.imageIndex === undefined && item.series !== undefined).length;
  const elsewhere = items.filter((item) => item.imageIndex !== undefined && item.imageIndex !== index).length + away + (ctx.heldElsewhere ?? 0);
  const unplaced = items.filter((item) => item.imageIndex === undefined && item.series === undefined).length;
  const noneHere = !items.some((item) => item.imageIndex === index) && unplaced === 0;
  const region = bodyRegionFor(ctx.bodyPart, items.map((item) => item.label.title));
  const regionWords = region ? t(`region.${region}` as MessageKey) : '';
  return html`<div class="panel" part="panel">
    ${region
      ? html`<div class="body-map">
          ${bodyMap(region, t('layer.bodyMap', { part: regionWords }))}
          <p>${t('layer.bodyMapCaption', { part: regionWords })}</p>
        </div>`
      : nothing}
    ${renderCareCard(ctx)} ${ctx.sensitive}
    ${doc.summary && ctx.summaryHeld
      ? html`<p class="summary">${t('sensitive.summaryHeld')}</p>`
      : doc.summary
        ? html`<section class="summary" aria-labelledby="summary-title" data-ask="summary">
            ${ctx.heading(t('layer.summaryTitle'), 'summary-title')}
            <p lang=${ctx.docLang}>${renderText(ctx.words, doc.summary, 'summary')}</p>
            ${ctx.noQuestions ? nothing : renderAsk(ctx.questions, 'summary', { about: 'summary' })}
          </section>`
        : nothing}
    ${items.length > 0
      ? html`<section aria-labelledby="labels-title">
          ${ctx.heading(t('layer.labelsTitle'), 'labels-title')}
          ${elsewhere > 0
            ? html`<p>
                ${noneHere
                  ? elsewhere === 1
                    ? t('layer.noneHereOne')
                    : t('layer.noneHere', { count: elsewhere })
                  : elsewhere === 1
                    ? t('layer.otherImage')
                    : t('layer.otherImages', { count: elsewhere })}
              </p>`
            : nothing}
          <ol>
            ${items.map((item) => renderItem(ctx, item))}
          </ol>
        </section>`
      : nothing}
    ${ctx.copy ?? nothing} ${renderSaved(ctx.questions)}
  </div>`;
}

/** One label in the list: its number, title (the button that chooses it), kind, words, links and questions. */
function renderItem(ctx: PanelContext, item: LayerItem) {
  const { t, index, selected } = ctx;
  const { label } = item;
  const other = item.imageIndex !== undefined && item.imageIndex !== index;
  const series = item.imageIndex === undefined ? item.series : undefined;
  return html`<li class="item ${label.kind} ${selected === label.id ? 'selected' : ''}" data-id=${label.id}>
    <div class="item-head">
      <span class="number" aria-hidden="true">${item.number}</span>
      <button
        class="choose"
        type="button"
        lang=${ctx.docLang}
        aria-pressed=${selected === label.id ? 'true' : 'false'}
        @click=${() => ctx.onChoose(item, true)}
      >
        ${label.title}
      </button>
    </div>
    <span class="kind">
      ${t(`layer.kind.${label.kind}` as MessageKey)}${other
        ? html` · ${t('layer.onImage', { index: item.imageIndex! + 1 })}`
        : series !== undefined
          ? html` · ${t('layer.inSeries')}`
          : nothing}
    </span>
    ${label.description ? html`<p lang=${ctx.docLang}>${renderText(ctx.words, label.description, `label:${label.id}`)}</p>` : nothing}
    ${renderTerms(ctx, label)} ${renderLinks(ctx, label)}
    <div data-ask=${label.id}>
      ${ctx.noQuestions
        ? nothing
        : renderAsk(ctx.questions, label.id, { about: 'label', labelId: label.id, ...(item.imageIndex !== undefined ? { imageIndex: item.imageIndex } : {}) })}
    </div>
    ${other
      ? html`<button class="goto" type="button" @click=${() => ctx.onShowImage(item)}>
          ${t('layer.showImage', { index: item.imageIndex! + 1 })}
        </button>`
      : series !== undefined && ctx.onShowSeries
        ? html`<button class="goto" type="button" @click=${() => ctx.onShowSeries?.(item)}>${t('layer.showSeries', { set: series })}</button>`
        : nothing}
  </li>`;
}

/** "When to get help", in the NHS care card style; the level is in words too, never colour alone. */
function renderCareCard({ document, t, heading, docLang, words }: PanelContext) {
  const card = document.careCard;
  if (!card) return nothing;
  return html`<div class="care-card ${card.level}" part="care-card">
    <div class="care-heading">
      ${heading(html`<span class="visually-hidden">${t(`care.${card.level}` as MessageKey)} </span><span lang=${docLang}>${card.heading}</span>`)}
    </div>
    <div class="care-content"><p lang=${docLang}>${renderText(words, card.text, 'care')}</p></div>
  </div>`;
}

/** The label's own list of words to know, each opening its explanation. */
function renderTerms(ctx: PanelContext, label: AnnotationLabel) {
  const entries = [...new Set((label.terms ?? []).map((term) => ctx.words.glossary?.get(term)).filter((e): e is GlossaryEntry => Boolean(e)))];
  if (entries.length === 0) return nothing;
  return html`<p class="terms">
    ${ctx.t('layer.wordsToKnow')}
    ${entries.map((entry, i) => html`${i > 0 ? ', ' : ''}${renderTermButton(ctx.words, entry, entry.term, `terms:${label.id}:${i}`)}`)}
  </p>`;
}

/** The label's links: to trusted sites only; any other is shown as plain text (and reported). */
function renderLinks(ctx: PanelContext, label: AnnotationLabel) {
  if (!label.links?.length) return nothing;
  return html`<ul class="links">
    ${label.links.map((link) => {
      const url = trustedUrl(link.url, ctx.words.trustedDomains);
      if (!url) {
        ctx.onLinkBlocked(label.id, link.url);
        return html`<li class="untrusted" lang=${ctx.docLang}>${link.title}</li>`;
      }
      return html`<li>
        <a href=${url} target="_blank" rel="noopener noreferrer"
          ><span lang=${ctx.docLang}>${link.title}</span> <span class="visually-hidden">${ctx.t('layer.opensNewTab')}</span></a
        >
      </li>`;
    })}
  </ul>`;
}
