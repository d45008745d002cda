import fc from 'fast-check';
import { lastAtOrBefore, lowerBound, sortedIndexOf, upperBound } from './sorted-search';

/** The obvious linear answers the binary searches must agree with. */
const linear = {
  lower: (a: readonly number[], v: number) => {
    const i = a.findIndex((x) => x >= v);
    return i < 0 ? a.length : i;
  },
  upper: (a: readonly number[], v: number) => {
    const i = a.findIndex((x) => x > v);
    return i < 0 ? a.length : i;
  },
};

const sortedInts = fc
  .array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 })
  .map((values) => Int32Array.from(values).sort());

describe('sorted-search', () => {
  it('finds bounds at the edges and among equal values', () => {
    const rows = Int32Array.of(2, 4, 4, 4, 9);
    expect(lowerBound(rows, 4)).toBe(1);
    expect(upperBound(rows, 4)).toBe(4);
    expect(lowerBound(rows, 1)).toBe(0);
    expect(upperBound(rows, 9)).toBe(5);
    expect(sortedIndexOf(rows, 9)).toBe(4);
    expect(sortedIndexOf(rows, 5)).toBe(-1);
    expect(lastAtOrBefore(rows, 1)).toBe(-1);
    expect(lastAtOrBefore(rows, 8)).toBe(3);
    expect(lowerBound(new Int32Array(0), 3)).toBe(0);
    expect(sortedIndexOf(new Int32Array(0), 3)).toBe(-1);
  });

  it('agrees with a linear scan on typed arrays and plain arrays', () => {
    fc.assert(
      fc.property(sortedInts, fc.integer({ min: -60, max: 60 }), (typed, value) => {
        const plain = [...typed];
        for (const sorted of [typed, plain]) {
          expect(lowerBound(sorted, value)).toBe(linear.lower(plain, value));
          expect(upperBound(sorted, value)).toBe(linear.upper(plain, value));
          expect(lastAtOrBefore(sorted, value)).toBe(linear.upper(plain, value) - 1);
          const at = sortedIndexOf(sorted, value);
          expect(at).toBe(plain.includes(value) ? plain.indexOf(value) : -1);
        }
      }),
    );
  });
});
