import { choiceStoreFor, keep, readKept, type StoreSetting } from '../disclosure/choice-store.js';

/**
 * "Questions for my appointment": the questions a patient saved about a study, in their own words,
 * kept where the portal says (`storage`: memory, this tab, this browser, or its own adapter) under
 * their own key, `pv-questions:` and a SHA-256 hex digest of the study key (never the key as it is).
 *
 * Until issue 12 they were kept through the choice store (`pv-choice:…`, scope `questions`), whose
 * values should hold only choices. A list still kept there is read back once, moved to the new key
 * and forgotten under the old one, so nothing a patient saved is lost.
 */

/** The most questions kept for a study. */
export const SAVED_QUESTIONS_LIMIT = 50;

/** The prefix of every saved-questions key. */
export const SAVED_QUESTIONS_PREFIX = 'pv-questions:';

/** The choice-store scope the questions were kept under before they had their own key. */
const LEGACY_SCOPE = 'questions';

/** The storage key for a study's saved questions: `pv-questions:` and a SHA-256 hex digest. */
export async function savedQuestionsKey(studyKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`questions\n${studyKey}`));
  return SAVED_QUESTIONS_PREFIX + [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A stored list, read as strings only (anything else is not ours: an empty list). */
function parse(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((q): q is string => typeof q === 'string').slice(0, SAVED_QUESTIONS_LIMIT) : [];
  } catch {
    return [];
  }
}

/**
 * The questions saved for a study (empty without a study key, or when the store fails). A list
 * kept under the old choice-store key is moved to the new key.
 */
export async function readSavedQuestions(setting: StoreSetting, studyKey: string): Promise<string[]> {
  if (!studyKey) return [];
  let stored: string | undefined;
  try {
    stored = (await choiceStoreFor(setting).get(await savedQuestionsKey(studyKey))) ?? undefined;
  } catch {
    return [];
  }
  const current = parse(stored);
  if (current) return current;
  const legacy = parse(await readKept(setting, studyKey, LEGACY_SCOPE));
  if (!legacy) return [];
  await writeSavedQuestions(setting, studyKey, legacy);
  await keep(setting, studyKey, LEGACY_SCOPE, undefined);
  return legacy;
}

/** Keep a study's questions. Nothing is kept without a study key; a store that fails is ignored. */
export async function writeSavedQuestions(setting: StoreSetting, studyKey: string, questions: readonly string[]): Promise<void> {
  if (!studyKey) return;
  try {
    await choiceStoreFor(setting).set(await savedQuestionsKey(studyKey), JSON.stringify(questions));
  } catch {
    // Kept for this page only.
  }
}
