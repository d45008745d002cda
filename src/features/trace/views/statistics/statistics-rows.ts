import {
  pairRows,
  statisticsByService,
  type StatisticsRow,
} from '../../../../model/analysis/statistics';
import type { PairTotals } from '../../../../model/analysis/statistics';
import type { SortState } from '../trace-aggregates';

export type StatisticsGroup = 'service' | 'operation';
export type StatisticsColumn =
  | 'service'
  | 'operation'
  | 'count'
  | 'total'
  | 'avg'
  | 'min'
  | 'max'
  | 'self'
  | 'percent'
  | 'errors';
export const TEXT_COLUMNS: readonly StatisticsColumn[] = ['service', 'operation'];

/** Rows of the table (at most one per service+operation pair), built from the per-pair totals. */
export function statisticsRows(
  totals: PairTotals,
  services: readonly string[],
  operations: readonly string[],
  group: StatisticsGroup,
): StatisticsRow[] {
  const rows = pairRows(totals, services, operations);
  return group === 'service' ? statisticsByService(rows) : rows;
}

const value = (row: StatisticsRow, column: StatisticsColumn): number | string => {
  switch (column) {
    case 'service':
      return row.service;
    case 'operation':
      return row.operation;
    case 'count':
      return row.count;
    case 'total':
      return row.total;
    case 'avg':
      return row.count > 0 ? row.total / row.count : 0;
    case 'min':
      return row.min;
    case 'max':
      return row.max;
    case 'self':
    case 'percent':
      // The share of the trace is self time over the trace duration: same order as self time.
      return row.selfTotal;
    case 'errors':
      return row.errors;
  }
};

/** Sorted copy; ties fall back to service then operation, so the order is stable across sorts. */
export function sortStatistics(
  rows: readonly StatisticsRow[],
  sort: SortState<StatisticsColumn>,
): StatisticsRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const primary =
      typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return (
      sign * primary || a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation)
    );
  });
}
