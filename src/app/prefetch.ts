import type { JaegerClient } from '../api/types';
import { startEarlyTraceLoad } from '../worker/early-trace-load';
import { traceIdOfPath } from '../ui/trace-path';
import { compareLoadChannel, compareWorkers } from '../worker/compare-workers';
import { traceWorkerClient, type TraceWorkerClient } from '../worker/trace-worker-client';

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

interface EarlyLoad {
  readonly traceId: string;
  readonly worker: TraceWorkerClient;
  readonly channel?: string;
}

/** The traces a route shows: a trace page's one, the compare page's cohort in its two workers. */
function earlyLoadsOf(path: string, search: string): EarlyLoad[] {
  const traceId = traceIdOfRoute(path);
  if (traceId !== undefined) return [{ traceId, worker: traceWorkerClient() }];
  if (!/^\/compare\/?$/.test(path)) return [];
  // As the compare page loads them: each distinct id once, in alternating workers.
  const ids = new URLSearchParams(search).getAll('cohort');
  if (ids.length < 2) return [];
  return [...new Set(ids)].map((id, slot) => ({
    traceId: id,
    worker: compareWorkers().forSlot(slot),
    channel: compareLoadChannel(slot),
  }));
}

/**
 * On a trace or compare route, starts the traces' downloads at once from `guess` (the v3 API,
 * which every Jaeger 2.x serves) instead of after the API probe's round trip, which was on the
 * way to the first rows (75-140 ms here). Should the probe find another API (a v1-only Jaeger),
 * the loads start again from that client's URLs; a page adopts the loads whose URLs match its
 * client's.
 */
export function startEarlyLoadsForRoute(
  path: string,
  search: string,
  guess: JaegerClient,
  client: Promise<JaegerClient>,
): void {
  const loads = earlyLoadsOf(path, search);
  if (loads.length === 0) return;
  const startFrom = (api: JaegerClient) => {
    for (const { traceId, worker, channel } of loads)
      startEarlyTraceLoad(traceId, api.traceUrl(traceId), worker, channel, loads.length);
  };
  startFrom(guess);
  client
    .then((known) => {
      const differs = loads.some(
        ({ traceId }) => known.traceUrl(traceId) !== guess.traceUrl(traceId),
      );
      if (differs) startFrom(known);
    })
    .catch(() => {
      // No client: the page starts its own loads and shows the error.
    });
}
