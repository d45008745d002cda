/**
 * Which nodes of the structural diff graph are drawn. The merged tree of two 100k-span traces can
 * have 100,000+ nodes; drawn whole, every frame strokes all of them (seconds a frame on a CPU
 * rasterizer) and the picture is a smear anyway. So at most `budget` nodes are drawn: a window
 * around a focus node — its ancestors (up to ANCESTORS of them) for context, then its subtree
 * breadth first, so the levels nearest the focus come first. Focus -1 is the top of the tree.
 * Every node keeps its place in the whole tree's layout, so moving the window does not move them.
 */
import type { DiffGraph } from '../../model/diff/diff-graph';

const ANCESTORS = 100;

export interface GraphWindow {
  /** Drawn nodes (diff graph node ids), parents before children. */
  readonly nodes: Int32Array;
  /** Per diff graph node: its index in `nodes`, or -1 when not drawn. */
  readonly drawnAt: Int32Array;
}

export function graphWindow(
  graph: DiffGraph,
  focus: number,
  /** Drawn even when the budget is used up (the selected node). */
  include: number,
  budget: number,
): GraphWindow {
  const n = graph.nodeCount;
  const drawnAt = new Int32Array(n).fill(-1);
  const picked: number[] = [];
  const take = (v: number) => {
    if (v < 0 || v >= n || (drawnAt[v] ?? -1) >= 0) return;
    drawnAt[v] = 0;
    picked.push(v);
  };
  for (let p = focus, k = 0; p >= 0 && k <= ANCESTORS; p = graph.parent[p] ?? -1, k++) take(p);
  take(include);
  // Breadth first below the focus (-1: below the roots).
  const queue = [focus];
  for (let head = 0; head < queue.length && picked.length < budget; head++) {
    const v = queue[head] ?? -1;
    const from = graph.childStart[v + 1] ?? 0;
    const to = graph.childStart[v + 2] ?? 0;
    for (let c = from; c < to && picked.length < budget; c++) {
      const child = graph.children[c] ?? 0;
      take(child);
      queue.push(child);
    }
  }
  // Parents before children: diff-graph.ts numbers a parent before its children.
  const nodes = Int32Array.from(picked).sort();
  nodes.forEach((v, i) => (drawnAt[v] = i));
  return { nodes, drawnAt };
}
