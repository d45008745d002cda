import { fallbackStorage } from './safe-storage';

function throwing(): Storage {
  throw new DOMException(
    'The document is sandboxed and lacks the allow-same-origin flag',
    'SecurityError',
  );
}

describe('fallbackStorage', () => {
  it('uses the browser storage when it works', () => {
    const storage = fallbackStorage(() => localStorage);
    storage.setItem('cairn.test', 'a');
    expect(localStorage.getItem('cairn.test')).toBe('a');
    expect(storage.getItem('cairn.test')).toBe('a');
    storage.removeItem('cairn.test');
    expect(localStorage.getItem('cairn.test')).toBeNull();
  });

  it('keeps values in memory when touching storage throws (blocked third-party storage)', () => {
    const storage = fallbackStorage(throwing);
    expect(storage.getItem('cairn.theme')).toBeNull();
    storage.setItem('cairn.theme', 'dark');
    expect(storage.getItem('cairn.theme')).toBe('dark');
    storage.removeItem('cairn.theme');
    expect(storage.getItem('cairn.theme')).toBeNull();
  });

  it('keeps a value that did not fit (quota) and prefers it over the stale stored one', () => {
    localStorage.setItem('cairn.big', 'old');
    const full = {
      getItem: (key: string) => localStorage.getItem(key),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: (key: string) => localStorage.removeItem(key),
    } as unknown as Storage;
    const storage = fallbackStorage(() => full);
    storage.setItem('cairn.big', 'new');
    expect(storage.getItem('cairn.big')).toBe('new');
    localStorage.removeItem('cairn.big');
  });
});
