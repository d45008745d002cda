/**
 * The operations table's rows from the grouped answers: each metric's mean over the window and its
 * points for the sparkline, and Jaeger UI's "impact": mean latency × mean request rate, relative to
 * the operation where that product is largest (1 = the operation that costs the most time).
 */
import type { MetricSeries } from '../../api/metrics-client';

export interface OperationRow {
  readonly name: string;
  /** Means over the window's points; null when the operation had none. */
  readonly latency: number | null;
  readonly rate: number | null;
  readonly errorRate: number | null;
  /** 0–1, null when latency or rate is missing. */
  readonly impact: number | null;
  readonly latencySeries: readonly (number | null)[];
  readonly rateSeries: readonly (number | null)[];
  readonly errorSeries: readonly (number | null)[];
}

export type OperationSortKey = 'name' | 'latency' | 'rate' | 'errorRate' | 'impact';

export function operationRows(
  latencies: readonly MetricSeries[],
  calls: readonly MetricSeries[],
  errors: readonly MetricSeries[],
): OperationRow[] {
  const byName = (list: readonly MetricSeries[]) =>
    new Map(list.map((one) => [one.operation, one] as const));
  const latency = byName(latencies);
  const rate = byName(calls);
  const error = byName(errors);
  const names = new Set([...latency.keys(), ...rate.keys(), ...error.keys()]);
  const rows = [...names].map((name) => {
    // Means come with the series (computed in the metrics worker): no pass over the points here.
    const l = latency.get(name);
    const r = rate.get(name);
    const e = error.get(name);
    return {
      name,
      latency: l?.mean ?? null,
      rate: r?.mean ?? null,
      errorRate: e?.mean ?? null,
      latencySeries: l?.values ?? [],
      rateSeries: r?.values ?? [],
      errorSeries: e?.values ?? [],
    };
  });
  let maxCost = 0;
  for (const row of rows) {
    if (row.latency !== null && row.rate !== null)
      maxCost = Math.max(maxCost, row.latency * row.rate);
  }
  return rows.map((row) => ({
    ...row,
    impact:
      row.latency === null || row.rate === null
        ? null
        : maxCost > 0
          ? (row.latency * row.rate) / maxCost
          : 0,
  }));
}

/** Sorted copy; missing values last whichever the direction, names as a stable tie-break. */
export function sortOperations(
  rows: readonly OperationRow[],
  key: OperationSortKey,
  descending: boolean,
): OperationRow[] {
  const sign = descending ? -1 : 1;
  const byName = (a: OperationRow, b: OperationRow) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

export function filterOperations(
  rows: readonly OperationRow[],
  text: string,
): readonly OperationRow[] {
  const needle = text.trim().toLowerCase();
  return needle === '' ? rows : rows.filter((row) => row.name.toLowerCase().includes(needle));
}
