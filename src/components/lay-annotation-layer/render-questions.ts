import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { QuestionContext, QuestionsController } from '../../controllers/questions-controller.js';
import type { LayerRenderContext } from './render-context.js';

export interface QuestionsView extends Pick<LayerRenderContext, 't' | 'heading'> {
  questions: QuestionsController;
  /** Who gets the questions ("your care team" when the portal did not say). */
  recipient: string;
  /** What happens after a question is sent (the portal's words, else a general sentence). */
  nextSteps: string;
  // --- issue 17 app ---
  /** "Save my questions" (a small text file, saved through the NHS App inside it). */
  onSaveQuestions?: () => void;
  /** Whether "Print my questions" shows (not inside the NHS App, which cannot print). */
  print?: boolean;
}

/** "Ask a question about this": a button (with the confirmation under it), or the open composer with suggested questions. */
export function renderAsk(view: QuestionsView, key: string, context: QuestionContext) {
  const { questions, t } = view;
  if (questions.asking !== key) {
    return html`<button class="ask" type="button" @click=${() => questions.open(key)}>${t('ask.open')}</button>${renderConfirmation(view, key)}`;
  }
  const id = `ask-${key.replace(/[^\w-]/g, '_')}`;
  const error = questions.error;
  return html`<form class="composer" @submit=${(event: Event) => questions.send(event, key, context)} novalidate>
    <fieldset>
      <legend>${t('ask.legend')}</legend>
      ${(['ask.suggested1', 'ask.suggested2', 'ask.suggested3'] as const).map(
        (k) => html`<label class="choice">
          <input type="radio" name="suggested" value=${t(k)} />
          ${t(k)}
        </label>`,
      )}
    </fieldset>
    <label for=${id}>${t('ask.yourQuestion')}</label>
    ${error ? keyed(questions.errorCount, html`<p class="ask-error" id="${id}-error" role="alert">${t('ask.empty')}</p>`) : nothing}
    <textarea
      id=${id}
      name="question"
      rows="3"
      maxlength="1000"
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${error ? `${id}-error` : nothing}
    ></textarea>
    <div class="choices">
      <button class="goto" type="submit">${t('ask.send')}</button>
      <button class="goto" type="button" @click=${(event: Event) => questions.save(event.currentTarget as HTMLElement, key)}>${t('ask.save')}</button>
      <button class="goto" type="button" @click=${() => questions.cancel(key)}>${t('ask.cancel')}</button>
    </div>
  </form>`;
}

/**
 * What was sent (or saved), to whom, and what happens next, where the patient can see it: an
 * NHS-style confirmation panel under the Ask button. Screen readers hear it through the status region.
 */
function renderConfirmation({ questions, t, recipient, nextSteps }: QuestionsView, key: string) {
  const done = questions.confirmation;
  if (!done || done.key !== key) return nothing;
  const sent = done.kind === 'sent';
  return html`<div class="confirmation ${done.kind}" data-confirmation=${done.kind}>
    <p class="confirmation-title"><strong>${t(sent ? 'ask.sentTitle' : 'ask.savedTitle')}</strong></p>
    ${sent ? html`<p>${t('ask.sentTo', { recipient })}</p>` : nothing}
    <p>${t('ask.youAsked')}</p>
    <blockquote>${done.question}</blockquote>
    <p>${sent ? nextSteps || t('ask.nextSteps') : t('ask.savedWhere')}</p>
  </div>`;
}

/** "Questions for my appointment": the saved questions, each removable; Save, and Print (not in the NHS App). */
export function renderSaved({ questions, t, heading, onSaveQuestions, print = true }: QuestionsView) {
  if (questions.saved.length === 0) return nothing;
  return html`<section class="saved" part="questions" aria-labelledby="saved-title">
    ${heading(t('list.title'), 'saved-title')}
    <ol>
      ${questions.saved.map(
        (question, i) => html`<li class="saved-item">
          <span>${question}</span>
          <button class="goto" type="button" aria-label=${t('list.removeLabel', { question })} @click=${() => questions.remove(i)}>
            ${t('list.remove')}
          </button>
        </li>`,
      )}
    </ol>
    <div class="choices">
      ${onSaveQuestions ? html`<button class="goto save-questions" type="button" @click=${() => onSaveQuestions()}>${t('copy.saveQuestions')}</button>` : nothing}
      ${print ? html`<button class="goto" type="button" @click=${() => window.print()}>${t('list.print')}</button>` : nothing}
    </div>
  </section>`;
}
