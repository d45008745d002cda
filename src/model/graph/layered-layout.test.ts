import { indexGraph } from './indexed-graph';
import { layeredFits, layeredLayout } from './layered-layout';

const box = (id: string) => ({ id, width: 100, height: 30 });
const edge = (from: string, to: string) => ({ from, to, weight: 1 });

describe('layeredLayout', () => {
  it('places callers before callees from left to right, with a route per edge', () => {
    const graph = indexGraph(
      [box('frontend'), box('customer'), box('mysql')],
      [edge('frontend', 'customer'), edge('customer', 'mysql')],
    );
    const layout = layeredLayout(graph);
    expect(layout.x[0]).toBeLessThan(layout.x[1] ?? 0);
    expect(layout.x[1]).toBeLessThan(layout.x[2] ?? 0);
    for (let e = 0; e < 2; e++)
      expect((layout.routes.offsets[e + 1] ?? 0) - (layout.routes.offsets[e] ?? 0)).toBeGreaterThan(
        1,
      );
  });

  it('survives cycles and self-loops (a self-loop gets no route)', () => {
    const graph = indexGraph(
      [box('a'), box('b')],
      [edge('a', 'b'), edge('b', 'a'), edge('a', 'a')],
    );
    const layout = layeredLayout(graph);
    expect([...layout.x, ...layout.y].every(Number.isFinite)).toBe(true);
    expect((layout.routes.offsets[3] ?? 0) - (layout.routes.offsets[2] ?? 0)).toBe(0);
  });
});

describe('layeredFits', () => {
  it('follows the configured maximum but never past the hard cap', () => {
    expect(layeredFits(100, 200, 100)).toBe(true);
    expect(layeredFits(101, 200, 100)).toBe(false);
    expect(layeredFits(400, 200, 1000)).toBe(false);
    expect(layeredFits(50, 5000, 100)).toBe(false);
  });
});
