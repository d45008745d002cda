import type { LayoutEdge, LayoutNode } from '../../../../model/graph/layered-layout';
import type {
  TraceGraph,
  TraceGraphEdge,
  TraceGraphNode,
} from '../../../../model/graph/trace-graph';

/**
 * dagre's crossing minimization grows super-linearly; past a few hundred nodes the layout takes
 * seconds and the drawing is unreadable anyway. The largest nodes by total duration are kept.
 */
export const MAX_GRAPH_NODES = 250;
export const NODE_HEIGHT = 44;
const CHAR_WIDTH = 7;

export interface DrawableGraph {
  readonly nodes: readonly TraceGraphNode[];
  /** Edges between kept nodes, self-loops excluded (listed per node instead). */
  readonly edges: readonly TraceGraphEdge[];
  readonly selfCalls: ReadonlyMap<string, number>;
  readonly layoutNodes: readonly LayoutNode[];
  readonly layoutEdges: readonly LayoutEdge[];
  /** Nodes left out by the cap. */
  readonly omitted: number;
}

export function drawableGraph(graph: TraceGraph): DrawableGraph {
  const nodes =
    graph.nodes.length <= MAX_GRAPH_NODES
      ? graph.nodes
      : [...graph.nodes].sort((a, b) => b.total - a.total).slice(0, MAX_GRAPH_NODES);
  const kept = new Set(nodes.map((node) => node.id));
  const edges: TraceGraphEdge[] = [];
  const selfCalls = new Map<string, number>();
  for (const edge of graph.edges) {
    if (!kept.has(edge.from) || !kept.has(edge.to)) continue;
    if (edge.from === edge.to) selfCalls.set(edge.from, edge.calls);
    else edges.push(edge);
  }
  return {
    nodes,
    edges,
    selfCalls,
    layoutNodes: nodes.map((node) => ({
      id: node.id,
      width: nodeWidth(node),
      height: NODE_HEIGHT,
    })),
    layoutEdges: edges.map(({ from, to }) => ({ from, to })),
    omitted: graph.nodes.length - nodes.length,
  };
}

/** Wide enough for the longer of the two lines, within limits (long names are cut with "…"). */
export function nodeWidth(node: TraceGraphNode): number {
  const chars = Math.max(node.operation.length, node.service.length + 18);
  return Math.min(280, Math.max(120, chars * CHAR_WIDTH + 20));
}

/** Cuts text to what fits a node of `width` px. */
export function fitText(text: string, width: number): string {
  const fits = Math.floor((width - 20) / CHAR_WIDTH);
  return text.length <= fits ? text : `${text.slice(0, Math.max(0, fits - 1))}…`;
}
