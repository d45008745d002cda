import { computeSpanPairs } from '../../../model/analysis/span-pairs';
import { accumulatePairs, type PairTotals } from '../../../model/analysis/statistics';
import type { TraceColumns } from '../../../model/trace';
import type { LoadedTrace } from '../../../worker/messages';

/**
 * Per-(service, operation) pairs and totals of a loaded trace, computed once per trace and shared
 * by the statistics, flame and graph views (switching views must not repeat a 1M-span pass).
 * Keyed weakly by the columns, so a released trace takes its cache with it.
 */
const cache = new WeakMap<TraceColumns, PairTotals>();

export function pairTotalsOf(trace: Pick<LoadedTrace, 'columns' | 'operations'>): PairTotals {
  let totals = cache.get(trace.columns);
  if (!totals) {
    totals = accumulatePairs(
      trace.columns,
      computeSpanPairs(trace.columns, trace.operations.length),
    );
    cache.set(trace.columns, totals);
  }
  return totals;
}

/** One sort state for the views' tables. */
export interface SortState<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

/** Clicking the sorted column flips it; another column starts descending for numbers. */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  textKeys: readonly K[],
): SortState<K> {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: !textKeys.includes(key) };
}
