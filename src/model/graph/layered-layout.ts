import dagre from '@dagrejs/dagre';
import type { IndexedGraph } from './indexed-graph';

/**
 * Layered (Sugiyama) layout via dagre (docs/adr/0004), for small graphs only: dagre's ranking and
 * ordering recurse and grow super-linearly (measured in docs/adr/0010: 100 services ≈ 0.6 s,
 * 200 ≈ 2.7 s, 400 ≈ 35 s), so bigger graphs go to the force layout.
 */
export interface GraphPositions {
  /** Node centres, by node index. */
  readonly x: Float32Array;
  readonly y: Float32Array;
}

export interface EdgeRoutes {
  /** Edge e's points are points[2*offsets[e] .. 2*offsets[e+1]) as x,y pairs; empty = straight. */
  readonly offsets: Int32Array;
  readonly points: Float32Array;
}

export interface LayeredResult extends GraphPositions {
  readonly routes: EdgeRoutes;
}

/** The largest graph dagre is given, whatever the configuration asks (see the numbers above). */
export const LAYERED_HARD_MAX_NODES = 150;
export const LAYERED_MAX_EDGES = 600;

export function layeredFits(nodeCount: number, edgeCount: number, configuredMax: number): boolean {
  return (
    nodeCount <= Math.min(configuredMax, LAYERED_HARD_MAX_NODES) && edgeCount <= LAYERED_MAX_EDGES
  );
}

export function layeredLayout(graph: IndexedGraph, direction: 'LR' | 'TB' = 'LR'): LayeredResult {
  const layout = new dagre.graphlib.Graph({ multigraph: false });
  layout.setGraph({ rankdir: direction, nodesep: 24, ranksep: 80, marginx: 16, marginy: 16 });
  layout.setDefaultEdgeLabel(() => ({}));
  for (let i = 0; i < graph.nodeCount; i++)
    layout.setNode(String(i), { width: graph.width[i] ?? 0, height: graph.height[i] ?? 0 });
  // Self-loops cannot be placed by dagre; the renderer draws them as loops on their node.
  for (let e = 0; e < graph.source.length; e++) {
    if (graph.source[e] !== graph.target[e])
      layout.setEdge(String(graph.source[e]), String(graph.target[e]));
  }
  dagre.layout(layout);
  const x = new Float32Array(graph.nodeCount);
  const y = new Float32Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) {
    const placed = layout.node(String(i));
    x[i] = placed.x;
    y[i] = placed.y;
  }
  const offsets = new Int32Array(graph.source.length + 1);
  const points: number[] = [];
  for (let e = 0; e < graph.source.length; e++) {
    offsets[e] = points.length / 2;
    if (graph.source[e] === graph.target[e]) continue;
    for (const point of layout.edge(String(graph.source[e]), String(graph.target[e])).points)
      points.push(point.x, point.y);
  }
  offsets[graph.source.length] = points.length / 2;
  return { x, y, routes: { offsets, points: Float32Array.from(points) } };
}
