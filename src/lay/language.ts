/**
 * Which language the elements speak: en-GB or Welsh (cy), read from the page's `lang` attributes.
 * Pure helpers with no catalogue inside; `LanguageController` (src/controllers) uses them.
 */

/** The languages with a built-in catalogue. */
export type Language = 'en-GB' | 'cy';

/** The language for a BCP 47 tag: `cy`, `cy-GB` (any `cy-*`) is Welsh; anything else, or nothing, is en-GB. */
export function languageFor(tag: string | null | undefined): Language {
  return typeof tag === 'string' && /^cy(?:-|$)/i.test(tag.trim()) ? 'cy' : 'en-GB';
}

/**
 * The `lang` that applies to an element: its own, else the closest ancestor's (crossing shadow roots
 * to their hosts), else `<html lang>`. An empty string when none is set.
 */
export function langOf(element: Element): string {
  return inherited(element, 'lang') ?? element.ownerDocument?.documentElement?.lang ?? '';
}

/**
 * Who is looking (issue 17 carer): `self`, the patient (the default), or `carer`, a parent, carer
 * or someone helping, for whom "your" about the patient is the wrong word ("Their right").
 */
export type ViewerRole = 'self' | 'carer';

/** The `viewer-role` that applies to an element, as `lang` does: its own, else the closest ancestor's (across shadow roots). */
export function roleOf(element: Element): ViewerRole {
  return inherited(element, 'viewer-role')?.trim().toLowerCase() === 'carer' ? 'carer' : 'self';
}

/** An attribute on the element or its closest ancestor that has it, crossing shadow roots. */
function inherited(element: Element, name: string): string | undefined {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(`[${name}]`);
    if (found) return found.getAttribute(name) ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/**
 * The elements (the element itself, its shadow hosts, `<html>`) and shadow roots whose `lang`
 * changes can change {@link langOf}: watch each with `subtree: true`.
 */
export function langScopes(element: Element): Node[] {
  const scopes: Node[] = [];
  let root = element.getRootNode();
  while (root instanceof ShadowRoot) {
    scopes.push(root);
    root = root.host.getRootNode();
  }
  const html = element.ownerDocument?.documentElement;
  if (html) scopes.push(html);
  return scopes;
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * A date in words ("1 March 2030", "1 Mawrth 2030"), with Intl in the chosen language. Browsers
 * whose Intl data has no Welsh (Chromium's trimmed ICU falls back to US English) get the en-GB
 * layout with `monthNames` (January first) in place of the English month.
 */
export function formatDate(date: Date, language: Language, monthNames?: readonly string[]): string {
  if (language === 'en-GB' || Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0) {
    return new Intl.DateTimeFormat(language, DATE_OPTIONS).format(date);
  }
  return new Intl.DateTimeFormat('en-GB', DATE_OPTIONS)
    .formatToParts(date)
    .map((part) => (part.type === 'month' && monthNames?.[date.getMonth()]) || part.value)
    .join('');
}
