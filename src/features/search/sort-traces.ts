/** Result orderings. Every comparator ends on trace id, so equal keys never reshuffle rows. */
import type { TraceSummary } from '../../model/trace-summary';

export const SORT_OPTIONS = [
  { value: 'recent', label: 'Most recent' },
  { value: 'oldest', label: 'Oldest' },
  { value: 'longest', label: 'Longest first' },
  { value: 'shortest', label: 'Shortest first' },
  { value: 'most-spans', label: 'Most spans' },
  { value: 'fewest-spans', label: 'Fewest spans' },
  { value: 'most-errors', label: 'Most errors' },
  { value: 'name', label: 'Name A–Z' },
] as const;

export type SortKey = (typeof SORT_OPTIONS)[number]['value'];

export const isSortKey = (value: string): value is SortKey =>
  SORT_OPTIONS.some((option) => option.value === value);

export const traceName = (trace: TraceSummary): string =>
  `${trace.rootService}: ${trace.rootOperation}`;

type Compare = (a: TraceSummary, b: TraceSummary) => number;

const byName: Compare = (a, b) => traceName(a).localeCompare(traceName(b));

const COMPARATORS: Record<SortKey, Compare> = {
  recent: (a, b) => b.startTime - a.startTime,
  oldest: (a, b) => a.startTime - b.startTime,
  longest: (a, b) => b.duration - a.duration,
  shortest: (a, b) => a.duration - b.duration,
  'most-spans': (a, b) => b.spanCount - a.spanCount,
  'fewest-spans': (a, b) => a.spanCount - b.spanCount,
  'most-errors': (a, b) => b.errorCount - a.errorCount || b.startTime - a.startTime,
  name: (a, b) => byName(a, b) || b.startTime - a.startTime,
};

/** A sorted copy; the input (React Query's cached data) is never mutated. */
export function sortTraces<T extends TraceSummary>(traces: readonly T[], key: SortKey): T[] {
  const compare = COMPARATORS[key];
  return [...traces].sort(
    (a, b) => compare(a, b) || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0),
  );
}
