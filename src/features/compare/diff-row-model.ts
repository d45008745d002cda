import type { TraceDiff } from '../../model/diff/trace-diff';
import type { LoadedTrace } from '../../worker/messages';

export type RowChange = 'same' | 'slower' | 'faster' | 'added' | 'removed';

/** A change of duration below this share of the slower side is noise, not a difference. */
export const SIGNIFICANT_CHANGE = 0.1;

export function rowChange(diff: TraceDiff, row: number): RowChange {
  const a = diff.durationA[row] ?? Number.NaN;
  const b = diff.durationB[row] ?? Number.NaN;
  if (Number.isNaN(a)) return 'added';
  if (Number.isNaN(b)) return 'removed';
  const larger = Math.max(a, b);
  if (larger === 0 || Math.abs(b - a) / larger < SIGNIFICANT_CHANGE) return 'same';
  return b > a ? 'slower' : 'faster';
}

/** Rows to show: all, or only those that differ (plus nothing else: depth keeps them readable). */
export function visibleDiffRows(diff: TraceDiff, onlyChanges: boolean): Int32Array {
  if (!onlyChanges) return Int32Array.from({ length: diff.rowCount }, (_, row) => row);
  const rows: number[] = [];
  for (let row = 0; row < diff.rowCount; row++) if (rowChange(diff, row) !== 'same') rows.push(row);
  return Int32Array.from(rows);
}

/** Service and operation of a diff row, from whichever side has the span. */
export function rowName(
  diff: TraceDiff,
  row: number,
  a: LoadedTrace,
  b: LoadedTrace,
): { service: string; operation: string } {
  const ia = diff.indexA[row] ?? -1;
  const side = ia >= 0 ? a : b;
  const index = ia >= 0 ? ia : (diff.indexB[row] ?? 0);
  return {
    service: side.services[side.columns.service[index] ?? 0] ?? '',
    operation: side.operations[side.columns.operation[index] ?? 0] ?? '',
  };
}
