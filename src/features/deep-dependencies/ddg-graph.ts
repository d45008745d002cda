import type { Ddg } from '../../model/graph/ddg';
import { adjacencyOf, type Adjacency, type IndexedGraph } from '../../model/graph/indexed-graph';
import { fitWidth } from '../../ui/graph-view/node-box';

export interface DdgDrawable {
  readonly graph: IndexedGraph;
  readonly adjacency: Adjacency;
  /** DDG node of each drawn node. */
  readonly nodeOf: Int32Array;
}

/**
 * The visible part of a DDG as a drawable graph. Edges point the way calls go: upstream nodes
 * call toward the focal node, downstream nodes are called from it.
 */
export function ddgDrawable(ddg: Ddg, visible: Uint8Array): DdgDrawable {
  const drawnOf = new Int32Array(ddg.nodes.length).fill(-1);
  const nodeOf: number[] = [];
  ddg.nodes.forEach((_, i) => {
    if (visible[i]) {
      drawnOf[i] = nodeOf.length;
      nodeOf.push(i);
    }
  });
  const n = nodeOf.length;
  const width = new Float32Array(n);
  const height = new Float32Array(n).fill(44);
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  nodeOf.forEach((ddgNode, drawn) => {
    const node = ddg.nodes[ddgNode];
    if (!node) return;
    width[drawn] = fitWidth([node.service.length, node.operation.length], {
      min: 110,
      max: 260,
      padding: 24,
    });
    const toward = node.toward >= 0 ? (drawnOf[node.toward] ?? -1) : -1;
    if (toward < 0) return;
    source.push(node.distance < 0 ? drawn : toward);
    target.push(node.distance < 0 ? toward : drawn);
    weight.push(node.traces.length);
  });
  const graph: IndexedGraph = {
    nodeCount: n,
    ids: nodeOf.map(String),
    width,
    height,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    weight: Float64Array.from(weight),
  };
  return { graph, adjacency: adjacencyOf(graph), nodeOf: Int32Array.from(nodeOf) };
}

/** DDG nodes on paths through `node`: its chain to the focal node and everything beyond it. */
export function pathsThrough(ddg: Ddg, node: number): Uint8Array {
  const mask = new Uint8Array(ddg.nodes.length);
  for (let at = node; at >= 0; at = ddg.nodes[at]?.toward ?? -1) mask[at] = 1;
  // Beyond: nodes whose chain toward the focal passes `node` (toward is a smaller index).
  const beyond = new Uint8Array(ddg.nodes.length);
  beyond[node] = 1;
  ddg.nodes.forEach((entry, i) => {
    if (entry.toward >= 0 && beyond[entry.toward]) {
      beyond[i] = 1;
      mask[i] = 1;
    }
  });
  return mask;
}
