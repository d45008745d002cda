/**
 * Runs metrics requests in a worker (see metrics-messages.ts), one shared worker for the page.
 * Requests run concurrently; an aborted signal cancels its fetch in the worker.
 */
import { ApiError } from '../api/api-error';
import type { MetricSeries } from '../api/metrics-client';
import type { MetricsWorkerRequest, MetricsWorkerResponse, WireSeries } from './metrics-messages';
import metricsWorkerUrl from './metrics-worker.ts?worker&url';
import { createModuleWorker } from './worker-script-url';

export const METRICS_ANSWER_MARK = 'cairn:metrics-answer';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (series: MetricSeries[]) => void; reject: (error: unknown) => void }
>();

/**
 * Typed arrays back to plain arrays. Built with push, not `new Array(n)`: a pre-sized array is
 * "holey" in V8, and every later loop over 1,000 operations' points pays for the holes.
 */
function unpack(wire: WireSeries): MetricSeries {
  const times: number[] = [];
  const values: (number | null)[] = [];
  for (let i = 0; i < wire.times.length; i++) {
    times.push(wire.times[i] as number);
    const value = wire.values[i] as number;
    values.push(Number.isNaN(value) ? null : value);
  }
  return { service: wire.service, operation: wire.operation, times, values, mean: wire.mean };
}

function metricsWorker(): Worker {
  if (!worker) {
    // Through the bundle's Trusted Types policy, like the other workers: a bare URL here was a
    // Trusted Types violation under the strict CSP whenever the Monitor opened.
    worker = createModuleWorker(metricsWorkerUrl);
    worker.onmessage = (event: MessageEvent<MetricsWorkerResponse>) => {
      const reply = event.data;
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiter) return;
      // When each answer reached the page: `node bench/monitor.mjs` times the drawing from here.
      performance.mark(METRICS_ANSWER_MARK);
      if (reply.type === 'series') waiter.resolve(reply.series.map(unpack));
      else waiter.reject(new ApiError(reply.error));
    };
    worker.onerror = (event) => {
      // The worker itself failed (its script did not load): every waiter learns why.
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(new Error(`Metrics worker failed: ${event.message}`));
      }
    };
  }
  return worker;
}

export function fetchSeriesInWorker(
  url: string,
  signal?: AbortSignal,
  timeoutMs?: number,
): Promise<MetricSeries[]> {
  const id = nextId++;
  return new Promise<MetricSeries[]>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ApiError({ kind: 'aborted', url, message: `Request aborted: ${url}` }));
      return;
    }
    pending.set(id, { resolve, reject });
    const request: MetricsWorkerRequest = {
      type: 'fetch',
      id,
      url,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    };
    metricsWorker().postMessage(request);
    signal?.addEventListener(
      'abort',
      () => {
        if (!pending.delete(id)) return;
        const cancel: MetricsWorkerRequest = { type: 'cancel', id };
        metricsWorker().postMessage(cancel);
        reject(new ApiError({ kind: 'aborted', url, message: `Request aborted: ${url}` }));
      },
      { once: true },
    );
  });
}
