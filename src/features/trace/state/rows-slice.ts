/**
 * Rows and collapse (see RowsSlice): the collapse state and the row filters of the open trace,
 * and the visible rows they give.
 */
import { buildFoldIndex, rowAtOrBefore, type RowSet } from '../../../model/row-filter';
import type { TraceColumns } from '../../../model/trace';
import { preferenceStorage } from '../../../ui/safe-storage';
import { collapseOneLevel, expandOneLevel } from '../collapse-levels';
import { revealPath } from '../reveal-path';
import { readFoldRepeats } from './fold-preference';
import type { GetState, RowsSlice, SetState, TracePageState } from './trace-page-state';
import {
  createKeepMask,
  EMPTY_BYTES,
  EMPTY_ROWS,
  fieldsOf,
  hasChildren,
  isDefaultView,
  rowsFor,
  type RowFields,
} from './visible-rows';

/** Recomputes the visible rows; shared by the slices whose fields filter rows. */
export interface RowPass {
  /**
   * Applies `extra`, recomputes the visible rows after `collapsed` changed in place, and keeps
   * the focus on screen. `foldsOnly`: only the folds changed, so the rows without them are reused.
   */
  commit(extra?: Partial<TracePageState>, foldsOnly?: boolean): void;
  /** Starts the rows over for `columns`, with `fresh` filter fields. */
  restart(columns: TraceColumns | null, fresh: Partial<TracePageState>): void;
  /** The rows of the default view (isDefaultView), computed elsewhere; used while it shows. */
  setDefaultViewRows(rows: RowSet | undefined): void;
  /** Whether "show only matches" currently hides `index`. */
  filteredOut(index: number): boolean;
}

export function createRowPass(set: SetState, get: GetState): RowPass {
  const keepMask = createKeepMask();
  /**
   * The last rows without folds: at 1M spans their pass is the costly part, and the folds
   * arriving with the analysis (or one run opening) do not change them.
   */
  let unfoldedRows: RowSet | undefined;
  /** The worker's rows for the default view: at 1M spans, no pass over every row to show it. */
  let defaultViewRows: RowSet | undefined;
  return {
    commit(extra = {}, foldsOnly = false) {
      const state = { ...get(), ...extra };
      if (!state.columns) return;
      let next: RowFields;
      if (defaultViewRows && isDefaultView(state)) {
        next = fieldsOf(defaultViewRows);
        // Rows without folds stay right only while the other filters are unchanged.
        if (!foldsOnly) unfoldedRows = undefined;
      } else {
        const rows = rowsFor(state.columns, state, keepMask, foldsOnly ? unfoldedRows : undefined);
        unfoldedRows = rows.unfolded;
        next = rows.fields;
      }
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
    },
    restart(columns, fresh) {
      defaultViewRows = undefined;
      const rows = rowsFor(columns, { ...get(), ...fresh }, keepMask);
      unfoldedRows = rows.unfolded;
      set({ ...fresh, columns, collapseVersion: get().collapseVersion + 1, ...rows.fields });
    },
    setDefaultViewRows(rows) {
      defaultViewRows = rows;
    },
    filteredOut(index) {
      const { columns, showOnlyMatches, matches } = get();
      return (
        columns !== null &&
        showOnlyMatches &&
        matches.length > 0 &&
        keepMask(columns, matches)[index] === 0
      );
    },
  };
}

export function createRowsSlice(get: GetState, pass: RowPass): RowsSlice {
  /** `run` returns false when it changed nothing (no re-render then). */
  const withColumns = (
    run: (columns: TraceColumns, collapsed: Uint8Array) => boolean | undefined,
  ) => {
    const { columns, collapsed } = get();
    if (!columns) return;
    if (run(columns, collapsed) !== false) pass.commit();
  };

  return {
    columns: null,
    collapsed: new Uint8Array(0),
    collapseVersion: 0,
    visibleRows: EMPTY_ROWS,
    rowKinds: EMPTY_BYTES,
    rowEnds: EMPTY_ROWS,
    hiddenServices: EMPTY_BYTES,
    revealed: EMPTY_BYTES,
    showOnlyMatches: false,
    folds: null,
    unfolded: EMPTY_BYTES,
    foldRepeats: readFoldRepeats(preferenceStorage),

    reset(columns) {
      const count = columns?.spanCount ?? 0;
      pass.restart(columns, {
        collapsed: new Uint8Array(count),
        hiddenServices: EMPTY_BYTES,
        revealed: new Uint8Array(count),
        showOnlyMatches: false,
        folds: null,
        unfolded: EMPTY_BYTES,
        matches: EMPTY_ROWS,
        query: '',
        selected: -1,
        focused: columns && count > 0 ? 0 : -1,
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
      withColumns((columns, collapsed) => collapseOneLevel(columns, collapsed, get().visibleRows));
    },
    reveal(index) {
      const { columns } = get();
      if (!columns || index < 0 || index >= columns.spanCount) return;
      const filteredOut = pass.filteredOut(index);
      const changed = revealPath(columns, get(), index);
      if (changed || filteredOut) pass.commit(filteredOut ? { showOnlyMatches: false } : {});
    },
    setServiceHidden(service, hidden) {
      const current = get().hiddenServices;
      if (service < 0 || (current[service] ?? 0) === (hidden ? 1 : 0)) return;
      const next = new Uint8Array(Math.max(current.length, service + 1));
      next.set(current);
      next[service] = hidden ? 1 : 0;
      // A new filter starts from a clean slate: earlier per-subtree reveals no longer apply.
      get().revealed.fill(0);
      pass.commit({ hiddenServices: next });
    },
    showAllServices() {
      get().revealed.fill(0);
      pass.commit({ hiddenServices: EMPTY_BYTES });
    },
    revealHidden(start, end) {
      const { columns, revealed } = get();
      if (!columns) return;
      for (let c = start; c < end; c = columns.subtreeEnd[c] ?? end) revealed[c] = 1;
      pass.commit();
    },
    setShowOnlyMatches(value) {
      if (value !== get().showOnlyMatches) pass.commit({ showOnlyMatches: value });
    },
    setFoldGroups(groups, defaultViewRows) {
      const { columns } = get();
      if (!columns) return;
      pass.setDefaultViewRows(defaultViewRows);
      pass.commit(
        { folds: buildFoldIndex(columns, groups), unfolded: new Uint8Array(groups.length) },
        true,
      );
    },
    toggleFold(group) {
      const { unfolded } = get();
      if (group < 0 || group >= unfolded.length) return;
      unfolded[group] = unfolded[group] ? 0 : 1;
      pass.commit({}, true);
    },
    setFoldRepeats(value) {
      if (value !== get().foldRepeats) pass.commit({ foldRepeats: value }, true);
    },
  };
}
