import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';

/** `h1` … `h6`, made once (Lit's static values, so one template serves every level). */
const TAGS: readonly StaticValue[] = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

/** A heading level from the `heading-level` attribute: a whole number 1 to 6, else 2. */
export function headingLevel(value: unknown): number {
  const level = Math.round(Number(value));
  return Number.isFinite(level) && level >= 1 && level <= 6 ? level : 2;
}

/**
 * A heading at `level` (clamped to 1 to 6) with the class `h-main` (the element's own headings) or
 * `h-sub` (headings one level below them), so the styles do not depend on the tag.
 */
export function heading(
  level: number,
  content: unknown,
  options: { id?: string; focusable?: boolean; sub?: boolean; part?: string; lang?: string | typeof nothing } = {},
): TemplateResult {
  const tag = TAGS[Math.min(6, Math.max(1, level)) - 1]!;
  return staticHtml`<${tag}
    class=${options.sub ? 'h-sub' : 'h-main'}
    id=${options.id ?? nothing}
    tabindex=${options.focusable ? '-1' : nothing}
    part=${options.part ?? nothing}
    lang=${options.lang ?? nothing}
  >${content}</${tag}>`;
}
