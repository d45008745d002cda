/**
 * The flame graph's merged tree, built in the worker (`flame-tree`): at 1M spans the merge is
 * ~250 ms and the final copy and layout another ~150 ms, which on the main thread was one long
 * task even with a sliced merge. The merge pauses every slice (run-sliced.ts) so span details
 * asked meanwhile are answered. Not cached here: the page caches the tree it receives.
 */
import { FlameTreeBuilder, type FlameTree } from '../model/analysis/flame-tree';
import { computeSpanPairs } from '../model/analysis/span-pairs';
import type { Trace } from '../model/trace';
import { runSliced } from './run-sliced';

/** Spans merged between two checks of the clock: ~2–5 ms in the worst case. */
const SPANS_PER_STEP = 20_000;

function* flameSteps(trace: Trace): Generator<undefined, FlameTree, void> {
  // Same pair ids as the page's pairTotalsOf (one deterministic pass), which labels the frames.
  const builder = new FlameTreeBuilder(
    trace.columns,
    computeSpanPairs(trace.columns, trace.operations.length),
  );
  while (!builder.advance(SPANS_PER_STEP)) yield;
  return builder.finish();
}

/** The tree of `trace` and its buffers to transfer (all fresh: `finish` copies). */
export async function buildFlameTreeSliced(
  trace: Trace,
  isLoaded: () => boolean,
): Promise<{ tree: FlameTree; transfer: ArrayBuffer[] }> {
  const tree = await runSliced(flameSteps(trace), isLoaded);
  const arrays = [
    tree.parent,
    tree.depth,
    tree.pair,
    tree.count,
    tree.total,
    tree.selfTotal,
    tree.errors,
    tree.x,
    tree.width,
  ];
  return {
    tree,
    transfer: arrays.flatMap((array) =>
      array.buffer instanceof ArrayBuffer ? [array.buffer] : [],
    ),
  };
}
