import { PairHash } from '../analysis/pair-hash';
import { bucketByKey, inChunks } from './in-chunks';
import { RowFlag, type DiffRows } from './merged-rows';

/**
 * The structural diff graph (as Jaeger UI's trace comparison draws it): the merged call tree,
 * where the spans of both traces with the same (service, operation) under the same merged parent
 * become one node with their call counts, total durations and errors on each side.
 *
 * Nodes are numbered in order of first appearance in the diff rows, so a node's parent has a
 * smaller number. Layout (tidy tree, left to right): `depth` is the column, `slot` the row —
 * leaves take consecutive slots in depth-first order and a parent sits midway between its first
 * and last child, so no two nodes overlap. Iterative, linear in rows.
 */
export interface DiffGraph {
  readonly nodeCount: number;
  readonly parent: Int32Array;
  readonly name: Int32Array;
  readonly depth: Int32Array;
  readonly countA: Int32Array;
  readonly countB: Int32Array;
  readonly durationA: Float64Array;
  readonly durationB: Float64Array;
  readonly errorsA: Int32Array;
  readonly errorsB: Int32Array;
  readonly slot: Float64Array;
  /** Nodes in depth-first order (the keyboard's order). */
  readonly order: Int32Array;
  /** The first diff row of each node. */
  readonly firstRow: Int32Array;
  /** Per diff row: its node (a repeat summary: its parent's node, or -1). */
  readonly nodeOfRow: Int32Array;
  /**
   * Children of each node, in node order: node v's are `children[childStart[v + 1]..childStart[v + 2])`,
   * the roots `children[childStart[0]..childStart[1])`. Built here for the layout anyway, so the
   * page does not walk every node again to draw a window of them.
   */
  readonly childStart: Int32Array;
  readonly children: Int32Array;
  readonly maxDepth: number;
  readonly slotCount: number;
}

export function* buildDiffGraph(rows: DiffRows): Generator<undefined, DiffGraph, void> {
  const n = rows.rowCount;
  const hash = new PairHash(Math.max(16, n));
  const nodeOfRow = new Int32Array(n);
  const cap = n + 1;
  const parent = new Int32Array(cap);
  const name = new Int32Array(cap);
  const depth = new Int32Array(cap);
  const countA = new Int32Array(cap);
  const countB = new Int32Array(cap);
  const durationA = new Float64Array(cap);
  const durationB = new Float64Array(cap);
  const errorsA = new Int32Array(cap);
  const errorsB = new Int32Array(cap);
  const firstRow = new Int32Array(cap);
  let maxDepth = 0;
  yield* inChunks(n, (from, to) => {
    for (let r = from; r < to; r++) {
      const p = rows.parent[r] ?? -1;
      const parentNode = p < 0 ? -1 : (nodeOfRow[p] ?? -1);
      if (((rows.flags[r] ?? 0) & RowFlag.Repeat) !== 0) {
        // A summary is not a node: its members hang under the summary's parent.
        nodeOfRow[r] = parentNode;
        continue;
      }
      const before = hash.size;
      const node = hash.getOrAdd(parentNode + 1, rows.name[r] ?? 0);
      if (hash.size > before) {
        parent[node] = parentNode;
        name[node] = rows.name[r] ?? 0;
        const d = parentNode < 0 ? 0 : (depth[parentNode] ?? 0) + 1;
        depth[node] = d;
        if (d > maxDepth) maxDepth = d;
        firstRow[node] = r;
      }
      nodeOfRow[r] = node;
      countA[node] = (countA[node] ?? 0) + (rows.countA[r] ?? 0);
      countB[node] = (countB[node] ?? 0) + (rows.countB[r] ?? 0);
      durationA[node] = (durationA[node] ?? 0) + (rows.durationA[r] ?? 0);
      durationB[node] = (durationB[node] ?? 0) + (rows.durationB[r] ?? 0);
      errorsA[node] = (errorsA[node] ?? 0) + (rows.errorsA[r] ?? 0);
      errorsB[node] = (errorsB[node] ?? 0) + (rows.errorsB[r] ?? 0);
    }
  });
  const nodeCount = hash.size;
  const key = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) key[v] = (parent[v] ?? -1) + 1;
  const children = bucketByKey(nodeCount, key, nodeCount + 1);
  yield;
  const { slot, order, slotCount } = layoutTree(nodeCount, children);
  return {
    nodeCount,
    parent: parent.slice(0, nodeCount),
    name: name.slice(0, nodeCount),
    depth: depth.slice(0, nodeCount),
    countA: countA.slice(0, nodeCount),
    countB: countB.slice(0, nodeCount),
    durationA: durationA.slice(0, nodeCount),
    durationB: durationB.slice(0, nodeCount),
    errorsA: errorsA.slice(0, nodeCount),
    errorsB: errorsB.slice(0, nodeCount),
    firstRow: firstRow.slice(0, nodeCount),
    slot,
    order,
    nodeOfRow,
    childStart: children.start,
    children: children.items,
    maxDepth,
    slotCount,
  };
}

/** Leaves in depth-first order take slots 0, 1, 2…; a parent sits midway between its children. */
function layoutTree(
  nodeCount: number,
  children: { readonly start: Int32Array; readonly items: Int32Array },
): { slot: Float64Array; order: Int32Array; slotCount: number } {
  const slot = new Float64Array(nodeCount);
  const order = new Int32Array(nodeCount);
  // Stack entries: node + 1 to enter, -(node + 1) to close after its children.
  const stack = new Int32Array(2 * nodeCount + 2);
  let top = 0;
  let visited = 0;
  let nextSlot = 0;
  const rootsFrom = children.start[0] ?? 0;
  for (let k = (children.start[1] ?? 0) - 1; k >= rootsFrom; k--)
    stack[top++] = (children.items[k] ?? 0) + 1;
  while (top > 0) {
    const entry = stack[--top] ?? 0;
    if (entry > 0) {
      const v = entry - 1;
      order[visited++] = v;
      const from = children.start[v + 1] ?? 0;
      const to = children.start[v + 2] ?? 0;
      if (from === to) {
        slot[v] = nextSlot++;
        continue;
      }
      stack[top++] = -entry;
      for (let k = to - 1; k >= from; k--) stack[top++] = (children.items[k] ?? 0) + 1;
    } else {
      const v = -entry - 1;
      const first = children.items[children.start[v + 1] ?? 0] ?? 0;
      const last = children.items[(children.start[v + 2] ?? 1) - 1] ?? 0;
      slot[v] = ((slot[first] ?? 0) + (slot[last] ?? 0)) / 2;
    }
  }
  return { slot, order, slotCount: nextSlot };
}
