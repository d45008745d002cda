import { beforeEach, describe, expect, it } from 'vitest';
import { columnsFromParents } from '../../worker/test-fixture';
import { createTraceViewStore } from './trace-view-store';

//  0
//  ├ 1
//  │ ├ 2
//  │ │ └ 3
//  │ └ 4
//  └ 5
const PARENTS = [-1, 0, 1, 2, 1, 0];
const rows = (store: ReturnType<typeof createTraceViewStore>) => Array.from(store.getState().visibleRows);

describe('trace view store', () => {
  let store: ReturnType<typeof createTraceViewStore>;
  beforeEach(() => {
    store = createTraceViewStore();
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
});
