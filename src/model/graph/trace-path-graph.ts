import type { FlameTree } from '../analysis/flame-tree';
import type { TraceColumns } from '../trace';

/**
 * The trace graph as Jaeger UI draws it: spans aggregated by (service, operation) along their
 * path from the root, i.e. the merged call tree (flame-tree.ts, built in the worker) seen as a
 * graph. Node = frame, edge = parent frame → frame, weighted by the frame's span count (calls).
 *
 * Past `maxNodes` frames the ones with the largest total time are kept, each only with its parent
 * (largest first, so what stays is the connected top of the tree: a frame whose parent has a
 * smaller total than itself, async work, waits out with its parent).
 */
export interface TracePathGraph {
  /** Frame of each node (nodes are numbered 0..n-1 for drawing). */
  readonly frames: Int32Array;
  /** Edges as node indexes, and the calls on each (the child frame's span count). */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly calls: Float64Array;
  /** Frames left out by the cap. */
  readonly omitted: number;
}

export function tracePathGraph(tree: FlameTree, maxNodes: number): TracePathGraph {
  const frameTotal = tree.frameCount - 1;
  let frames = new Int32Array(frameTotal);
  for (let f = 1; f < tree.frameCount; f++) frames[f - 1] = f;
  if (frameTotal > maxNodes) {
    const kept = new Uint8Array(tree.frameCount);
    kept[0] = 1;
    const chosen: number[] = [];
    for (const frame of frames.sort((a, b) => (tree.total[b] ?? 0) - (tree.total[a] ?? 0))) {
      if (chosen.length >= maxNodes) break;
      if (!kept[tree.parent[frame] ?? 0]) continue;
      kept[frame] = 1;
      chosen.push(frame);
    }
    frames = Int32Array.from(chosen).sort();
  }
  const nodeOfFrame = new Int32Array(tree.frameCount).fill(-1);
  frames.forEach((frame, node) => (nodeOfFrame[frame] = node));
  const source: number[] = [];
  const target: number[] = [];
  const calls: number[] = [];
  for (let node = 0; node < frames.length; node++) {
    const frame = frames[node] ?? 0;
    const parentNode = nodeOfFrame[tree.parent[frame] ?? 0] ?? -1;
    if (parentNode < 0) continue;
    source.push(parentNode);
    target.push(node);
    calls.push(tree.count[frame] ?? 0);
  }
  return {
    frames,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    calls: Float64Array.from(calls),
    omitted: frameTotal - frames.length,
  };
}

/**
 * The spans merged into `frame`, ascending: one pre-order pass that replays the merge (a span's
 * frame is the child of its parent's frame with its pair). Children per frame are found through
 * a map keyed by (parent frame, pair), built once per call from the tree.
 */
export function spansOfFrame(
  tree: FlameTree,
  columns: TraceColumns,
  pairOfSpan: Int32Array,
  pairCount: number,
  frame: number,
): Int32Array {
  const child = new Map<number, number>();
  for (let f = 1; f < tree.frameCount; f++)
    child.set((tree.parent[f] ?? 0) * pairCount + (tree.pair[f] ?? 0), f);
  const frameOfSpan = new Int32Array(columns.spanCount);
  const found: number[] = [];
  for (let i = 0; i < columns.spanCount; i++) {
    const parent = columns.parent[i] ?? -1;
    const parentFrame = parent >= 0 ? (frameOfSpan[parent] ?? 0) : 0;
    const f = child.get(parentFrame * pairCount + (pairOfSpan[i] ?? 0)) ?? 0;
    frameOfSpan[i] = f;
    if (f === frame) found.push(i);
  }
  return Int32Array.from(found);
}
