import type { Trace } from '../trace';
import { SpanFlag } from '../trace';

/**
 * Per service/operation totals, like Jaeger UI's "Trace Statistics" view. One pass over the
 * columns keyed by (service, operation) index pair; the row count is bounded by the string tables,
 * not by the span count.
 */
export interface StatisticsRow {
  readonly service: string;
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

export function computeStatistics(trace: Pick<Trace, 'columns' | 'services' | 'operations'>): StatisticsRow[] {
  const { columns, services, operations } = trace;
  const opCount = Math.max(1, operations.length);
  const rows = new Map<number, { count: number; errors: number; total: number; min: number; max: number; selfTotal: number }>();
  for (let i = 0; i < columns.spanCount; i++) {
    const key = (columns.service[i] ?? 0) * opCount + (columns.operation[i] ?? 0);
    const d = columns.duration[i] ?? 0;
    let row = rows.get(key);
    if (!row) {
      row = { count: 0, errors: 0, total: 0, min: Infinity, max: -Infinity, selfTotal: 0 };
      rows.set(key, row);
    }
    row.count++;
    if (((columns.flags[i] ?? 0) & SpanFlag.Error) !== 0) row.errors++;
    row.total += d;
    row.min = Math.min(row.min, d);
    row.max = Math.max(row.max, d);
    row.selfTotal += columns.selfTime[i] ?? 0;
  }
  return [...rows.entries()]
    .map(([key, row]) => ({
      service: services[Math.floor(key / opCount)] ?? '',
      operation: operations[key % opCount] ?? '',
      ...row,
    }))
    .sort((a, b) => b.total - a.total || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation));
}
