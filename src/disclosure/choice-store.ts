/**
 * Where a patient's choices (see my images now, or not yet) are remembered. The portal chooses:
 * memory only (the default: forgotten on reload), this browser tab (session storage), this
 * browser (local storage), or an adapter of its own (for example its server).
 *
 * Keys are a SHA-256 hash of the portal's study key, so even a key that happens to hold an
 * identifier is never stored as it is; values hold only the choice and when it was made.
 */
export interface ChoiceStore {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, value: string): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}

/** A remembered choice: what, and when (ISO 8601). Never who. */
export interface StoredChoice {
  choice: 'reveal' | 'defer';
  at: string;
}

const memory = new Map<string, string>();

/** Remembered for this page only (the default). */
export const memoryStore: ChoiceStore = {
  get: (key) => memory.get(key),
  set: (key, value) => void memory.set(key, value),
  delete: (key) => void memory.delete(key),
};

// --- issue 17 carer: a clean end ---
/** Forget every choice and question kept in memory on this page (sign-out). */
export function clearMemoryStore(): void {
  memory.clear();
}

/** Forget every choice and question this library kept in session and local storage (`pv-choice:`, `pv-questions:` keys). */
export function forgetWebStorage(): void {
  for (const kind of ['sessionStorage', 'localStorage'] as const) {
    try {
      const storage = globalThis[kind];
      for (const key of Object.keys(storage)) if (/^pv-(choice|questions):/.test(key)) storage.removeItem(key);
    } catch {
      // Blocked by the browser's settings: nothing was kept there.
    }
  }
}

/** Remembered in session storage (this tab) or local storage (this browser). Storage errors are ignored. */
export function webStorageStore(kind: 'session' | 'local'): ChoiceStore {
  const storage = (): Storage | undefined => {
    try {
      return kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
    } catch {
      return undefined; // blocked by the browser's settings
    }
  };
  return {
    get: (key) => storage()?.getItem(key) ?? undefined,
    set: (key, value) => {
      try {
        storage()?.setItem(key, value);
      } catch {
        // Full or blocked: the choice is still kept for this page.
      }
    },
    delete: (key) => storage()?.removeItem(key),
  };
}

/** How an element says where to keep things: a built-in store by name, or the portal's own. */
export type StoreSetting = 'memory' | 'session' | 'local' | ChoiceStore;

/** The store for a `storage` setting. */
export function choiceStoreFor(setting: StoreSetting | undefined): ChoiceStore {
  if (setting && typeof setting === 'object') return setting;
  if (setting === 'session' || setting === 'local') return webStorageStore(setting);
  return memoryStore;
}

/** The storage key for a study and a scope: `pv-choice:` and a SHA-256 hex digest. */
export async function choiceKey(studyKey: string, scope: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${scope}\n${studyKey}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `pv-choice:${hex}`;
}

/** Read a stored choice, ignoring anything malformed. */
export function parseChoice(value: string | undefined): StoredChoice | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<StoredChoice>;
    if ((parsed.choice === 'reveal' || parsed.choice === 'defer') && typeof parsed.at === 'string') {
      return { choice: parsed.choice, at: parsed.at };
    }
  } catch {
    // not ours
  }
  return undefined;
}

/** What is kept for a study and scope; undefined without a study key, or when the store fails. */
export async function readKept(setting: StoreSetting, studyKey: string, scope: string): Promise<string | undefined> {
  if (!studyKey) return undefined;
  try {
    return (await choiceStoreFor(setting).get(await choiceKey(studyKey, scope))) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keep a value for a study and scope (undefined forgets it). Nothing is kept without a study key;
 * a store that fails is ignored, and the page still holds the value.
 */
export async function keep(setting: StoreSetting, studyKey: string, scope: string, value: string | undefined): Promise<void> {
  if (!studyKey) return;
  try {
    const store = choiceStoreFor(setting);
    const key = await choiceKey(studyKey, scope);
    await (value === undefined ? store.delete(key) : store.set(key, value));
  } catch {
    // Kept for this page only.
  }
}
