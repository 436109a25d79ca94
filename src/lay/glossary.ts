/**
 * The built-in glossary (en-GB): words patients meet in X-ray, CT, MRI, ultrasound, nuclear medicine,
 * DEXA and mammography reports, each with a plain-English meaning and, where one fits, a page on the
 * NHS website. This is the package's `patient-image-viewer/glossary.js` entry.
 *
 * The words themselves are data, apart from this code: `glossary/en-GB.ts` (entries; Welsh in `glossary/cy.ts`),
 * `glossary/blocked.ts` (compounds left alone) and `glossary/nhs-paths.ts` (the NHS pages we link to),
 * all checked against one schema (`glossary-schema.ts`). Definitions are written to NHS content style:
 * short sentences, common words, neutral (most report mentions are negated), reading age 9 to 11,
 * checked in test/lay/glossary.unit.test.ts and test/lay/readability.unit.test.ts.
 *
 * Find the glossary words in a report with {@link findTerms} (`find-terms.ts`, re-exported here);
 * portals add words or replace ours with {@link buildGlossary}.
 */
import { checkGlossaryEntry, type GlossaryKind } from './glossary-schema.js';
import { EN_GB_ENTRIES } from './glossary/en-GB.js';
import { variantsOf } from './glossary/spelling.js';

export { findTerms, type TermMatch } from './find-terms.js';
export { BLOCKED_PHRASES } from './glossary/blocked.js';
export { NHS_PATHS } from './glossary/nhs-paths.js';
export { GLOSSARY_KINDS, glossaryEntrySchema, type GlossaryKind } from './glossary-schema.js';

export interface GlossaryEntry {
  /** Stable id, kebab-case, e.g. 'pleural-effusion'. */
  id: string;
  /** The word as patients read it in a report, e.g. 'pleural effusion'. */
  term: string;
  /**
   * Other spellings or forms that mean exactly the same (plurals, abbreviations, other names), e.g.
   * ['pleural effusions']. Forms written all in capitals (abbreviations such as 'AP', 'PET',
   * 'FLAIR') match only when written in capitals, so they never mark ordinary words. US spellings and
   * regular plurals need not be listed: the matcher finds them.
   */
  aliases?: string[];
  /** Plain-English definition: 1 to 3 short sentences, saying what the word means, neutrally. */
  definition: string;
  /**
   * A trusted page to read more (https; for the built-in entries a page on the NHS website). Left
   * out for report words that have no page of their own ("in keeping with"): then no link is shown.
   */
  url?: string;
  /** What sort of word it is (a kind of scan, a part of the body, a hedge such as "likely"...). */
  kind?: GlossaryKind;
  /**
   * A word most patients know (heart, lung, X-ray): a definition may use it without explaining it,
   * and the annotation layer does not mark it in a portal's own labels.
   */
  everyday?: boolean;
  /**
   * A word that may reveal a serious diagnosis, such as cancer: an element can hold back explaining
   * it (or saying it is there) until the patient has chosen to see sensitive results.
   */
  sensitive?: boolean;
}

/** A glossary ready to use: its entries and a lookup by id, term or alias. */
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** The entry with this id, term or alias (terms and aliases case-insensitive), if any. */
  get(idOrTerm: string): GlossaryEntry | undefined;
}

/** The built-in glossary (en-GB). Frozen: build your own with {@link buildGlossary}. */
export const glossaryEnGB: readonly GlossaryEntry[] = Object.freeze(EN_GB_ENTRIES.map((entry) => freezeEntry(entry as GlossaryEntry)));

/**
 * Glossary words that are everyday words (entries marked `everyday`), lower case, with their plurals
 * and US spellings: a definition may use them without explaining them, and the annotation layer does
 * not mark them in a portal's own labels (marking "heart" in every sentence would be noise). Kept for
 * compatibility: read `entry.everyday` instead.
 */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(
  glossaryEnGB
    .filter((entry) => entry.everyday)
    .flatMap((entry) => [entry.term, ...(entry.aliases ?? [])])
    .flatMap((form) => [form.toLowerCase(), ...variantsOf(form, true)]),
);

let builtIn: Glossary | undefined;
/** The built-in glossary as a {@link Glossary}, made once (what `findTerms` uses by default). */
export function builtInGlossary(): Glossary {
  builtIn ??= createGlossary(glossaryEnGB);
  return builtIn;
}

/**
 * The built-in glossary with a portal's additions and overrides. An override with a built-in id
 * replaces that entry (fields it leaves out keep the built-in value); a new id adds an entry, and then
 * `term`, `definition` and `url` are needed. Invalid override entries are skipped and returned in
 * `rejected` with a reason naming the field, e.g. `url must be https`.
 *
 * `base` replaces the built-in entries (the Welsh glossary passes its own, see `glossary-cy.ts`).
 */
export function buildGlossary(
  overrides?: readonly Partial<GlossaryEntry>[] | unknown,
  base: readonly GlossaryEntry[] = glossaryEnGB,
): {
  glossary: Glossary;
  rejected: { index: number; reason: string }[];
} {
  const byId = new Map<string, GlossaryEntry>(base.map((entry) => [entry.id, entry]));
  const rejected: { index: number; reason: string }[] = [];
  if (overrides !== undefined && overrides !== null) {
    if (!Array.isArray(overrides)) {
      rejected.push({ index: -1, reason: 'overrides must be a list of entries' });
    } else {
      overrides.forEach((override: unknown, index) => {
        const result = checkOverride(override, byId);
        if (typeof result === 'string') rejected.push({ index, reason: result });
        else byId.set(result.id, result);
      });
    }
  }
  return { glossary: createGlossary([...byId.values()]), rejected };
}

function createGlossary(entries: readonly GlossaryEntry[]): Glossary {
  const byId = new Map<string, GlossaryEntry>();
  const byForm = new Map<string, GlossaryEntry>();
  // Later entries win, so a portal's new words beat built-in words with the same spelling.
  for (const entry of entries) {
    byId.set(entry.id, entry);
    for (const form of [entry.term, ...(entry.aliases ?? [])]) byForm.set(normalise(form), entry);
  }
  return Object.freeze({
    entries: Object.freeze([...entries]),
    get(idOrTerm: string): GlossaryEntry | undefined {
      if (typeof idOrTerm !== 'string') return undefined;
      return byId.get(idOrTerm) ?? byForm.get(normalise(idOrTerm));
    },
  });
}

/**
 * An override merged over the entry it replaces, checked against the one entry schema
 * (`glossary-schema.ts`): a frozen entry, or the reason it was rejected (naming the field).
 */
function checkOverride(value: unknown, existing: ReadonlyMap<string, GlossaryEntry>): GlossaryEntry | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'entry must be an object';
  const override = value as Record<string, unknown>;
  const base = typeof override.id === 'string' ? existing.get(override.id) : undefined;
  // Fields the override leaves out keep the built-in value.
  const merged: Record<string, unknown> = { ...base };
  for (const [key, field] of Object.entries(override)) if (field !== undefined) merged[key] = field;
  const checked = checkGlossaryEntry(merged);
  if ('problem' in checked) return checked.problem;
  const { id, term, aliases, definition, url, kind, everyday, sensitive } = checked.entry;
  return freezeEntry({
    id,
    term: term.trim(),
    ...(aliases ? { aliases: aliases.map((alias) => alias.trim()) } : {}),
    definition: definition.trim(),
    ...(url !== undefined ? { url } : {}),
    ...(kind !== undefined ? { kind } : {}),
    ...(everyday !== undefined ? { everyday } : {}),
    ...(sensitive !== undefined ? { sensitive } : {}),
  });
}

function freezeEntry(entry: GlossaryEntry): GlossaryEntry {
  const copy: GlossaryEntry = { ...entry };
  if (entry.aliases) copy.aliases = Object.freeze([...entry.aliases]) as string[];
  return Object.freeze(copy);
}

/** How terms are compared: case-insensitive, curly apostrophes as straight, spaces squeezed. */
function normalise(form: string): string {
  return form.trim().replace(/\u2019/g, "'").replace(/\s+/g, ' ').toLowerCase();
}
