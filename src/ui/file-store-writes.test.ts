import type * as FileStore from './file-store';

/**
 * The file store's writes in order, against a small in-memory IndexedDB whose requests answer in
 * a later task, as a browser's do.
 */
function memoryIndexedDb(): IDBFactory {
  const rows = new Map<number, Record<string, unknown>>();
  let nextId = 1;
  const request = <T>(answer: () => T) => {
    const req = {} as { result?: T; onsuccess?: () => void; onerror?: () => void };
    setTimeout(() => {
      req.result = answer();
      req.onsuccess?.();
    }, 0);
    return req;
  };
  const objectStore = {
    add: (value: Record<string, unknown>) =>
      request(() => {
        const id = nextId++;
        rows.set(id, { ...value, id });
        return id;
      }),
    delete: (id: number) => request(() => void rows.delete(id)),
    get: (id: number) => request(() => rows.get(id)),
    getAll: () => request(() => [...rows.values()]),
    createIndex: () => undefined,
  };
  const db = { transaction: () => ({ objectStore: () => objectStore }) };
  return {
    open: () => {
      const req = request(() => db) as { onupgradeneeded?: () => void; result?: unknown };
      return req;
    },
  } as unknown as IDBFactory;
}

let store: typeof FileStore;
beforeEach(async () => {
  vi.stubGlobal('indexedDB', memoryIndexedDb());
  vi.resetModules();
  store = await import('./file-store');
});
afterEach(() => vi.unstubAllGlobals());

describe('the file store’s writes', () => {
  it('a Forget clicked while the same file is kept again (reopened) is not undone by it', async () => {
    const file = new Blob(['{"data":[]}']);
    await store.keepFile(file, 'a.json', ['abc']);
    const [listed] = await store.listStoredFiles();
    if (!listed) throw new Error('not kept');
    // Reopened from Recent files (kept anew), and forgotten from the list before that ends.
    const keeping = store.keepFile(file, 'a.json', ['abc']);
    const forgetting = store.forgetStoredFile(listed);
    await Promise.all([keeping, forgetting]);
    expect(await store.listStoredFiles()).toEqual([]);
  });

  it('forgets only the file named, by its name and size', async () => {
    await store.keepFile(new Blob(['{}']), 'a.json', ['abc']);
    await store.keepFile(new Blob(['{ }']), 'a.json', ['abd']);
    await store.keepFile(new Blob(['{}']), 'b.json', ['abe']);
    await store.forgetStoredFile({ name: 'a.json', size: 2 });
    const left = await store.listStoredFiles();
    expect(left.map((file) => [file.name, file.size])).toEqual(
      expect.arrayContaining([
        ['a.json', 3],
        ['b.json', 2],
      ]),
    );
    expect(left).toHaveLength(2);
  });
});
