import { html, nothing, type TemplateResult } from 'lit';
import type { DisclosureController, DisclosurePlace } from '../../controllers/disclosure-controller.js';
import type { MessageKey } from '../../lay/messages.js';

/** What the layer's notice about sensitive findings needs from the layer. */
export interface SensitiveHost {
  /** The layer's one owner of the patient's choice. */
  readonly consent: DisclosureController;
  readonly renderRoot: HTMLElement | DocumentFragment;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A date in the layer's language. */
  date(date: Date): string;
  /** One of the layer's headings (`sub`: one level below). */
  heading(content: unknown, id?: string, sub?: boolean): TemplateResult;
}

/** Show these findings (one, or every one that may be shown), if the portal agrees; focus goes to the first shown, in the list. */
async function reveal(host: SensitiveHost, places: readonly DisclosurePlace[]): Promise<void> {
  await host.consent.reveal(
    places.map((place) => place.id),
    (shown) => {
      const first = [...host.renderRoot.querySelectorAll<HTMLElement>('ol > li')].find((li) => li.dataset.id === shown[0]);
      first?.querySelector<HTMLElement>('button.choose')?.focus();
    },
  );
}

/** Hide these findings again, or (when not shown) wait; focus goes back to the notice, whose button now offers the way back. */
async function wait(host: SensitiveHost, places: readonly DisclosurePlace[], focusFrom?: string): Promise<void> {
  if (places.length === 0) return;
  await host.consent.wait(
    places.map((place) => place.id),
    () => {
      const notice = host.renderRoot.querySelector<HTMLElement>('.sensitive');
      const row = focusFrom ? notice?.querySelector<HTMLElement>(`[data-finding="${CSS.escape(focusFrom)}"]`) : undefined;
      (row ?? notice)?.querySelector<HTMLElement>('button')?.focus();
    },
  );
}

/**
 * The notice about findings the care team has marked to talk through: said to be there, never
 * what they are, until the patient chooses; one at a time, all at once, or wait; the way back is
 * one step. One entry per finding (a finding labelled twice is one finding; its other labels
 * follow its choice).
 */
export function renderSensitive(host: SensitiveHost): TemplateResult | typeof nothing {
  const { consent, t } = host;
  const places = consent.held().filter((place, i, all) => all.findIndex((other) => other.findingId === place.findingId) === i);
  const count = places.length;
  if (count === 0) return nothing;
  const state = (place: DisclosurePlace) => consent.state(place.id);
  const hidden = places.filter((place) => state(place) !== 'shown');
  const open = hidden.filter((place) => !consent.lock(place));
  const anyWaiting = hidden.some((place) => state(place) === 'waiting');
  const heading = host.heading(t(count === 1 ? 'sensitive.noticeOne' : 'sensitive.notice', { count }), 'sensitive-title');
  if (count === 1) {
    const locked = consent.lock(places[0]!);
    return html`<section class="sensitive" part="sensitive" aria-labelledby="sensitive-title">
      ${heading}
      ${state(places[0]!) === 'shown'
        ? html`<button class="goto" type="button" @click=${() => wait(host, places)}>${t('sensitive.hideAgain')}</button>`
        : html`<p>${anyWaiting ? t('sensitive.waiting') : t('sensitive.explain')}</p>
            ${locked
              ? html`<p>${t('sensitive.locked', { date: host.date(locked) })}</p>`
              : html`<div class="choices">
                  <button class="goto" type="button" @click=${() => reveal(host, places)}>${t('sensitive.show')}</button>
                  ${anyWaiting ? nothing : html`<button class="goto" type="button" @click=${() => wait(host, places)}>${t('sensitive.wait')}</button>`}
                </div>`}`}
    </section>`;
  }
  // More than one: the patient can see them one at a time, all at once, or wait. Each is named
  // only by its number here: what it is shows once the patient has chosen to see it.
  return html`<section class="sensitive" part="sensitive" aria-labelledby="sensitive-title">
    ${heading}
    <p>${hidden.length === 0 ? t('sensitive.allShown') : anyWaiting ? t('sensitive.waiting') : t('sensitive.explainMany')}</p>
    <ul class="findings">
      ${places.map((place, i) => {
        const number = i + 1;
        const locked = consent.lock(place);
        return html`<li data-finding=${place.id}>
          ${host.heading(t('sensitive.findingName', { number }), undefined, true)}
          ${state(place) === 'shown'
            ? html`<p>${t('sensitive.findingShown')}</p>
                <button class="goto" type="button" @click=${() => wait(host, [place], place.id)}>${t('sensitive.hideFinding', { number })}</button>`
            : locked
              ? html`<p>${t('sensitive.findingLocked', { date: host.date(locked) })}</p>`
              : html`<button class="goto" type="button" @click=${() => reveal(host, [place])}>${t('sensitive.showFinding', { number })}</button>`}
        </li>`;
      })}
    </ul>
    ${hidden.length > 0
      ? html`<div class="choices">
          ${open.length > 1 ? html`<button class="goto" type="button" @click=${() => reveal(host, open)}>${t('sensitive.showAll')}</button>` : nothing}
          ${anyWaiting ? nothing : html`<button class="goto" type="button" @click=${() => wait(host, hidden)}>${t('sensitive.wait')}</button>`}
        </div>`
      : nothing}
  </section>`;
}
