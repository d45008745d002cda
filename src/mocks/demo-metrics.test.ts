// @vitest-environment node
import { isMetricFamily } from '../api/metrics-shapes';
import { toSeries } from '../api/metrics-client';
import type { MetricSeries } from '../api/metrics-client';
import { createDemoHandler } from './demo-handler';
import { createDemoStore } from './demo-store';
import { SAMPLE_RATE, THOUSAND_OPS_COUNT, THOUSAND_OPS_SERVICE } from './demo-metrics';

const NOW = 1_750_000_000_000_000; // µs
const END = NOW / 1000; // ms
const options = { seed: 7, now: NOW };
const handle = createDemoHandler(options);
const store = createDemoStore(options);
const BASE = 'http://demo.test/';
const HOUR = 3_600_000;

async function get(path: string, handler = handle) {
  const response = await handler(new Request(BASE + path));
  if (!response) throw new Error(`not handled: ${path}`);
  const text = await response.text();
  return {
    status: response.status,
    body: (response.ok || text.startsWith('{') ? JSON.parse(text) : text) as unknown,
  };
}

async function series(kind: string, params: string): Promise<MetricSeries[]> {
  const { status, body } = await get(
    `api/metrics/${kind}?endTs=${END}&lookback=${HOUR}&step=60000&ratePer=600000&${params}`,
  );
  expect(status).toBe(200);
  if (!isMetricFamily(body)) throw new Error('not a MetricFamily');
  return toSeries(body);
}

const numbers = (one: MetricSeries | undefined) =>
  (one?.values ?? []).filter((value): value is number => value !== null);

describe('demo metrics', () => {
  it("shows payment-service Charge's slow fifth as a p95 near 2 s, its median far below", async () => {
    const p95 = await series(
      'latencies',
      'service=payment-service&quantile=0.95&groupByOperation=true',
    );
    const p50 = await series(
      'latencies',
      'service=payment-service&quantile=0.5&groupByOperation=true',
    );
    const charge95 = numbers(p95.find((one) => one.operation === 'Charge'));
    const charge50 = numbers(p50.find((one) => one.operation === 'Charge'));
    expect(charge95.length).toBeGreaterThan(50);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
    // ~6 calls per 10-minute window, one in five slow: the interpolated p95 sits near the slow ones.
    expect(median(charge95)).toBeGreaterThan(1_000);
    expect(Math.max(...charge95)).toBeGreaterThan(1_990);
    expect(median(charge95)).toBeLessThan(2_100);
    expect(median(charge50)).toBeLessThan(100);
  });

  it('counts calls and errors of the corpus in the ratePer window, scaled by the sample rate', async () => {
    const calls = await series('calls', 'service=redis-manual&spanKind=client');
    const errors = await series('errors', 'service=redis-manual&spanKind=client');
    const windowStart = (END - 600_000) * 1000;
    const spans = store.traces
      .flatMap((trace) => trace.spans)
      .filter(
        (span) =>
          span.service === 'redis-manual' &&
          span.kind === 'client' &&
          span.start > windowStart &&
          span.start <= NOW,
      );
    expect(spans.length).toBeGreaterThan(0);
    const last = (one: MetricSeries | undefined) => one?.values[one.values.length - 1];
    expect(calls[0]?.times.at(-1)).toBe(END);
    expect(last(calls[0])).toBeCloseTo((spans.length * SAMPLE_RATE) / 600, 6);
    expect(last(errors[0])).toBeCloseTo(
      spans.filter((span) => span.error).length / spans.length,
      6,
    );
    // Over the hour, HotROD's redis errors (timeouts and ~1% failures) show as a few percent.
    const mean = numbers(errors[0]).reduce((sum, v) => sum + v, 0) / numbers(errors[0]).length;
    expect(mean).toBeGreaterThan(0.005);
    expect(mean).toBeLessThan(0.2);
  });

  it('has no points before the corpus and gaps (NaN) where a window has no calls', async () => {
    const { body } = await get(
      `api/metrics/latencies?service=payment-service&quantile=0.95&endTs=${END}&lookback=${6 * HOUR}&step=600000&ratePer=60000`,
    );
    if (!isMetricFamily(body)) throw new Error('not a MetricFamily');
    const one = toSeries(body)[0];
    expect(one?.times[0]).toBeGreaterThanOrEqual(END - 2 * HOUR - 60_000);
    // 1-minute windows every 10 minutes over ~0.6 calls a minute: some windows are empty.
    expect(one?.values).toContain(null);
    expect(numbers(one).length).toBeGreaterThan(0);
  });

  it(`serves ${THOUSAND_OPS_SERVICE} with 1,000 operations, deterministically, with gaps in the tail`, async () => {
    const params = `service=${THOUSAND_OPS_SERVICE}&quantile=0.95&groupByOperation=true`;
    const first = await series('latencies', params);
    const again = await series('latencies', params);
    expect(first).toHaveLength(THOUSAND_OPS_COUNT);
    expect(new Set(first.map((one) => one.operation)).size).toBe(THOUSAND_OPS_COUNT);
    expect(again).toEqual(first);
    expect(first.at(-1)?.values).toContain(null);
    const p50 = await series('latencies', params.replace('0.95', '0.5'));
    expect(numbers(first[0])[0]).toBeGreaterThan(numbers(p50[0])[0] ?? Infinity);
  });

  it('answers like jaeger-query to bad requests, and on a Jaeger 1.x too', async () => {
    expect(await get('api/metrics/calls')).toMatchObject({ status: 400 });
    expect(await get('api/metrics/latencies?service=a')).toMatchObject({ status: 400 });
    expect(await get('api/metrics/calls?service=a&step=abc')).toMatchObject({ status: 400 });
    expect(await get('api/metrics/nope?service=a')).toMatchObject({ status: 404 });
    const v1 = createDemoHandler({ ...options, api: 'v1' });
    expect(await get('api/metrics/minstep', v1)).toMatchObject({
      status: 200,
      body: { data: 1000 },
    });
  });
});
