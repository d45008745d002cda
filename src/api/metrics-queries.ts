/** React Query options for the metrics API; keys hold the whole query so equal asks share a cache entry. */
import { queryOptions } from '@tanstack/react-query';
import type { MetricKind, MetricsClient, MetricsQuery } from './metrics-client';

export const metricsKeys = {
  all: ['jaeger', 'metrics'] as const,
  series: (kind: MetricKind, query: MetricsQuery, quantile: number | null) =>
    [...metricsKeys.all, kind, quantile, { ...query }] as const,
  minStep: () => [...metricsKeys.all, 'minstep'] as const,
};

/** The store's finest step (ms); it does not change while jaeger-query runs. */
export const minStepQuery = (client: MetricsClient) =>
  queryOptions({
    queryKey: metricsKeys.minStep(),
    queryFn: ({ signal }) => client.minStep(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const metricSeriesQuery = (
  client: MetricsClient,
  kind: MetricKind,
  query: MetricsQuery,
  quantile?: number,
) =>
  queryOptions({
    queryKey: metricsKeys.series(kind, query, quantile ?? null),
    queryFn: ({ signal }) => client.series(kind, query, quantile, signal),
    enabled: query.service !== '',
  });
