/**
 * A trace load started before React renders the trace page. On a trace link the API client is
 * known well before the page has rendered and run its effects; starting the worker's fetch at
 * that moment takes the page's start-up off the path to the first rows. The page adopts the load
 * (`takeEarlyTraceLoad`) instead of starting its own.
 */
import type { LoadProgress, LoadResult } from '../../worker/trace-worker-client';
import { traceWorkerClient } from '../../worker/trace-worker-client';

export interface EarlyTraceLoad {
  readonly result: Promise<LoadResult>;
  /** Forwards progress (the latest one at once) until the returned function is called. */
  onProgress(listener: (progress: LoadProgress) => void): () => void;
  abort(): void;
}

interface Pending extends EarlyTraceLoad {
  readonly traceId: string;
  readonly url: string;
}

let pending: Pending | undefined;

export function startEarlyTraceLoad(traceId: string, url: string): void {
  pending?.abort();
  const controller = new AbortController();
  const listeners = new Set<(progress: LoadProgress) => void>();
  let latest: LoadProgress | null = null;
  performance.mark('cairn:trace-load-start');
  const result = traceWorkerClient().loadTrace(
    url,
    traceId,
    (progress) => {
      latest = progress;
      for (const listener of listeners) listener(progress);
    },
    controller.signal,
  );
  // Whoever adopts the load handles its failure; until then it must not surface as unhandled.
  result.catch(() => undefined);
  pending = {
    traceId,
    url,
    result,
    abort: () => controller.abort(),
    onProgress(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The early load of exactly this trace and URL, handed over once; the caller owns it from then
 * on (aborts it, releases its handle). An early load of another trace is no longer wanted.
 */
export function takeEarlyTraceLoad(traceId: string, url: string): EarlyTraceLoad | undefined {
  const taken = pending;
  pending = undefined;
  if (!taken) return undefined;
  if (taken.traceId === traceId && taken.url === url) return taken;
  taken.abort();
  return undefined;
}
