/**
 * A trace load started at app start-up, before React has rendered the trace page (app/prefetch.ts
 * starts it with the worker, from the URL the API probe is expected to confirm): React's first
 * render and the page's effects are then off the path to the first rows. The page adopts the
 * load (`takeEarlyTraceLoad`) instead of starting its own. The compare page's traces
 * load so too, one per worker channel (`load:compare-<slot>`).
 */
import type { LoadProgress, LoadResult, TraceWorkerClient } from './trace-worker-client';
import { TRACE_LOAD_CHANNEL, traceWorkerClient } from './trace-worker-client';
import { markTraceLoadStart } from './load-timings';

export interface EarlyTraceLoad {
  readonly result: Promise<LoadResult>;
  /** Forwards progress (the latest one at once) until the returned function is called. */
  onProgress(listener: (progress: LoadProgress) => void): () => void;
  abort(): void;
}

interface Pending extends EarlyTraceLoad {
  readonly traceId: string;
  readonly url: string;
  readonly worker: TraceWorkerClient;
  readonly channel: string;
  readonly expiry: ReturnType<typeof setTimeout>;
}

/**
 * A load nobody adopts (the page's code failed to load, say) is dropped after this long, so the
 * worker does not keep its trace until the tab closes. The page adopts within ~100 ms normally.
 */
const UNCLAIMED_MS = 30_000;

/** At most one early load per worker channel. */
const pending = new Map<string, Pending>();

export function startEarlyTraceLoad(
  traceId: string,
  url: string,
  worker: TraceWorkerClient = traceWorkerClient(),
  channel = TRACE_LOAD_CHANNEL,
  /** Traces start-up downloads at once, this one included (a compare link's: all of them). */
  loadsAtOnce = 1,
): void {
  const previous = pending.get(channel);
  if (previous) discard(previous);
  const controller = new AbortController();
  const listeners = new Set<(progress: LoadProgress) => void>();
  let latest: LoadProgress | null = null;
  markTraceLoadStart();
  const result = worker.loadTrace(url, traceId, {
    onProgress: (progress) => {
      latest = progress;
      for (const listener of listeners) listener(progress);
    },
    signal: controller.signal,
    channel,
    loadsAtOnce,
  });
  // Whoever adopts the load handles its failure; until then it must not surface as unhandled.
  result.catch(() => undefined);
  const entry: Pending = {
    traceId,
    url,
    worker,
    channel,
    result,
    abort: () => controller.abort(),
    onProgress(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
      return () => listeners.delete(listener);
    },
    expiry: setTimeout(() => {
      if (pending.get(channel) === entry) discard(entry);
    }, UNCLAIMED_MS),
  };
  pending.set(channel, entry);
}

/**
 * The early load of exactly this trace and URL, handed over once; the caller owns it from then on
 * (aborts it, releases its handles). An early load of another trace is no longer wanted.
 */
export function takeEarlyTraceLoad(
  traceId: string,
  url: string,
  channel = TRACE_LOAD_CHANNEL,
): EarlyTraceLoad | undefined {
  const taken = pending.get(channel);
  if (!taken) return undefined;
  if (taken.traceId !== traceId || taken.url !== url) {
    discard(taken);
    return undefined;
  }
  pending.delete(channel);
  clearTimeout(taken.expiry);
  return taken;
}

/** Stops an unwanted load and frees what it may already have loaded in the worker. */
function discard(load: Pending): void {
  if (pending.get(load.channel) === load) pending.delete(load.channel);
  clearTimeout(load.expiry);
  load.abort();
  load.result.then(
    (result) => {
      for (const trace of result.traces) load.worker.release(trace.handle);
    },
    () => undefined,
  );
}
