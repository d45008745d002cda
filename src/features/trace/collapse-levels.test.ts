import { computeVisibleRows } from '../../model/visible-rows';
import { buildOne } from '../../model/test-support/build-spans';
import {
  collapseOneLevel,
  expandOneLevel,
  firstVisibleAncestor,
  rowPosition,
} from './collapse-levels';

//  0 r
//  1 ├ a
//  2 │ ├ a1
//  3 │ └ a2
//  4 └ b
//  5   └ b1
//  6     └ b11
const { trace } = buildOne([
  { id: 'r', start: 1, duration: 100 },
  { id: 'a', parent: 'r', start: 2 },
  { id: 'a1', parent: 'a', start: 3 },
  { id: 'a2', parent: 'a', start: 4 },
  { id: 'b', parent: 'r', start: 5 },
  { id: 'b1', parent: 'b', start: 6 },
  { id: 'b11', parent: 'b1', start: 7 },
]);
const columns = trace.columns;

describe('collapse and expand one level', () => {
  it('collapses from the deepest open parent on screen up, and expands back down', () => {
    const collapsed = new Uint8Array(columns.spanCount);
    const rows = () => Array.from(computeVisibleRows(columns, collapsed));
    const apply = (change: typeof collapseOneLevel) =>
      change(columns, collapsed, computeVisibleRows(columns, collapsed));

    expect(apply(collapseOneLevel)).toBe(true);
    expect(rows()).toEqual([0, 1, 2, 3, 4, 5]); // b1 (depth 2) collapsed
    apply(collapseOneLevel);
    expect(rows()).toEqual([0, 1, 4]);
    apply(collapseOneLevel);
    expect(rows()).toEqual([0]);
    expect(apply(collapseOneLevel)).toBe(false);
    apply(expandOneLevel);
    expect(rows()).toEqual([0, 1, 4]);
    apply(expandOneLevel);
    expect(rows()).toEqual([0, 1, 2, 3, 4, 5]);
    apply(expandOneLevel);
    expect(rows()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(apply(expandOneLevel)).toBe(false);
  });

  it('finds a span on screen, or the collapsed ancestor that stands for it', () => {
    const collapsed = new Uint8Array(columns.spanCount);
    collapsed[4] = 1;
    const rows = computeVisibleRows(columns, collapsed);
    expect(rowPosition(rows, 4)).toBe(4);
    expect(rowPosition(rows, 6)).toBe(-1);
    expect(firstVisibleAncestor(columns, collapsed, 6)).toBe(4);
    expect(firstVisibleAncestor(columns, collapsed, 2)).toBe(2);
  });
});
