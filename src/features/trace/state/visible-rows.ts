/**
 * The row pass behind the rows slice: collapse state and filters (row-filter.ts) in one
 * typed-array pass, then the folds. Pure functions of the state they are given.
 */
import { matchesWithAncestors } from '../../../model/analysis/find';
import {
  computeRowSet,
  computeUnfoldedRowSet,
  type FoldIndex,
  type RowSet,
} from '../../../model/row-filter';
import type { TraceColumns } from '../../../model/trace';

export const EMPTY_ROWS = new Int32Array(0);
export const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_SET: RowSet = {
  rows: EMPTY_ROWS,
  kinds: EMPTY_BYTES,
  ends: EMPTY_ROWS,
  filteredOut: 0,
};

/** What the row pass reads; the fields of the rows and find slices of the same names. */
export interface FilterState {
  readonly collapsed: Uint8Array;
  readonly hiddenServices: Uint8Array;
  readonly revealed: Uint8Array;
  readonly showOnlyMatches: boolean;
  readonly matches: Int32Array;
  readonly folds: FoldIndex | null;
  readonly unfolded: Uint8Array;
  readonly foldRepeats: boolean;
}

export interface RowFields {
  /** Span index each row stands at (collapse state and filters applied), ascending. */
  readonly visibleRows: Int32Array;
  /** Per row: RowKind (span, hidden services, folded repeated siblings). */
  readonly rowKinds: Uint8Array;
  /** Per row: one past the last span it stands for (hidden and folded rows cover ranges). */
  readonly rowEnds: Int32Array;
}

/**
 * Whether `state` shows the default view: nothing collapsed, no service hidden, no "only matches",
 * every run of repeated siblings folded. (Collapse and fold flags are only ever 0 or 1.)
 */
export function isDefaultView(state: FilterState): boolean {
  return (
    state.foldRepeats &&
    state.folds !== null &&
    !(state.showOnlyMatches && state.matches.length > 0) &&
    state.hiddenServices.indexOf(1) < 0 &&
    state.unfolded.indexOf(1) < 0 &&
    state.collapsed.indexOf(1) < 0
  );
}

/**
 * One typed-array pass (row-filter.ts) for the collapse state and every filter but the folds,
 * unless `unfolded` (that pass's result) still holds; then the folds.
 */
export function rowsFor(
  columns: TraceColumns | null,
  state: FilterState,
  keep: KeepMask,
  unfolded?: RowSet,
): { fields: RowFields; unfolded: RowSet } {
  if (!columns) return { fields: fieldsOf(EMPTY_SET), unfolded: EMPTY_SET };
  const filter = filterOf(columns, state, keep);
  const base = unfolded ?? computeUnfoldedRowSet(columns, filter);
  return { fields: fieldsOf(computeRowSet(columns, filter, base)), unfolded: base };
}

export const fieldsOf = (set: RowSet): RowFields => ({
  visibleRows: set.rows,
  rowKinds: set.kinds,
  rowEnds: set.ends,
});

function filterOf(columns: TraceColumns, state: FilterState, keep: KeepMask) {
  return {
    collapsed: state.collapsed,
    hiddenServices: state.hiddenServices,
    revealed: state.revealed,
    // Only while there are matches: an empty result would otherwise empty the waterfall.
    keep: state.showOnlyMatches && state.matches.length > 0 ? keep(columns, state.matches) : null,
    folds: state.foldRepeats ? state.folds : null,
    unfolded: state.unfolded,
  };
}

export type KeepMask = (columns: TraceColumns, matches: Int32Array) => Uint8Array;

/**
 * matchesWithAncestors is O(n): one cache per store, per (columns, matches), so a collapse click
 * reuses it (a module-level cache would be shared by two trace pages).
 */
export function createKeepMask(): KeepMask {
  let cache: { columns: TraceColumns; matches: Int32Array; keep: Uint8Array } | null = null;
  return (columns, matches) => {
    if (cache?.columns !== columns || cache.matches !== matches)
      cache = { columns, matches, keep: matchesWithAncestors(columns, matches) };
    return cache.keep;
  };
}

export const hasChildren = (columns: TraceColumns, index: number): boolean =>
  (columns.subtreeEnd[index] ?? 0) > index + 1;
