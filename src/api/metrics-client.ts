/**
 * jaeger-query's Service Performance Monitoring API (`/api/metrics/...`). It is the same at Jaeger
 * 1.x and 2.x, so one small client serves both, beside (not inside) the trace clients.
 */
import { ApiError } from './api-error';
import { apiUrl, fetchJson } from './http';
import type { RequestOptions } from './http';
import type { WireMetricFamily, WireMetricPoint } from './metrics-shapes';
import { isMetricFamily, isMinStep } from './metrics-shapes';

export type MetricKind = 'latencies' | 'calls' | 'errors';

export type SpanKindFilter =
  'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export const SPAN_KIND_FILTERS: readonly SpanKindFilter[] = [
  'server',
  'client',
  'producer',
  'consumer',
  'internal',
  'unspecified',
];

export interface MetricsQuery {
  readonly service: string;
  readonly spanKind: SpanKindFilter;
  /** ms since the epoch. */
  readonly endTs: number;
  /** ms. */
  readonly lookback: number;
  /** ms between points. */
  readonly step: number;
  /** ms window of the per-second rate. */
  readonly ratePer: number;
  readonly groupByOperation: boolean;
}

/** One time series: ms timestamps ascending, `null` where the store had no number (NaN). */
export interface MetricSeries {
  readonly service: string;
  /** '' unless grouped by operation. */
  readonly operation: string;
  readonly times: readonly number[];
  readonly values: readonly (number | null)[];
  /** Mean of the points it has (gaps left out); null when it has none. The operations table's number. */
  readonly mean: number | null;
}

export function seriesMean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

export function metricsParams(
  query: MetricsQuery,
  kind: MetricKind,
  quantile?: number,
): [string, string][] {
  const params: [string, string][] = [['service', query.service]];
  if (kind === 'latencies') params.push(['quantile', String(quantile ?? 0.95)]);
  params.push(
    ['groupByOperation', String(query.groupByOperation)],
    ['endTs', String(Math.round(query.endTs))],
    ['lookback', String(Math.round(query.lookback))],
    ['step', String(Math.round(query.step))],
    ['ratePer', String(Math.round(query.ratePer))],
    ['spanKind', query.spanKind],
  );
  return params;
}

function pointValue(point: WireMetricPoint): number | null {
  const value = point.gaugeValue?.doubleValue;
  // proto3 JSON leaves a zero out; NaN (a quantile over no calls) is a gap, not a zero.
  if (value === undefined) return point.gaugeValue ? 0 : null;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The family as series, points sorted by time (stores do not promise an order). Every series of a
 * family shares its timestamps, so each distinct text is parsed once (1,000 operations × 60 points
 * are 60 distinct timestamps).
 */
export function toSeries(family: WireMetricFamily): MetricSeries[] {
  const parsed = new Map<string, number>();
  const parse = (text: string) => {
    let ms = parsed.get(text);
    if (ms === undefined) {
      ms = Date.parse(text);
      parsed.set(text, ms);
    }
    return ms;
  };
  return (family.metrics ?? []).map((metric) => {
    const labels = metric.labels ?? [];
    const label = (name: string) => labels.find((item) => item.name === name)?.value ?? '';
    const points = metric.metricPoints ?? [];
    const times = points.map((point) => parse(point.timestamp));
    const values = points.map(pointValue);
    const named = { service: label('service_name'), operation: label('operation') };
    const mean = seriesMean(values);
    if (times.every((time, i) => i === 0 || (times[i - 1] as number) <= time))
      return { ...named, times, values, mean };
    const order = times
      .map((_, i) => i)
      .sort((a, b) => (times[a] as number) - (times[b] as number));
    return {
      ...named,
      times: order.map((i) => times[i] as number),
      values: order.map((i) => values[i] ?? null),
      mean,
    };
  });
}

/** Where a series request goes: by default a fetch here; the page passes a worker's. */
export type SeriesTransport = (
  url: string,
  signal?: AbortSignal,
  timeoutMs?: number,
) => Promise<MetricSeries[]>;

/** jaeger-query without a metrics backend answers 501 "trace metrics are currently disabled". */
export function isMetricsDisabled(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.kind !== 'http') return false;
  return error.status === 501 || /metrics.*disabled/i.test(error.serverMessage);
}

export class MetricsClient {
  constructor(
    private readonly base: string,
    private readonly options: {
      readonly timeoutMs?: number;
      readonly transport?: SeriesTransport;
    } = {},
  ) {}

  private request(signal: AbortSignal | undefined): RequestOptions {
    return {
      signal,
      ...(this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs }),
    };
  }

  url(kind: MetricKind, query: MetricsQuery, quantile?: number): string {
    return apiUrl(this.base, `api/metrics/${kind}`, metricsParams(query, kind, quantile));
  }

  async series(
    kind: MetricKind,
    query: MetricsQuery,
    quantile?: number,
    signal?: AbortSignal,
  ): Promise<MetricSeries[]> {
    const url = this.url(kind, query, quantile);
    if (this.options.transport) return this.options.transport(url, signal, this.options.timeoutMs);
    const family = await fetchJson(url, isMetricFamily, `${kind} metrics`, this.request(signal));
    return toSeries(family);
  }

  /** The finest step (ms) the metrics store serves. */
  async minStep(signal?: AbortSignal): Promise<number> {
    const url = apiUrl(this.base, 'api/metrics/minstep');
    const body = await fetchJson(url, isMinStep, 'the minimum step', this.request(signal));
    return Number(body.data ?? body.minStep);
  }
}
