import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DraftLabel } from '../../annotations/draft.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import type { EditorRenderContext } from './render-context.js';
import { describedBy, renderCheck, type ReadingContext } from './render-reading.js';

export interface LabelFormContext extends EditorRenderContext {
  label: DraftLabel;
  /** Its number in the list. */
  number: number;
  reading: ReadingContext;
  /** The glossary search as typed, and the words offered for this label. */
  query: string;
  results: readonly GlossaryEntry[];
  /** The glossary word for a PACS draft's finding site, if one matches. */
  site: GlossaryEntry | undefined;
  /** The last link added was not to a trusted site. */
  linkProblem: boolean;
  /** The link text being typed (checked for reading age as it is written). */
  linkDraft: string;
  /** The glossary's sensitive words in the label's words while it is not marked sensitive (HAZ-001). */
  sensitiveWords: readonly string[];
  onLinkDraft(text: string): void;
  /** Change the label; changes with the same `field` in a row are one undo step. */
  onSet(change: Partial<DraftLabel>, field: string): void;
  onSearch(query: string): void;
  onUseEntry(entry: GlossaryEntry): void;
  onAddLink(): void;
  onRemoveLink(index: number): void;
  onRemove(): void;
}

/**
 * The chosen label's fields: the PACS note (for the writer only), title, glossary search, kind,
 * description, sensitive and not-before, links. Hard sentences are named under their field.
 */
export function renderLabelForm(ctx: LabelFormContext) {
  const { w, label, number, reading } = ctx;
  const set = ctx.onSet;
  return html`<fieldset class="label-form">
    <legend>${w('labelHeading', { number })}</legend>
    ${label.note ? html`<p class="note"><strong>${w('note')}:</strong> ${label.note}</p>` : nothing} ${renderSite(ctx)}
    <label for="title">${w('title')}</label>
    <input id="title" type="text" maxlength="80" aria-describedby=${describedBy(reading, label.title, 'title-check')} .value=${live(label.title)} @input=${(e: Event) => set({ title: (e.target as HTMLInputElement).value }, 'title')} />
    ${renderCheck(reading, label.title, 'title-check')}
    <label for="search">${w('search')}</label>
    <p class="hint" id="search-hint">${w('searchHint')}</p>
    <input id="search" type="search" aria-describedby="search-hint" .value=${live(ctx.query)} @input=${(e: Event) => ctx.onSearch((e.target as HTMLInputElement).value)} />
    ${ctx.query.trim().length >= 2
      ? ctx.results.length === 0
        ? html`<p>${w('noMatches')}</p>`
        : html`<ul class="results">
            ${ctx.results.map(
              (entry) => html`<li>
                <button type="button" @click=${() => ctx.onUseEntry(entry)}><span class="visually-hidden">${w('use')}: </span>${entry.term}</button>
                <span class="definition">${entry.definition}</span>
              </li>`,
            )}
          </ul>`
      : nothing}
    <label for="kind">${w('kind')}</label>
    <select id="kind" .value=${label.kind} @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value as DraftLabel['kind'] }, 'kind')}>
      <option value="anatomy" ?selected=${label.kind === 'anatomy'}>${w('anatomy')}</option>
      <option value="finding" ?selected=${label.kind === 'finding'}>${w('finding')}</option>
    </select>
    <label for="description">${w('description')}</label>
    <textarea id="description" rows="3" maxlength="1000" aria-describedby=${describedBy(reading, label.description, 'description-check')} .value=${live(label.description)} @input=${(e: Event) => set({ description: (e.target as HTMLTextAreaElement).value }, 'description')}></textarea>
    ${renderCheck(reading, label.description, 'description-check')}
    <div class="check">
      <input
        id="sensitive"
        type="checkbox"
        aria-describedby=${sensitiveHint(ctx) ?? nothing}
        .checked=${label.sensitivity === 'sensitive'}
        @change=${(e: Event) => set({ sensitivity: (e.target as HTMLInputElement).checked ? 'sensitive' : 'routine' }, 'sensitivity')}
      />
      <label for="sensitive">${w('sensitive')}</label>
    </div>
    ${renderSensitiveHint(ctx)}
    ${label.sensitivity === 'sensitive'
      ? html`<label for="not-before">${w('notBefore')}</label>
          <input id="not-before" type="date" .value=${label.notBefore.slice(0, 10)} @change=${(e: Event) => set({ notBefore: (e.target as HTMLInputElement).value }, 'notBefore')} />`
      : nothing}
    ${renderLinks(ctx)}
    <button type="button" class="remove" @click=${() => ctx.onRemove()}>${w('remove', { number })}</button>
  </fieldset>`;
}

/** What is said under "Sensitive": a PACS draft of a finding starts held; sensitive words on a label not marked sensitive. */
function sensitiveHint(ctx: LabelFormContext): string | undefined {
  if (ctx.sensitiveWords.length > 0) return 'sensitive-words';
  return ctx.label.note !== undefined && ctx.label.sensitivity === 'sensitive' ? 'draft-held' : undefined;
}

function renderSensitiveHint(ctx: LabelFormContext) {
  const { w } = ctx;
  const id = sensitiveHint(ctx);
  if (id === 'sensitive-words') return html`<p class="warning sensitive-warning" id=${id}>${w('sensitiveWords', { words: ctx.sensitiveWords.map((word) => `\u201c${word}\u201d`).join(', ') })}</p>`;
  return id ? html`<p class="hint" id=${id}>${w('draftHeld')}</p>` : nothing;
}

/** A PACS draft's finding site, as the glossary word that matches it (if one does). */
function renderSite(ctx: LabelFormContext) {
  const { w, site } = ctx;
  if (!site) return nothing;
  return html`<p class="site">
    ${w('siteWord')}
    <button type="button" class="use-site" @click=${() => ctx.onUseEntry(site)}><span class="visually-hidden">${w('use')}: </span>${site.term}</button>
  </p>`;
}

/** The label's links (trusted sites only), and the fields to add one. */
function renderLinks(ctx: LabelFormContext) {
  const { w, label } = ctx;
  return html`<fieldset class="links">
    <legend>${w('links')}</legend>
    ${label.links.length > 0
      ? html`<ul>
          ${label.links.map(
            (link, i) => html`<li>
              <span>${link.title} (${link.url})</span>
              <button type="button" @click=${() => ctx.onRemoveLink(i)}>${w('removeLink', { title: link.title })}</button>
              ${renderCheck(ctx.reading, link.title, `link-check-${i}`)}
            </li>`,
          )}
        </ul>`
      : nothing}
    <label for="link-title">${w('linkTitle')}</label>
    <input id="link-title" type="text" maxlength="200" aria-describedby=${describedBy(ctx.reading, ctx.linkDraft, 'link-title-check')} @input=${(e: Event) => ctx.onLinkDraft((e.target as HTMLInputElement).value)} />
    ${renderCheck(ctx.reading, ctx.linkDraft, 'link-title-check')}
    <label for="link-url">${w('linkUrl')}</label>
    <input id="link-url" type="url" aria-describedby=${ctx.linkProblem ? 'link-problem' : nothing} />
    ${ctx.linkProblem ? html`<p class="problem" id="link-problem">${w('untrusted')}</p>` : nothing}
    <button type="button" @click=${() => ctx.onAddLink()}>${w('addLink')}</button>
  </fieldset>`;
}
