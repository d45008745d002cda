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
import type { TraceColumns } from '../../model/trace';
import { computeVisibleRows } from '../../model/visible-rows';
import { collapseOneLevel, expandOneLevel, firstVisibleAncestor } from './collapse-levels';

export const DEFAULT_NAME_COLUMN_WIDTH = 360;
export const MIN_NAME_COLUMN_WIDTH = 160;
export const MAX_NAME_COLUMN_FRACTION = 0.8;

export interface TraceViewState {
  readonly columns: TraceColumns | null;
  readonly collapsed: Uint8Array;
  readonly collapseVersion: number;
  /** Span indexes of the rows on screen for the current collapse state, ascending. */
  readonly visibleRows: Int32Array;
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
}

const EMPTY_ROWS = new Int32Array(0);

export const hasChildren = (columns: TraceColumns, index: number): boolean =>
  (columns.subtreeEnd[index] ?? 0) > index + 1;

export function createTraceViewStore() {
  return create<TraceViewState>()((set, get) => {
    /** Recomputes visible rows after `collapsed` changed in place, and keeps focus on screen. */
    const commit = (): void => {
      const { columns, collapsed, collapseVersion, focused } = get();
      if (!columns) return;
      const visibleRows = computeVisibleRows(columns, collapsed);
      set({
        visibleRows,
        collapseVersion: collapseVersion + 1,
        focused: focused < 0 ? focused : firstVisibleAncestor(columns, collapsed, focused),
      });
    };
    /** `run` returns false when it changed nothing (no re-render then). */
    const withColumns = (run: (columns: TraceColumns, collapsed: Uint8Array) => boolean | undefined) => {
      const { columns, collapsed } = get();
      if (!columns) return;
      if (run(columns, collapsed) !== false) commit();
    };

    return {
      columns: null,
      collapsed: new Uint8Array(0),
      collapseVersion: 0,
      visibleRows: EMPTY_ROWS,
      selected: -1,
      focused: -1,
      viewStart: 0,
      viewEnd: 1,
      nameColumnWidth: DEFAULT_NAME_COLUMN_WIDTH,

      reset(columns) {
        const collapsed = new Uint8Array(columns?.spanCount ?? 0);
        set({
          columns,
          collapsed,
          collapseVersion: get().collapseVersion + 1,
          visibleRows: columns ? computeVisibleRows(columns, collapsed) : EMPTY_ROWS,
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
        withColumns((columns, collapsed) => collapseOneLevel(columns, collapsed, get().visibleRows));
      },
      reveal(index) {
        withColumns((columns, collapsed) => {
          let changed = false;
          for (let p = columns.parent[index] ?? -1; p >= 0; p = columns.parent[p] ?? -1) {
            if (collapsed[p]) {
              collapsed[p] = 0;
              changed = true;
            }
          }
          return changed;
        });
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
    };
  });
}

/** The one view store of the trace page. */
export const useTraceViewStore = createTraceViewStore();
