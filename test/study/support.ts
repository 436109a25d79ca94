/**
 * Reading the study list in tests (test/study/*.test.ts): its text, choices, names, and when it has
 * listed; and the three key images the full synthetic study's KOS names.
 */
import type { PatientImageViewer } from '../../src/index.js';
import { until } from '../support/helpers.js';
import { PLAN, type KeyRef } from './study-dicom.js';

export const shadow = (el: PatientImageViewer) => el.shadowRoot!;
/** Text as read, spaces folded. */
export const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The list's buttons, in order. */
export const choices = (el: PatientImageViewer) => [...shadow(el).querySelectorAll<HTMLButtonElement>('.study-choice')];
/** The names in each list (`list`: which lists), in order. */
export const names = (el: PatientImageViewer, list = '.study-list') =>
  [...shadow(el).querySelectorAll(list)].map((ul) => [...ul.querySelectorAll('.study-name')].map((n) => text(n)));

/** Wait until the list (or its message) shows. */
export async function listed(el: PatientImageViewer): Promise<void> {
  await until(() => shadow(el).querySelector('.study')?.getAttribute('aria-busy') === 'false', 20000, 'the study list');
}

/** The three images the full study's KOS names: an MRI image, a thin CT slice, the side X-ray. */
export const KEYS: KeyRef[] = [
  { series: PLAN.t2!, image: 2 },
  { series: PLAN.thin!, image: 3 },
  { series: PLAN.side!, image: 1 },
];
