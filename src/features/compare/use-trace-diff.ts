import { useEffect, useState } from 'react';
import type { TraceDiff } from '../../model/diff/trace-diff';
import { isAbortError, traceWorkerClient } from '../../worker/trace-worker-client';

export type DiffState =
  | { readonly status: 'running'; readonly key: string }
  | { readonly status: 'ready'; readonly key: string; readonly diff: TraceDiff }
  | { readonly status: 'error'; readonly key: string; readonly error: unknown };

/**
 * The diff of trace `handleA` against `handlesB` (one trace, or a cohort's median), computed in
 * the worker; a newer pair supersedes a running one.
 */
export function useTraceDiff(handleA: number, handlesB: readonly number[]): DiffState {
  const key = `${handleA}:${handlesB.join(',')}`;
  const [state, setState] = useState<DiffState>({ status: 'running', key });
  useEffect(() => {
    let live = true;
    const [a, ...rest] = key.split(/[:,]/).map(Number);
    traceWorkerClient()
      .diff(a ?? 0, rest, 'compare-diff')
      .then(
        (diff) => live && setState({ status: 'ready', key, diff }),
        (error: unknown) =>
          live && !isAbortError(error) && setState({ status: 'error', key, error }),
      );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key ? state : { status: 'running', key };
}
