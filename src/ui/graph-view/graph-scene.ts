import type { IndexedGraph } from '../../model/graph/indexed-graph';
import type { EdgeRoutes } from '../../model/graph/layered-layout';

/** What a graph view draws: the graph, per-node text and colours. Built once per graph. */
export interface GraphScene {
  readonly graph: IndexedGraph;
  /** First line of a node (service, or operation). */
  readonly labels: readonly string[];
  /** Optional second line (counts, durations). */
  readonly details?: readonly string[];
  /** Node outline colour (service colour). */
  readonly stroke: readonly string[];
  /** Node fill; the surface colour when absent (colour by self time sets it). */
  readonly fill?: readonly (string | undefined)[];
  /** 1 where a node has errors: drawn with a red mark. */
  readonly errors?: Uint8Array;
  /** Edge line width in screen px, by edge (thickness for call counts). */
  readonly edgeWidth: Float32Array;
}

export interface ScenePositions {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly routes?: EdgeRoutes;
}

/** Screen line width for a call count: 1 px for one call, +1 px per factor of ten, at most 7. */
export function edgeWidthOf(weights: Float64Array): Float32Array {
  const widths = new Float32Array(weights.length);
  for (let e = 0; e < weights.length; e++)
    widths[e] = Math.min(7, 1 + Math.log10(Math.max(1, weights[e] ?? 1)));
  return widths;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function boundsOf(graph: IndexedGraph, positions: ScenePositions): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < graph.nodeCount; i++) {
    const hw = (graph.width[i] ?? 0) / 2;
    const hh = (graph.height[i] ?? 0) / 2;
    const x = positions.x[i] ?? 0;
    const y = positions.y[i] ?? 0;
    minX = Math.min(minX, x - hw);
    maxX = Math.max(maxX, x + hw);
    minY = Math.min(minY, y - hh);
    maxY = Math.max(maxY, y + hh);
  }
  if (!Number.isFinite(minX)) return { minX: 0, minY: 0, maxX: 1, maxY: 1 };
  return { minX, minY, maxX, maxY };
}

/** The node under a point in layout coordinates, or -1. Later nodes are drawn on top, so win. */
export function nodeAt(graph: IndexedGraph, positions: ScenePositions, px: number, py: number) {
  for (let i = graph.nodeCount - 1; i >= 0; i--) {
    if (
      Math.abs(px - (positions.x[i] ?? 0)) <= (graph.width[i] ?? 0) / 2 &&
      Math.abs(py - (positions.y[i] ?? 0)) <= (graph.height[i] ?? 0) / 2
    )
      return i;
  }
  return -1;
}
