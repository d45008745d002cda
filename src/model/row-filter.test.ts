import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesWithAncestors } from './analysis/find';
import { findRepeatedSiblings } from './analysis/repeated-siblings';
import {
  buildFoldIndex,
  computeRowSet,
  foldGroupAt,
  foldGroupOf,
  RowKind,
  rowAtOrBefore,
  type RowSet,
} from './row-filter';
import { SpanFlag, type TraceColumns } from './trace';
import { preorderShape } from './test-support/preorder-shape';
import { computeVisibleRows } from './visible-rows';

/** Columns from a parent list already in pre-order; services alternate 0/1 by index. */
function columnsFromParents(parents: readonly number[]): TraceColumns {
  const n = parents.length;
  const { parent, depth, subtreeEnd } = preorderShape(parents);
  return {
    spanCount: n,
    start: Float64Array.from(parents, (_, i) => i * 10),
    duration: new Float64Array(n).fill(10),
    selfTime: new Float64Array(n).fill(10),
    parent,
    depth,
    subtreeEnd,
    service: Int32Array.from(parents, (_, i) => i % 2),
    operation: new Int32Array(n),
    flags: new Uint16Array(n),
  };
}

//  0 (svc 0)
//  ├ 1 (svc 1)
//  │ ├ 2 (svc 0)
//  │ │ └ 3 (svc 1)
//  │ └ 4 (svc 0)
//  └ 5 (svc 1)
const tree = columnsFromParents([-1, 0, 1, 2, 1, 0]);

/** Spans each row stands for, counting a collapsed span's descendants. */
function coverage(
  columns: Pick<TraceColumns, 'subtreeEnd'>,
  set: RowSet,
  collapsed: Uint8Array,
): number {
  let total = set.filteredOut;
  set.rows.forEach((span, r) => {
    if (set.kinds[r] !== RowKind.Span) total += (set.ends[r] ?? span + 1) - span;
    else total += collapsed[span] ? (columns.subtreeEnd[span] ?? span + 1) - span : 1;
  });
  return total;
}

/** A forest in pre-order with `service`/`operation` from small alphabets (so runs happen). */
const forest = fc
  .array(fc.tuple(fc.nat(), fc.nat(2), fc.nat(1), fc.boolean(), fc.boolean()), {
    minLength: 1,
    maxLength: 80,
  })
  .map((raw) => {
    const parents: number[] = [];
    raw.forEach(([pick], i) => {
      if (i === 0) return parents.push(-1);
      // Any earlier span on the current path keeps pre-order: walk up from the previous span.
      const path: number[] = [];
      for (let p = i - 1; p >= 0; p = parents[p] ?? -1) path.push(p);
      const choice = pick % (path.length + 1);
      return parents.push(choice === path.length ? -1 : (path[choice] ?? -1));
    });
    const base = columnsFromParents(parents);
    const columns: TraceColumns = {
      ...base,
      service: Int32Array.from(raw, ([, s]) => s),
      operation: Int32Array.from(raw, ([, , o]) => o),
    };
    return {
      columns,
      collapsed: Uint8Array.from(raw, ([, , , c]) => (c ? 1 : 0)),
      matched: raw.map(([, , , , m]) => m),
    };
  });

describe('computeRowSet', () => {
  it('without filters equals the collapse-only visible rows', () => {
    const collapsed = new Uint8Array(6);
    collapsed[1] = 1;
    const set = computeRowSet(tree, { collapsed });
    expect(Array.from(set.rows)).toEqual(Array.from(computeVisibleRows(tree, collapsed)));
    expect(Array.from(set.kinds)).toEqual([0, 0, 0]);
  });

  it('hides service subtrees as one row per run of siblings, and reveals them', () => {
    const hiddenServices = Uint8Array.of(0, 1);
    const set = computeRowSet(tree, { collapsed: new Uint8Array(6), hiddenServices });
    // 1 and 5 are consecutive siblings: one row for both subtrees.
    expect(Array.from(set.rows)).toEqual([0, 1]);
    expect(Array.from(set.kinds)).toEqual([RowKind.Span, RowKind.Hidden]);
    expect(set.ends[1]).toBe(6);
    const revealed = new Uint8Array(6);
    revealed[1] = 1;
    const shown = computeRowSet(tree, { collapsed: new Uint8Array(6), hiddenServices, revealed });
    expect(Array.from(shown.rows)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shown.kinds[5]).toBe(RowKind.Hidden);
  });

  it('merges consecutive hidden siblings into one row', () => {
    const wide = columnsFromParents([-1, 0, 0, 0, 0]);
    const columns = { ...wide, service: Int32Array.of(0, 1, 1, 1, 1) };
    const set = computeRowSet(columns, {
      collapsed: new Uint8Array(5),
      hiddenServices: Uint8Array.of(0, 1),
    });
    expect(Array.from(set.rows)).toEqual([0, 1]);
    expect(set.ends[1]).toBe(5);
  });

  it('keeps only matches and their ancestors', () => {
    const keep = matchesWithAncestors(tree, Int32Array.of(3));
    const set = computeRowSet(tree, { collapsed: new Uint8Array(6), keep });
    expect(Array.from(set.rows)).toEqual([0, 1, 2, 3]);
    expect(set.filteredOut).toBe(2);
  });

  it('folds runs of repeated siblings with their subtrees, and unfolds on request', () => {
    // 0 with six children of the same service/operation; the third has a child.
    const columns = {
      ...columnsFromParents([-1, 0, 0, 0, 3, 0, 0, 0]),
      service: Int32Array.of(0, 1, 1, 1, 2, 1, 1, 1),
      operation: new Int32Array(8),
    };
    const folds = buildFoldIndex(columns, findRepeatedSiblings(columns));
    expect(folds.groups).toHaveLength(1);
    const set = computeRowSet(columns, { collapsed: new Uint8Array(8), folds });
    expect(Array.from(set.rows)).toEqual([0, 1]);
    expect(Array.from(set.kinds)).toEqual([RowKind.Span, RowKind.Folded]);
    expect(set.ends[1]).toBe(8);
    expect(foldGroupAt(folds, 1)).toBe(0);
    expect(foldGroupAt(folds, 2)).toBe(-1);
    expect(foldGroupOf(folds, columns.parent, 4)).toBe(-1);
    expect(foldGroupOf(folds, columns.parent, 5)).toBe(0);
    expect(foldGroupOf(folds, columns.parent, 0)).toBe(-1);
    const open = computeRowSet(columns, {
      collapsed: new Uint8Array(8),
      folds,
      unfolded: Uint8Array.of(1),
    });
    expect(open.rows).toHaveLength(8);
  });

  it('counts the errors and warnings of each run with its subtrees', () => {
    // Root 0 with five children of one operation; 4 (under child 3) failed, 7 is an orphan.
    const base = columnsFromParents([-1, 0, 0, 0, 3, 0, 0, -1]);
    base.flags[4] = SpanFlag.Error;
    base.flags[5] = SpanFlag.BadTiming;
    base.flags[7] = SpanFlag.Orphan | SpanFlag.Error;
    const columns = {
      ...base,
      service: Int32Array.of(0, 1, 1, 1, 2, 1, 1, 0),
      operation: new Int32Array(8),
    };
    const folds = buildFoldIndex(columns, findRepeatedSiblings(columns));
    expect(folds.groups).toHaveLength(1);
    // Span 7 is outside the run: neither counted nor hidden by it.
    expect(Array.from(folds.errors)).toEqual([1]);
    expect(Array.from(folds.warnings)).toEqual([1]);
  });

  it('folds a run whose first span is revealed; the hidden siblings after it stay one row', () => {
    // Three roots of a hidden service; the first two are a run and the first is revealed.
    const columns = {
      ...columnsFromParents([-1, -1, -1]),
      service: Int32Array.of(1, 1, 1),
      operation: Int32Array.of(1, 1, 0),
    };
    const folds = buildFoldIndex(columns, findRepeatedSiblings(columns, 2));
    const set = computeRowSet(columns, {
      collapsed: new Uint8Array(3),
      hiddenServices: Uint8Array.of(0, 1),
      revealed: Uint8Array.of(1, 0, 0),
      folds,
    });
    expect(Array.from(set.rows)).toEqual([0, 2]);
    expect(Array.from(set.kinds)).toEqual([RowKind.Folded, RowKind.Hidden]);
    expect(Array.from(set.ends)).toEqual([2, 3]);
  });

  it('finds the row standing for a span', () => {
    const rows = Int32Array.of(0, 1, 5);
    expect(rowAtOrBefore(rows, 3)).toBe(1);
    expect(rowAtOrBefore(rows, 5)).toBe(2);
    expect(rowAtOrBefore(rows, 0)).toBe(0);
    expect(rowAtOrBefore(new Int32Array(0), 3)).toBe(-1);
  });

  it('keeps hidden rows before a fold as they were: kind and end', () => {
    // Root 0 with children 1-2 (service 1, hidden) and 3-8 (service 0, repeated: one fold).
    const columns = {
      ...columnsFromParents([-1, 0, 0, 0, 0, 0, 0, 0, 0]),
      service: Int32Array.of(0, 1, 1, 0, 0, 0, 0, 0, 0),
    };
    const folds = buildFoldIndex(columns, findRepeatedSiblings(columns));
    expect(folds.groups).toHaveLength(1);
    const set = computeRowSet(columns, {
      collapsed: new Uint8Array(9),
      hiddenServices: Uint8Array.of(0, 1),
      folds,
    });
    expect(Array.from(set.rows)).toEqual([0, 1, 3]);
    expect(Array.from(set.kinds)).toEqual([RowKind.Span, RowKind.Hidden, RowKind.Folded]);
    expect(Array.from(set.ends.subarray(1))).toEqual([3, 9]);
  });

  it('accounts for every span exactly once (rows, hidden, folded, collapsed, filtered)', () => {
    fc.assert(
      fc.property(
        forest,
        fc.boolean(),
        fc.boolean(),
        fc.nat(2),
        ({ columns, collapsed, matched }, useKeep, useFolds, hideService) => {
          const matches = Int32Array.from(matched.flatMap((m, i) => (m ? [i] : [])));
          const keep =
            useKeep && matches.length > 0 ? matchesWithAncestors(columns, matches) : null;
          const folds = useFolds ? buildFoldIndex(columns, findRepeatedSiblings(columns)) : null;
          const hiddenServices = new Uint8Array(3);
          hiddenServices[hideService] = 1;
          const set = computeRowSet(columns, { collapsed, hiddenServices, keep, folds });
          expect(coverage(columns, set, collapsed)).toBe(columns.spanCount);
          // Rows ascend and their ranges never overlap.
          for (let r = 1; r < set.rows.length; r++)
            expect(set.rows[r] ?? 0).toBeGreaterThan(set.rows[r - 1] ?? 0);
          if (keep)
            for (const m of matches) expect(rowAtOrBefore(set.rows, m)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accounts for every span at 1M spans', () => {
    const n = 1_000_000;
    // A wide two-level tree built directly: root, 100k parents of 9 leaves each.
    const parent = new Int32Array(n).fill(-1);
    const subtreeEnd = new Int32Array(n);
    for (let i = 1; i < n; i++) parent[i] = (i - 1) % 10 === 0 ? 0 : i - ((i - 1) % 10);
    for (let i = n - 1; i >= 0; i--)
      subtreeEnd[i] = i === 0 ? n : (i - 1) % 10 === 0 ? Math.min(n, i + 10) : i + 1;
    const columns = {
      spanCount: n,
      parent,
      subtreeEnd,
      service: new Int32Array(n).map((_, i) => i % 3),
    };
    const collapsed = new Uint8Array(n);
    const set = computeRowSet(columns, { collapsed, hiddenServices: Uint8Array.of(0, 0, 1) });
    // Speed is the bench's business (docs/benchmarks.md); here, nothing is lost at this size.
    expect(coverage(columns, set, collapsed)).toBe(n);
    // Leaves of the hidden service become hidden rows: fewer rows than spans.
    expect(set.rows.length).toBeLessThan(n);
  });
});
