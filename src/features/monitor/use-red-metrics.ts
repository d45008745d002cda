/**
 * The RED queries of one view: latency at three quantiles, call rate, error rate. Each is its own
 * request (jaeger-query has one endpoint per metric and quantile), so each can fail on its own and
 * the page shows what arrived.
 */
import { useQuery } from '@tanstack/react-query';
import type { MetricSeries, MetricsClient, MetricsQuery } from '../../api/metrics-client';
import { metricSeriesQuery } from '../../api/metrics-queries';

export interface MetricSlot {
  readonly label: string;
  readonly data: readonly MetricSeries[] | undefined;
  readonly error: unknown;
  readonly isPending: boolean;
  /** Showing the previous window's answer while this one loads (Refresh, another range). */
  readonly isPlaceholder: boolean;
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

/**
 * `lowerQuantiles: false` skips p50/p75 (the operations table needs p95 only). `ready: false`
 * holds every request back (the step is not known yet); the slots read as pending meanwhile.
 */
export function useRedMetrics(
  client: MetricsClient,
  query: MetricsQuery,
  lowerQuantiles = true,
  ready = true,
): RedMetrics {
  const enabled = query.service !== '' && ready;
  // Five fixed queries rather than useQueries: a useQuery's observer outlives a key change, which
  // is what lets placeholderData see the previous window's answer.
  const results = [
    useQuery({
      ...keepView(metricSeriesQuery(client, 'latencies', query, 0.5)),
      enabled: lowerQuantiles && enabled,
    }),
    useQuery({
      ...keepView(metricSeriesQuery(client, 'latencies', query, 0.75)),
      enabled: lowerQuantiles && enabled,
    }),
    useQuery({ ...keepView(metricSeriesQuery(client, 'latencies', query, 0.95)), enabled }),
    useQuery({ ...keepView(metricSeriesQuery(client, 'calls', query)), enabled }),
    useQuery({ ...keepView(metricSeriesQuery(client, 'errors', query)), enabled }),
  ];
  const slot = (index: number): MetricSlot => {
    const result = results[index];
    const key = RED_KEYS[index] ?? 'p95';
    return {
      label: LABELS[key],
      data: result?.data,
      error: result?.error ?? null,
      isPending: result?.isPending ?? true,
      isPlaceholder: result?.isPlaceholderData ?? false,
      refetch: () => void result?.refetch(),
    };
  };
  return { p50: slot(0), p75: slot(1), p95: slot(2), calls: slot(3), errors: slot(4) };
}

/**
 * Same view, new window (Refresh, another range): keep drawing the last answer, and the table's
 * filter and sort, until the new one arrives instead of blanking the page.
 */
function keepView<T extends { readonly queryKey: readonly unknown[] }>(options: T) {
  return {
    ...options,
    placeholderData: (
      previous: MetricSeries[] | undefined,
      previousQuery: { readonly queryKey: readonly unknown[] } | undefined,
    ) =>
      previousQuery && sameView(previousQuery.queryKey, options.queryKey) ? previous : undefined,
  };
}

/** Keys are ['jaeger', 'metrics', kind, quantile, query]: equal but for the time window. */
function sameView(a: readonly unknown[], b: readonly unknown[]): boolean {
  const [qa, qb] = [a[4], b[4]] as (MetricsQuery | undefined)[];
  return (
    a[2] === b[2] &&
    a[3] === b[3] &&
    qa !== undefined &&
    qb !== undefined &&
    qa.service === qb.service &&
    qa.spanKind === qb.spanKind &&
    qa.groupByOperation === qb.groupByOperation
  );
}

export const slots = (metrics: RedMetrics): MetricSlot[] => RED_KEYS.map((key) => metrics[key]);
