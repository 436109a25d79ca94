import { html, nothing } from 'lit';
import type { ShareScope } from '../../events/pv-share-request-event.js';
import type { LayerRenderContext } from './render-context.js';

export interface CopyView extends Pick<LayerRenderContext, 't' | 'heading'> {
  /** Show "Share with a doctor" (the portal fulfils `pv-share-request`). */
  share: boolean;
  /** How many pictures the viewer holds: "All the images in this set" only when more than one. */
  imageCount: number;
  onSavePicture(): void;
  onShare(scope: ShareScope): void;
}

/** "Keep a copy": Save this image, and (where the portal offers it) Share with a doctor, with what to share. */
export function renderCopy({ t, heading, share, imageCount, onSavePicture, onShare }: CopyView) {
  const scopes: [ShareScope, string][] = [
    ['image', t('copy.shareImage')],
    ...(imageCount > 1 ? [['series', t('copy.shareSeries')] as [ShareScope, string]] : []),
    ['study', t('copy.shareStudy')],
  ];
  return html`<section class="copy" part="copy" aria-labelledby="copy-title">
    ${heading(t('copy.title'), 'copy-title')}
    <div class="choices"><button class="goto save-picture" type="button" @click=${() => onSavePicture()}>${t('copy.savePicture')}</button></div>
    ${share
      ? html`<form
          class="composer share"
          novalidate
          @submit=${(event: SubmitEvent) => {
            event.preventDefault();
            const form = event.currentTarget as HTMLFormElement;
            onShare((form.querySelector<HTMLInputElement>('input[name="share-scope"]:checked')?.value ?? 'image') as ShareScope);
          }}
        >
          <fieldset>
            <legend>${t('copy.shareLegend')}</legend>
            ${scopes.map(
              ([scope, words], i) => html`<label class="choice">
                <input type="radio" name="share-scope" value=${scope} ?checked=${i === 0} />
                ${words}
              </label>`,
            )}
          </fieldset>
          <div class="choices"><button class="goto" type="submit">${t('copy.share')}</button></div>
        </form>`
      : nothing}
  </section>`;
}
