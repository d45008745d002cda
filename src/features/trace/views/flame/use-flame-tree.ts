import { useEffect, useState } from 'react';
import { FlameTreeBuilder, type FlameTree } from '../../../../model/analysis/flame-tree';
import type { TraceColumns } from '../../../../model/trace';
import type { LoadedTrace } from '../../../../worker/messages';
import { pairTotalsOf } from '../trace-aggregates';

/** Spans merged per slice: ~25 ms in the worst case (every call path distinct), then a yield. */
const SLICE = 100_000;
const cache = new WeakMap<TraceColumns, FlameTree>();

export type FlameState = { readonly tree: FlameTree } | { readonly tree: null; readonly progress: number };

/**
 * The merged flame tree of a trace, built in slices between macrotasks so a 1M-span trace never
 * blocks the page for the whole build; cached per trace so switching views back is instant.
 */
export function useFlameTree(trace: Pick<LoadedTrace, 'columns' | 'operations'>): FlameState {
  const [progress, setProgress] = useState(0);
  // Bumped when a build finishes: the tree itself lives in the cache.
  const [, setBuilt] = useState(0);
  useEffect(() => {
    if (cache.has(trace.columns)) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const builder = new FlameTreeBuilder(trace.columns, pairTotalsOf(trace).pairs);
    const step = () => {
      if (cancelled) return;
      if (builder.advance(SLICE)) {
        cache.set(trace.columns, builder.finish());
        setBuilt((version) => version + 1);
      } else {
        setProgress(builder.progress);
        timer = setTimeout(step, 0);
      }
    };
    timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [trace]);
  const tree = cache.get(trace.columns);
  return tree ? { tree } : { tree: null, progress };
}
