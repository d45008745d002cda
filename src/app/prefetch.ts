import { traceWorkerClient } from '../worker/trace-worker-client';

/**
 * Starts loading what the first page will need before React renders it. Only the trace page is
 * worth it: it needs a big chunk and a worker, and it is what people open from links.
 */
export function prefetchForRoute(path: string): void {
  if (!/^\/trace\/[^/]+$/.test(path) || path.includes('...')) return;
  traceWorkerClient().prewarm();
  void import('../features/trace/trace-page');
}
