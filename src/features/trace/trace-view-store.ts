/**
 * Shared UI state of the open trace (DESIGN.md §4): collapsed set, selection, keyboard focus, view
 * window and name column width. Other panels (details, minimap, find, header) read and drive the
 * waterfall through this store with narrow selectors, e.g.
 * `useTraceViewStore((s) => s.selected)` and `useTraceViewStore.getState().select(i)`.
 *
 * `collapsed` is one byte per span, mutated in place (a fresh 1M-entry array per click would be
 * garbage); `collapseVersion` changes with every mutation and `visibleRows` is replaced, so
 * subscribers re-render. Every action is at most one typed-array pass over the spans.
 */
import { create } from 'zustand';
import { matchesWithAncestors } from '../../model/analysis/find';
import type { SiblingGroup } from '../../model/analysis/repeated-siblings';
import {
  buildFoldIndex,
  computeRowSet,
  computeUnfoldedRowSet,
  rowAtOrBefore,
  type FoldIndex,
  type RowSet,
} from '../../model/row-filter';
import type { TraceColumns } from '../../model/trace';
import { collapseOneLevel, expandOneLevel } from './collapse-levels';
import { revealPath } from './reveal-path';
import { readFoldRepeats } from './waterfall/fold-preference';
import { preferenceStorage } from '../../ui/safe-storage';

export const DEFAULT_NAME_COLUMN_WIDTH = 360;
export const MIN_NAME_COLUMN_WIDTH = 160;
export const MAX_NAME_COLUMN_FRACTION = 0.8;

export interface TraceViewState {
  readonly columns: TraceColumns | null;
  readonly collapsed: Uint8Array;
  readonly collapseVersion: number;
  /** Span index each row stands at (collapse state and filters applied), ascending. */
  readonly visibleRows: Int32Array;
  /** Per row: RowKind (span, hidden services, folded repeated siblings). */
  readonly rowKinds: Uint8Array;
  /** Per row: one past the last span it stands for (hidden and folded rows cover ranges). */
  readonly rowEnds: Int32Array;
  /** 1 per service index whose spans (with their subtrees) are hidden. */
  readonly hiddenServices: Uint8Array;
  /** Per span: 1 when its subtree is shown despite the service filter. */
  readonly revealed: Uint8Array;
  /** "Show only matches" is on (it filters only while there are matches). */
  readonly showOnlyMatches: boolean;
  /** Matches of the current find, ascending span indexes. */
  readonly matches: Int32Array;
  /** Repeated sibling runs of this trace, once computed (null before). */
  readonly folds: FoldIndex | null;
  /** Per fold group: 1 when expanded. */
  readonly unfolded: Uint8Array;
  /** Repeated sibling runs fold into summary rows (on by default; off shows every span). */
  readonly foldRepeats: boolean;
  readonly showCriticalPath: boolean;
  /** Bars at clock-skew-adjusted starts or as recorded. */
  readonly timeMode: 'adjusted' | 'raw';
  /** Span whose details are open, or -1. */
  readonly selected: number;
  /** Span holding the treegrid's keyboard focus (aria-activedescendant), or -1. */
  readonly focused: number;
  /** Visible part of the time axis, as fractions of the trace duration: 0 ≤ start < end ≤ 1. */
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly nameColumnWidth: number;

  /** Starts over for a newly loaded trace (everything expanded, nothing selected). */
  reset(columns: TraceColumns | null): void;
  toggle(index: number): void;
  setCollapsed(index: number, collapsed: boolean): void;
  expandSubtree(index: number): void;
  collapseSubtree(index: number): void;
  expandAll(): void;
  collapseAll(): void;
  /** Opens the shallowest collapsed rows on screen (Jaeger UI's "expand +1"). */
  expandOneLevel(): void;
  /** Closes the deepest open rows on screen (Jaeger UI's "collapse +1"). */
  collapseOneLevel(): void;
  /** Expands the ancestors of `index` so its row is on screen (find, links, minimap). */
  reveal(index: number): void;
  /** Selects (opens details) and focuses; -1 clears the selection. */
  select(index: number): void;
  focus(index: number): void;
  setViewWindow(start: number, end: number): void;
  setNameColumnWidth(width: number): void;
  setServiceHidden(service: number, hidden: boolean): void;
  showAllServices(): void;
  /** Shows the sibling subtrees covered by a "hidden" row `[start, end)`. */
  revealHidden(start: number, end: number): void;
  setMatches(matches: Int32Array): void;
  setShowOnlyMatches(value: boolean): void;
  setFoldGroups(groups: readonly SiblingGroup[]): void;
  toggleFold(group: number): void;
  setFoldRepeats(value: boolean): void;
  setShowCriticalPath(value: boolean): void;
  setTimeMode(mode: 'adjusted' | 'raw'): void;
}

const EMPTY_ROWS = new Int32Array(0);
const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_SET: RowSet = {
  rows: EMPTY_ROWS,
  kinds: EMPTY_BYTES,
  ends: EMPTY_ROWS,
  filteredOut: 0,
};

type FilterState = Pick<
  TraceViewState,
  | 'collapsed'
  | 'hiddenServices'
  | 'revealed'
  | 'showOnlyMatches'
  | 'matches'
  | 'folds'
  | 'unfolded'
  | 'foldRepeats'
>;

/**
 * One typed-array pass (row-filter.ts) for the collapse state and every filter but the folds,
 * unless `unfolded` (that pass's result) still holds; then the folds.
 */
function rowsFor(
  columns: TraceColumns | null,
  state: FilterState,
  unfolded?: RowSet,
): { fields: Pick<TraceViewState, 'visibleRows' | 'rowKinds' | 'rowEnds'>; unfolded: RowSet } {
  if (!columns) return { fields: fieldsOf(EMPTY_SET), unfolded: EMPTY_SET };
  const filter = filterOf(columns, state);
  const base = unfolded ?? computeUnfoldedRowSet(columns, filter);
  return { fields: fieldsOf(computeRowSet(columns, filter, base)), unfolded: base };
}

const fieldsOf = (set: RowSet) => ({
  visibleRows: set.rows,
  rowKinds: set.kinds,
  rowEnds: set.ends,
});

function filterOf(columns: TraceColumns, state: FilterState) {
  // Only while there are matches: an empty result would otherwise empty the waterfall.
  const keep =
    state.showOnlyMatches && state.matches.length > 0 ? keepMask(columns, state.matches) : null;
  return {
    collapsed: state.collapsed,
    hiddenServices: state.hiddenServices,
    revealed: state.revealed,
    keep,
    folds: state.foldRepeats ? state.folds : null,
    unfolded: state.unfolded,
  };
}

/** matchesWithAncestors is O(n): cache it per (columns, matches) so a collapse click reuses it. */
let keepCache: { columns: TraceColumns; matches: Int32Array; keep: Uint8Array } | null = null;
function keepMask(columns: TraceColumns, matches: Int32Array): Uint8Array {
  if (keepCache?.columns !== columns || keepCache.matches !== matches)
    keepCache = { columns, matches, keep: matchesWithAncestors(columns, matches) };
  return keepCache.keep;
}

export const hasChildren = (columns: TraceColumns, index: number): boolean =>
  (columns.subtreeEnd[index] ?? 0) > index + 1;

export function createTraceViewStore() {
  return create<TraceViewState>()((set, get) => {
    /**
     * The last rows without folds: at 1M spans their pass is the costly part, and the folds
     * arriving with the analysis (or one run opening) do not change them.
     */
    let unfoldedRows: RowSet | undefined;
    /**
     * Recomputes visible rows after `collapsed` changed in place, and keeps focus on screen.
     * `foldsOnly`: only the folds changed, so the rows without them are reused.
     */
    const commit = (extra: Partial<TraceViewState> = {}, foldsOnly = false): void => {
      const state = { ...get(), ...extra };
      if (!state.columns) return;
      const rows = rowsFor(state.columns, state, foldsOnly ? unfoldedRows : undefined);
      unfoldedRows = rows.unfolded;
      const next = rows.fields;
      const { focused } = state;
      set({
        ...extra,
        ...next,
        collapseVersion: state.collapseVersion + 1,
        // The focus moves to the row that now stands for the focused span.
        focused:
          focused < 0
            ? focused
            : (next.visibleRows[rowAtOrBefore(next.visibleRows, focused)] ??
              next.visibleRows[0] ??
              -1),
      });
    };
    /** `run` returns false when it changed nothing (no re-render then). */
    const withColumns = (
      run: (columns: TraceColumns, collapsed: Uint8Array) => boolean | undefined,
    ) => {
      const { columns, collapsed } = get();
      if (!columns) return;
      if (run(columns, collapsed) !== false) commit();
    };
    const initial = {
      hiddenServices: EMPTY_BYTES,
      revealed: EMPTY_BYTES,
      showOnlyMatches: false,
      matches: EMPTY_ROWS,
      folds: null,
      unfolded: EMPTY_BYTES,
    } as const;

    return {
      columns: null,
      collapsed: new Uint8Array(0),
      collapseVersion: 0,
      visibleRows: EMPTY_ROWS,
      rowKinds: EMPTY_BYTES,
      rowEnds: EMPTY_ROWS,
      ...initial,
      foldRepeats: readFoldRepeats(preferenceStorage),
      showCriticalPath: false,
      timeMode: 'adjusted',
      selected: -1,
      focused: -1,
      viewStart: 0,
      viewEnd: 1,
      nameColumnWidth: DEFAULT_NAME_COLUMN_WIDTH,

      reset(columns) {
        const collapsed = new Uint8Array(columns?.spanCount ?? 0);
        const fresh = {
          ...initial,
          collapsed,
          revealed: new Uint8Array(columns?.spanCount ?? 0),
          foldRepeats: get().foldRepeats,
        };
        const rows = rowsFor(columns, fresh);
        unfoldedRows = rows.unfolded;
        set({
          columns,
          ...fresh,
          collapseVersion: get().collapseVersion + 1,
          ...rows.fields,
          selected: -1,
          focused: columns && columns.spanCount > 0 ? 0 : -1,
          viewStart: 0,
          viewEnd: 1,
        });
      },
      toggle(index) {
        withColumns((columns, collapsed) => {
          if (!hasChildren(columns, index)) return false;
          collapsed[index] = collapsed[index] ? 0 : 1;
          return true;
        });
      },
      setCollapsed(index, value) {
        withColumns((columns, collapsed) => {
          const next = value && hasChildren(columns, index) ? 1 : 0;
          if (collapsed[index] === next) return false;
          collapsed[index] = next;
          return true;
        });
      },
      expandSubtree(index) {
        withColumns((columns, collapsed) => {
          collapsed.fill(0, index, columns.subtreeEnd[index] ?? index);
          return true;
        });
      },
      collapseSubtree(index) {
        withColumns((columns, collapsed) => {
          const { subtreeEnd } = columns;
          const end = subtreeEnd[index] ?? index;
          for (let i = index; i < end; i++) collapsed[i] = (subtreeEnd[i] ?? 0) > i + 1 ? 1 : 0;
          return true;
        });
      },
      expandAll() {
        withColumns((_columns, collapsed) => {
          collapsed.fill(0);
          return true;
        });
      },
      collapseAll() {
        withColumns((columns, collapsed) => {
          const { subtreeEnd, spanCount } = columns;
          for (let i = 0; i < spanCount; i++) collapsed[i] = (subtreeEnd[i] ?? 0) > i + 1 ? 1 : 0;
          return true;
        });
      },
      expandOneLevel() {
        withColumns((columns, collapsed) => expandOneLevel(columns, collapsed, get().visibleRows));
      },
      collapseOneLevel() {
        withColumns((columns, collapsed) =>
          collapseOneLevel(columns, collapsed, get().visibleRows),
        );
      },
      reveal(index) {
        const { columns, showOnlyMatches, matches } = get();
        if (!columns || index < 0 || index >= columns.spanCount) return;
        const filteredOut =
          showOnlyMatches && matches.length > 0 && keepMask(columns, matches)[index] === 0;
        const changed = revealPath(columns, get(), index);
        if (changed || filteredOut) commit(filteredOut ? { showOnlyMatches: false } : {});
      },
      select(index) {
        set(index < 0 ? { selected: -1 } : { selected: index, focused: index });
      },
      focus(index) {
        set({ focused: index });
      },
      setViewWindow(start, end) {
        const s = Math.min(Math.max(start, 0), 1);
        const e = Math.min(Math.max(end, 0), 1);
        if (e - s <= 1e-9) return;
        set({ viewStart: s, viewEnd: e });
      },
      setNameColumnWidth(width) {
        set({ nameColumnWidth: Math.max(MIN_NAME_COLUMN_WIDTH, Math.round(width)) });
      },
      setServiceHidden(service, hidden) {
        const current = get().hiddenServices;
        if (service < 0 || (current[service] ?? 0) === (hidden ? 1 : 0)) return;
        const next = new Uint8Array(Math.max(current.length, service + 1));
        next.set(current);
        next[service] = hidden ? 1 : 0;
        // A new filter starts from a clean slate: earlier per-subtree reveals no longer apply.
        get().revealed.fill(0);
        commit({ hiddenServices: next });
      },
      showAllServices() {
        get().revealed.fill(0);
        commit({ hiddenServices: EMPTY_BYTES });
      },
      revealHidden(start, end) {
        const { columns, revealed } = get();
        if (!columns) return;
        for (let c = start; c < end; c = columns.subtreeEnd[c] ?? end) revealed[c] = 1;
        commit();
      },
      setMatches(matches) {
        const current = get().matches;
        // Two empty results are the same result: no re-render when a page starts with none.
        if (matches === current || (matches.length === 0 && current.length === 0)) return;
        if (get().showOnlyMatches) commit({ matches });
        else set({ matches });
      },
      setShowOnlyMatches(value) {
        if (value !== get().showOnlyMatches) commit({ showOnlyMatches: value });
      },
      setFoldGroups(groups) {
        const { columns } = get();
        if (!columns) return;
        commit(
          { folds: buildFoldIndex(columns, groups), unfolded: new Uint8Array(groups.length) },
          true,
        );
      },
      toggleFold(group) {
        const { unfolded } = get();
        if (group < 0 || group >= unfolded.length) return;
        unfolded[group] = unfolded[group] ? 0 : 1;
        commit({}, true);
      },
      setFoldRepeats(value) {
        if (value !== get().foldRepeats) commit({ foldRepeats: value }, true);
      },
      setShowCriticalPath(value) {
        set({ showCriticalPath: value });
      },
      setTimeMode(mode) {
        set({ timeMode: mode });
      },
    };
  });
}

/** The one view store of the trace page. */
export const useTraceViewStore = createTraceViewStore();
