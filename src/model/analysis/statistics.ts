import type { Trace, TraceColumns } from '../trace';
import { SpanFlag } from '../trace';
import { computeSpanPairs, type SpanPairs } from './span-pairs';

/**
 * Per service/operation totals, like Jaeger UI's "Trace Statistics" view. One typed-array pass
 * over the columns into per-pair accumulators (span-pairs.ts); no object or Map lookup per span,
 * so 1M spans cost one linear pass. The row count is bounded by the distinct pairs, not by the
 * span count.
 */
export interface StatisticsRow {
  readonly service: string;
  /** '' for a row that sums a whole service. */
  readonly operation: string;
  readonly count: number;
  readonly errors: number;
  /** Sum of durations, µs. */
  readonly total: number;
  readonly min: number;
  readonly max: number;
  /** Sum of self times (children clipped), µs. */
  readonly selfTotal: number;
}

/** Per-pair accumulators, indexed by pair id. */
export interface PairTotals {
  readonly pairs: SpanPairs;
  readonly count: Float64Array;
  readonly errors: Float64Array;
  readonly total: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly selfTotal: Float64Array;
}

export function accumulatePairs(columns: TraceColumns, pairs: SpanPairs): PairTotals {
  const m = pairs.pairCount;
  const count = new Float64Array(m);
  const errors = new Float64Array(m);
  const total = new Float64Array(m);
  const min = new Float64Array(m).fill(Infinity);
  const max = new Float64Array(m).fill(-Infinity);
  const selfTotal = new Float64Array(m);
  const { duration, selfTime, flags } = columns;
  const { pairOfSpan } = pairs;
  for (let i = 0; i < columns.spanCount; i++) {
    const p = pairOfSpan[i] ?? 0;
    const d = duration[i] ?? 0;
    count[p] = (count[p] ?? 0) + 1;
    if (((flags[i] ?? 0) & SpanFlag.Error) !== 0) errors[p] = (errors[p] ?? 0) + 1;
    total[p] = (total[p] ?? 0) + d;
    if (d < (min[p] ?? Infinity)) min[p] = d;
    if (d > (max[p] ?? -Infinity)) max[p] = d;
    selfTotal[p] = (selfTotal[p] ?? 0) + (selfTime[i] ?? 0);
  }
  return { pairs, count, errors, total, min, max, selfTotal };
}

const byTotal = (a: StatisticsRow, b: StatisticsRow): number =>
  b.total - a.total || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation);

/** One row per (service, operation) pair of the totals, in pair order. */
export function pairRows(
  totals: PairTotals,
  services: readonly string[],
  operations: readonly string[],
): StatisticsRow[] {
  const { pairs } = totals;
  const rows: StatisticsRow[] = [];
  for (let p = 0; p < pairs.pairCount; p++) {
    rows.push({
      service: services[pairs.pairService[p] ?? 0] ?? '',
      operation: operations[pairs.pairOperation[p] ?? 0] ?? '',
      count: totals.count[p] ?? 0,
      errors: totals.errors[p] ?? 0,
      total: totals.total[p] ?? 0,
      min: totals.min[p] ?? 0,
      max: totals.max[p] ?? 0,
      selfTotal: totals.selfTotal[p] ?? 0,
    });
  }
  return rows;
}

/** One row per (service, operation), largest total first. */
export function computeStatistics(
  trace: Pick<Trace, 'columns' | 'services' | 'operations'>,
): StatisticsRow[] {
  const { columns, services, operations } = trace;
  const rows = pairRows(
    accumulatePairs(columns, computeSpanPairs(columns, operations.length)),
    services,
    operations,
  );
  return rows.sort(byTotal);
}

/** Folds (service, operation) rows into one row per service (operation ''). */
export function statisticsByService(rows: readonly StatisticsRow[]): StatisticsRow[] {
  const byService = new Map<string, { -readonly [K in keyof StatisticsRow]: StatisticsRow[K] }>();
  for (const row of rows) {
    const sum = byService.get(row.service);
    if (!sum) {
      byService.set(row.service, { ...row, operation: '' });
      continue;
    }
    sum.count += row.count;
    sum.errors += row.errors;
    sum.total += row.total;
    sum.min = Math.min(sum.min, row.min);
    sum.max = Math.max(sum.max, row.max);
    sum.selfTotal += row.selfTotal;
  }
  return [...byService.values()].sort(byTotal);
}
