import { layeredLayout } from './layered-layout';

const box = (id: string) => ({ id, width: 100, height: 30 });

describe('layeredLayout', () => {
  it('places callers before callees from left to right', () => {
    const layout = layeredLayout(
      [box('frontend'), box('customer'), box('mysql')],
      [
        { from: 'frontend', to: 'customer' },
        { from: 'customer', to: 'mysql' },
      ],
    );
    const x = (id: string) => layout.nodes.find((node) => node.id === id)?.x ?? Number.NaN;
    expect(x('frontend')).toBeLessThan(x('customer'));
    expect(x('customer')).toBeLessThan(x('mysql'));
    expect(layout.edges).toHaveLength(2);
    expect(layout.width).toBeGreaterThan(300);
  });

  it('survives cycles, self-loops and edges to unknown nodes', () => {
    const layout = layeredLayout(
      [box('a'), box('b')],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'a', to: 'a' },
        { from: 'a', to: 'ghost' },
      ],
    );
    expect(layout.nodes.every((node) => Number.isFinite(node.x) && Number.isFinite(node.y))).toBe(
      true,
    );
    expect(layout.edges.map((edge) => `${edge.from}>${edge.to}`).sort()).toEqual(['a>b', 'b>a']);
  });
});
