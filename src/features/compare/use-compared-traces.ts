import { useEffect, useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import type { LoadedTrace } from '../../worker/messages';
import { getLocalTrace, isLocalHandle } from '../../worker/local-trace-registry';
import { isAbortError, traceWorkerClient } from '../../worker/trace-worker-client';

export type ComparedState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly which: string; readonly done: number }
  | { readonly status: 'error'; readonly traceId: string; readonly error: unknown }
  | { readonly status: 'ready'; readonly traces: readonly LoadedTrace[] };

/**
 * Loads every trace of the comparison (two, or a cohort): a trace opened from a file comes from
 * the local registry, anything else from the backend through the trace worker. Loads run one
 * after the other (the worker's load channel is latest-wins) and are cancelled, and the worker's
 * copies released, when the ids change or the page closes.
 */
export function useComparedTraces(ids: readonly string[], attempt: number): ComparedState {
  const client = useJaegerClient();
  const requestKey = `${ids.join('\u0000')}\u0001${attempt}`;
  // The state of one request, tagged with it, so a change of ids shows "loading" at once instead
  // of the previous comparison.
  const [tagged, setTagged] = useState<{ key: string; state: ComparedState }>({
    key: '',
    state: { status: 'idle' },
  });

  useEffect(() => {
    const wanted = requestKey.split('\u0001')[0]?.split('\u0000') ?? [];
    if (wanted.length < 2) return;
    const setState = (state: ComparedState) => setTagged({ key: requestKey, state });
    const abort = new AbortController();
    const loaded: LoadedTrace[] = [];
    const load = async (traceId: string, done: number): Promise<LoadedTrace> => {
      const local = getLocalTrace(traceId);
      if (local) return local;
      setState({ status: 'loading', which: traceId, done });
      const result = await traceWorkerClient().loadTrace(
        client.traceUrl(traceId),
        traceId,
        undefined,
        abort.signal,
      );
      const [trace] = result.traces;
      if (!trace) throw new Error(`Trace ${traceId} was not found`);
      loaded.push(trace);
      return trace;
    };
    (async () => {
      let current = wanted[0] ?? '';
      try {
        const traces: LoadedTrace[] = [];
        // The same id twice (a trace against itself) is loaded once.
        const byId = new Map<string, LoadedTrace>();
        for (const id of wanted) {
          current = id;
          const trace = byId.get(id) ?? (await load(id, traces.length));
          byId.set(id, trace);
          traces.push(trace);
        }
        if (!abort.signal.aborted) setState({ status: 'ready', traces });
      } catch (error) {
        if (!isAbortError(error)) setState({ status: 'error', traceId: current, error });
      }
    })();
    return () => {
      abort.abort();
      for (const trace of loaded)
        if (!isLocalHandle(trace.handle)) traceWorkerClient().release(trace.handle);
    };
  }, [client, requestKey]);

  if (ids.length < 2) return { status: 'idle' };
  return tagged.key === requestKey
    ? tagged.state
    : { status: 'loading', which: ids[0] ?? '', done: 0 };
}
