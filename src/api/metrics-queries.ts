/** React Query options for the metrics API; keys hold the whole query so equal asks share a cache entry. */
import { queryOptions } from '@tanstack/react-query';
import type { MetricKind, MetricsClient, MetricsQuery } from './metrics-client';

export const metricsKeys = {
  all: ['jaeger', 'metrics'] as const,
  series: (kind: MetricKind, query: MetricsQuery, quantile: number | null) =>
    [...metricsKeys.all, kind, quantile, { ...query }] as const,
};

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
