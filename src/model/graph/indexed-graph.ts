/**
 * A graph as typed arrays: nodes by index, each distinct directed edge once (duplicates merged,
 * their weights summed). What the layout worker takes and the canvas draws; string ids are mapped
 * to indexes once, here.
 */
export interface IndexedGraph {
  readonly nodeCount: number;
  /** Node ids by index (service names, or trace-graph node ids). */
  readonly ids: readonly string[];
  /** Node box sizes, px. */
  readonly width: Float32Array;
  readonly height: Float32Array;
  /** Edge i goes from node source[i] to node target[i]; self-loops have source === target. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Summed weight of the edge (call count). */
  readonly weight: Float64Array;
}

export interface WeightedEdge {
  readonly from: string;
  readonly to: string;
  readonly weight: number;
}

export interface SizedNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Builds the indexed graph. Edges naming an unknown node add it with `fallbackSize` so that every
 * input edge is drawn (a backend's link to a service it does not list is still a call).
 */
export function indexGraph(
  nodes: readonly SizedNode[],
  edges: readonly WeightedEdge[],
  fallbackSize: { readonly width: number; readonly height: number } = { width: 80, height: 34 },
): IndexedGraph {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const widths: number[] = [];
  const heights: number[] = [];
  const add = (id: string, width: number, height: number): number => {
    const known = index.get(id);
    if (known !== undefined) return known;
    index.set(id, ids.length);
    ids.push(id);
    widths.push(width);
    heights.push(height);
    return ids.length - 1;
  };
  for (const node of nodes) add(node.id, node.width, node.height);
  const edgeIndex = new Map<string, number>();
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (const edge of edges) {
    const from = add(edge.from, fallbackSize.width, fallbackSize.height);
    const to = add(edge.to, fallbackSize.width, fallbackSize.height);
    const key = `${from}>${to}`;
    const known = edgeIndex.get(key);
    if (known !== undefined) {
      weights[known] = (weights[known] ?? 0) + edge.weight;
      continue;
    }
    edgeIndex.set(key, sources.length);
    sources.push(from);
    targets.push(to);
    weights.push(edge.weight);
  }
  return {
    nodeCount: ids.length,
    ids,
    width: Float32Array.from(widths),
    height: Float32Array.from(heights),
    source: Int32Array.from(sources),
    target: Int32Array.from(targets),
    weight: Float64Array.from(weights),
  };
}

/** Out- and in-adjacency as CSR arrays (offsets + edge indexes), for walks without recursion. */
export interface Adjacency {
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
}

export function adjacencyOf(
  graph: Pick<IndexedGraph, 'nodeCount' | 'source' | 'target'>,
): Adjacency {
  const { nodeCount, source, target } = graph;
  const build = (ends: Int32Array) => {
    const start = new Int32Array(nodeCount + 1);
    for (let e = 0; e < ends.length; e++) {
      const at = (ends[e] ?? 0) + 1;
      start[at] = (start[at] ?? 0) + 1;
    }
    for (let n = 0; n < nodeCount; n++) start[n + 1] = (start[n + 1] ?? 0) + (start[n] ?? 0);
    const fill = start.slice(0, nodeCount);
    const list = new Int32Array(ends.length);
    for (let e = 0; e < ends.length; e++) {
      const n = ends[e] ?? 0;
      const slot = fill[n] ?? 0;
      list[slot] = e;
      fill[n] = slot + 1;
    }
    return { start, list };
  };
  const out = build(source);
  const inward = build(target);
  return { outStart: out.start, outEdges: out.list, inStart: inward.start, inEdges: inward.list };
}
