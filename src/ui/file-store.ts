/**
 * Trace files the user opened, kept in IndexedDB so a file's traces survive a reload and their
 * links work again in this browser: the file itself is stored (a Blob, which the browser keeps on
 * disk), with the trace ids it held. Bounded: at most FILE_STORE_CAP_BYTES and
 * FILE_STORE_MAX_FILES, the least recently opened files go first.
 *
 * Nothing here throws: where IndexedDB is blocked (a storage-blocked frame, some private modes)
 * every call resolves with the reason, and the page says that files live in the tab only.
 */
import { isTraceIdKey, traceIdKey } from '../model/ids';
import { browserIndexedDb } from './safe-storage';

export const FILE_STORE_CAP_BYTES = 200 * 1024 * 1024;
export const FILE_STORE_MAX_FILES = 20;

export interface StoredFileInfo {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly savedAt: number;
  /** Trace ids as traceIdKey gives them. */
  readonly traceIds: readonly string[];
}

interface StoredFile extends StoredFileInfo {
  readonly blob: Blob;
}

export type KeepOutcome =
  { readonly kept: true } | { readonly kept: false; readonly reason: string };

const DB = 'cairn-files';
const STORE = 'files';
const BLOCKED = 'this browser does not let Cairn store files here (storage is blocked)';

const listeners = new Set<() => void>();
/** Why files are not kept, once a call found out; undefined while they are (or not yet known). */
let blockedReason: string | undefined;

export function subscribeFileStore(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((listener) => listener());

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

let opening: Promise<IDBDatabase> | undefined;
function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const factory = browserIndexedDb();
    let request: IDBOpenDBRequest | undefined;
    try {
      request = factory?.open(DB, 1);
    } catch {
      // Thrown where storage is blocked: as if there were no IndexedDB.
    }
    if (!request) return reject(new Error(BLOCKED));
    const opened = request;
    opened.onupgradeneeded = () => {
      const files = opened.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      files.createIndex('traceIds', 'traceIds', { multiEntry: true });
    };
    opened.onsuccess = () => resolve(opened.result);
    opened.onerror = () => reject(new Error(BLOCKED));
    opened.onblocked = () => reject(new Error(BLOCKED));
  }).catch((error: unknown) => {
    // Once, when it is found out (listeners then read it): the rejection stays cached, and
    // notifying on every call would loop with listeners that list the files again.
    blockedReason = BLOCKED;
    changed();
    throw error;
  });
  return opening;
}

const store = async (mode: IDBTransactionMode) =>
  (await database()).transaction(STORE, mode).objectStore(STORE);

/**
 * Writes one after another. Opening a kept file again keeps it anew (a new record replacing the
 * old): a Forget clicked meanwhile deleted the old record, then the keep finishing after it put
 * the file back (an e2e run saw it). Queued, the Forget comes after that keep and removes it.
 */
let writes: Promise<unknown> = Promise.resolve();
function serially<T>(write: () => Promise<T>): Promise<T> {
  const run = writes.then(write, write);
  writes = run.catch(() => undefined);
  return run;
}

/** Why opened files are not kept in this browser, if they are not (known after a first call). */
export const fileStoreBlocked = (): string | undefined => blockedReason;

/** Every kept file, most recent first; empty where storage is blocked. */
export async function listStoredFiles(): Promise<StoredFileInfo[]> {
  try {
    const all = (await done((await store('readonly')).getAll())) as StoredFile[];
    return all
      .map(({ id, name, size, savedAt, traceIds }) => ({ id, name, size, savedAt, traceIds }))
      .sort((a, b) => b.savedAt - a.savedAt);
  } catch {
    return [];
  }
}

/**
 * Keeps `file` with the ids of the traces read from it. The same name and size replaces the
 * earlier copy; older files are evicted until this one fits the caps.
 */
export async function keepFile(
  file: Blob,
  name: string,
  traceIds: readonly string[],
): Promise<KeepOutcome> {
  if (file.size > FILE_STORE_CAP_BYTES)
    return {
      kept: false,
      reason: `it is larger than the ${FILE_STORE_CAP_BYTES >> 20} MB Cairn keeps`,
    };
  return serially(async (): Promise<KeepOutcome> => {
    try {
      const existing = await listStoredFiles();
      const objects = await store('readwrite');
      for (const id of filesToEvict(existing, name, file.size)) objects.delete(id);
      await done(
        objects.add({
          name,
          size: file.size,
          savedAt: Date.now(),
          traceIds: traceIds.map(traceIdKey),
          blob: file,
        }),
      );
      changed();
      return { kept: true };
    } catch (error) {
      const reason =
        error instanceof Error && error.message === BLOCKED
          ? BLOCKED
          : `the browser refused to store it (${error instanceof Error ? error.name : 'error'})`;
      return { kept: false, reason };
    }
  });
}

/**
 * Which kept files (most recent first) go to make room for a new one: an earlier copy (same name
 * and size), then the least recent until the new file fits both caps.
 */
export function filesToEvict(
  existing: readonly Pick<StoredFileInfo, 'id' | 'name' | 'size'>[],
  name: string,
  size: number,
  capBytes = FILE_STORE_CAP_BYTES,
  maxFiles = FILE_STORE_MAX_FILES,
): number[] {
  const evicted = existing.filter((f) => f.name === name && f.size === size).map((f) => f.id);
  const others = existing.filter((f) => !evicted.includes(f.id));
  let total = others.reduce((sum, f) => sum + f.size, 0) + size;
  let count = others.length + 1;
  for (let i = others.length - 1; i >= 0 && (total > capBytes || count > maxFiles); i--) {
    const old = others[i];
    if (!old) continue;
    evicted.push(old.id);
    total -= old.size;
    count -= 1;
  }
  return evicted;
}

/** The kept file holding `traceId`, with its bytes, if any (the most recent such file). */
export async function storedFileWith(
  traceId: string,
): Promise<{ readonly name: string; readonly blob: Blob } | undefined> {
  // An all-zero id names no trace (the registry never holds one): reading a file for it would
  // only cancel the page's backend load on the worker's latest-wins channel.
  const key = traceIdKey(traceId);
  if (!isTraceIdKey(key)) return undefined;
  try {
    const index = (await store('readonly')).index('traceIds');
    const found = (await done(index.getAll(key))) as StoredFile[];
    const latest = found.sort((a, b) => b.savedAt - a.savedAt)[0];
    return latest ? { name: latest.name, blob: latest.blob } : undefined;
  } catch {
    return undefined;
  }
}

/** A kept file, as a File to open again. */
export async function readStoredFile(id: number): Promise<File | undefined> {
  try {
    const found = (await done((await store('readonly')).get(id))) as StoredFile | undefined;
    return found ? new File([found.blob], found.name) : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets a kept file: every copy with its name and size, the file's identity as keepFile has it. */
export function forgetStoredFile(file: Pick<StoredFileInfo, 'name' | 'size'>): Promise<void> {
  return serially(async () => {
    try {
      const copies = (await listStoredFiles()).filter(
        (kept) => kept.name === file.name && kept.size === file.size,
      );
      const objects = await store('readwrite');
      await Promise.all(copies.map((copy) => done(objects.delete(copy.id))));
    } catch {
      // Nothing was kept then.
    }
    changed();
  });
}
