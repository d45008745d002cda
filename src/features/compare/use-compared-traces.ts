import { useEffect, useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import type { LoadedTrace } from '../../worker/messages';
import { getLocalTrace, isLocalHandle } from '../../worker/local-trace-registry';
import { compareLoadChannel, compareWorkers } from '../../worker/compare-workers';
import { takeEarlyTraceLoad } from '../../worker/early-trace-load';
import { isAbortError } from '../../worker/trace-worker-client';

/** A load that failed, with the id it was for. */
class LoadFailure {
  constructor(
    readonly traceId: string,
    readonly error: unknown,
  ) {}
}

export type ComparedState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly which: string; readonly done: number }
  | { readonly status: 'error'; readonly traceId: string; readonly error: unknown }
  /** A worker holding some of the traces crashed: they must be loaded again. */
  | { readonly status: 'crashed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly traces: readonly LoadedTrace[] };

/**
 * Loads every trace of the comparison (two, or a cohort): a trace opened from a file comes from
 * the local registry, anything else from the backend through the compare page's two trace
 * workers in turn (compare-workers.ts), so two traces download and parse on two cores at once.
 * Loads are cancelled, and the workers' copies released, when the ids change, one of them fails,
 * or the page closes. When either worker crashes, the comparison is over (its traces, or its
 * diff, went with the worker): the state says so, and a new attempt loads everything again.
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
    const offCrash = compareWorkers().onCrash((error) => {
      if (abort.signal.aborted) return;
      abort.abort();
      setState({ status: 'crashed', error });
    });
    const loaded: LoadedTrace[] = [];
    const load = async (traceId: string, slot: number): Promise<LoadedTrace> => {
      const local = getLocalTrace(traceId);
      if (local) return local;
      const url = client.traceUrl(traceId);
      const channel = compareLoadChannel(slot);
      // The load app start-up began for this trace on this channel is adopted (not on a retry).
      const early = attempt === 0 ? takeEarlyTraceLoad(traceId, url, channel) : undefined;
      if (early) abort.signal.addEventListener('abort', early.abort, { once: true });
      try {
        const result = await (early?.result ??
          compareWorkers().forSlot(slot).loadTrace(url, traceId, {
            signal: abort.signal,
            channel,
            loadsAtOnce: distinct.length,
          }));
        const [trace] = result.traces;
        if (!trace) throw new Error(`Trace ${traceId} was not found`);
        loaded.push(trace);
        return trace;
      } catch (error) {
        throw new LoadFailure(traceId, error);
      }
    };
    // Each distinct id once (a trace against itself is loaded once), all at the same time, in
    // alternating workers.
    const distinct = [...new Set(wanted)];
    let done = 0;
    setState({ status: 'loading', which: distinct.join(', '), done });
    Promise.all(
      distinct.map((id, slot) =>
        load(id, slot).then((trace) => {
          done++;
          if (!abort.signal.aborted && done < distinct.length)
            setState({ status: 'loading', which: distinct.join(', '), done });
          return trace;
        }),
      ),
    ).then(
      (traces) => {
        const byId = new Map(distinct.map((id, k) => [id, traces[k]]));
        const ordered = wanted.flatMap((id) => byId.get(id) ?? []);
        if (!abort.signal.aborted) setState({ status: 'ready', traces: ordered });
      },
      (failure: unknown) => {
        if (abort.signal.aborted) return;
        // One failed: the others are not needed any more.
        abort.abort();
        const { traceId, error } =
          failure instanceof LoadFailure ? failure : { traceId: '', error: failure };
        if (!isAbortError(error)) setState({ status: 'error', traceId, error });
      },
    );
    return () => {
      offCrash();
      abort.abort();
      for (const trace of loaded)
        if (!isLocalHandle(trace.handle))
          compareWorkers().ownerOf(trace.handle).release(trace.handle);
    };
  }, [client, requestKey, attempt]);

  if (ids.length < 2) return { status: 'idle' };
  return tagged.key === requestKey
    ? tagged.state
    : { status: 'loading', which: ids[0] ?? '', done: 0 };
}
