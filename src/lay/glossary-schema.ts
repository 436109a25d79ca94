/**
 * One schema for a glossary entry: the built-in entries (data in `glossary/en-GB.ts`, checked by a
 * test) and a portal's additions and overrides (checked by `buildGlossary` at run time) follow the
 * same rules. The TypeScript type of the data is inferred from it.
 */
import * as z from 'zod';

// No code generation: zod's fast path compiles parsers with `new Function`, which the library's
// Content Security Policy forbids (no 'unsafe-eval'). Set before any schema below is made, as zod
// reads it then (src/annotations/document.ts does the same).
z.config({ jitless: true });

/** Limits, so a portal's glossary cannot make matching slow. */
export const GLOSSARY_LIMITS = { term: 100, aliases: 300, definition: 1000, url: 2048 } as const;

/** What sort of word an entry explains, so an element can group or style them. */
export const GLOSSARY_KINDS = [
  'test', // a kind of scan or test: CT scan, DEXA scan
  'technique', // how pictures are taken: T2-weighted, contrast
  'position', // where: anterior, bilateral
  'anatomy', // a normal part of the body: renal pelvis, basal ganglia
  'finding', // something a report can describe: effusion, fracture
  'descriptor', // how something looks or changed: well-defined, stable
  'hedge', // how sure the report is, or a report word: no, in keeping with, likely
  'device', // lines, tubes and devices: NG tube, pacemaker
  'procedure', // operations and their traces: sternotomy wires, resection
  'person', // people: radiologist, GP
] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

const text = (max: number, name: string) =>
  z
    .string({ error: `${name} must be text of 1 to ${max} characters` })
    .refine((value) => value.trim().length > 0 && value.length <= max, { error: `${name} must be text of 1 to ${max} characters` });

/** A glossary entry. Field order is the order problems are reported in. */
export const glossaryEntrySchema = z.object({
  /** Stable id, kebab-case, e.g. 'pleural-effusion'. */
  id: z.string({ error: 'id must be kebab-case, like "pleural-effusion"' }).regex(ID, { error: 'id must be kebab-case, like "pleural-effusion"' }),
  term: text(GLOSSARY_LIMITS.term, 'term'),
  aliases: z
    .array(text(GLOSSARY_LIMITS.term, 'aliases'), { error: `aliases must be a list of texts of 1 to ${GLOSSARY_LIMITS.term} characters` })
    .max(GLOSSARY_LIMITS.aliases, { error: `aliases must be a list of at most ${GLOSSARY_LIMITS.aliases} texts` })
    .optional(),
  definition: text(GLOSSARY_LIMITS.definition, 'definition'),
  url: z
    .string({ error: 'url must be https' })
    .max(GLOSSARY_LIMITS.url, { error: 'url must be https' })
    .refine(isHttps, { error: 'url must be https' })
    .optional(),
  everyday: z.boolean({ error: 'everyday must be true or false' }).optional(),
  sensitive: z.boolean({ error: 'sensitive must be true or false' }).optional(),
  kind: z.enum(GLOSSARY_KINDS, { error: `kind must be one of ${GLOSSARY_KINDS.join(', ')}` }).optional(),
});

/** One entry as the data files write it. */
export type GlossaryEntryData = z.input<typeof glossaryEntrySchema>;
/** What sort of word an entry explains. */
export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];

/** The entry, checked, or the first problem in plain words naming the field ("url must be https"). */
export function checkGlossaryEntry(value: unknown): { entry: z.output<typeof glossaryEntrySchema> } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'entry must be an object' };
  const result = glossaryEntrySchema.safeParse(value);
  if (result.success) return { entry: result.data };
  return { problem: result.error.issues[0]?.message ?? 'entry is not valid' };
}
