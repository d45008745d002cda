import { FILE_STORE_CAP_BYTES, filesToEvict } from './file-store';
import type * as FileStore from './file-store';

/**
 * A fresh copy of the module: whether storage was found blocked is remembered per page, and the
 * unit run shares modules between the files of a worker.
 */
let store: typeof FileStore;
beforeEach(async () => {
  vi.resetModules();
  store = await import('./file-store');
});

const file = (id: number, size: number, name = `f${id}.json`) => ({ id, name, size });

describe('filesToEvict', () => {
  it('evicts nothing while both caps hold', () => {
    expect(filesToEvict([file(2, 10), file(1, 10)], 'new.json', 10, 100, 5)).toEqual([]);
  });

  it('replaces an earlier copy of the same file (name and size)', () => {
    expect(filesToEvict([file(2, 10), file(1, 30, 'a.json')], 'a.json', 30, 100, 5)).toEqual([1]);
  });

  it('evicts the least recent files until the new one fits the byte cap', () => {
    // Most recent first: 3 is the newest, 1 the oldest.
    expect(filesToEvict([file(3, 40), file(2, 40), file(1, 40)], 'n.json', 50, 100, 9)).toEqual([
      1, 2,
    ]);
  });

  it('keeps at most maxFiles, counting the new one', () => {
    expect(filesToEvict([file(3, 1), file(2, 1), file(1, 1)], 'n.json', 1, 100, 3)).toEqual([1]);
  });
});

describe('keepFile without IndexedDB (a storage-blocked frame)', () => {
  it('tells listeners once that storage is blocked, even when they list the files again', async () => {
    let calls = 0;
    const unsubscribe = store.subscribeFileStore(() => {
      calls += 1;
      void store.listStoredFiles();
    });
    await store.listStoredFiles();
    await new Promise((resolve) => setTimeout(resolve, 20));
    unsubscribe();
    // A listener listing again re-notified for ever (the page hung) before.
    expect(calls).toBe(1);
    expect(store.fileStoreBlocked()).toMatch(/storage is blocked/);
  });

  it('says why the file is not kept, and lists nothing', async () => {
    // jsdom has no indexedDB: the same answer as a frame where touching it throws.
    expect(globalThis.indexedDB).toBeUndefined();
    expect(await store.keepFile(new Blob(['{}']), 'a.json', ['abc'])).toEqual({
      kept: false,
      reason: 'this browser does not let Cairn store files here (storage is blocked)',
    });
    expect(await store.listStoredFiles()).toEqual([]);
  });

  it('refuses a file over the cap before touching storage', async () => {
    const big = { size: FILE_STORE_CAP_BYTES + 1 } as Blob;
    expect(await store.keepFile(big, 'big.json', [])).toEqual({
      kept: false,
      reason: 'it is larger than the 200 MB Cairn keeps',
    });
  });
});
