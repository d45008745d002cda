/**
 * Loads the trace of the page: a locally opened one from the registry, else the backend URL
 * through the worker, and starts the page's store over for it. Owns the handle's lifetime: released in the worker when the page leaves or
 * loads another trace (local traces belong to the registry and are kept).
 */
import { startTransition, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { getLocalTrace, isLocalHandle, localTraceNotes } from '../../worker/local-trace-registry';
import type { LoadedTrace, WireError } from '../../worker/messages';
import {
  isAbortError,
  TraceWorkerError,
  type LoadProgress,
} from '../../worker/trace-worker-client';
import { markTraceLoadStart } from '../../worker/load-timings';
import { useTraceWorker } from '../../worker/trace-worker-context';
import { useReleaseTrace } from '../../worker/worker-queries';
import { takeEarlyTraceLoad } from '../../worker/early-trace-load';
import { useTracePageStore } from './state/trace-page-store-context';
import { useFileRestore } from './use-file-restore';

export type TraceLoadState =
  | { readonly status: 'loading'; readonly progress: LoadProgress | null }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly error: WireError }
  | {
      readonly status: 'loaded';
      readonly trace: LoadedTrace;
      readonly warnings: readonly string[];
    };

const toWire = (error: unknown, url: string): WireError =>
  error instanceof TraceWorkerError
    ? error
    : { kind: 'network', url, message: error instanceof Error ? error.message : String(error) };

interface Keyed {
  readonly key: string;
  readonly state: TraceLoadState;
}

const LOADING: TraceLoadState = { status: 'loading', progress: null };
const isFailure = (state: TraceLoadState) =>
  state.status === 'error' || state.status === 'cancelled';

export function useTraceLoad(traceId: string, url: string) {
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}|${traceId}|${url}`;
  const [keyed, setKeyed] = useState<Keyed>({ key: '', state: LOADING });
  const controller = useRef<AbortController | null>(null);
  const local = getLocalTrace(traceId);
  const page = useTracePageStore();
  const worker = useTraceWorker();
  const release = useReleaseTrace();
  // Looked up alongside the backend load (no added latency); a failure of that load shows only
  // after the lookup, so a file's trace never flashes the backend's "not found" first.
  const restoring = useFileRestore(traceId, !local);

  // A local trace needs no load; only the page's store must start over for it.
  useLayoutEffect(() => {
    if (!local) return undefined;
    page.getState().reset(local.columns);
    return () => page.getState().reset(null);
  }, [local, page]);

  // A layout effect: the request leaves during the commit that shows the loading state, not
  // after that state's first paint (~30 ms later at start-up, when the main thread is busiest).
  useLayoutEffect(() => {
    if (local) return undefined;
    const abort = new AbortController();
    controller.current = abort;
    const set = (state: TraceLoadState) => {
      if (!abort.signal.aborted) setKeyed({ key, state });
    };
    let handle = -1;
    let lastProgress = 0;
    const onProgress = (progress: LoadProgress) => {
      // The worker throttles to ~10/s already; this keeps React work bounded if it does not.
      const now = performance.now();
      if (now - lastProgress < 50) return;
      lastProgress = now;
      set({ status: 'loading', progress });
    };
    // The load app start-up began for this very trace is adopted (never on a retry).
    const early = attempt === 0 ? takeEarlyTraceLoad(traceId, url) : undefined;
    if (early) {
      abort.signal.addEventListener('abort', early.abort, { once: true });
      abort.signal.addEventListener('abort', early.onProgress(onProgress), { once: true });
    } else {
      markTraceLoadStart();
    }
    (early?.result ?? worker.loadTrace(url, traceId, { onProgress, signal: abort.signal }))
      .then((result) => {
        const [trace] = result.traces;
        if (!trace)
          throw new TraceWorkerError({
            kind: 'not-found',
            url,
            message: `Trace ${traceId} not found`,
          });
        handle = trace.handle;
        for (const extra of result.traces.slice(1)) release(extra.handle);
        if (abort.signal.aborted) return;
        performance.mark('cairn:trace-loaded');
        page.getState().reset(trace.columns);
        // A transition: React renders the page in slices between which the browser stays
        // responsive; only the commit is one piece. The loading state shows until then.
        startTransition(() => set({ status: 'loaded', trace, warnings: result.errors }));
      })
      .catch((error: unknown) => {
        if (isAbortError(error)) set({ status: 'cancelled' });
        else set({ status: 'error', error: toWire(error, url) });
      });
    return () => {
      abort.abort();
      if (handle >= 0 && !isLocalHandle(handle)) release(handle);
      page.getState().reset(null);
    };
  }, [attempt, key, local, page, release, traceId, url, worker]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const cancel = useCallback(() => {
    const current = controller.current;
    if (!current) return;
    current.abort();
    setKeyed({ key, state: { status: 'cancelled' } });
  }, [key]);

  const state: TraceLoadState = local
    ? { status: 'loaded', trace: local, warnings: localTraceNotes(traceId) }
    : keyed.key === key && !(restoring && isFailure(keyed.state))
      ? keyed.state
      : LOADING;
  return { state, retry, cancel };
}
