import { traceWorkerClient } from '../worker/trace-worker-client';

const isTraceRoute = (path: string): boolean => /^\/trace\/[^/]+$/.test(path) && !path.includes('...');

/**
 * Starts the trace worker early on a trace route. Call it only once the demo backend (if any) is
 * running: a worker created while MSW's service worker is being (re)activated stays with the old
 * controller, and its trace fetch then bypasses the demo and reaches the static server.
 */
export function prewarmTraceWorker(path: string): void {
  if (isTraceRoute(path)) traceWorkerClient().prewarm();
}
