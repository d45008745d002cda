// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { micros } from '../model/units';
import { ApiError } from './api-error';
import { realFixture } from './real-fixtures';
import { recordingServer } from './test-server';
import { JaegerV3Client } from './v3-client';

const BASE = 'http://jaeger.test/jaeger/';
const { server, seen } = recordingServer();

const json = (path: string) => () =>
  new HttpResponse(realFixture(path), { headers: { 'Content-Type': 'application/json' } });
const noTraces = () =>
  HttpResponse.text('{"error":{"httpCode":404,"message":"No traces found"}}\n', { status: 404 });

const query = {
  service: 'frontend',
  operation: 'HTTP GET /dispatch',
  attributes: { 'http.status_code': '500', error: 'true' },
  start: micros(1_700_000_000_123_456),
  end: micros(1_700_003_600_000_000),
  minDuration: micros(1_500_000),
  maxDuration: micros(250),
  limit: 20,
};
const expectedSearch =
  'query.serviceName=frontend&query.operationName=HTTP+GET+%2Fdispatch' +
  '&query.attributes=%7B%22error%22%3A%22true%22%2C%22http.status_code%22%3A%22500%22%7D' +
  '&query.startTimeMin=2023-11-14T22%3A13%3A20.123456Z&query.startTimeMax=2023-11-14T23%3A13%3A20Z' +
  '&query.durationMin=1.5s&query.durationMax=250us&query.searchDepth=20';

describe('JaegerV3Client', () => {
  const client = new JaegerV3Client(BASE);

  it('lists services and operations from the recorded gateway answers', async () => {
    server.use(
      http.get(`${BASE}api/v3/services`, json('jaeger/GetServices.json')),
      http.get(`${BASE}api/v3/operations`, json('jaeger/GetOperations.json')),
    );
    expect(await client.services()).toEqual(['foo']);
    expect(await client.operations('my service')).toEqual([
      { name: 'get_users', spanKind: 'server' },
    ]);
    expect(seen).toEqual([
      `GET ${BASE}api/v3/services`,
      `GET ${BASE}api/v3/operations?service=my+service`,
    ]);
  });

  it('searches trace-summaries with RFC 3339 times, Go durations and a JSON attribute map', async () => {
    server.use(http.get(`${BASE}api/v3/trace-summaries`, json('jaeger/FindTraceSummaries.json')));
    const result = await client.search(query);
    expect(seen).toEqual([`GET ${BASE}api/v3/trace-summaries?${expectedSearch}`]);
    expect(result).toEqual({
      errors: [],
      traces: [
        {
          traceId: '00000000000000000000000000000001',
          rootService: 'frontend',
          rootOperation: 'HTTP GET /',
          startTime: 1_000_000_000,
          duration: 1_000_000,
          spanCount: 2,
          errorCount: 1,
          services: [{ name: 'frontend', spanCount: 2 }],
        },
      ],
    });
  });

  it('searches every service by leaving query.serviceName out', async () => {
    server.use(http.get(`${BASE}api/v3/trace-summaries`, json('jaeger/FindTraceSummaries.json')));
    const { service: _, operation: __, ...everyService } = query;
    await client.search(everyService);
    const [line] = seen;
    const url = new URL(line?.replace(/^GET /, '') ?? '');
    expect([...url.searchParams.keys()].filter((key) => key.startsWith('query.service'))).toEqual(
      [],
    );
    expect(url.searchParams.get('query.startTimeMin')).toBe('2023-11-14T22:13:20.123456Z');
    expect(url.searchParams.get('query.searchDepth')).toBe('20');
  });

  it('treats 404 "No traces found" as an empty result', async () => {
    server.use(http.get(`${BASE}api/v3/trace-summaries`, noTraces));
    expect(await client.search(query)).toEqual({ traces: [], errors: [] });
  });

  it('falls back to /api/v3/traces when trace-summaries does not exist, and remembers it', async () => {
    const fallback = new JaegerV3Client(BASE);
    server.use(
      http.get(`${BASE}api/v3/trace-summaries`, () =>
        HttpResponse.text('404 page not found\n', { status: 404 }),
      ),
      http.get(`${BASE}api/v3/traces`, json('jaeger-ui-pr4129/getTrace-response.json')),
    );
    const result = await fallback.search(query);
    expect(seen).toEqual([
      `GET ${BASE}api/v3/trace-summaries?${expectedSearch}`,
      `GET ${BASE}api/v3/traces?${expectedSearch}`,
    ]);
    expect(result.traces.map((t) => [t.traceId, t.spanCount, t.rootService])).toEqual([
      ['2ea75461946a7dd10f2c15ab36a076cb', 40, 'frontend'],
    ]);
    seen.length = 0;
    await fallback.search(query);
    expect(seen).toEqual([`GET ${BASE}api/v3/traces?${expectedSearch}`]);
  });

  it('looks up several ids one GET each; 404 ids are listed as missing', async () => {
    server.use(
      http.get(
        `${BASE}api/v3/traces/00000000000000000000000000000001`,
        json('jaeger/GetTrace.json'),
      ),
      http.get(`${BASE}api/v3/traces/:id`, noTraces),
    );
    const result = await client.findByIds(['00000000000000000000000000000001', 'abc', 'ABC']);
    expect(seen.sort()).toEqual([
      `GET ${BASE}api/v3/traces/00000000000000000000000000000001`,
      `GET ${BASE}api/v3/traces/ABC`,
    ]);
    expect(result.missing).toEqual(['ABC']);
    expect(result.traces.map((t) => t.traceId)).toEqual(['00000000000000000000000000000001']);
  });

  it('surfaces a 500 with the gateway error message', async () => {
    server.use(
      http.get(`${BASE}api/v3/trace-summaries`, () =>
        HttpResponse.json(
          { error: { httpCode: 500, message: 'cassandra: timeout' } },
          { status: 500 },
        ),
      ),
    );
    const error: unknown = await client.search(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 500, serverMessage: 'cassandra: timeout' });
  });

  it('reads dependencies from the v1 endpoint in ms and builds trace URLs under the base', async () => {
    server.use(
      http.get(`${BASE}api/dependencies`, () =>
        HttpResponse.json({
          data: JSON.parse(realFixture('jaeger-ui/small.json')) as unknown,
          errors: null,
        }),
      ),
    );
    const links = await client.dependencies(1_700_000_000_000, 86_400_000);
    expect(seen).toEqual([`GET ${BASE}api/dependencies?endTs=1700000000000&lookback=86400000`]);
    expect(links).toHaveLength(7);
    expect(links[0]).toEqual({ parent: 'Service1', child: 'Service2', callCount: 30489 });
    expect(client.traceUrl('a/b')).toBe(`${BASE}api/v3/traces/a%2Fb`);
  });
});
