import type { SiblingGroup } from './analysis/repeated-siblings';
import { SpanFlag, type TraceColumns } from './trace';
import { computeVisibleRows } from './visible-rows';
import { lastAtOrBefore } from './sorted-search';

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
 * `filteredOut`), then service filter, then fold, then collapse. Folds are applied to the rows of
 * the other filters ({@link applyFolds}): a run folds when its first span is a row of its own, so
 * the folds arriving with the analysis (or one run opening) cost a few copies, not a new pass.
 */
export const RowKind = { Span: 0, Hidden: 1, Folded: 2 } as const;
export type RowKindValue = (typeof RowKind)[keyof typeof RowKind];

type FilterColumns = Pick<TraceColumns, 'spanCount' | 'subtreeEnd' | 'parent' | 'service'>;

/** Repeated-sibling runs, looked up by span: O(groups) memory, whatever the trace's size. */
export interface FoldIndex {
  readonly groups: readonly SiblingGroup[];
  /** Group indexes ordered by their first span. */
  readonly byFirst: Int32Array;
  /** `groups[byFirst[k]].first`, ascending (binary-searched). */
  readonly firsts: Int32Array;
  /** Per group: one past the last span of the run's last subtree. */
  readonly groupEnd: Int32Array;
  /** Parent span → its runs: their first spans (ascending) and group indexes. */
  readonly runsOfParent: ReadonlyMap<number, { firsts: Int32Array; groups: Int32Array }>;
  /**
   * Per group: spans of the run and their subtrees with an error, and with a warning flag
   * ({@link WARNING_FLAGS}). A folded row shows them: folding must never hide an error.
   */
  readonly errors: Int32Array;
  readonly warnings: Int32Array;
}

/** Flags a row marks as a warning: the data is odd (orphan, cycle, duplicate id, timing). */
export const WARNING_FLAGS =
  SpanFlag.Orphan |
  SpanFlag.CycleCut |
  SpanFlag.DuplicateId |
  SpanFlag.OutlivesParent |
  SpanFlag.StartsBeforeParent |
  SpanFlag.BadTiming;

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
  columns: Pick<TraceColumns, 'spanCount' | 'subtreeEnd' | 'parent' | 'flags'>,
  groups: readonly SiblingGroup[],
): FoldIndex {
  const n = columns.spanCount;
  const byFirst = Int32Array.from(groups.keys()).sort(
    (a, b) => (groups[a]?.first ?? 0) - (groups[b]?.first ?? 0),
  );
  const firsts = byFirst.map((g) => groups[g]?.first ?? 0);
  const groupEnd = Int32Array.from(groups, (group) => columns.subtreeEnd[group.last] ?? n);
  const byParent = new Map<number, number[]>();
  for (const g of byFirst) {
    const parent = columns.parent[groups[g]?.first ?? 0] ?? -1;
    const runs = byParent.get(parent);
    if (runs) runs.push(g);
    else byParent.set(parent, [g]);
  }
  const runsOfParent = new Map(
    Array.from(byParent, ([parent, runs]) => [
      parent,
      {
        firsts: Int32Array.from(runs, (g) => groups[g]?.first ?? 0),
        groups: Int32Array.from(runs),
      },
    ]),
  );
  // Runs never overlap, but a run may sit inside another run's subtree: O(spans in runs) ≤ O(n)
  // per nesting level, once per trace.
  const errors = new Int32Array(groups.length);
  const warnings = new Int32Array(groups.length);
  groups.forEach((group, g) => {
    for (let i = group.first, end = groupEnd[g] ?? n; i < end; i++) {
      const flags = columns.flags[i] ?? 0;
      if (flags & SpanFlag.Error) errors[g] = (errors[g] ?? 0) + 1;
      if (flags & WARNING_FLAGS) warnings[g] = (warnings[g] ?? 0) + 1;
    }
  });
  return { groups, byFirst, firsts, groupEnd, runsOfParent, errors, warnings };
}

/** The group whose run starts at span `index`, or -1. */
export function foldGroupAt(folds: FoldIndex, index: number): number {
  const k = lastAtOrBefore(folds.firsts, index);
  return k >= 0 && folds.firsts[k] === index ? (folds.byFirst[k] ?? -1) : -1;
}

/**
 * The group of which span `index` is a run member (not a member's descendant), or -1. A run is
 * consecutive siblings, so its members are the children of its parent from its first to its last.
 */
export function foldGroupOf(folds: FoldIndex, parent: Int32Array, index: number): number {
  const runs = folds.runsOfParent.get(parent[index] ?? -1);
  if (!runs) return -1;
  // The parent's last run starting at or before `index` (its runs never overlap).
  const k = lastAtOrBefore(runs.firsts, index);
  const g = k >= 0 ? (runs.groups[k] ?? -1) : -1;
  const group = folds.groups[g];
  return group && index <= group.last ? g : -1;
}

/**
 * The rows for `filter`. `unfolded` is its rows without the folds, when the caller kept them: a
 * change of the folds alone (the analysis arriving, one run opening) then costs no new pass.
 */
export function computeRowSet(
  columns: FilterColumns,
  filter: RowFilter,
  unfolded: RowSet = computeUnfoldedRowSet(columns, filter),
): RowSet {
  // Folding is off while "show only matches" filters: a folded run would hide its matches.
  return filter.folds && !filter.keep
    ? applyFolds(unfolded, filter.folds, filter.unfolded ?? null)
    : unfolded;
}

/** The rows for every filter but the folds: what {@link applyFolds} folds. */
export function computeUnfoldedRowSet(columns: FilterColumns, filter: RowFilter): RowSet {
  const n = columns.spanCount;
  const { subtreeEnd, parent, service } = columns;
  const { collapsed, revealed, keep } = filter;
  const hidden =
    filter.hiddenServices && filter.hiddenServices.includes(1) ? filter.hiddenServices : null;
  if (!hidden && !keep) {
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
    // Span rows' ends are unused.
    rows[k] = i;
    kinds[k++] = RowKind.Span;
    i = collapsed[i] ? end : i + 1;
  }
  return { rows: rows.slice(0, k), kinds: kinds.slice(0, k), ends: ends.slice(0, k), filteredOut };
}

/**
 * The rows of a trace's default view, nothing collapsed or filtered and every run folded: what
 * the waterfall shows once the analysis arrives. The worker computes them with the analysis, so
 * that at 1M spans the page does not walk every row (~45 ms) to show them.
 */
export function defaultViewRows(
  columns: FilterColumns & Pick<TraceColumns, 'flags'>,
  groups: readonly SiblingGroup[],
): RowSet {
  // An empty collapse state counts as nothing collapsed (computeVisibleRows).
  const unfolded = computeUnfoldedRowSet(columns, { collapsed: new Uint8Array(0) });
  return applyFolds(unfolded, buildFoldIndex(columns, groups), null);
}

/**
 * `rows` with each run of repeated siblings (not `unfolded`) as one Folded row, when its first
 * span is a span row of its own: not under a collapsed ancestor, a hidden row or an enclosing
 * folded run. The rows between runs are copied in blocks, so this costs O(runs × log rows) plus
 * the copies, and returns `rows` itself when nothing folds.
 */
export function applyFolds(rows: RowSet, folds: FoldIndex, unfolded: Uint8Array | null): RowSet {
  const cuts = foldCuts(rows, folds, unfolded);
  if (cuts.length === 0) return rows;
  // Each fold's rows become one row, or two with a hidden remainder.
  let size = rows.rows.length;
  for (let c = 0; c < cuts.length; c += CUT) {
    const rest = cuts[c + 3] ?? -1;
    size -= (cuts[c + 1] ?? 0) - (cuts[c] ?? 0) - (rest >= 0 ? 2 : 1);
  }
  const out = {
    rows: new Int32Array(size),
    kinds: new Uint8Array(size),
    ends: new Int32Array(size),
  };
  let from = 0;
  let k = 0;
  const copyUpTo = (to: number) => {
    const at = k - from;
    if (to - from > SHORT_BLOCK) out.rows.set(rows.rows.subarray(from, to), k);
    else for (let j = from; j < to; j++) out.rows[at + j] = rows.rows[j] ?? 0;
    // A span row's kind is 0, as the fresh array holds, and its end is unused: only the other
    // rows' are copied, so most of the 5 MB of kinds and ends at 1M spans is never touched.
    for (let j = from; j < to; j++) {
      const kind = rows.kinds[j] ?? RowKind.Span;
      if (kind !== RowKind.Span) {
        out.kinds[at + j] = kind;
        out.ends[at + j] = rows.ends[j] ?? 0;
      }
    }
    k += to - from;
  };
  const add = (row: number, kind: RowKindValue, end: number) => {
    out.rows[k] = row;
    out.kinds[k] = kind;
    out.ends[k++] = end;
  };
  for (let c = 0; c < cuts.length; c += CUT) {
    const at = cuts[c] ?? 0;
    const end = cuts[c + 2] ?? 0;
    const rest = cuts[c + 3] ?? -1;
    copyUpTo(at);
    add(rows.rows[at] ?? 0, RowKind.Folded, end);
    if (rest >= 0) add(end, RowKind.Hidden, rest);
    from = cuts[c + 1] ?? at + 1;
  }
  copyUpTo(rows.rows.length);
  return { ...out, filteredOut: rows.filteredOut };
}

/**
 * Blocks between folds up to this many rows are copied row by row: a realistic 1M-span trace has
 * tens of thousands of folds a few rows apart, and a subarray view and a native copy per block
 * cost more than the copy.
 */
const SHORT_BLOCK = 64;

/** Numbers per fold in {@link foldCuts}. */
const CUT = 4;

/**
 * Where runs fold, as [first row position, one past its last row position, end span, hidden
 * remainder end or -1] per run. The remainder: members after a revealed first one sit in a run
 * of hidden siblings that may go on past the fold; what lies past it stays one hidden row.
 */
function foldCuts(rows: RowSet, folds: FoldIndex, unfolded: Uint8Array | null): number[] {
  const cuts: number[] = [];
  let coveredUntil = 0;
  for (let k = 0; k < folds.byFirst.length; k++) {
    const g = folds.byFirst[k] ?? -1;
    const first = folds.firsts[k] ?? 0;
    if (unfolded?.[g] === 1 || first < coveredUntil) continue;
    const at = lastAtOrBefore(rows.rows, first);
    if (at < 0 || rows.rows[at] !== first || rows.kinds[at] !== RowKind.Span) continue;
    const end = folds.groupEnd[g] ?? first + 1;
    const after = lastAtOrBefore(rows.rows, end - 1) + 1;
    const lastEnd = rows.kinds[after - 1] === RowKind.Hidden ? (rows.ends[after - 1] ?? 0) : 0;
    cuts.push(at, after, end, lastEnd > end ? lastEnd : -1);
    coveredUntil = end;
  }
  return cuts;
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
  return lastAtOrBefore(rows, index);
}
