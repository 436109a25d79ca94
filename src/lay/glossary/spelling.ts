/**
 * Spelling variants the matcher finds without the glossary listing them: US spellings of UK words
 * (oedema → edema, localised → localized) and regular and Latin plurals. Pure functions, no imports
 * (so both the glossary and the matcher can use them without an import cycle).
 */

/**
 * US spellings and plurals of a UK form. Only the last word is made plural. The rules are for
 * medical English (-is → -es, -us → -i, -um → -a, -a → -ae, -ex/-ix → -ices); a form they make that
 * is not a real word is harmless, as it never appears in a report.
 */
export function variantsOf(form: string, plurals: boolean): string[] {
  const lower = form.toLowerCase();
  const out = new Set<string>();
  const us = usSpelling(lower);
  const bases = us === lower ? [lower] : [lower, us];
  for (const base of bases) {
    if (base !== lower) out.add(base);
    if (!plurals) continue;
    const last = /([a-z]+)$/.exec(base);
    if (!last || last[1]!.length < 3) continue;
    const word = last[1]!;
    const stem = base.slice(0, base.length - word.length);
    for (const plural of pluralsOf(word)) out.add(stem + plural);
  }
  out.delete(lower);
  return [...out];
}

function pluralsOf(word: string): string[] {
  if (/(is)$/.test(word)) return [word.slice(0, -2) + 'es'];
  if (/us$/.test(word)) return [word.slice(0, -2) + 'i', word + 'es'];
  if (/um$/.test(word)) return [word.slice(0, -2) + 'a', word + 's'];
  if (/a$/.test(word)) return [word + 'e', word + 's'];
  if (/[ei]x$/.test(word)) return [word.slice(0, -2) + 'ices', word + 'es'];
  if (/[^aeiou]y$/.test(word)) return [word.slice(0, -1) + 'ies'];
  if (/(s|x|z|ch|sh)$/.test(word)) return [word + 'es'];
  // Adjectives and -ed, -ing forms have no plural.
  if (/(al|ar|ic|ous|ive|ed|ing|ent|ant|ible|able|ary|oid)$/.test(word)) return [];
  return [word + 's'];
}

const US_RULES: readonly [RegExp, string][] = [
  [/oedem/g, 'edem'],
  [/oesophag/g, 'esophag'],
  [/oestr/g, 'estr'],
  [/coeli/g, 'celi'],
  [/foet/g, 'fet'],
  [/rrhoea/g, 'rrhea'],
  [/pnoea/g, 'pnea'],
  [/aem/g, 'em'],
  [/aec/g, 'ec'],
  [/paed/g, 'ped'],
  [/aet/g, 'et'],
  [/tumour/g, 'tumor'],
  [/colour/g, 'color'],
  [/grey/g, 'gray'],
  [/sulph/g, 'sulf'],
  [/([bcdfghklmnprstvz])tre\b/g, '$1ter'],
  [/isation\b/g, 'ization'],
  [/ise(d|s)?\b/g, 'ize$1'],
  [/yse(d|s)?\b/g, 'yze$1'],
];

function usSpelling(lower: string): string {
  let out = lower;
  for (const [pattern, replacement] of US_RULES) out = out.replace(pattern, replacement);
  return out;
}

