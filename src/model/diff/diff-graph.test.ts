import fc from 'fast-check';
import { traceOf, type TestRow } from './diff-test-trace';
import { diffTraces } from './trace-diff';

describe('the structural diff graph', () => {
  it('merges same-named calls under one parent into a node with counts on each side', () => {
    const calls = (n: number, ms: number): TestRow[] =>
      Array.from({ length: n }, () => [1, 'db:select', ms]);
    const { graph, nameOperation } = diffTraces(
      traceOf([[0, 'api:list', 20], ...calls(3, 2), [1, 'cache:get', 1]]),
      traceOf([[0, 'api:list', 90], ...calls(7, 10)]),
    );
    expect(graph.nodeCount).toBe(3);
    const select = Array.from(graph.name).findIndex((k) => nameOperation[k] === 'select');
    expect([graph.countA[select], graph.countB[select]]).toEqual([3, 7]);
    expect([graph.durationA[select], graph.durationB[select]]).toEqual([6, 70]);
    const cache = Array.from(graph.name).findIndex((k) => nameOperation[k] === 'get');
    expect([graph.countA[cache], graph.countB[cache]]).toEqual([1, 0]);
    expect(graph.parent[select]).toBe(0);
    // Tidy layout: leaves on their own rows, the parent between them.
    expect(graph.slotCount).toBe(2);
    expect(graph.slot[0]).toBe(0.5);
  });

  it('accounts for every span once, and lays nodes out without overlap', () => {
    const names = ['gw:GET', 'db:q', 'c:get', 'x:y'];
    const arbTrace = fc
      .array(fc.tuple(fc.nat(3), fc.constantFrom(...names), fc.nat(50)), {
        minLength: 1,
        maxLength: 40,
      })
      .map((spec) => {
        let depth = 0;
        return spec.map(([step, name, duration], i): TestRow => {
          depth = i === 0 ? 0 : Math.max(0, depth + 1 - step);
          return [depth, name, duration];
        });
      });
    fc.assert(
      fc.property(arbTrace, arbTrace, (ra, rb) => {
        const { graph } = diffTraces(traceOf(ra), traceOf(rb));
        const sum = (values: Int32Array) => values.reduce((total, v) => total + v, 0);
        expect(sum(graph.countA)).toBe(ra.length);
        expect(sum(graph.countB)).toBe(rb.length);
        const seen = new Set<string>();
        for (let v = 0; v < graph.nodeCount; v++) {
          const place = `${graph.depth[v]}:${graph.slot[v]}`;
          expect(seen.has(place)).toBe(false);
          seen.add(place);
          const p = graph.parent[v] ?? -1;
          expect(p).toBeLessThan(v);
          if (p >= 0) expect(graph.depth[v]).toBe((graph.depth[p] ?? 0) + 1);
        }
        expect(new Set(graph.order).size).toBe(graph.nodeCount);
      }),
    );
  });
});
