import { describe, expect, it } from 'vitest';
import { formatCount } from './format-count';

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(12_345_678)).toBe('12,345,678');
  });

  it('rounds to a whole count and keeps the sign', () => {
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatCount(-12_345)).toBe('-12,345');
    expect(formatCount(-0.2)).toBe('0');
  });

  it('agrees with the en-US locale for every magnitude', () => {
    for (let value = 1; value < 1e15; value = value * 7 + 3)
      expect(formatCount(value)).toBe(value.toLocaleString('en-US'));
  });

  it('shows what is not a number as such', () => {
    expect(formatCount(Number.NaN)).toBe('NaN');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});
