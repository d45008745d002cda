import { useEffect, useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import type { LoadedTrace } from '../../worker/messages';
import { getLocalTrace, isLocalHandle } from '../../worker/local-trace-registry';
import { isAbortError, traceWorkerClient } from '../../worker/trace-worker-client';

export type ComparedState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly which: string }
  | { readonly status: 'error'; readonly traceId: string; readonly error: unknown }
  | { readonly status: 'ready'; readonly a: LoadedTrace; readonly b: LoadedTrace };

/**
 * Loads the two traces to compare: a trace opened from a file comes from the local registry,
 * anything else from the backend through the trace worker. Loads run one after the other (the
 * worker's load channel is latest-wins) and are cancelled when the ids change or the page closes.
 */
export function useComparedTraces(
  idA: string | undefined,
  idB: string | undefined,
  attempt: number,
): ComparedState {
  const client = useJaegerClient();
  // The state of one request, tagged with it, so a change of ids shows "loading" at once instead
  // of the previous comparison.
  const requestKey = `${idA ?? ''}\u0000${idB ?? ''}\u0000${attempt}`;
  const [tagged, setTagged] = useState<{ key: string; state: ComparedState }>({
    key: '',
    state: { status: 'idle' },
  });

  useEffect(() => {
    if (!idA || !idB) return;
    const setState = (state: ComparedState) => setTagged({ key: requestKey, state });
    const abort = new AbortController();
    const loaded: LoadedTrace[] = [];
    const load = async (traceId: string): Promise<LoadedTrace> => {
      const local = getLocalTrace(traceId);
      if (local) return local;
      setState({ status: 'loading', which: traceId });
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
      let current = idA;
      try {
        const a = await load(idA);
        current = idB;
        const b = await load(idB);
        if (!abort.signal.aborted) setState({ status: 'ready', a, b });
      } catch (error) {
        if (!isAbortError(error)) setState({ status: 'error', traceId: current, error });
      }
    })();
    return () => {
      abort.abort();
      for (const trace of loaded)
        if (!isLocalHandle(trace.handle)) traceWorkerClient().release(trace.handle);
    };
  }, [client, idA, idB, requestKey]);

  if (!idA || !idB) return { status: 'idle' };
  return tagged.key === requestKey ? tagged.state : { status: 'loading', which: idA };
}
