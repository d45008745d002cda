import type { JaegerClient } from '../api/types';
import { startEarlyTraceLoad } from '../features/trace/early-trace-load';
import { traceIdOfPath } from '../ui/trace-path';
import { compareWorkers } from '../worker/compare-workers';
import { traceWorkerClient } from '../worker/trace-worker-client';

/**
 * The trace id of a `/trace/:id` route (relative to the base), or undefined for any other page,
 * including Jaeger UI's comparison form `/trace/a...b`.
 */
export function traceIdOfRoute(path: string): string | undefined {
  const id = traceIdOfPath(path);
  return id === undefined || id.includes('...') ? undefined : id;
}

/**
 * Starts the trace worker early on a trace route and the deep dependency graph's (the compare
 * page's two on its route). Call it only once the demo backend (if any) is
 * running: a worker created while MSW's service worker is being (re)activated stays with the old
 * controller, and its trace fetch then bypasses the demo and reaches the static server.
 */
export function prewarmTraceWorker(path: string): void {
  if (traceIdOfRoute(path) !== undefined) traceWorkerClient().prewarm();
  // The compare page loads its traces in two workers: both boot while the page's code loads.
  else if (/^\/compare\/?$/.test(path)) compareWorkers().prewarm();
  // The deep dependency graph parses its traces in the trace worker.
  else if (/^\/deep-dependencies\/?$/.test(path)) traceWorkerClient().prewarm();
}

/** On a trace route, starts the trace's download once the API client is known (the page adopts it). */
export function startTraceLoadForRoute(path: string, client: Promise<JaegerClient>): void {
  const traceId = traceIdOfRoute(path);
  if (traceId === undefined) return;
  client
    .then((known) => startEarlyTraceLoad(traceId, known.traceUrl(traceId)))
    .catch(() => {
      // No client, no early load: the page starts its own and shows the error.
    });
}
