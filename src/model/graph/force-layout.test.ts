import { generateTopology } from './generated-topology';
import { seededRandom } from './test-random';
import { depthsFromEntries, forceLayout } from './force-layout';
import { indexGraph, type WeightedEdge } from './indexed-graph';

const graphOf = (edges: readonly (readonly [string, string])[]) =>
  indexGraph(
    [],
    edges.map(([from, to]): WeightedEdge => ({ from, to, weight: 1 })),
  );

function settle(graph: ReturnType<typeof graphOf>) {
  const layout = forceLayout(graph);
  let done = false;
  let slices = 0;
  while (!done) {
    done = layout.step(25);
    slices++;
  }
  return { layout, slices };
}

function expectSpread(x: Float32Array, y: Float32Array) {
  const seen = new Set<string>();
  for (let i = 0; i < x.length; i++) {
    expect(Number.isFinite(x[i])).toBe(true);
    expect(Number.isFinite(y[i])).toBe(true);
    seen.add(`${Math.round(x[i] ?? 0)},${Math.round(y[i] ?? 0)}`);
  }
  // No two nodes land on the same spot.
  expect(seen.size).toBe(x.length);
}

describe('forceLayout', () => {
  it('lays out cycles, self-loops and disconnected parts with finite, distinct positions', () => {
    const graph = graphOf([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'c'],
      ['x', 'y'],
      ['lonely', 'lonely'],
    ]);
    const { layout, slices } = settle(graph);
    expect(slices).toBeGreaterThan(1);
    expectSpread(layout.x, layout.y);
  });

  it('lays out a hub with 1,000 callers without stacking them', () => {
    const edges = Array.from({ length: 1000 }, (_, i) => [`caller-${i}`, 'hub'] as const);
    const { layout } = settle(graphOf(edges));
    expectSpread(layout.x, layout.y);
  });

  it('keeps calls flowing left to right on a chain', () => {
    const chain = Array.from({ length: 30 }, (_, i) => [`s${i}`, `s${i + 1}`] as const);
    const graph = graphOf(chain);
    const { layout } = settle(graph);
    const first = graph.ids.indexOf('s0');
    const last = graph.ids.indexOf('s30');
    expect(layout.x[last] ?? 0).toBeGreaterThan((layout.x[first] ?? 0) + 3000);
  });

  it('lays out the generated 1,200-service topology', () => {
    const links = generateTopology(1200, seededRandom(7));
    const graph = indexGraph(
      [],
      links.map((link) => ({ from: link.parent, to: link.child, weight: link.callCount })),
    );
    expect(graph.nodeCount).toBe(1200);
    expect(graph.source.length).toBeGreaterThan(4000);
    const started = performance.now();
    const { layout } = settle(graph);
    console.info(
      `force layout 1200/${graph.source.length}: ${Math.round(performance.now() - started)} ms`,
    );
    expectSpread(layout.x, layout.y);
  });
});

describe('depthsFromEntries', () => {
  it('counts hops from uncalled services and starts pure cycles from the busiest node', () => {
    const graph = graphOf([
      ['entry', 'mid'],
      ['mid', 'leaf'],
      ['leaf', 'mid'],
      ['entry', 'entry'],
      ['p', 'q'],
      ['q', 'p'],
      ['q', 'r'],
    ]);
    const depth = depthsFromEntries(graph);
    const of = (id: string) => depth[graph.ids.indexOf(id)];
    expect([of('entry'), of('mid'), of('leaf')]).toEqual([0, 1, 2]);
    expect([of('q'), of('p'), of('r')]).toEqual([0, 1, 1]);
  });
});
