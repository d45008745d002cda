import fc from 'fast-check';
import { computeVisibleRows } from './visible-rows';
import { firstChild, nextSibling, parentOf, previousSibling } from './tree-navigation';
import { buildOne } from './test-support/build-spans';

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
const rows = (collapsed: Uint8Array): number[] =>
  Array.from(computeVisibleRows(columns, collapsed));
const state = (...indexes: number[]): Uint8Array => {
  const s = new Uint8Array(columns.spanCount);
  for (const i of indexes) s[i] = 1;
  return s;
};

describe('computeVisibleRows', () => {
  it('shows everything when nothing is collapsed, and hides collapsed descendants only', () => {
    expect(rows(state())).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rows(state(1))).toEqual([0, 1, 4, 5, 6]);
    expect(rows(state(0))).toEqual([0]);
    expect(rows(state(5, 1))).toEqual([0, 1, 4, 5]);
    expect(rows(state(2))).toEqual([0, 1, 2, 3, 4, 5, 6]); // collapsing a leaf changes nothing
  });

  it('equals a filter of "no collapsed ancestor" for any collapse state (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7, maxLength: 7, max: 1 }), (collapsed) => {
        const expected = [];
        for (let i = 0; i < columns.spanCount; i++) {
          let hidden = false;
          for (let p = columns.parent[i] ?? -1; p !== -1; p = columns.parent[p] ?? -1)
            hidden ||= collapsed[p] === 1;
          if (!hidden) expected.push(i);
        }
        expect(rows(collapsed)).toEqual(expected);
      }),
    );
  });
});

describe('tree navigation', () => {
  it('moves to first child, siblings and parent in O(1) from the columns', () => {
    expect(firstChild(columns, 0)).toBe(1);
    expect(firstChild(columns, 2)).toBe(-1);
    expect(nextSibling(columns, 1)).toBe(4);
    expect(nextSibling(columns, 2)).toBe(3);
    expect(nextSibling(columns, 3)).toBe(-1);
    expect(nextSibling(columns, 4)).toBe(-1);
    expect(previousSibling(columns, 4)).toBe(1);
    expect(previousSibling(columns, 1)).toBe(-1);
    expect(parentOf(columns, 6)).toBe(5);
  });
});
