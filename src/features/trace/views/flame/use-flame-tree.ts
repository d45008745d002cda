import { useEffect, useState } from 'react';
import type { FlameTree } from '../../../../model/analysis/flame-tree';
import type { TraceColumns } from '../../../../model/trace';
import type { LoadedTrace } from '../../../../worker/messages';
import { isAbortError, traceWorkerClient } from '../../../../worker/trace-worker-client';

const cache = new WeakMap<TraceColumns, FlameTree>();

export type FlameState =
  { readonly tree: FlameTree } | { readonly tree: null; readonly error: string | null };

/**
 * The merged flame tree of a trace, built in the worker: at 1M spans the merge, copy and layout
 * were ~0.4 s of main-thread work, and even merged in slices the final layout was one ~150 ms
 * task. Cached per trace, so switching views back is instant.
 */
export function useFlameTree(trace: Pick<LoadedTrace, 'handle' | 'columns'>): FlameState {
  // Bumped when a build finishes: the tree itself lives in the cache.
  const [, setBuilt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (cache.has(trace.columns)) return;
    let cancelled = false;
    traceWorkerClient()
      .flameTree(trace.handle)
      .then((tree) => {
        cache.set(trace.columns, tree);
        if (!cancelled) setBuilt((version) => version + 1);
      })
      .catch((reason: unknown) => {
        if (!cancelled && !isAbortError(reason))
          setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
    };
  }, [trace]);
  const tree = cache.get(trace.columns);
  return tree ? { tree } : { tree: null, error };
}
