import { describe, expect, it } from 'vitest';
import { FOLD_REPEATS_KEY, readFoldRepeats, saveFoldRepeats } from './fold-preference';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('fold preference', () => {
  it('folds until the user turns it off, and remembers either choice', () => {
    const storage = memoryStorage();
    expect(readFoldRepeats(storage)).toBe(true);
    saveFoldRepeats(false, storage);
    expect(storage.getItem(FOLD_REPEATS_KEY)).toBe('off');
    expect(readFoldRepeats(storage)).toBe(false);
    saveFoldRepeats(true, storage);
    expect(readFoldRepeats(storage)).toBe(true);
  });

  it('falls back to folding when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readFoldRepeats(broken)).toBe(true);
    expect(() => saveFoldRepeats(false, broken)).not.toThrow();
  });
});
