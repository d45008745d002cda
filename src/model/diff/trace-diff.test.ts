import fc from 'fast-check';
import { fanOut, traceOf, type TestRow } from './diff-test-trace';
import { RowFlag } from './merged-rows';
import { diffTraces, type TraceDiff } from './trace-diff';

/** Span rows (not repeat summaries) as [indexA, indexB, depth]. */
function spanRows(diff: TraceDiff): number[][] {
  const { rows } = diff;
  const out: number[][] = [];
  for (let r = 0; r < rows.rowCount; r++)
    if (((rows.flags[r] ?? 0) & RowFlag.Repeat) === 0)
      out.push([rows.indexA[r] ?? -1, rows.indexB[r] ?? -1, rows.depth[r] ?? 0]);
  return out;
}

describe('diffTraces', () => {
  it('matches identical structure span for span, with both durations', () => {
    const a = traceOf([
      [0, 'gw:GET', 100],
      [1, 'user:get', 40],
      [1, 'order:list', 50],
    ]);
    const b = traceOf([
      [0, 'gw:GET', 130],
      [1, 'user:get', 40],
      [1, 'order:list', 80],
    ]);
    const diff = diffTraces(a, b);
    expect(diff.matched).toBe(3);
    expect(Array.from(diff.rows.indexB)).toEqual([0, 1, 2]);
    expect(Array.from(diff.rows.durationB)).toEqual([130, 40, 80]);
  });

  it('places spans only in B under their matched parent, and spans only in A with no partner', () => {
    const a = traceOf([
      [0, 'gw:GET', 100],
      [1, 'user:get', 40],
      [1, 'cache:get', 5],
    ]);
    const b = traceOf([
      [0, 'gw:GET', 100],
      [1, 'user:get', 40],
      [1, 'db:query', 30],
      [2, 'db:row', 3],
    ]);
    const diff = diffTraces(a, b);
    expect(diff.rows.rowCount).toBe(5);
    expect(diff.onlyInA).toBe(1);
    expect(diff.onlyInB).toBe(2);
    expect(spanRows(diff)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [2, -1, 1],
      [-1, 2, 1],
      [-1, 3, 2],
    ]);
    expect(diff.rows.countB[2]).toBe(0);
  });

  it('keeps the subtree of a renamed parent aligned where the children still match', () => {
    const a = traceOf([
      [0, 'gw:GET', 100],
      [1, 'svc:old-name', 80],
      [2, 'db:query', 30],
      [2, 'cache:get', 5],
    ]);
    const b = traceOf([
      [0, 'gw:GET', 100],
      [1, 'svc:new-name', 80],
      [2, 'db:query', 50],
      [2, 'cache:get', 5],
    ]);
    const diff = diffTraces(a, b);
    expect(diff.matched).toBe(3);
    expect(diff.moved).toBe(2);
    expect(spanRows(diff)).toEqual([
      [0, 0, 0],
      [1, -1, 1],
      [2, 2, 2],
      [3, 3, 2],
      [-1, 1, 1],
    ]);
  });

  it('matches children across a wrapper span that only one side has', () => {
    const a = traceOf([
      [0, 'gw:GET', 100],
      [1, 'db:query', 30],
    ]);
    const b = traceOf([
      [0, 'gw:GET', 100],
      [1, 'pool:acquire', 40],
      [2, 'db:query', 35],
    ]);
    const diff = diffTraces(a, b);
    expect(diff.matched).toBe(2);
    expect(diff.onlyInB).toBe(1);
  });

  it('summarises repeated calls as one row with the count on each side, members below it', () => {
    const calls = (count: number): TestRow[] =>
      Array.from({ length: count }, () => [1, 'db:select', 2] as const);
    const diff = diffTraces(
      traceOf([[0, 'api:list', 20], ...calls(12)]),
      traceOf([[0, 'api:list', 25], ...calls(40)]),
    );
    expect(diff.matched).toBe(13);
    expect(diff.onlyInB).toBe(28);
    const { rows } = diff;
    expect(rows.flags[1]).toBe(RowFlag.Repeat);
    expect([rows.countA[1], rows.countB[1], rows.durationA[1], rows.durationB[1]]).toEqual([
      12, 40, 24, 80,
    ]);
    expect(rows.subtreeEnd[1]).toBe(rows.rowCount);
    expect(rows.depth[2]).toBe(2);
    // Calls align by occurrence: the first 12 are matched, the rest only in B.
    expect(
      spanRows(diff)
        .slice(1, 14)
        .map(([ia, ib]) => ia !== -1 && ib !== -1),
    ).toEqual([...Array<boolean>(12).fill(true), false]);
  });

  it('marks errors per side', () => {
    const diff = diffTraces(
      traceOf([
        [0, 'gw:GET', 1],
        [1, 'pay:charge', 1, true],
      ]),
      traceOf([
        [0, 'gw:GET', 1, true],
        [1, 'pay:charge', 1],
      ]),
    );
    expect(Array.from(diff.rows.errorsA)).toEqual([0, 1]);
    expect(Array.from(diff.rows.errorsB)).toEqual([1, 0]);
  });

  it('handles traces with no common root as all-unmatched', () => {
    const diff = diffTraces(
      traceOf([[0, 'a:x', 1]]),
      traceOf([
        [0, 'b:y', 1],
        [1, 'b:z', 1],
      ]),
    );
    expect(diff.matched).toBe(0);
    expect(diff.rows.rowCount).toBe(3);
    expect(Array.from(diff.rows.depth)).toEqual([0, 0, 1]);
  });

  it('sums time, self time, calls and errors per name', () => {
    const diff = diffTraces(
      traceOf([
        [0, 'gw:GET', 100],
        [1, 'pay:charge', 10],
      ]),
      traceOf([
        [0, 'gw:GET', 2100],
        [1, 'pay:charge', 2000, true],
        [1, 'pay:charge', 10],
      ]),
    );
    const charge = diff.nameOperation.indexOf('charge');
    expect(diff.services[diff.nameService[charge] ?? -1]).toBe('pay');
    expect(diff.totals.totalB[charge]).toBe(2010);
    expect(diff.totals.callsB[charge]).toBe(2);
    expect(diff.totals.errorsB[charge]).toBe(1);
    expect(diff.totals.totalA[charge]).toBe(10);
  });

  it('runs on a chain 10,000 deep and on 1,000,000 siblings', () => {
    const chain = traceOf(Array.from({ length: 10_000 }, (_, i): TestRow => [i, 'r:resolve', 1]));
    const deep = diffTraces(chain, chain);
    expect(deep.matched).toBe(10_000);
    expect(deep.rows.depth[9_999]).toBe(9_999);

    const diff = diffTraces(fanOut(1_000_000), fanOut(999_990));
    expect(diff.matched).toBe(999_991);
    expect(diff.rows.countA[1]).toBe(1_000_000);
    expect(diff.rows.countB[1]).toBe(999_990);
  }, 30_000);
});

const names = ['gw:GET', 'db:q', 'db:r', 'c:get', 'x:y'];
/** Random pre-order rows: each depth at most one more than the previous row's. */
const arbTrace = fc
  .array(
    fc.tuple(fc.nat(3), fc.constantFrom(...names), fc.integer({ min: 0, max: 50 }), fc.boolean()),
    { minLength: 1, maxLength: 40 },
  )
  .map((spec) => {
    let depth = 0;
    return spec.map(([step, name, duration, error], i): TestRow => {
      depth = i === 0 ? 0 : Math.min(depth + 1, Math.max(0, depth + 1 - step));
      return [depth, name, duration, error];
    });
  });

describe('diffTraces properties', () => {
  it('puts every span of A and of B in exactly one row', () => {
    fc.assert(
      fc.property(arbTrace, arbTrace, (ra, rb) => {
        const diff = diffTraces(traceOf(ra), traceOf(rb));
        const rows = spanRows(diff);
        const seenA = rows.map(([ia]) => ia ?? -1).filter((i) => i >= 0);
        const seenB = rows.map(([, ib]) => ib ?? -1).filter((i) => i >= 0);
        expect(seenA.sort((x, y) => x - y)).toEqual(ra.map((_, i) => i));
        expect(seenB.sort((x, y) => x - y)).toEqual(rb.map((_, i) => i));
        expect(diff.matched + diff.onlyInA).toBe(ra.length);
        expect(diff.matched + diff.onlyInB).toBe(rb.length);
        // Subtrees nest: every row ends within its parent.
        const { parent, subtreeEnd } = diff.rows;
        for (let r = 0; r < diff.rows.rowCount; r++) {
          const p = parent[r] ?? -1;
          if (p >= 0) expect(subtreeEnd[r]).toBeLessThanOrEqual(subtreeEnd[p] ?? 0);
        }
      }),
    );
  });

  it('matches a trace with itself span for span, with no difference', () => {
    fc.assert(
      fc.property(arbTrace, (rows) => {
        const diff = diffTraces(traceOf(rows), traceOf(rows));
        expect(diff.matched).toBe(rows.length);
        expect(diff.moved).toBe(0);
        for (const [ia, ib] of spanRows(diff)) expect(ia).toBe(ib);
        const r = diff.rows;
        for (let row = 0; row < r.rowCount; row++) {
          expect(r.durationB[row]).toBe(r.durationA[row]);
          expect(r.countB[row]).toBe(r.countA[row]);
          expect(r.errorsB[row]).toBe(r.errorsA[row]);
        }
      }),
    );
  });

  it('mirrors the result when A and B swap', () => {
    fc.assert(
      fc.property(arbTrace, arbTrace, (ra, rb) => {
        const ab = diffTraces(traceOf(ra), traceOf(rb));
        const ba = diffTraces(traceOf(rb), traceOf(ra));
        expect([ba.matched, ba.onlyInA, ba.onlyInB]).toEqual([ab.matched, ab.onlyInB, ab.onlyInA]);
        const pairs = (d: TraceDiff, swap: boolean) =>
          spanRows(d)
            .filter(([ia, ib]) => ia !== -1 && ib !== -1)
            .map(([ia, ib]) => (swap ? `${ib}-${ia}` : `${ia}-${ib}`))
            .sort();
        expect(pairs(ba, true)).toEqual(pairs(ab, false));
      }),
    );
  });
});
