import { useEffect, useState } from 'react';
import type { DiffCore, TraceDiff } from '../../model/diff/trace-diff';
import { compareWorkers } from '../../worker/compare-workers';
import { isAbortError } from '../../worker/trace-worker-client';

export type DiffState =
  | { readonly status: 'running'; readonly key: string }
  /** The rows and totals are in; the graph is still being built. */
  | { readonly status: 'core'; readonly key: string; readonly core: DiffCore }
  | {
      readonly status: 'ready';
      readonly key: string;
      readonly core: DiffCore;
      readonly diff: TraceDiff;
    }
  | { readonly status: 'error'; readonly key: string; readonly error: unknown };

/**
 * The diff of side A against side B (each one trace, or for one side a cohort's median),
 * computed in the worker: its rows and totals first, then its graph. A newer pair supersedes a
 * running one, and the worker stops a diff nobody waits for any more (a newer pair, or the page
 * closed).
 */
export function useTraceDiff(handlesA: readonly number[], handlesB: readonly number[]): DiffState {
  const key = `${handlesA.join(',')}:${handlesB.join(',')}`;
  const [state, setState] = useState<DiffState>({ status: 'running', key });
  useEffect(() => {
    const abort = new AbortController();
    const [a = [], b = []] = key.split(':').map((side) => side.split(',').map(Number));
    compareWorkers()
      .differ()
      .diff(a, b, 'compare-diff', abort.signal, (core) => {
        if (!abort.signal.aborted) setState({ status: 'core', key, core });
      })
      .then(
        (diff) =>
          !abort.signal.aborted &&
          // The table keeps the core it drew (same arrays, same object): nothing recomputes.
          setState((previous) => {
            const core = previous.status === 'core' && previous.key === key ? previous.core : diff;
            return { status: 'ready', key, core, diff };
          }),
        (error: unknown) =>
          !abort.signal.aborted &&
          !isAbortError(error) &&
          setState({ status: 'error', key, error }),
      );
    return () => abort.abort();
  }, [key]);
  return state.key === key ? state : { status: 'running', key };
}
