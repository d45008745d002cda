import { describe, expect, it } from 'vitest';
import { SpanFlag } from '../trace';
import { buildFlameTree, type FlameTree } from './flame-tree';
import { computeSpanPairs } from './span-pairs';
import { buildTestTrace, type TestSpan } from './test-trace';

function flame(spans: readonly TestSpan[]) {
  const trace = buildTestTrace(spans);
  const pairs = computeSpanPairs(trace.columns, trace.operations.length);
  const tree = buildFlameTree(trace.columns, pairs);
  const nameOf = (frame: number) => {
    const pair = tree.pair[frame] ?? -1;
    return pair < 0
      ? '(root)'
      : `${trace.services[pairs.pairService[pair] ?? 0]}:${trace.operations[pairs.pairOperation[pair] ?? 0]}`;
  };
  return { tree, nameOf };
}

const frames = (tree: FlameTree, nameOf: (frame: number) => string) =>
  Array.from({ length: tree.frameCount }, (_, f) => ({
    name: nameOf(f),
    depth: tree.depth[f],
    count: tree.count[f],
    total: tree.total[f],
    x: tree.x[f],
    width: tree.width[f],
  }));

describe('buildFlameTree', () => {
  it('merges siblings and cousins with the same service+operation under the same merged parent', () => {
    const { tree, nameOf } = flame([
      { id: 'r', start: 0, duration: 100, service: 'api', operation: 'GET' },
      { id: 'a', parent: 'r', start: 0, duration: 20, service: 'db', operation: 'query' },
      { id: 'b', parent: 'r', start: 30, duration: 30, service: 'cache', operation: 'get' },
      {
        id: 'c',
        parent: 'r',
        start: 70,
        duration: 10,
        service: 'db',
        operation: 'query',
        flags: SpanFlag.Error,
      },
      { id: 'c1', parent: 'c', start: 71, duration: 4, service: 'db', operation: 'lock' },
      { id: 'a1', parent: 'a', start: 1, duration: 6, service: 'db', operation: 'lock' },
    ]);
    expect(frames(tree, nameOf)).toEqual([
      { name: '(root)', depth: -1, count: 0, total: 0, x: 0, width: 100 },
      { name: 'api:GET', depth: 0, count: 1, total: 100, x: 0, width: 100 },
      // Ordered by first appearance; the two db:query spans are one frame of 30 µs.
      { name: 'db:query', depth: 1, count: 2, total: 30, x: 0, width: 30 },
      { name: 'db:lock', depth: 2, count: 2, total: 10, x: 0, width: 10 },
      { name: 'cache:get', depth: 1, count: 1, total: 30, x: 30, width: 30 },
    ]);
    expect(tree.errors[2]).toBe(1);
    expect(tree.maxDepth).toBe(2);
  });

  it('shrinks parallel children that add up to more than their parent, keeping them inside it', () => {
    const { tree, nameOf } = flame([
      { id: 'r', start: 0, duration: 10, service: 's', operation: 'fanout' },
      { id: 'a', parent: 'r', start: 0, duration: 10, service: 's', operation: 'a' },
      { id: 'b', parent: 'r', start: 0, duration: 10, service: 's', operation: 'b' },
      { id: 'b1', parent: 'b', start: 0, duration: 10, service: 's', operation: 'leaf' },
    ]);
    const out = frames(tree, nameOf);
    expect(out.map((f) => [f.name, f.x, f.width])).toEqual([
      ['(root)', 0, 10],
      ['s:fanout', 0, 10],
      ['s:a', 0, 5],
      ['s:b', 5, 5],
      // Inherits its parent's scale: half of its 10 µs.
      ['s:leaf', 5, 5],
    ]);
  });

  it('puts several roots side by side under the virtual root', () => {
    const { tree } = flame([
      { id: 'r1', start: 0, duration: 10, service: 's', operation: 'x' },
      { id: 'r2', start: 5, duration: 10, service: 's', operation: 'y' },
      { id: 'r3', start: 9, duration: 4, service: 's', operation: 'x' },
    ]);
    expect(tree.frameCount).toBe(3);
    expect([...tree.width]).toEqual([24, 14, 10]);
    expect([...tree.x]).toEqual([0, 0, 14]);
  });

  it('walks a 20,000-deep chain without recursion', () => {
    const spans: TestSpan[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `s${i}`,
      ...(i > 0 ? { parent: `s${i - 1}` } : {}),
      start: i,
      duration: 20_000 - i,
      service: 'deep',
      operation: 'call',
    }));
    const { tree } = flame(spans);
    expect(tree.frameCount).toBe(20_001);
    expect(tree.maxDepth).toBe(19_999);
  });
});
