import type { TraceColumns } from '../trace';
import { SpanFlag } from '../trace';
import { PairHash } from './pair-hash';
import type { SpanPairs } from './span-pairs';

/**
 * The classic merged flame graph ("call tree"): spans with the same (service, operation) under the
 * same merged parent become one frame, whose width is the total duration of its spans. Frame 0 is
 * a virtual root holding the trace's roots; its depth is -1 and it is not drawn.
 *
 * Widths: a frame is `total × scale`, where the scale shrinks whenever a frame's children add up
 * to more than the frame itself (parallel or async children, common in traces, unlike CPU
 * profiles). Children then share their parent's width in proportion to their totals, so a child
 * never pokes out of its parent. The tooltip shows the true totals.
 *
 * Frames are numbered in creation order (first appearance in the span pre-order), so a frame's
 * parent always has a smaller number and one forward pass lays everything out.
 */
export interface FlameTree {
  readonly frameCount: number;
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** (service, operation) pair id, see span-pairs.ts; -1 for the virtual root. */
  readonly pair: Int32Array;
  readonly count: Float64Array;
  /** Sum of span durations, µs. */
  readonly total: Float64Array;
  readonly selfTotal: Float64Array;
  readonly errors: Float64Array;
  /** Left edge and width in the virtual root's units (µs, scaled as above). */
  readonly x: Float64Array;
  readonly width: Float64Array;
  readonly maxDepth: number;
}

export function buildFlameTree(columns: TraceColumns, pairs: SpanPairs): FlameTree {
  const builder = new FlameTreeBuilder(columns, pairs);
  builder.advance(columns.spanCount);
  return builder.finish();
}

/**
 * Builds a {@link FlameTree} a slice of spans at a time, so the main thread can yield between
 * slices: a 1M-span trace whose call paths are all distinct (1M frames) takes ~250 ms, memory-bound
 * on the hash, which must not be one long task.
 */
export class FlameTreeBuilder {
  private readonly n: number;
  private readonly parentOf: Int32Array;
  private readonly depth: Int32Array;
  private readonly pair: Int32Array;
  private readonly count: Float64Array;
  private readonly total: Float64Array;
  private readonly selfTotal: Float64Array;
  private readonly errors: Float64Array;
  private readonly frameOfSpan: Int32Array;
  /** Keyed by (parent frame, pair); ids are frame - 1 since frame 0 is the virtual root. */
  private readonly hash: PairHash;
  private maxDepth = -1;
  private next = 0;

  constructor(
    private readonly columns: TraceColumns,
    private readonly pairs: SpanPairs,
  ) {
    const n = columns.spanCount;
    this.n = n;
    const cap = n + 1;
    this.parentOf = new Int32Array(cap);
    this.depth = new Int32Array(cap);
    this.pair = new Int32Array(cap);
    this.count = new Float64Array(cap);
    this.total = new Float64Array(cap);
    this.selfTotal = new Float64Array(cap);
    this.errors = new Float64Array(cap);
    this.parentOf[0] = -1;
    this.depth[0] = -1;
    this.pair[0] = -1;
    this.frameOfSpan = new Int32Array(n);
    // Sized for the worst case up front: rehashing a 1M-entry table costs more than it saves.
    this.hash = new PairHash(n);
  }

  /** Share of spans merged so far, 0..1. */
  get progress(): number {
    return this.n === 0 ? 1 : this.next / this.n;
  }

  /** Merges up to `spans` more spans; true when every span is merged. */
  advance(spans: number): boolean {
    const {
      columns,
      pairs,
      hash,
      parentOf,
      depth,
      pair,
      count,
      total,
      selfTotal,
      errors,
      frameOfSpan,
    } = this;
    const end = Math.min(this.n, this.next + spans);
    for (let i = this.next; i < end; i++) {
      // Pre-order: a span's parent was visited (and got its frame) before the span.
      const parentSpan = columns.parent[i] ?? -1;
      const parentFrame = parentSpan >= 0 ? (frameOfSpan[parentSpan] ?? 0) : 0;
      const p = pairs.pairOfSpan[i] ?? 0;
      const before = hash.size;
      const frame = hash.getOrAdd(parentFrame, p) + 1;
      if (hash.size > before) {
        parentOf[frame] = parentFrame;
        const d = (depth[parentFrame] ?? -1) + 1;
        depth[frame] = d;
        if (d > this.maxDepth) this.maxDepth = d;
        pair[frame] = p;
      }
      frameOfSpan[i] = frame;
      count[frame] = (count[frame] ?? 0) + 1;
      total[frame] = (total[frame] ?? 0) + (columns.duration[i] ?? 0);
      selfTotal[frame] = (selfTotal[frame] ?? 0) + (columns.selfTime[i] ?? 0);
      if (((columns.flags[i] ?? 0) & SpanFlag.Error) !== 0)
        errors[frame] = (errors[frame] ?? 0) + 1;
    }
    this.next = end;
    return end >= this.n;
  }

  finish(): FlameTree {
    const frameCount = this.hash.size + 1;
    const tree = {
      frameCount,
      parent: this.parentOf.slice(0, frameCount),
      depth: this.depth.slice(0, frameCount),
      pair: this.pair.slice(0, frameCount),
      count: this.count.slice(0, frameCount),
      total: this.total.slice(0, frameCount),
      selfTotal: this.selfTotal.slice(0, frameCount),
      errors: this.errors.slice(0, frameCount),
      maxDepth: this.maxDepth,
    };
    return { ...tree, ...layoutFrames(tree) };
  }
}

function layoutFrames(
  tree: Pick<FlameTree, 'frameCount' | 'parent' | 'total'>,
): Pick<FlameTree, 'x' | 'width'> {
  const { frameCount, parent, total } = tree;
  const childSum = new Float64Array(frameCount);
  for (let f = 1; f < frameCount; f++) {
    const p = parent[f] ?? 0;
    childSum[p] = (childSum[p] ?? 0) + (total[f] ?? 0);
  }
  const x = new Float64Array(frameCount);
  const width = new Float64Array(frameCount);
  const scale = new Float64Array(frameCount);
  const cursor = new Float64Array(frameCount);
  width[0] = childSum[0] ?? 0;
  scale[0] = 1;
  for (let f = 1; f < frameCount; f++) {
    const p = parent[f] ?? 0;
    const t = total[f] ?? 0;
    const w = t * (scale[p] ?? 1);
    x[f] = cursor[p] ?? 0;
    width[f] = w;
    cursor[p] = (cursor[p] ?? 0) + w;
    cursor[f] = x[f] ?? 0;
    const children = childSum[f] ?? 0;
    scale[f] = (scale[p] ?? 1) * (children > t && children > 0 ? t / children : 1);
  }
  return { x, width };
}
