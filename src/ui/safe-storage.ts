/**
 * The one way Cairn keeps preferences (theme, panel layout, last search, service colours):
 * localStorage where the browser lets us, else memory for the life of the page. Nothing here throws.
 *
 * Why: in a cross-origin iframe with third-party storage blocked, merely reading
 * `window.localStorage` throws a SecurityError; private modes and full quotas make `setItem`
 * throw; and a default parameter `storage = localStorage` throws before any try block runs.
 */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or undefined where touching it throws. */
function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A storage that tries `backing()` first and falls back to a Map per key: a value that could not
 * be written persistently is still read back for the rest of the page's life.
 */
export function fallbackStorage(backing: () => Storage | undefined): PreferenceStorage {
  const memory = new Map<string, string>();
  return {
    getItem(key) {
      if (memory.has(key)) return memory.get(key) ?? null;
      try {
        return backing()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        const storage = backing();
        if (storage) {
          storage.setItem(key, value);
          memory.delete(key);
          return;
        }
      } catch {
        // Blocked or full: kept in memory below.
      }
      memory.set(key, value);
    },
    removeItem(key) {
      memory.delete(key);
      try {
        backing()?.removeItem(key);
      } catch {
        // Nothing stored persistently then.
      }
    },
  };
}

export const preferenceStorage: PreferenceStorage = fallbackStorage(browserStorage);

/**
 * The browser's IndexedDB, or undefined where touching it throws (the same storage-blocked frames
 * as localStorage). Opening a database can still fail later: callers handle its error event.
 */
export function browserIndexedDb(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB ?? undefined;
  } catch {
    return undefined;
  }
}
