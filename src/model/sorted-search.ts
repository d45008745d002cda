/**
 * Binary searches over ascending numbers (typed arrays of span indexes, chunk offsets, times).
 * One implementation for every caller: the off-by-one choices live here, tested once.
 * The array must be sorted ascending; with equal values, lowerBound finds the first of them and
 * upperBound the position after the last.
 */
export type SortedNumbers = ArrayLike<number>;

/** First position whose value is ≥ `value` (`sorted.length` when none). */
export function lowerBound(sorted: SortedNumbers, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose value is > `value` (`sorted.length` when none). */
export function upperBound(sorted: SortedNumbers, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `value`, or -1 when it is absent. */
export function sortedIndexOf(sorted: SortedNumbers, value: number): number {
  const at = lowerBound(sorted, value);
  return at < sorted.length && sorted[at] === value ? at : -1;
}

/** Position of the last value ≤ `value`, or -1 when every value is greater. */
export function lastAtOrBefore(sorted: SortedNumbers, value: number): number {
  return upperBound(sorted, value) - 1;
}
