import {
  adjacencyOf,
  indexGraph,
  type Adjacency,
  type IndexedGraph,
} from '../../../../model/graph/indexed-graph';
import type { TraceGraph, TraceGraphNode } from '../../../../model/graph/trace-graph';

/**
 * Past this many nodes the drawing is a texture, not a map: the largest nodes by total duration
 * are kept (the canvas and the force layout would manage more, the reader would not).
 */
export const MAX_GRAPH_NODES = 2000;
export const NODE_HEIGHT = 44;
const CHAR_WIDTH = 7;

export interface DrawableGraph {
  readonly nodes: readonly TraceGraphNode[];
  /** Indexed like `nodes`; edges between kept nodes, self-loops included (drawn as loops). */
  readonly graph: IndexedGraph;
  readonly adjacency: Adjacency;
  /** Nodes left out by the cap. */
  readonly omitted: number;
}

export function drawableGraph(trace: TraceGraph): DrawableGraph {
  const nodes =
    trace.nodes.length <= MAX_GRAPH_NODES
      ? trace.nodes
      : [...trace.nodes].sort((a, b) => b.total - a.total).slice(0, MAX_GRAPH_NODES);
  const kept = new Set(nodes.map((node) => node.id));
  const graph = indexGraph(
    nodes.map((node) => ({ id: node.id, width: nodeWidth(node), height: NODE_HEIGHT })),
    trace.edges
      .filter((edge) => kept.has(edge.from) && kept.has(edge.to))
      .map((edge) => ({ from: edge.from, to: edge.to, weight: edge.calls })),
  );
  return {
    nodes,
    graph,
    adjacency: adjacencyOf(graph),
    omitted: trace.nodes.length - nodes.length,
  };
}

/** Wide enough for the longer of the two lines, within limits (longer text is cut with "…"). */
export function nodeWidth(node: TraceGraphNode): number {
  const chars = Math.max(node.operation.length, node.service.length + 18);
  return Math.min(280, Math.max(120, chars * CHAR_WIDTH + 20));
}
