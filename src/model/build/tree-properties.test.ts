import fc from 'fast-check';
import { computeVisibleRows } from '../visible-rows';
import { buildSpans } from '../test-support/build-spans';
import type { TestSpan } from '../test-support/build-spans';

/**
 * Random span sets with every defect at once: ids drawn from a small pool (duplicates), parents
 * drawn from a larger pool (orphans, cycles, self-parents), missing and negative times.
 */
const spanArb: fc.Arbitrary<TestSpan> = fc.record({
  id: fc.integer({ min: 0, max: 30 }).map(String),
  parent: fc.option(fc.integer({ min: 0, max: 40 }).map(String), { nil: undefined }),
  start: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constant(Number.NaN), fc.constant(-5)),
  duration: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(Number.NaN), fc.constant(-1)),
  shared: fc.boolean(),
  trace: fc.constantFrom('t1', 't2'),
});

describe('tree invariants (property)', () => {
  it('every span appears exactly once; subtrees nest; depth = parent depth + 1; siblings by start', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 80 }), (spans) => {
        const built = buildSpans(spans);
        expect(built.reduce((n, b) => n + b.trace.spanCount, 0)).toBe(spans.length);
        for (const { trace, sourceOf } of built) {
          const { parent, depth, subtreeEnd, start, spanCount: n } = trace.columns;
          const rows = computeVisibleRows(trace.columns, new Uint8Array(n));
          expect(Array.from(rows)).toEqual(Array.from({ length: n }, (_, i) => i));
          // Each input span (source) is in exactly one row.
          expect(new Set(sourceOf).size).toBe(n);
          let roots = 0;
          for (let i = 0; i < n; i++) {
            const p = parent[i] ?? -1;
            const end = subtreeEnd[i] ?? 0;
            expect(end).toBeGreaterThan(i);
            expect(end).toBeLessThanOrEqual(n);
            if (p === -1) {
              roots++;
              expect(depth[i]).toBe(0);
            } else {
              expect(p).toBeLessThan(i);
              expect(depth[i]).toBe((depth[p] ?? 0) + 1);
              expect(i).toBeLessThan(subtreeEnd[p] ?? 0);
              expect(end).toBeLessThanOrEqual(subtreeEnd[p] ?? 0);
            }
            // Children sit in [i+1, end), hop by subtreeEnd, and are sorted by start.
            let previous = Number.NEGATIVE_INFINITY;
            for (let c = i + 1; c < end; c = subtreeEnd[c] ?? end) {
              expect(parent[c]).toBe(i);
              expect(start[c] ?? 0).toBeGreaterThanOrEqual(previous);
              previous = start[c] ?? 0;
            }
            expect(trace.columns.selfTime[i]).toBeGreaterThanOrEqual(0);
            expect(trace.columns.selfTime[i]).toBeLessThanOrEqual(trace.columns.duration[i] ?? 0);
          }
          expect(roots).toBe(trace.rootCount);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hangs each span under the first span with its parent id, whichever of them came first', () => {
    // Parent ids name lower ids only: no cycles, so the expected parent is the first span with
    // the parent id, or none (an orphan), in any input order and with duplicate ids. "a7" is a hex
    // id, "a-2" a text one (an orphan's).
    const acyclicArb = fc
      .array(
        fc.integer({ min: 0, max: 40 }).chain((id) =>
          fc.record({
            id: fc.constant(`a${id}`),
            parent: fc.option(
              fc.integer({ min: -5, max: id - 1 }).map((p) => `a${p}`),
              { nil: undefined },
            ),
            start: fc.integer({ min: 1, max: 1000 }),
          }),
        ),
        { maxLength: 80, size: 'medium' },
      )
      .chain((spans) => fc.shuffledSubarray(spans, { minLength: spans.length }));
    fc.assert(
      fc.property(acyclicArb, (spans) => {
        const [built] = buildSpans(spans);
        if (built === undefined) return;
        const { trace, sourceOf } = built;
        for (let pos = 0; pos < trace.spanCount; pos++) {
          const span = spans[sourceOf[pos] ?? -1];
          const first = spans.findIndex((other) => other.id === span?.parent);
          const p = trace.columns.parent[pos] ?? -1;
          expect(p === -1 ? -1 : sourceOf[p]).toBe(first);
        }
      }),
      { numRuns: 300 },
    );
  });
});
