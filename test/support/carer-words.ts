/**
 * Words that speak to the patient about themself, which a carer must not see (issue 17): "your"
 * and "eich"/"'ch" about the patient's body, report, images or care team; "my"/"fy" on the patient's
 * choices; "dy" (the `ti` form, never used). Where "you" is the helper (their browser, their
 * question, their mind) the words stay: {@link HELPER_OWNED_EN}, {@link HELPER_OWNED_CY}.
 *
 * The Welsh list is a draft, for a Welsh speaker's review like the Welsh words themselves.
 */

/** What "your ..." may be in carer mode: the helper's own. */
export const HELPER_OWNED_EN = ['internet', 'web', 'keyboard', 'question', 'own', 'mind'];
/** What "eich ..." may be in carer mode: the helper's own. */
export const HELPER_OWNED_CY = ['cysylltiad', 'porwr', 'bysellfwrdd', 'cwestiwn', 'meddwl', 'hun'];

const EN: RegExp[] = [
  /\bmeans? for (you|me)\b/gi,
  /\b(through|decide|talk) with you\b/gi,
  /\b(you|I) (are|were|was) given\b/gi,
  /\bwhy you had\b/gi,
  /\bdo I need\b/gi,
  /\bmy (images|appointment|care team|questions|report)\b/gi,
];
const CY: RegExp[] = [
  /(?<!\p{L})dy(?!\p{L})/giu,
  /(?<!\p{L})fy (nelweddau|nhîm|apwyntiad|nghwestiynau)/giu,
  /\bi mi\?/gi,
  /\barna i\?/gi,
  /\b(t|d)rafod gyda chi\b/gi,
  /\bcawsoch\b/gi,
];

/** The phrases in `text` that speak to the patient about themself (empty when it is right for a carer). */
export function patientAddressed(text: string, language: 'en' | 'cy'): string[] {
  const found: string[] = [];
  if (language === 'en') {
    for (const m of text.matchAll(/\byour\s+(\p{L}+)/giu)) if (!HELPER_OWNED_EN.includes(m[1]!.toLowerCase())) found.push(m[0]);
    for (const pattern of EN) for (const m of text.matchAll(pattern)) found.push(m[0]);
  } else {
    for (const m of text.matchAll(/(?<!\p{L})(eich|\p{L}+['’]ch)\s+(\p{L}+)/giu)) if (!HELPER_OWNED_CY.includes(m[2]!.toLowerCase())) found.push(m[0]);
    for (const pattern of CY) for (const m of text.matchAll(pattern)) found.push(m[0]);
  }
  return found;
}
