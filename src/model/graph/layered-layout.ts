import dagre from '@dagrejs/dagre';

/**
 * Layered (Sugiyama) layout of a directed graph, via dagre (see docs/adr/0004). Pure data in and out
 * so it runs in a worker; used by the dependency graph and any future per-trace graph view.
 */
export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

export interface PlacedNode extends LayoutNode {
  /** Centre of the node. */
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge extends LayoutEdge {
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface GraphLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  readonly width: number;
  readonly height: number;
}

export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  direction: 'LR' | 'TB' = 'LR',
): GraphLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: false });
  graph.setGraph({ rankdir: direction, nodesep: 24, ranksep: 80, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  const known = new Set(nodes.map((node) => node.id));
  // Self-loops and edges to unknown nodes cannot be placed; they are drawn by the caller if at all.
  const placeable = edges.filter(
    (edge) => edge.from !== edge.to && known.has(edge.from) && known.has(edge.to),
  );
  for (const edge of placeable) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);

  const label = graph.graph();
  return {
    nodes: nodes.map((node) => {
      const placed = graph.node(node.id);
      return { ...node, x: placed.x, y: placed.y };
    }),
    edges: placeable.map((edge) => ({
      ...edge,
      points: graph.edge(edge.from, edge.to).points.map(({ x, y }) => ({ x, y })),
    })),
    width: label.width ?? 0,
    height: label.height ?? 0,
  };
}
