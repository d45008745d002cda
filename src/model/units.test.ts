import { nanosToMicros } from './units';

describe('nanosToMicros', () => {
  it('keeps precision for epoch nanoseconds beyond 2^53', () => {
    expect(nanosToMicros('1700000000123456789')).toBeCloseTo(1700000000123456.8, 1);
  });
  it('accepts numbers and bigints', () => {
    expect(nanosToMicros(1500)).toBe(1.5);
    expect(nanosToMicros(2000n)).toBe(2);
  });
});
