import type { SiblingGroup } from './analysis/repeated-siblings';
import type { TraceColumns } from './trace';
import { computeVisibleRows } from './visible-rows';

/**
 * The waterfall's rows for a collapse state plus three filters, in one forward pass over the
 * pre-order columns that jumps over every subtree it does not show (O(rows + skipped ranges),
 * typed arrays only: no object per span).
 *
 * Every row stands at a span index and rows stay ascending in span index, so "which row shows
 * span i" is a binary search for the last row starting at or before i. A row is one of:
 * - Span: the span itself (its descendants too unless collapsed);
 * - Hidden: a run of consecutive sibling subtrees whose roots belong to hidden services, `[row,
 *   end)` in index (the subtree of a hidden span goes with it: its spans are shown as a count);
 * - Folded: a run of ≥ N repeated siblings (repeated-siblings.ts) with their subtrees, `[row, end)`.
 *
 * Precedence at each span: match filter (drops subtrees without a match, counted in
 * `filteredOut`), then service filter, then fold, then collapse.
 */
export const RowKind = { Span: 0, Hidden: 1, Folded: 2 } as const;
export type RowKindValue = (typeof RowKind)[keyof typeof RowKind];

type FilterColumns = Pick<TraceColumns, 'spanCount' | 'subtreeEnd' | 'parent' | 'service'>;

/** Repeated-sibling runs indexed by span, built once per trace. */
export interface FoldIndex {
  readonly groups: readonly SiblingGroup[];
  /** Group whose run starts at span i, or -1. */
  readonly groupAtFirst: Int32Array;
  /** Group of which span i is a run member (not a member's descendant), or -1. */
  readonly memberOf: Int32Array;
  /** Per group: one past the last span of the run's last subtree. */
  readonly groupEnd: Int32Array;
}

export interface RowFilter {
  readonly collapsed: Uint8Array;
  /** 1 per service index to hide; null or empty hides nothing. */
  readonly hiddenServices?: Uint8Array | null;
  /** 1 for spans whose subtree is shown despite the service filter (a clicked "hidden" row). */
  readonly revealed?: Uint8Array | null;
  /** matchesWithAncestors(): 0 drops the span's subtree; null keeps everything. */
  readonly keep?: Uint8Array | null;
  readonly folds?: FoldIndex | null;
  /** Per group: 1 when the run is expanded (shown span by span). */
  readonly unfolded?: Uint8Array | null;
}

export interface RowSet {
  /** Span index each row stands at, ascending. */
  readonly rows: Int32Array;
  /** {@link RowKind} per row. */
  readonly kinds: Uint8Array;
  /** Hidden/Folded rows: one past the last span they stand for; Span rows: unused (0 or row + 1). */
  readonly ends: Int32Array;
  /** Spans dropped by the match filter. */
  readonly filteredOut: number;
}

export function buildFoldIndex(
  columns: Pick<TraceColumns, 'spanCount' | 'subtreeEnd'>,
  groups: readonly SiblingGroup[],
): FoldIndex {
  const n = columns.spanCount;
  const { subtreeEnd } = columns;
  const groupAtFirst = new Int32Array(n).fill(-1);
  const memberOf = new Int32Array(n).fill(-1);
  const groupEnd = new Int32Array(groups.length);
  groups.forEach((group, g) => {
    groupAtFirst[group.first] = g;
    for (let c = group.first, k = 0; k < group.count && c < n; k++, c = subtreeEnd[c] ?? n)
      memberOf[c] = g;
    groupEnd[g] = subtreeEnd[group.last] ?? n;
  });
  return { groups, groupAtFirst, memberOf, groupEnd };
}

export function computeRowSet(columns: FilterColumns, filter: RowFilter): RowSet {
  const n = columns.spanCount;
  const { subtreeEnd, parent, service } = columns;
  const { collapsed, revealed, keep, folds, unfolded } = filter;
  const hidden =
    filter.hiddenServices && filter.hiddenServices.includes(1) ? filter.hiddenServices : null;
  if (!hidden && !keep && !folds) {
    // Collapse only (the common case, and the one at load): the exact-size two-pass walk.
    const rows = computeVisibleRows(columns, collapsed);
    return {
      rows,
      kinds: new Uint8Array(rows.length),
      ends: new Int32Array(rows.length),
      filteredOut: 0,
    };
  }
  // At most one row per span: fill scratch arrays (kept between calls: at 1M spans a fresh 9 MB
  // per click showed up as GC pauses), then copy out the used part.
  const { rows, kinds, ends } = scratchFor(n);
  // Folding is off while "show only matches" filters: a folded run would hide its matches.
  const groupAtFirst = folds && !keep ? folds.groupAtFirst : null;
  const groupEnds = folds?.groupEnd;
  let k = 0;
  let filteredOut = 0;
  /** Spans below this index sit in a revealed subtree: the service filter does not apply. */
  let revealedUntil = 0;
  for (let i = 0; i < n;) {
    const end = subtreeEnd[i] ?? n;
    if (keep && keep[i] === 0) {
      filteredOut += end - i;
      i = end;
      continue;
    }
    if (revealed && revealed[i] === 1 && end > revealedUntil) revealedUntil = end;
    if (hidden && i >= revealedUntil && hidden[service[i] ?? -1] === 1) {
      const last = k - 1;
      const prev = rows[last] ?? -1;
      // A sibling subtree right after a hidden run joins it: one row per run, not per span.
      if (
        last >= 0 &&
        kinds[last] === RowKind.Hidden &&
        ends[last] === i &&
        parent[prev] === parent[i]
      ) {
        ends[last] = end;
      } else {
        rows[k] = i;
        kinds[k] = RowKind.Hidden;
        ends[k++] = end;
      }
      i = end;
      continue;
    }
    const group = groupAtFirst ? (groupAtFirst[i] ?? -1) : -1;
    if (group >= 0 && unfolded?.[group] !== 1) {
      const groupEnd = groupEnds?.[group] ?? end;
      rows[k] = i;
      kinds[k] = RowKind.Folded;
      ends[k++] = groupEnd;
      i = groupEnd;
      continue;
    }
    // Span rows' ends are unused.
    rows[k] = i;
    kinds[k++] = RowKind.Span;
    i = collapsed[i] ? end : i + 1;
  }
  return { rows: rows.slice(0, k), kinds: kinds.slice(0, k), ends: ends.slice(0, k), filteredOut };
}

let scratch: { rows: Int32Array; kinds: Uint8Array; ends: Int32Array } | null = null;
function scratchFor(n: number) {
  if (!scratch || scratch.rows.length < n)
    scratch = { rows: new Int32Array(n), kinds: new Uint8Array(n), ends: new Int32Array(n) };
  return scratch;
}

/**
 * Position of the row that shows span `index`: the last row starting at or before it (its own
 * row, or the collapsed/hidden/folded row that covers it). -1 before the first row.
 */
export function rowAtOrBefore(rows: Int32Array, index: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] ?? 0) <= index) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
