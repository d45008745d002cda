import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByKey } from './sort-order';

const reference = (keys: readonly number[], descending: boolean): number[] =>
  keys
    .map((key, index) => ({ key: Object.is(key, -0) ? 0 : key, index }))
    .sort((a, b) => (descending ? b.key - a.key : a.key - b.key) || a.index - b.index)
    .map((entry) => entry.index);

describe('sortByKey', () => {
  it('orders stably, both ways, like a comparator sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e15, max: 1e15 }), { maxLength: 200 }),
        fc.boolean(),
        (keys, descending) => {
          expect([...sortByKey(Float64Array.from(keys), undefined, descending)]).toEqual(
            reference(keys, descending),
          );
        },
      ),
    );
  });

  it('keeps equal keys (and -0 beside +0) in input order', () => {
    expect([...sortByKey(Float64Array.from([3, 0, -0, 3, 1]))]).toEqual([1, 2, 4, 0, 3]);
    expect([...sortByKey(Float64Array.from([3, 0, -0, 3, 1]), undefined, true)]).toEqual([
      0, 3, 4, 1, 2,
    ]);
  });

  it('sorts a subset and returns its indexes into the keys', () => {
    const keys = Float64Array.from([50, 10, 40, 20, 30]);
    expect([...sortByKey(keys, Int32Array.from([0, 2, 4]))]).toEqual([4, 2, 0]);
  });

  it('sorts integers above 2^32 and fractions below 1', () => {
    const keys = Float64Array.from([2 ** 40, 0.25, 2 ** 33, 0.125, 7]);
    expect([...sortByKey(keys)]).toEqual([3, 1, 4, 2, 0]);
  });
});
