import type { TraceColumns } from '../trace';
import { diffTraces, type DiffInput } from './trace-diff';

/** A trace from rows already in pre-order: [depth, "service:operation", duration µs]. */
function traceOf(rows: readonly (readonly [number, string, number])[]): DiffInput {
  const services: string[] = [];
  const operations: string[] = [];
  const intern = (table: string[], name: string) =>
    table.includes(name) ? table.indexOf(name) : table.push(name) - 1;
  const n = rows.length;
  const parent = new Int32Array(n).fill(-1);
  const subtreeEnd = new Int32Array(n);
  const stack: number[] = [];
  rows.forEach(([depth], i) => {
    while (stack.length > depth) subtreeEnd[stack.pop() ?? 0] = i;
    parent[i] = stack[stack.length - 1] ?? -1;
    stack.push(i);
  });
  while (stack.length) subtreeEnd[stack.pop() ?? 0] = n;
  const columns: TraceColumns = {
    spanCount: n,
    start: new Float64Array(n),
    duration: Float64Array.from(rows.map((row) => row[2])),
    selfTime: new Float64Array(n),
    parent,
    depth: Int32Array.from(rows.map((row) => row[0])),
    subtreeEnd,
    service: Int32Array.from(rows.map((row) => intern(services, row[1].split(':')[0] ?? ''))),
    operation: Int32Array.from(rows.map((row) => intern(operations, row[1].split(':')[1] ?? ''))),
    flags: new Uint16Array(n),
  };
  return { columns, services, operations };
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
    expect(Array.from(diff.indexB)).toEqual([0, 1, 2]);
    expect(Array.from(diff.durationB)).toEqual([130, 40, 80]);
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
    expect(diff.rowCount).toBe(5);
    expect(diff.onlyInA).toBe(1);
    expect(diff.onlyInB).toBe(2);
    const rows = Array.from({ length: diff.rowCount }, (_, r) => [
      diff.indexA[r],
      diff.indexB[r],
      diff.depth[r],
    ]);
    expect(rows).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [2, -1, 1],
      [-1, 2, 1],
      [-1, 3, 2],
    ]);
    expect(Number.isNaN(diff.durationB[2])).toBe(true);
  });

  it('aligns repeated calls by occurrence, so an extra 6th call is the one reported', () => {
    const calls = (count: number) =>
      Array.from({ length: count }, () => [1, 'db:select', 2] as const);
    const diff = diffTraces(
      traceOf([[0, 'api:list', 20], ...calls(5)]),
      traceOf([[0, 'api:list', 25], ...calls(6)]),
    );
    expect(diff.matched).toBe(6);
    expect(diff.onlyInB).toBe(1);
    expect(diff.indexB[diff.rowCount - 1]).toBe(6);
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
    expect(diff.rowCount).toBe(3);
    expect(Array.from(diff.depth)).toEqual([0, 0, 1]);
  });
});
