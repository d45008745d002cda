/**
 * RED metrics for the demo backend, as a span-metrics pipeline would derive them from the corpus.
 *
 * The corpus stands for a 1-in-{@link SAMPLE_RATE} sample of the traffic (Jaeger stores sampled
 * traces; span metrics count every span), so call rates are the corpus' counts scaled up, while
 * latency quantiles and error ratios are the corpus' own: payment-service `Charge` has a p95 near
 * 2 s because ~20% of its calls take 2 s, and HotROD's error spans show as its error rate. Every
 * point looks back `ratePer` like Prometheus' `rate(...[ratePer])`. A window without calls has no
 * latency or error ratio (NaN, a gap); outside the corpus' two hours there are no points at all.
 *
 * `monitor-1000-ops` exists only here: 1,000 synthetic operations for the bench and tests.
 */
import type { DemoStore } from './demo-store';
import type { DemoSpan } from './demo-trace';
import { upperBound } from '../model/sorted-search';
import { deriveSeed } from './prng';

export const SAMPLE_RATE = 100;
export const THOUSAND_OPS_SERVICE = 'monitor-1000-ops';
export const THOUSAND_OPS_COUNT = 1_000;
/** A request for more points than this is refused, as Prometheus refuses > 11,000 per series. */
export const MAX_POINTS = 11_000;

export type DemoMetricKind = 'latencies' | 'calls' | 'errors';

export interface DemoMetricsQuery {
  readonly kind: DemoMetricKind;
  readonly services: readonly string[];
  readonly spanKinds: readonly string[];
  readonly groupByOperation: boolean;
  readonly quantile: number;
  /** ms since the epoch, ms, ms, ms. */
  readonly endTs: number;
  readonly lookback: number;
  readonly step: number;
  readonly ratePer: number;
}

interface Calls {
  /** µs since the epoch, ascending. */
  readonly starts: number[];
  /** ms. */
  readonly durations: number[];
  readonly errors: boolean[];
}

interface Point {
  readonly t: number;
  readonly v: number;
}

const NAMES: Record<DemoMetricKind, [string, string]> = {
  latencies: ['service_latencies', 'service_operation_latencies'],
  calls: ['service_call_rate', 'service_operation_call_rate'],
  errors: ['service_error_rate', 'service_operation_error_rate'],
};
const HELP: Record<DemoMetricKind, string> = {
  latencies: '0.95th quantile latency, grouped by service',
  calls: 'calls/sec, grouped by service',
  errors: 'error rate, computed as a fraction of errors/sec over calls/sec, grouped by service',
};

const indexes = new WeakMap<DemoStore, Map<string, Calls>>();

/** service \0 kind \0 operation → calls, built once per store. */
function callIndex(store: DemoStore): Map<string, Calls> {
  const known = indexes.get(store);
  if (known) return known;
  const spans: DemoSpan[] = store.traces.flatMap((trace) => trace.spans);
  spans.sort((a, b) => a.start - b.start);
  const index = new Map<string, Calls>();
  for (const span of spans) {
    const key = `${span.service}\u0000${span.kind}\u0000${span.operation}`;
    let calls = index.get(key);
    if (!calls) {
      calls = { starts: [], durations: [], errors: [] };
      index.set(key, calls);
    }
    calls.starts.push(span.start);
    calls.durations.push(Math.max(0, span.duration) / 1000);
    calls.errors.push(span.error);
  }
  indexes.set(store, index);
  return index;
}

/** Prometheus-style: linear interpolation between the closest ranks. */
function quantileOf(sorted: readonly number[], q: number): number {
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(sorted.length - 1, low + 1);
  const a = sorted[low] as number;
  return a + ((sorted[high] as number) - a) * (rank - low);
}

function corpusPoints(
  groups: readonly Calls[],
  query: DemoMetricsQuery,
  store: DemoStore,
): Point[] {
  const points: Point[] = [];
  const corpusStart = store.now - 2 * 3600 * 1_000_000;
  for (let t = query.endTs - query.lookback; t <= query.endTs; t += query.step) {
    const to = t * 1000;
    const from = to - query.ratePer * 1000;
    if (to < corpusStart || from > store.now) continue;
    const durations: number[] = [];
    let errors = 0;
    for (const calls of groups) {
      const end = upperBound(calls.starts, to);
      for (let i = upperBound(calls.starts, from); i < end; i++) {
        durations.push(calls.durations[i] as number);
        if (calls.errors[i]) errors += 1;
      }
    }
    const n = durations.length;
    const v =
      query.kind === 'calls'
        ? (n * SAMPLE_RATE) / (query.ratePer / 1000)
        : n === 0
          ? Number.NaN
          : query.kind === 'errors'
            ? errors / n
            : quantileOf(
                durations.sort((a, b) => a - b),
                query.quantile,
              );
    points.push({ t, v });
  }
  return points;
}

/** A cheap integer hash to [0, 1): one per point, so a thousand series stay fast in the browser. */
function noise(seed: number, at: number): number {
  let h = Math.imul(seed ^ Math.floor(at / 1000), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export const thousandOpsName = (i: number): string =>
  `${['GET', 'POST', 'PUT', 'DELETE'][i % 4] ?? 'GET'} /api/v${1 + (i % 3)}/resource-${String(i).padStart(4, '0')}`;

function syntheticPoints(op: number, seed: number, query: DemoMetricsQuery): Point[] {
  const opSeed = deriveSeed(seed, `${THOUSAND_OPS_SERVICE}/${op}`);
  const base = 2 + 400 * noise(opSeed, 1) ** 3; // ms
  const rate = 80 / (op + 1); // Zipf: a few busy operations, a long quiet tail
  const errorRatio =
    noise(opSeed, 2) < 0.1 ? 0.02 + 0.2 * noise(opSeed, 3) : 0.005 * noise(opSeed, 4);
  const points: Point[] = [];
  for (let t = query.endTs - query.lookback; t <= query.endTs; t += query.step) {
    const r = noise(opSeed, t);
    // The quiet tail has windows without calls: gaps in latency and errors, zeros in calls.
    const idle = rate < 0.2 && r < 0.3;
    const spread = 1 + 0.3 * Math.sin(t / 600_000 + op) + 0.2 * r;
    const v =
      query.kind === 'calls'
        ? idle
          ? 0
          : rate * spread
        : idle
          ? Number.NaN
          : query.kind === 'errors'
            ? Math.min(1, errorRatio * (0.5 + r))
            : base * spread * (1 + 3 * query.quantile ** 6);
    points.push({ t, v });
  }
  return points;
}

const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * One metric as JSON text. Written by hand rather than JSON.stringify'd objects: the 1,000-operation
 * answer is ~5 MB and, in the browser, MSW runs this on the page's main thread.
 */
function metricJson(
  service: string,
  operation: string | null,
  points: readonly Point[],
  stamps: Map<number, string>,
): string {
  const labels = [
    ...(operation === null ? [] : [{ name: 'operation', value: operation }]),
    { name: 'service_name', value: service },
  ];
  const parts: string[] = [];
  for (const point of points) {
    let stamp = stamps.get(point.t);
    if (stamp === undefined) {
      stamp = JSON.stringify(rfc3339(point.t));
      stamps.set(point.t, stamp);
    }
    // proto3 JSON writes NaN as a string.
    const value = Number.isNaN(point.v) ? '"NaN"' : String(point.v);
    parts.push(`{"gaugeValue":{"doubleValue":${value}},"timestamp":${stamp}}`);
  }
  return `{"labels":${JSON.stringify(labels)},"metricPoints":[${parts.join(',')}]}`;
}

/** The MetricFamily jaeger-query would answer, as JSON text. */
export function demoMetricFamily(store: DemoStore, query: DemoMetricsQuery): string {
  const grouped = query.groupByOperation ? 1 : 0;
  const metrics: string[] = [];
  const stamps = new Map<number, string>();
  const index = callIndex(store);
  for (const service of query.services) {
    if (service === THOUSAND_OPS_SERVICE) {
      if (!query.spanKinds.includes('server')) continue;
      if (query.groupByOperation) {
        for (let op = 0; op < THOUSAND_OPS_COUNT; op++)
          metrics.push(
            metricJson(
              service,
              thousandOpsName(op),
              syntheticPoints(op, store.seed, query),
              stamps,
            ),
          );
      } else {
        // The service as a whole behaves like its busiest operation.
        metrics.push(metricJson(service, null, syntheticPoints(0, store.seed, query), stamps));
      }
      continue;
    }
    const byOperation = new Map<string, Calls[]>();
    for (const [key, calls] of index) {
      const [owner = '', kind = '', operation = ''] = key.split('\u0000');
      if (owner !== service || !query.spanKinds.includes(kind)) continue;
      const label = query.groupByOperation ? operation : '';
      byOperation.set(label, [...(byOperation.get(label) ?? []), calls]);
    }
    for (const [operation, groups] of [...byOperation].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const points = corpusPoints(groups, query, store);
      if (points.length > 0)
        metrics.push(
          metricJson(service, query.groupByOperation ? operation : null, points, stamps),
        );
    }
  }
  const head = JSON.stringify({
    name: NAMES[query.kind][grouped],
    type: 'GAUGE',
    help: HELP[query.kind],
  });
  return `${head.slice(0, -1)},"metrics":[${metrics.join(',')}]}`;
}
