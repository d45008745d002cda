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

/**
 * On a trace route, starts the trace's download at once from `guess` (the v3 API, which every
 * Jaeger 2.x serves) instead of after the API probe's round trip, which was on the way to the
 * first rows (75-140 ms here). Should the probe find another API (a v1-only Jaeger), the load
 * starts again from that client's URL; the page adopts the load whose URL matches its client's.
 */
export function startTraceLoadForRoute(
  path: string,
  guess: JaegerClient,
  client: Promise<JaegerClient>,
): void {
  const traceId = traceIdOfRoute(path);
  if (traceId === undefined) return;
  const guessedUrl = guess.traceUrl(traceId);
  startEarlyTraceLoad(traceId, guessedUrl);
  client
    .then((known) => {
      const url = known.traceUrl(traceId);
      if (url !== guessedUrl) startEarlyTraceLoad(traceId, url);
    })
    .catch(() => {
      // No client: the page starts its own load and shows the error.
    });
}
