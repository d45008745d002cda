/** The URL value of `a` or `b` that makes that side the median of the other traces. */
export const MEDIAN = 'median';

/**
 * A and B as positions in the cohort; -1 is the median of the others (for one side at most, and
 * only in a cohort of three or more, so the median is of two traces at least).
 */
export function pickPair(params: URLSearchParams, count: number): [number, number] {
  const side = (value: string | null, fallback: number) => {
    if (value === MEDIAN) return count > 2 ? -1 : fallback;
    const n = Number(value);
    return value !== null && Number.isInteger(n) && n >= 0 && n < count ? n : fallback;
  };
  const a = side(params.get('a'), 0);
  const b = side(params.get('b'), a === 0 ? 1 : 0);
  // Both medians, or one trace against itself: B falls back to a trace other than A.
  if (b === a) return [a, a === 0 ? 1 : 0];
  return [a, b];
}
