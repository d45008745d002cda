import type { FlameTree } from '../../../../model/analysis/flame-tree';
import type { LoadedTrace } from '../../../../worker/messages';
import { isAbortError } from '../../../../worker/trace-worker-client';
import { useWorkerQuery } from '../../../../worker/worker-queries';

export type FlameState =
  { readonly tree: FlameTree } | { readonly tree: null; readonly error: string | null };

/**
 * The merged flame tree of a trace, built in the worker: at 1M spans the merge, copy and layout
 * were ~0.4 s of main-thread work, and even merged in slices the final layout was one ~150 ms
 * task. A query of the trace, so switching views back is instant.
 */
export function useFlameTree(trace: Pick<LoadedTrace, 'handle'>): FlameState {
  const { data, error } = useWorkerQuery('flame-tree', { handle: trace.handle });
  if (data) return { tree: data.tree };
  return { tree: null, error: error && !isAbortError(error) ? error.message : null };
}
