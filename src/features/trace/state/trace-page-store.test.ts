import { beforeEach, describe, expect, it } from 'vitest';
import { columnsFromParents, runOfRootChildren } from '../../../worker/test-fixture';
import { computeRowSet, defaultViewRows } from '../../../model/row-filter';
import { fallbackStorage } from '../../../ui/safe-storage';
import { DEFAULT_NAME_COLUMN_WIDTH, NAME_COLUMN_WIDTH_KEY } from './layout-slice';
import { createTracePageStore } from './trace-page-store';

//  0
//  ├ 1
//  │ ├ 2
//  │ │ └ 3
//  │ └ 4
//  └ 5
const PARENTS = [-1, 0, 1, 2, 1, 0];
const rows = (store: ReturnType<typeof createTracePageStore>) =>
  Array.from(store.getState().visibleRows);

/** The rows of the store's state computed from scratch by the row pass. */
function rowsFromScratch(store: ReturnType<typeof createTracePageStore>): number[] {
  const state = store.getState();
  if (!state.columns) throw new Error('no trace');
  return Array.from(
    computeRowSet(state.columns, {
      collapsed: state.collapsed,
      hiddenServices: state.hiddenServices,
      revealed: state.revealed,
      folds: state.foldRepeats ? state.folds : null,
      unfolded: state.unfolded,
    }).rows,
  );
}

describe('trace page store', () => {
  let store: ReturnType<typeof createTracePageStore>;
  beforeEach(() => {
    // In-memory preferences: a width one test sets is not the next test's start.
    store = createTracePageStore(fallbackStorage(() => undefined));
    store.getState().reset(columnsFromParents(PARENTS));
  });

  it('starts fully expanded with focus on the first row', () => {
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(store.getState().focused).toBe(0);
    expect(store.getState().selected).toBe(-1);
  });

  it('toggles a span and bumps the version; leaves are not collapsible', () => {
    const before = store.getState().collapseVersion;
    store.getState().toggle(1);
    expect(rows(store)).toEqual([0, 1, 5]);
    expect(store.getState().collapseVersion).toBe(before + 1);
    store.getState().toggle(3);
    expect(store.getState().collapseVersion).toBe(before + 1);
    store.getState().toggle(1);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('collapses and expands all', () => {
    store.getState().collapseAll();
    expect(rows(store)).toEqual([0]);
    store.getState().expandAll();
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('moves focus to the visible ancestor when its row disappears', () => {
    store.getState().focus(3);
    store.getState().toggle(1);
    expect(store.getState().focused).toBe(1);
  });

  it('reveal expands the ancestors only', () => {
    store.getState().collapseAll();
    store.getState().reveal(3);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
    store.getState().collapseAll();
    store.getState().reveal(4);
    expect(rows(store)).toEqual([0, 1, 2, 4, 5]);
  });

  it('expands and collapses one level at a time', () => {
    store.getState().collapseAll();
    store.getState().expandOneLevel();
    expect(rows(store)).toEqual([0, 1, 5]);
    store.getState().expandOneLevel();
    expect(rows(store)).toEqual([0, 1, 2, 4, 5]);
    store.getState().collapseOneLevel();
    expect(rows(store)).toEqual([0, 1, 5]);
  });

  it('expands and collapses a subtree', () => {
    store.getState().collapseSubtree(1);
    expect(rows(store)).toEqual([0, 1, 5]);
    store.getState().toggle(1);
    expect(rows(store)).toEqual([0, 1, 2, 4, 5]);
    store.getState().expandSubtree(0);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('selecting focuses; the view window and column width are clamped', () => {
    store.getState().select(4);
    expect(store.getState()).toMatchObject({ selected: 4, focused: 4 });
    store.getState().setViewWindow(-1, 0.5);
    expect(store.getState()).toMatchObject({ viewStart: 0, viewEnd: 0.5 });
    store.getState().setNameColumnWidth(10);
    expect(store.getState().nameColumnWidth).toBe(160);
  });

  it('remembers the name column width for the next page; unusable values give the default', () => {
    const storage = fallbackStorage(() => undefined);
    const first = createTracePageStore(storage).getState();
    first.setNameColumnWidth(512.4);
    first.rememberNameColumnWidth();
    expect(createTracePageStore(storage).getState().nameColumnWidth).toBe(512);
    for (const stored of ['wide', '-5', '20', 'Infinity']) {
      storage.setItem(NAME_COLUMN_WIDTH_KEY, stored);
      expect(createTracePageStore(storage).getState().nameColumnWidth).toBe(
        DEFAULT_NAME_COLUMN_WIDTH,
      );
    }
  });

  it('hides services behind one row per sibling run; the row and reveal() show them again', () => {
    // Services alternate 0/1 by index in the fixture: 1, 3 and 5 are service 1.
    store.getState().focus(3);
    store.getState().setServiceHidden(1, true);
    expect(rows(store)).toEqual([0, 1]);
    expect(Array.from(store.getState().rowKinds)).toEqual([0, 1]);
    expect(store.getState().focused).toBe(1);
    store.getState().revealHidden(1, 6);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
    store.getState().setServiceHidden(1, false);
    store.getState().setServiceHidden(1, true);
    store.getState().reveal(4);
    // 4's hidden ancestor 1 is revealed; its sibling 5 stays behind a hidden row.
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(store.getState().rowKinds)).toEqual([0, 0, 0, 0, 0, 1]);
    store.getState().showAllServices();
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('shows only matches and their ancestors while on; reveal() of a filtered span turns it off', () => {
    store.getState().setMatches(Int32Array.of(3), 'q');
    expect(rows(store)).toHaveLength(6);
    store.getState().setShowOnlyMatches(true);
    expect(rows(store)).toEqual([0, 1, 2, 3]);
    store.getState().setMatches(Int32Array.of(5), 'q');
    expect(rows(store)).toEqual([0, 5]);
    store.getState().reveal(4);
    expect(store.getState().showOnlyMatches).toBe(false);
    expect(rows(store)).toHaveLength(6);
  });

  it('keeps one copy of the find result, with its query; reset clears it and the selection', () => {
    const matches = Int32Array.of(2, 4);
    store.getState().setMatches(matches, 'db');
    store.getState().select(2, 'replace');
    expect(store.getState()).toMatchObject({
      matches,
      query: 'db',
      selected: 2,
      selectionHistory: 'replace',
    });
    store.getState().reset(columnsFromParents(PARENTS));
    expect(store.getState()).toMatchObject({ query: '', selected: -1, focused: 0 });
    expect(store.getState().matches).toHaveLength(0);
  });

  it('two pages have two stores: nothing one does shows in the other', () => {
    const other = createTracePageStore();
    other.getState().reset(columnsFromParents(PARENTS));
    store.getState().toggle(1);
    store.getState().select(4);
    store.getState().setMatches(Int32Array.of(3), 'x');
    store.getState().setViewWindow(0.2, 0.4);
    expect(rows(other)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(other.getState()).toMatchObject({ selected: -1, query: '', viewStart: 0, viewEnd: 1 });
  });

  it('folds repeated siblings; toggleFold and reveal() unfold', () => {
    store.getState().setFoldGroups([runOfRootChildren()]);
    expect(rows(store)).toEqual([0, 1]);
    expect(store.getState().rowKinds[1]).toBe(2);
    store.getState().toggleFold(0);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
    store.getState().toggleFold(0);
    store.getState().reveal(3);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a fold change after a collapse or a hidden service shows the rows of that state', () => {
    // What the reused rows without folds must equal.
    const fromScratch = () => rowsFromScratch(store);
    store.getState().toggle(2);
    store.getState().setFoldGroups([runOfRootChildren()]);
    expect(rows(store)).toEqual([0, 1]);
    store.getState().toggleFold(0);
    expect(rows(store)).toEqual([0, 1, 2, 4, 5]);
    store.getState().setServiceHidden(0, true);
    store.getState().toggleFold(0);
    expect(rows(store)).toEqual(fromScratch());
    store.getState().setFoldRepeats(false);
    expect(rows(store)).toEqual(fromScratch());
    store.getState().toggle(2);
    store.getState().setFoldRepeats(true);
    expect(rows(store)).toEqual(fromScratch());
  });

  it('shows the default view with the rows given for it, and computes every other state', () => {
    const columns = store.getState().columns;
    if (!columns) throw new Error('no trace');
    const groups = [runOfRootChildren()];
    const given = defaultViewRows(columns, groups);
    const fromScratch = () => rowsFromScratch(store);
    // A collapse before the analysis arrived: not the default view, so computed.
    store.getState().toggle(2);
    store.getState().setFoldGroups(groups, given);
    expect(store.getState().visibleRows).not.toBe(given.rows);
    expect(rows(store)).toEqual(fromScratch());
    // Back to the default view: the given rows themselves, equal to what a pass would give.
    store.getState().toggle(2);
    expect(store.getState().visibleRows).toBe(given.rows);
    expect(rows(store)).toEqual(fromScratch());
    // A run opened, a service hidden, everything collapsed: computed; each way back: given.
    store.getState().toggleFold(0);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
    store.getState().toggleFold(0);
    expect(store.getState().visibleRows).toBe(given.rows);
    store.getState().setServiceHidden(0, true);
    expect(rows(store)).toEqual(fromScratch());
    store.getState().showAllServices();
    expect(store.getState().visibleRows).toBe(given.rows);
    store.getState().collapseAll();
    expect(rows(store)).toEqual([0]);
    store.getState().expandAll();
    expect(store.getState().visibleRows).toBe(given.rows);
    store.getState().setFoldRepeats(false);
    expect(rows(store)).toEqual([0, 1, 2, 3, 4, 5]);
    // Another trace: the rows given for the first are never used for it.
    store.getState().setFoldRepeats(true);
    store.getState().reset(columnsFromParents(PARENTS));
    store.getState().setFoldGroups(groups);
    expect(store.getState().visibleRows).not.toBe(given.rows);
    expect(rows(store)).toEqual(fromScratch());
  });

  it('critical path and time mode are view options', () => {
    store.getState().setShowCriticalPath(true);
    store.getState().setTimeMode('raw');
    expect(store.getState()).toMatchObject({ showCriticalPath: true, timeMode: 'raw' });
  });
});
