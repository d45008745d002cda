import { describe, expect, it } from 'vitest';
import { buildFlameNav, flameMove } from './flame-nav';
import { buildFlameTree } from './flame-tree';
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
  const frameNamed = (name: string) =>
    Array.from({ length: tree.frameCount }, (_, f) => f).find((f) => nameOf(f) === name) ?? -1;
  return { tree, nav: buildFlameNav(tree), nameOf, frameNamed };
}

// Two roots; under api:GET, db:query (with a child) and cache:get; under worker:run, db:query again.
const SPANS: readonly TestSpan[] = [
  { id: 'r', start: 0, duration: 100, service: 'api', operation: 'GET' },
  { id: 'a', parent: 'r', start: 0, duration: 20, service: 'db', operation: 'query' },
  { id: 'a1', parent: 'a', start: 1, duration: 6, service: 'db', operation: 'lock' },
  { id: 'b', parent: 'r', start: 30, duration: 30, service: 'cache', operation: 'get' },
  { id: 'w', start: 200, duration: 50, service: 'worker', operation: 'run' },
  { id: 'w1', parent: 'w', start: 210, duration: 10, service: 'db', operation: 'insert' },
];

describe('flameMove', () => {
  it('moves up, down, to the root and along a level across parents', () => {
    const { tree, nav, nameOf, frameNamed } = flame(SPANS);
    const go = (from: string, move: Parameters<typeof flameMove>[3]) =>
      nameOf(flameMove(tree, nav, frameNamed(from), move));
    expect(go('api:GET', 'child')).toBe('db:query');
    expect(go('db:query', 'parent')).toBe('api:GET');
    expect(go('db:query', 'next')).toBe('cache:get');
    expect(go('cache:get', 'next')).toBe('db:insert');
    expect(go('db:insert', 'prev')).toBe('cache:get');
    expect(go('api:GET', 'next')).toBe('worker:run');
    expect(go('db:lock', 'root')).toBe('api:GET');
    expect(go('db:insert', 'root')).toBe('worker:run');
  });

  it('stays put at the edges and never lands on the virtual root', () => {
    const { tree, nav, nameOf, frameNamed } = flame(SPANS);
    const go = (from: string, move: Parameters<typeof flameMove>[3]) =>
      nameOf(flameMove(tree, nav, frameNamed(from), move));
    expect(go('api:GET', 'parent')).toBe('api:GET');
    expect(go('api:GET', 'prev')).toBe('api:GET');
    expect(go('worker:run', 'next')).toBe('worker:run');
    expect(go('db:lock', 'child')).toBe('db:lock');
    expect(go('cache:get', 'child')).toBe('cache:get');
  });

  it('stops a level move at the edge of the zoomed window', () => {
    const { tree, nav, frameNamed } = flame(SPANS);
    const api = frameNamed('api:GET');
    const x0 = tree.x[api] ?? 0;
    const x1 = x0 + (tree.width[api] ?? 0);
    const cache = frameNamed('cache:get');
    expect(flameMove(tree, nav, cache, 'next', x0, x1)).toBe(cache);
    expect(flameMove(tree, nav, cache, 'prev', x0, x1)).toBe(frameNamed('db:query'));
  });

  it('knows how many levels lie below each frame', () => {
    const { nav, frameNamed } = flame(SPANS);
    expect(nav.height[frameNamed('api:GET')]).toBe(2);
    expect(nav.height[frameNamed('worker:run')]).toBe(1);
    expect(nav.height[frameNamed('db:lock')]).toBe(0);
    expect(nav.height[0]).toBe(3);
  });

  it('handles an empty tree and a 10,000-deep chain without recursion', () => {
    expect(
      buildFlameNav({ frameCount: 1, parent: new Int32Array([-1]), depth: new Int32Array([-1]) })
        .height[0],
    ).toBe(0);
    const n = 10_001;
    const parent = Int32Array.from({ length: n }, (_, f) => f - 1);
    const depth = Int32Array.from({ length: n }, (_, f) => f - 1);
    const nav = buildFlameNav({ frameCount: n, parent, depth });
    expect(nav.height[1]).toBe(n - 2);
    expect(nav.rootOf[n - 1]).toBe(1);
    expect(nav.firstChild[n - 1]).toBe(-1);
  });
});
