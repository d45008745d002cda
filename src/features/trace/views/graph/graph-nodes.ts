import type { FlameTree } from '../../../../model/analysis/flame-tree';
import {
  adjacencyOf,
  type Adjacency,
  type IndexedGraph,
} from '../../../../model/graph/indexed-graph';
import { tracePathGraph, type TracePathGraph } from '../../../../model/graph/trace-path-graph';
import { fitWidth } from '../../../../ui/graph-view/node-box';

/**
 * Past this many nodes the drawing is a texture, not a map: the largest by total time are kept
 * (the canvas and the force layout manage more; the reader would not).
 */
export const MAX_GRAPH_NODES = 2000;
export const NODE_HEIGHT = 44;

export interface PairNames {
  readonly service: readonly string[];
  readonly operation: readonly string[];
}

export interface DrawableGraph {
  readonly path: TracePathGraph;
  readonly graph: IndexedGraph;
  readonly adjacency: Adjacency;
}

/** The path graph with node sizes from the names it shows (two lines, within limits). */
export function drawableGraph(tree: FlameTree, names: PairNames): DrawableGraph {
  const path = tracePathGraph(tree, MAX_GRAPH_NODES);
  const n = path.frames.length;
  const width = new Float32Array(n);
  const ids: string[] = [];
  path.frames.forEach((frame, node) => {
    const pair = tree.pair[frame] ?? 0;
    // The second line is "service · count× · total · self …": ~18 characters past the name.
    width[node] = fitWidth(
      [(names.operation[pair] ?? '').length, (names.service[pair] ?? '').length + 18],
      { min: 120, max: 280, padding: 20 },
    );
    ids.push(String(frame));
  });
  const graph: IndexedGraph = {
    nodeCount: n,
    ids,
    width,
    height: new Float32Array(n).fill(NODE_HEIGHT),
    source: path.source,
    target: path.target,
    weight: path.calls,
  };
  return { path, graph, adjacency: adjacencyOf(graph) };
}
