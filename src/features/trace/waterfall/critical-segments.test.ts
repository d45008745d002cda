import { describe, expect, it } from 'vitest';
import type { CriticalPath } from '../../../model/analysis/critical-path';
import { cachedCriticalIntervals, criticalIndex, criticalIntervals } from './critical-segments';

const path = (triples: number[]): CriticalPath => ({
  segments: Float64Array.from(triples),
  perSpan: new Float64Array(3),
  perService: new Float64Array(1),
  total: 0,
});

describe('critical segments per span', () => {
  // Span 0 owns [0,10) and [90,100); span 1 owns [10,90); two roots' walks interleave.
  const index = criticalIndex(path([0, 90, 100, 1, 10, 90, 0, 0, 10, 2, 5, 6]), 3);

  it('groups segments by span', () => {
    expect(Array.from(index.offsets)).toEqual([0, 2, 3, 4]);
  });

  it('gives each span its segments as ascending fractions of its visible bar', () => {
    expect(Array.from(criticalIntervals(index, 0, 0, 100, 0))).toEqual([0, 0.1, 0.9, 1]);
    expect(Array.from(criticalIntervals(index, 1, 10, 80, 0))).toEqual([0, 1]);
    // Shifted onto raw times and clipped to a zoomed window.
    expect(Array.from(criticalIntervals(index, 1, 0, 50, -10))).toEqual([0, 1]);
    expect(criticalIntervals(index, 0, 0, 0, 0)).toHaveLength(0);
  });

  it('merges segments closer than a pixel-ish fraction', () => {
    const many = criticalIndex(
      path(Array.from({ length: 1000 }, (_, k) => [0, k * 10, k * 10 + 9]).flat()),
      1,
    );
    expect(Array.from(criticalIntervals(many, 0, 0, 10_000, 0))).toEqual([0, 0.9999]);
  });

  it('caches per key', () => {
    const a = cachedCriticalIntervals(index, 'k', 0, 0, 100, 0);
    expect(cachedCriticalIntervals(index, 'k', 0, 0, 100, 0)).toBe(a);
    expect(cachedCriticalIntervals(index, 'other', 0, 0, 100, 0)).not.toBe(a);
  });
});
