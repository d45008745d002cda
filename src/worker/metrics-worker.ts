/// <reference lib="webworker" />
import { ApiError } from '../api/api-error';
import { fetchJson } from '../api/http';
import { toSeries } from '../api/metrics-client';
import { isMetricFamily } from '../api/metrics-shapes';
import type {
  MetricsWorkerRequest,
  MetricsWorkerResponse,
  WireApiError,
  WireSeries,
} from './metrics-messages';

const running = new Map<number, AbortController>();

function wireError(error: unknown, url: string): WireApiError {
  if (error instanceof ApiError) {
    return {
      kind: error.kind,
      message: error.message,
      url: error.url,
      ...(error.status === undefined ? {} : { status: error.status }),
      bodyExcerpt: error.bodyExcerpt,
      serverMessage: error.serverMessage,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'parse', message, url, bodyExcerpt: '', serverMessage: '' };
}

async function load(id: number, url: string, timeoutMs: number | undefined): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  let reply: MetricsWorkerResponse;
  const buffers: ArrayBuffer[] = [];
  try {
    const family = await fetchJson(url, isMetricFamily, 'metrics', {
      signal: controller.signal,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
    const series: WireSeries[] = toSeries(family).map((one) => {
      const times = Float64Array.from(one.times);
      const values = Float64Array.from(one.values, (value) => value ?? Number.NaN);
      buffers.push(times.buffer, values.buffer);
      return { service: one.service, operation: one.operation, times, values, mean: one.mean };
    });
    reply = { type: 'series', id, series };
  } catch (error) {
    reply = { type: 'error', id, error: wireError(error, url) };
  } finally {
    running.delete(id);
  }
  // A cancelled request's answer is dropped by the client; sending it anyway is harmless.
  self.postMessage(reply, buffers);
}

self.onmessage = (event: MessageEvent<MetricsWorkerRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') running.get(request.id)?.abort();
  else void load(request.id, request.url, request.timeoutMs);
};
