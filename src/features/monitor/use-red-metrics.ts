/**
 * The RED queries of one view: latency at three quantiles, call rate, error rate. Each is its own
 * request (jaeger-query has one endpoint per metric and quantile), so each can fail on its own and
 * the page shows what arrived.
 */
import { useQueries } from '@tanstack/react-query';
import type { MetricSeries, MetricsClient, MetricsQuery } from '../../api/metrics-client';
import { metricSeriesQuery } from '../../api/metrics-queries';

export interface MetricSlot {
  readonly label: string;
  readonly data: readonly MetricSeries[] | undefined;
  readonly error: unknown;
  readonly isPending: boolean;
  readonly refetch: () => void;
}

export interface RedMetrics {
  readonly p50: MetricSlot;
  readonly p75: MetricSlot;
  readonly p95: MetricSlot;
  readonly calls: MetricSlot;
  readonly errors: MetricSlot;
}

export const RED_KEYS = ['p50', 'p75', 'p95', 'calls', 'errors'] as const;

const LABELS: Record<(typeof RED_KEYS)[number], string> = {
  p50: 'p50 latency',
  p75: 'p75 latency',
  p95: 'p95 latency',
  calls: 'request rate',
  errors: 'error rate',
};

/** `lowerQuantiles: false` skips p50/p75 (the operations table needs p95 only). */
export function useRedMetrics(
  client: MetricsClient,
  query: MetricsQuery,
  lowerQuantiles = true,
): RedMetrics {
  const results = useQueries({
    queries: [
      {
        ...metricSeriesQuery(client, 'latencies', query, 0.5),
        enabled: lowerQuantiles && query.service !== '',
      },
      {
        ...metricSeriesQuery(client, 'latencies', query, 0.75),
        enabled: lowerQuantiles && query.service !== '',
      },
      metricSeriesQuery(client, 'latencies', query, 0.95),
      metricSeriesQuery(client, 'calls', query),
      metricSeriesQuery(client, 'errors', query),
    ],
  });
  const slot = (index: number): MetricSlot => {
    const result = results[index];
    const key = RED_KEYS[index] ?? 'p95';
    return {
      label: LABELS[key],
      data: result?.data,
      error: result?.error ?? null,
      isPending: result?.isPending ?? true,
      refetch: () => void result?.refetch(),
    };
  };
  return { p50: slot(0), p75: slot(1), p95: slot(2), calls: slot(3), errors: slot(4) };
}

export const slots = (metrics: RedMetrics): MetricSlot[] => RED_KEYS.map((key) => metrics[key]);
