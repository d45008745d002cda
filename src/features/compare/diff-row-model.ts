import type { DiffRows } from '../../model/diff/merged-rows';
import { RowFlag } from '../../model/diff/merged-rows';
import type { DiffCore } from '../../model/diff/trace-diff';
import { formatDuration } from '../../ui/format-duration';

export type RowChange = 'same' | 'slower' | 'faster' | 'added' | 'removed' | 'calls' | 'errors';

/**
 * When a row counts as different. Both thresholds must be met, so a microsecond of jitter on
 * every span is not a difference (the default: at least 1 ms and 10% of the slower side).
 */
export interface Threshold {
  /** µs */
  readonly absolute: number;
  /** Share of the slower side, 0..1. */
  readonly relative: number;
}

export const DEFAULT_THRESHOLD: Threshold = { absolute: 1000, relative: 0.1 };

/** Rows of one service, or of one (service, operation) name, and their ancestors. */
export type NameFocus =
  | { readonly kind: 'service'; readonly service: number }
  | { readonly kind: 'name'; readonly name: number };

export interface RowFilter {
  readonly onlyDifferences: boolean;
  readonly threshold: Threshold;
  readonly focus: NameFocus | null;
}

export const isRepeat = (rows: DiffRows, row: number): boolean =>
  ((rows.flags[row] ?? 0) & RowFlag.Repeat) !== 0;

/** What a change is judged on: a row's, or a graph node's, sums on each side. */
export type SideTotals = Pick<
  DiffRows,
  'countA' | 'countB' | 'durationA' | 'durationB' | 'errorsA' | 'errorsB'
>;

export function rowChange(rows: SideTotals, row: number, threshold: Threshold): RowChange {
  const countA = rows.countA[row] ?? 0;
  const countB = rows.countB[row] ?? 0;
  if (countA === 0) return 'added';
  if (countB === 0) return 'removed';
  if (countA !== countB) return 'calls';
  const a = rows.durationA[row] ?? 0;
  const b = rows.durationB[row] ?? 0;
  const delta = Math.abs(b - a);
  if (delta > 0 && delta >= threshold.absolute && delta >= threshold.relative * Math.max(a, b))
    return b > a ? 'slower' : 'faster';
  if ((rows.errorsA[row] ?? 0) !== (rows.errorsB[row] ?? 0)) return 'errors';
  return 'same';
}

function matchesFocus(diff: DiffCore, row: number, focus: NameFocus): boolean {
  const name = diff.rows.name[row] ?? -1;
  return focus.kind === 'name'
    ? name === focus.name
    : (diff.nameService[name] ?? -1) === focus.service;
}

/**
 * Is row `row` collapsed? Repeat summaries start collapsed and ordinary rows expanded; `toggled`
 * holds the rows the user flipped.
 */
export const isCollapsed = (rows: DiffRows, toggled: ReadonlySet<number>, row: number): boolean =>
  isRepeat(rows, row) !== toggled.has(row);

/**
 * Rows to draw, in order: one forward pass that jumps over collapsed subtrees, after (when a
 * filter is on) one backward pass that keeps matching rows and their ancestors for context.
 * Typed arrays only: ~10 ms for a million rows.
 */
export function visibleRows(
  diff: DiffCore,
  toggled: ReadonlySet<number>,
  filter: RowFilter,
): Int32Array {
  const { rows } = diff;
  const n = rows.rowCount;
  let keep: Uint8Array | null = null;
  if (filter.onlyDifferences || filter.focus) {
    keep = new Uint8Array(n);
    const { focus, onlyDifferences, threshold } = filter;
    for (let r = n - 1; r >= 0; r--) {
      const hit =
        (!onlyDifferences || rowChange(rows, r, threshold) !== 'same') &&
        (!focus || matchesFocus(diff, r, focus));
      if (hit) keep[r] = 1;
      // A repeat summary's own totals decide for it; members keep it only through their hits.
      const p = rows.parent[r] ?? -1;
      if (keep[r] && p >= 0) keep[p] = 1;
    }
  }
  const out = new Int32Array(n);
  let count = 0;
  for (let r = 0; r < n;) {
    if (keep && !keep[r]) {
      r = rows.subtreeEnd[r] ?? n;
      continue;
    }
    out[count++] = r;
    r = isCollapsed(rows, toggled, r) ? (rows.subtreeEnd[r] ?? n) : r + 1;
  }
  return out.slice(0, count);
}

/** Signed change text for a row: "+1.2s (+40%)", or on which side it is missing. */
export function deltaText(rows: DiffRows, row: number): string {
  const countA = rows.countA[row] ?? 0;
  const countB = rows.countB[row] ?? 0;
  if (countA === 0) return 'only in B';
  if (countB === 0) return 'only in A';
  const a = rows.durationA[row] ?? 0;
  const delta = (rows.durationB[row] ?? 0) - a;
  const percent =
    a > 0 ? ` (${delta >= 0 ? '+' : '−'}${Math.abs(Math.round((delta / a) * 100))}%)` : '';
  return `${delta >= 0 ? '+' : '−'}${formatDuration(Math.abs(delta))}${percent}`;
}
