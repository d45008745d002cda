// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { micros } from '../model/units';
import { ApiError } from './api-error';
import { realFixture } from './real-fixtures';
import { recordingServer } from './test-server';
import { JaegerV1Client } from './v1-client';

const BASE = 'http://jaeger.test/jaeger/';
const { server, seen } = recordingServer();

const json = (path: string) => () =>
  new HttpResponse(realFixture(path), { headers: { 'Content-Type': 'application/json' } });
const envelope = (data: unknown, errors: unknown = null) => ({
  data,
  total: 0,
  limit: 0,
  offset: 0,
  errors,
});

const query = {
  service: 'telemetrygen',
  attributes: { 'peer.service': 'telemetrygen-client' },
  start: micros(1_706_678_900_000_000),
  end: micros(1_706_679_000_000_000 + 0.2),
  minDuration: micros(100_000),
  limit: 20,
};
const expectedSearch =
  'service=telemetrygen&tags=%7B%22peer.service%22%3A%22telemetrygen-client%22%7D' +
  '&start=1706678900000000&end=1706679000000000&minDuration=100ms&limit=20';

describe('JaegerV1Client', () => {
  const client = new JaegerV1Client(BASE);

  it('lists services, and operations with a fallback to the per-service route', async () => {
    server.use(
      http.get(`${BASE}api/services`, () => HttpResponse.json(envelope(['b', 'a']))),
      http.get(`${BASE}api/operations`, () =>
        HttpResponse.json(envelope(null, [{ code: 404, msg: 'not found' }]), { status: 404 }),
      ),
      http.get(`${BASE}api/services/:service/operations`, () =>
        HttpResponse.json(envelope(['GET /', 'POST /'])),
      ),
    );
    expect(await client.services()).toEqual(['b', 'a']);
    expect(await client.operations('svc/1')).toEqual([
      { name: 'GET /', spanKind: '' },
      { name: 'POST /', spanKind: '' },
    ]);
    expect(seen).toEqual([
      `GET ${BASE}api/services`,
      `GET ${BASE}api/operations?service=svc%2F1`,
      `GET ${BASE}api/services/svc%2F1/operations`,
    ]);
  });

  it('reads span kinds from /api/operations', async () => {
    server.use(
      http.get(`${BASE}api/operations`, () =>
        HttpResponse.json(envelope([{ name: 'op', spanKind: 'client' }])),
      ),
    );
    expect(await client.operations('s')).toEqual([{ name: 'op', spanKind: 'client' }]);
  });

  it('searches with µs times, Go durations and a JSON tags map; summarizes whole traces', async () => {
    server.use(http.get(`${BASE}api/traces`, json('jaeger/otlp2jaeger-out.json')));
    const result = await client.search(query);
    expect(seen).toEqual([`GET ${BASE}api/traces?${expectedSearch}`]);
    expect(result.traces.map((t) => [t.traceId, t.spanCount])).toEqual([
      ['83a9efd15c1c98a977e0711cc93ee28b', 2],
    ]);
  });

  it('searches every service by leaving the service parameter out', async () => {
    server.use(http.get(`${BASE}api/traces`, json('jaeger/otlp2jaeger-out.json')));
    const { service: _, ...everyService } = query;
    await client.search(everyService);
    expect(seen).toEqual([
      `GET ${BASE}api/traces?${expectedSearch.replace('service=telemetrygen&', '')}`,
    ]);
  });

  it('summarizes the multi-span jaeger-ui fixture', async () => {
    server.use(http.get(`${BASE}api/traces`, json('jaeger-ui/oltp2jaeger-multi-out.json')));
    const result = await client.search(query);
    expect(result.traces).toHaveLength(1);
    expect(result.traces[0]?.spanCount).toBe(4);
  });

  it('keeps partial data that comes with errors[] on HTTP 200 and surfaces every error', async () => {
    const recorded = JSON.parse(realFixture('jaeger/otlp2jaeger-out.json')) as { data: unknown };
    // A response as Jaeger sends it when one storage shard fails: the recorded data plus errors.
    const partial = envelope(recorded.data, [
      { code: 500, msg: 'shard 2 timed out' },
      { code: 500, msg: 'shard 3 timed out', traceID: 'abc' },
    ]);
    server.use(http.get(`${BASE}api/traces`, () => HttpResponse.json(partial)));
    const result = await client.search(query);
    expect(result.traces.map((t) => t.traceId)).toEqual(['83a9efd15c1c98a977e0711cc93ee28b']);
    expect(result.errors).toEqual([
      'Jaeger reported an error: shard 2 timed out',
      'Jaeger reported an error for trace abc: shard 3 timed out',
    ]);
  });

  it('looks up several ids in one request; ids reported as 404 become missing', async () => {
    const recorded = JSON.parse(realFixture('jaeger/otlp2jaeger-out.json')) as { data: unknown };
    server.use(
      http.get(`${BASE}api/traces`, () =>
        HttpResponse.json(
          envelope(recorded.data, [{ code: 404, msg: 'trace not found', traceID: '00ff' }]),
        ),
      ),
    );
    const result = await client.findByIds(['83A9EFD15C1C98A977E0711CC93EE28B', '00ff']);
    expect(seen).toEqual([
      `GET ${BASE}api/traces?traceID=83A9EFD15C1C98A977E0711CC93EE28B&traceID=00ff`,
    ]);
    expect(result).toMatchObject({ missing: ['00ff'], errors: [] });
    expect(result.traces).toHaveLength(1);
  });

  it('reports an all-zero id as missing even when a trace without an id comes back', async () => {
    server.use(
      http.get(`${BASE}api/traces`, () =>
        HttpResponse.json(
          envelope([
            {
              traceID: '0000000000000000',
              spans: [
                {
                  traceID: '0000000000000000',
                  spanID: '1',
                  operationName: 'op',
                  startTime: 1,
                  duration: 1,
                  processID: 'p1',
                },
              ],
              processes: { p1: { serviceName: 'svc' } },
            },
          ]),
        ),
      ),
    );
    const result = await client.findByIds(['00000000000000000000000000000000', '0']);
    expect(result.traces).toHaveLength(1);
    expect(result.missing).toEqual(['0']);
  });

  it('treats a JSON 404 as nothing found and an HTML 502 as an error', async () => {
    server.use(
      http.get(`${BASE}api/traces`, () =>
        HttpResponse.json(envelope(null, [{ code: 404, msg: 'trace not found' }]), { status: 404 }),
      ),
    );
    expect(await client.findByIds(['1'])).toEqual({ traces: [], errors: [], missing: ['1'] });
    server.use(
      http.get(`${BASE}api/traces`, () =>
        HttpResponse.html('<html><h1>502 Bad Gateway</h1></html>', { status: 502 }),
      ),
    );
    const error: unknown = await client.search(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 502,
      bodyExcerpt: '<html><h1>502 Bad Gateway</h1></html>',
    });
  });

  it('reports an empty 200 body as a parse error', async () => {
    server.use(http.get(`${BASE}api/services`, () => new HttpResponse(null, { status: 200 })));
    await expect(client.services()).rejects.toMatchObject({ kind: 'parse' });
  });

  it('archives with POST and builds v1 trace URLs', async () => {
    server.use(http.post(`${BASE}api/archive/:id`, () => HttpResponse.json(envelope([]))));
    await client.archive('abc');
    expect(seen).toEqual([`POST ${BASE}api/archive/abc`]);
    expect(client.traceUrl('abc')).toBe(`${BASE}api/traces/abc`);
  });
});
