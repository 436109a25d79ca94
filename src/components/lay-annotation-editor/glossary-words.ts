/**
 * The glossary in the editor: finding words as the clinician types, the word for a PACS draft's
 * finding site, and what choosing a word does to a label. Sensitive words (such as "biopsy") are
 * offered only for a label marked sensitive, so a routine label the patient sees at once never
 * takes one from the glossary.
 */
import type { DraftLabel } from '../../annotations/draft.js';
import type { AnnotationProblem } from '../../annotations/index.js';
import type { GlossaryEntry } from '../../lay/glossary.js';
import { readMoreText } from '../../lay/link-text.js';
import { trustedUrl } from '../../lay/links.js';
import { enGB } from '../../lay/messages.js';
import { format } from '../../lay/messages-consent.js';

/** At most this many words offered at once. */
export const MAX_RESULTS = 8;

/**
 * Entries for what the writer typed (case-insensitive; none under 2 letters), best first: the word
 * itself (its term or an alias is exactly `query`), then terms starting with it, then aliases
 * starting with it, then those containing it ("lung" offers "lung" before "V/Q scan", whose
 * alias "lung perfusion scan" starts with it).
 */
export function searchGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const words = query.trim().toLowerCase();
  if (words.length < 2) return [];
  const ranked: [GlossaryEntry, number][] = [];
  for (const entry of entries) {
    const term = entry.term.toLowerCase();
    const aliases = (entry.aliases ?? []).map((n) => n.toLowerCase());
    const rank =
      term === words || aliases.includes(words)
        ? 0
        : term.startsWith(words)
          ? 1
          : aliases.some((n) => n.startsWith(words))
            ? 2
            : term.includes(words) || aliases.some((n) => n.includes(words))
              ? 3
              : undefined;
    if (rank !== undefined) ranked.push([entry, rank]);
  }
  // A stable sort: the glossary's own order within each rank.
  return ranked.sort((a, b) => a[1] - b[1]).map(([entry]) => entry);
}

/** May `label` take `entry`'s words? A sensitive word only for a sensitive label. */
export function entryAllowed(entry: GlossaryEntry, label: DraftLabel | undefined): boolean {
  return !entry.sensitive || label?.sensitivity === 'sensitive';
}

/** The words offered for `label`, of the matches found: those it may take, at most `MAX_RESULTS`. */
export function resultsFor(matches: readonly GlossaryEntry[], label: DraftLabel | undefined): GlossaryEntry[] {
  return matches.filter((entry) => entryAllowed(entry, label)).slice(0, MAX_RESULTS);
}

/** A PACS draft's finding site, as the glossary word that matches it exactly (never a sensitive one). */
export function siteEntry(entries: readonly GlossaryEntry[], site: string | undefined): GlossaryEntry | undefined {
  const wanted = site?.trim().toLowerCase();
  if (!wanted) return undefined;
  return entries.find((e) => !e.sensitive && [e.term, ...(e.aliases ?? [])].some((n) => n.toLowerCase() === wanted));
}

/**
 * What choosing `entry` changes in `label`: its title; its description when empty; the term; the
 * entry's page, when trusted, named for where it goes ("PET scan on the NHS website": several
 * words share one NHS page, so the word that led to it would mislead, WCAG 2.4.4).
 */
export function useEntry(label: DraftLabel, entry: GlossaryEntry, trustedDomains: readonly string[]): Partial<DraftLabel> {
  const title = entry.term.charAt(0).toUpperCase() + entry.term.slice(1);
  const url = entry.url ? trustedUrl(entry.url, trustedDomains) : undefined;
  const links = url && !label.links.some((link) => link.url === url) ? [...label.links, { title: readMoreText(url, (key, values) => format(enGB[key], values)), url }] : label.links;
  return {
    title,
    description: label.description.trim() ? label.description : entry.definition,
    terms: label.terms.includes(entry.id) ? label.terms : [...label.terms, entry.id],
    links,
  };
}

/** Finds the glossary's words in a text (the loaded glossary's `findTerms`). */
export type FindWords = (text: string) => readonly { entry: GlossaryEntry }[];

/**
 * The glossary's sensitive words a label carries while it is not marked sensitive (HAZ-001): in its
 * title, its description or its terms, each once. None for a sensitive label. Saying so is the
 * editor's part; the writer decides (a routine label with such a word is shown at once).
 */
export function sensitiveWordsIn(label: DraftLabel, entries: readonly GlossaryEntry[], find: FindWords | undefined): string[] {
  if (label.sensitivity === 'sensitive') return [];
  const found = new Set<string>();
  for (const id of label.terms) {
    const entry = entries.find((e) => e.id === id);
    if (entry?.sensitive) found.add(entry.term);
  }
  if (find) for (const text of [label.title, label.description]) for (const match of text.trim() ? find(text) : []) if (match.entry.sensitive) found.add(match.entry.term);
  return [...found];
}

/** What `detail.problems` says of label `number` (1-based), not marked sensitive, that carries sensitive `words`. */
export function sensitiveProblem(label: DraftLabel, number: number, words: readonly string[]): AnnotationProblem {
  const quoted = words.map((word) => `"${word}"`).join(', ');
  return {
    path: `labels[${number - 1}].sensitivity`,
    message: `Label ${number} is not marked sensitive, but its words include ${quoted}, which the glossary marks as sensitive: the patient sees it at once.`,
    labelId: label.id,
  };
}
