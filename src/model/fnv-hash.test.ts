import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, FNV_OFFSET_BASIS } from './fnv-hash';

describe('fnv1a', () => {
  it('matches the published 32-bit FNV-1a values for ASCII', () => {
    expect(fnv1a('')).toBe(FNV_OFFSET_BASIS);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('continues from an earlier hash, and is always an unsigned 32-bit integer', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const whole = fnv1a(a + b);
        expect(fnv1a(b, fnv1a(a))).toBe(whole);
        expect(Number.isInteger(whole) && whole >= 0 && whole < 2 ** 32).toBe(true);
      }),
    );
  });
});
