// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { ApiError } from './api-error';
import type { MetricsQuery } from './metrics-client';
import { isMetricsDisabled, MetricsClient } from './metrics-client';
import { recordingServer } from './test-server';

const BASE = 'http://jaeger.test/jaeger/';
const { server, seen } = recordingServer();

const query: MetricsQuery = {
  service: 'driver',
  spanKind: 'server',
  endTs: 1_622_711_531_000,
  lookback: 3_600_000,
  step: 60_000,
  ratePer: 600_000,
  groupByOperation: true,
};

// The README's example shape, grouped by operation; points deliberately out of order.
const family = {
  name: 'service_call_rate',
  type: 'GAUGE',
  help: 'calls/sec, grouped by service',
  metrics: [
    {
      labels: [
        { name: 'operation', value: '/FindNearest' },
        { name: 'service_name', value: 'driver' },
      ],
      metricPoints: [
        { gaugeValue: { doubleValue: 0.006960443672323934 }, timestamp: '2021-06-03T09:12:11Z' },
        { gaugeValue: { doubleValue: 0.005846808321083344 }, timestamp: '2021-06-03T09:12:06Z' },
        { gaugeValue: {}, timestamp: '2021-06-03T09:12:16Z' },
        { gaugeValue: { doubleValue: 'NaN' }, timestamp: '2021-06-03T09:12:21Z' },
      ],
    },
    { labels: [{ name: 'service_name', value: 'driver' }] },
  ],
};

const disabled = {
  data: null,
  total: 0,
  limit: 0,
  offset: 0,
  errors: [
    { code: 501, msg: 'trace metrics are currently disabled - no metrics backend configured' },
  ],
};

describe('MetricsClient', () => {
  const client = new MetricsClient(BASE);

  it('sends the documented parameters and reads the MetricFamily into sorted series', async () => {
    server.use(http.get(`${BASE}api/metrics/latencies`, () => HttpResponse.json(family)));
    const series = await client.series('latencies', query, 0.75);
    expect(seen).toEqual([
      `GET ${BASE}api/metrics/latencies?service=driver&quantile=0.75&groupByOperation=true` +
        '&endTs=1622711531000&lookback=3600000&step=60000&ratePer=600000&spanKind=server',
    ]);
    expect(series).toEqual([
      {
        service: 'driver',
        operation: '/FindNearest',
        times: [
          Date.UTC(2021, 5, 3, 9, 12, 6),
          Date.UTC(2021, 5, 3, 9, 12, 11),
          Date.UTC(2021, 5, 3, 9, 12, 16),
          Date.UTC(2021, 5, 3, 9, 12, 21),
        ],
        // An omitted doubleValue is proto3's zero; NaN is a gap.
        values: [0.005846808321083344, 0.006960443672323934, 0, null],
        // The gap is left out of the mean; the zero is not.
        mean: (0.005846808321083344 + 0.006960443672323934) / 3,
      },
      { service: 'driver', operation: '', times: [], values: [], mean: null },
    ]);
  });

  it('takes a family without metrics (proto3 omits empty lists) as no series', async () => {
    server.use(
      http.get(`${BASE}api/metrics/errors`, () =>
        HttpResponse.json({ name: 'service_error_rate', type: 'GAUGE' }),
      ),
    );
    expect(await client.series('errors', { ...query, groupByOperation: false })).toEqual([]);
    expect(seen[0]).not.toContain('quantile');
  });

  it('recognises the 501 "metrics disabled" answer', async () => {
    server.use(
      http.get(`${BASE}api/metrics/calls`, () => HttpResponse.json(disabled, { status: 501 })),
    );
    const error = await client.series('calls', query).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(isMetricsDisabled(error)).toBe(true);
    expect((error as ApiError).status).toBe(501);
    expect((error as ApiError).message).toContain('trace metrics are currently disabled');
  });

  it('reports other failures as ordinary errors, and a wrong shape as a parse error', async () => {
    server.use(
      http.get(`${BASE}api/metrics/calls`, () =>
        HttpResponse.json({ errors: [{ code: 500, msg: 'prometheus: timeout' }] }, { status: 500 }),
      ),
      http.get(`${BASE}api/metrics/errors`, () =>
        HttpResponse.json({ metrics: [{ metricPoints: [{ timestamp: 'yesterday' }] }] }),
      ),
    );
    const failed = await client.series('calls', query).catch((caught: unknown) => caught);
    expect(failed).toMatchObject({ kind: 'http', status: 500 });
    expect(isMetricsDisabled(failed)).toBe(false);
    await expect(client.series('errors', query)).rejects.toMatchObject({ kind: 'parse' });
  });

  it('hands the URL to a transport when given one (the page runs requests in a worker)', async () => {
    const asked: string[] = [];
    const series = [{ service: 'driver', operation: '', times: [1], values: [2], mean: 2 }];
    const viaWorker = new MetricsClient(BASE, {
      transport: (url) => {
        asked.push(url);
        return Promise.resolve(series);
      },
    });
    expect(await viaWorker.series('calls', query)).toBe(series);
    expect(asked).toEqual([viaWorker.url('calls', query)]);
    expect(seen).toEqual([]);
  });

  it('reads the minimum step from the v1 envelope', async () => {
    server.use(
      http.get(`${BASE}api/metrics/minstep`, () =>
        HttpResponse.json({ data: 1000, total: 0, limit: 0, offset: 0, errors: null }),
      ),
    );
    expect(await client.minStep()).toBe(1000);
  });
});
