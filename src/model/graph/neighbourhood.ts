import type { Adjacency } from './indexed-graph';

/**
 * Nodes within `up` hops upstream (callers, callers of callers…) and `down` hops downstream of
 * `focal`, by breadth-first search over CSR adjacency: iterative, each node visited once per
 * direction, cycles harmless. `Infinity` means every reachable node. Returns a mask (1 = in).
 */
export function neighbourhood(
  nodeCount: number,
  graph: { readonly source: Int32Array; readonly target: Int32Array },
  adjacency: Adjacency,
  focal: number,
  up: number,
  down: number,
): Uint8Array {
  const mask = new Uint8Array(nodeCount);
  if (focal < 0 || focal >= nodeCount) return mask;
  mask[focal] = 1;
  walk(nodeCount, adjacency.outStart, adjacency.outEdges, graph.target, focal, down, mask);
  walk(nodeCount, adjacency.inStart, adjacency.inEdges, graph.source, focal, up, mask);
  return mask;
}

function walk(
  nodeCount: number,
  start: Int32Array,
  edges: Int32Array,
  otherEnd: Int32Array,
  focal: number,
  hops: number,
  mask: Uint8Array,
): void {
  const seen = new Uint8Array(nodeCount);
  seen[focal] = 1;
  let frontier = [focal];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (let i = start[node] ?? 0; i < (start[node + 1] ?? 0); i++) {
        const other = otherEnd[edges[i] ?? 0] ?? 0;
        if (seen[other]) continue;
        seen[other] = 1;
        mask[other] = 1;
        next.push(other);
      }
    }
    frontier = next;
  }
}
