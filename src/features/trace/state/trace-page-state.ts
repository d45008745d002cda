/**
 * The trace page's state (DESIGN.md §4), one store per trace page split by concern. Each slice
 * is written in its own file; this file holds only their shapes so the slices can read each
 * other's fields without importing each other.
 *
 * Kinds of state that live elsewhere: the selected span and the find text are also in the URL
 * (`?span=`, `?uiFind=`; use-selection-url.ts and find-box.tsx keep them in step), preferences
 * (fold setting, detail layout) in safe storage, worker-computed data in React Query.
 */
import type { SiblingGroup } from '../../../model/analysis/repeated-siblings';
import type { FoldIndex, RowSet } from '../../../model/row-filter';
import type { TraceColumns } from '../../../model/trace';
import type { RowFields } from './visible-rows';

/**
 * Rows and collapse: which spans stand on screen. `collapsed` is one byte per span, mutated in
 * place (a fresh 1M-entry array per click would be garbage); `collapseVersion` changes with every
 * mutation and `visibleRows` is replaced, so subscribers re-render. Every action is at most one
 * typed-array pass over the spans.
 */
export interface RowsSlice extends RowFields {
  readonly columns: TraceColumns | null;
  readonly collapsed: Uint8Array;
  readonly collapseVersion: number;
  /** 1 per service index whose spans (with their subtrees) are hidden. */
  readonly hiddenServices: Uint8Array;
  /** Per span: 1 when its subtree is shown despite the service filter. */
  readonly revealed: Uint8Array;
  /** "Show only matches" is on (it filters only while there are matches). */
  readonly showOnlyMatches: boolean;
  /** Repeated sibling runs of this trace, once computed (null before). */
  readonly folds: FoldIndex | null;
  /** Per fold group: 1 when expanded. */
  readonly unfolded: Uint8Array;
  /** Repeated sibling runs fold into summary rows (on by default; off shows every span). */
  readonly foldRepeats: boolean;

  /** Starts over for a newly loaded trace (everything expanded, nothing selected or found). */
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
  setServiceHidden(service: number, hidden: boolean): void;
  showAllServices(): void;
  /** Shows the sibling subtrees covered by a "hidden" row `[start, end)`. */
  revealHidden(start: number, end: number): void;
  setShowOnlyMatches(value: boolean): void;
  /**
   * The runs of repeated siblings, folded; `defaultViewRows` (computed in the worker) are the rows
   * for nothing collapsed or filtered, used whenever the state is that.
   */
  setFoldGroups(groups: readonly SiblingGroup[], defaultViewRows?: RowSet): void;
  toggleFold(group: number): void;
  setFoldRepeats(value: boolean): void;
}

/**
 * Find: the one copy of the current find's result. The find box writes it; rows highlight it,
 * "show only matches" filters by it, f/b and the graph views step through it.
 */
export interface FindSlice {
  /** The query the matches answer ('' for none). */
  readonly query: string;
  /** Matches of the current find, ascending span indexes. */
  readonly matches: Int32Array;
  setMatches(matches: Int32Array, query: string): void;
}

/** How a selection enters the browser history: its own entry, or in place of the current one. */
export type SelectionHistory = 'push' | 'replace';

/** Selection and focus. The selected span is mirrored in the URL (`?span=`). */
export interface SelectionSlice {
  /** Span whose details are open, or -1. */
  readonly selected: number;
  /** How the last selection should be written to the URL (use-selection-url.ts). */
  readonly selectionHistory: SelectionHistory;
  /** Span holding the treegrid's keyboard focus (aria-activedescendant), or -1. */
  readonly focused: number;
  /** Selects (opens details) and focuses; -1 clears the selection. */
  select(index: number, history?: SelectionHistory): void;
  focus(index: number): void;
}

/** View window and layout: what part of the time axis shows, and how. */
export interface LayoutSlice {
  /** Visible part of the time axis, as fractions of the trace duration: 0 ≤ start < end ≤ 1. */
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly nameColumnWidth: number;
  readonly showCriticalPath: boolean;
  /** Bars at clock-skew-adjusted starts or as recorded. */
  readonly timeMode: 'adjusted' | 'raw';
  setViewWindow(start: number, end: number): void;
  setNameColumnWidth(width: number): void;
  /** Keeps the current width for the next pages (once a drag or a key press ends). */
  rememberNameColumnWidth(): void;
  setShowCriticalPath(value: boolean): void;
  setTimeMode(mode: 'adjusted' | 'raw'): void;
}

export type TracePageState = RowsSlice & FindSlice & SelectionSlice & LayoutSlice;

export type SetState = (partial: Partial<TracePageState>) => void;
export type GetState = () => TracePageState;
