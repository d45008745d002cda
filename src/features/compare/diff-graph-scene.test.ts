import { traceOf, type TestRow } from '../../model/diff/diff-test-trace';
import { diffTraces } from '../../model/diff/trace-diff';
import { boundsOf, nodeAt } from '../../ui/graph-view/graph-scene';
import { DEFAULT_THRESHOLD } from './diff-row-model';
import { CHANGES, diffGraphScene, layOutDiffGraph, type ChangeColors } from './diff-graph-scene';
import { graphWindow } from './diff-graph-window';

const colors = Object.fromEntries(
  CHANGES.map(([change]) => [change, { stroke: `stroke-${change}`, fill: `fill-${change}` }]),
) as ChangeColors;

describe('the diff graph as the canvas graph view draws it', () => {
  const a: TestRow[] = [
    [0, 'api:list', 100_000],
    [1, 'db:select', 2],
    [1, 'db:select', 2],
    [1, 'cache:get', 1],
  ];
  const b: TestRow[] = [
    [0, 'api:list', 400_000],
    [1, 'db:select', 2],
    [1, 'db:select', 2],
    [1, 'db:select', 2],
    [1, 'queue:send', 300],
  ];
  const diff = diffTraces(traceOf(a), traceOf(b));
  const everything = graphWindow(diff.graph, -1, -1, Infinity);
  const layout = layOutDiffGraph(diff.graph, everything);
  const node = (operation: string) =>
    Array.from(diff.graph.name).findIndex((k) => diff.nameOperation[k] === operation);

  it('joins every node to its parent by a route from the parent’s right to the child’s left', () => {
    const { graph, positions } = layout;
    expect(graph.source.length).toBe(diff.graph.nodeCount - 1);
    for (let e = 0; e < graph.source.length; e++) {
      const [p, v] = [graph.source[e] ?? 0, graph.target[e] ?? 0];
      expect(diff.graph.parent[v]).toBe(p);
      const route = positions.routes?.points.slice(
        2 * (positions.routes.offsets[e] ?? 0),
        2 * (positions.routes.offsets[e + 1] ?? 0),
      );
      const right = (positions.x[p] ?? 0) + (graph.width[p] ?? 0) / 2;
      const left = (positions.x[v] ?? 0) - (graph.width[v] ?? 0) / 2;
      expect([route?.[0], route?.at(-2)]).toEqual([right, left]);
      expect([route?.[1], route?.at(-1)]).toEqual([positions.y[p], positions.y[v]]);
    }
  });

  it('places boxes apart: a click at a node’s centre finds that node', () => {
    const { graph, positions } = layout;
    for (let v = 0; v < graph.nodeCount; v++)
      expect(nodeAt(graph, positions, positions.x[v] ?? 0, positions.y[v] ?? 0)).toBe(v);
    const bounds = boundsOf(graph, positions);
    expect(bounds.minX).toBe(0);
    expect(bounds.minY).toBe(0);
  });

  it('colours each node by its change and labels it with both sides’ numbers', () => {
    const scene = diffGraphScene(diff, layout, DEFAULT_THRESHOLD, colors);
    expect(scene.stroke[node('list')]).toBe('stroke-slower');
    expect(scene.fill?.[node('select')]).toBe('fill-more');
    expect(scene.stroke[node('get')]).toBe('stroke-removed');
    expect(scene.stroke[node('send')]).toBe('stroke-added');
    expect(scene.labels[node('select')]).toBe('select');
    expect(scene.details?.[node('select')]).toMatch(/^db · .* → .* · ×2 → ×3$/);
    // Edge width follows the calls: the thrice-called select is drawn thicker than the one-offs.
    const edgeTo = (v: number) => Array.from(layout.graph.target).indexOf(v);
    expect(scene.edgeWidth[edgeTo(node('select'))]).toBeGreaterThan(
      scene.edgeWidth[edgeTo(node('get'))] ?? 0,
    );
  });
});
