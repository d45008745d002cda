// @vitest-environment node
import { createDemoHandler } from './demo-handler';
import { createDemoStore } from './demo-store';
import { BIG_TRACE_IDS } from './big-traces';
import { BROKEN_IDS } from './scenarios-broken';

const NOW = 1_750_000_000_000_000;
const options = { seed: 7, now: NOW };
const handle = createDemoHandler(options);
const store = createDemoStore(options);
const BASE = 'http://demo.test/jaeger/';

async function get(path: string, handler = handle, method = 'GET') {
  const response = await handler(new Request(BASE + path, { method }));
  if (!response) throw new Error(`not handled: ${path}`);
  return { status: response.status, text: await response.text() };
}
async function json<T>(path: string, handler = handle): Promise<{ status: number; body: T }> {
  const { status, text } = await get(path, handler);
  return { status, body: JSON.parse(text) as T };
}
const iso = (us: number) => new Date(us / 1000).toISOString();
const v3Window = `query.startTimeMin=${iso(NOW - 3 * 3600e6)}&query.startTimeMax=${iso(NOW)}`;

interface Summary {
  traceId: string;
  rootServiceName: string;
  spanCount: number;
  minStartTimeUnixNano: string;
}

describe('demo handler, v3 routes', () => {
  it('passes non-API requests on and answers unknown API paths like Go', async () => {
    expect(await handle(new Request(`${BASE}index.html`))).toBeUndefined();
    expect(await get('api/v3/nope')).toEqual({ status: 404, text: '404 page not found\n' });
  });

  it('lists services and operations', async () => {
    const services = await json<{ services: string[] }>('api/v3/services');
    expect(services.body.services).toEqual(
      expect.arrayContaining(['frontend', 'payment-service', 'edge-cases', 'redis-manual']),
    );
    const ops = await json<{ operations: { name: string; spanKind: string }[] }>(
      'api/v3/operations?service=frontend&spanKind=server',
    );
    expect(ops.body.operations).toEqual([{ name: 'HTTP GET /dispatch', spanKind: 'server' }]);
  });

  it('filters summaries by service, operation, attributes, duration, time and depth', async () => {
    const all = await json<{ summaries: Summary[] }>(
      `api/v3/trace-summaries?query.serviceName=payment-service&${v3Window}&query.searchDepth=1000`,
    );
    const expected = store.traces.filter((t) =>
      t.spans.some((s) => s.service === 'payment-service'),
    );
    expect(all.body.summaries.map((s) => s.traceId)).toEqual(expected.map((t) => t.traceId));

    const slow = await json<{ summaries: Summary[] }>(
      `api/v3/trace-summaries?query.serviceName=payment-service&query.operationName=Charge&query.durationMin=1.5s&${v3Window}&query.searchDepth=1000`,
    );
    const slowExpected = expected.filter((t) =>
      t.spans.some(
        (s) =>
          s.service === 'payment-service' && s.operation === 'Charge' && s.duration >= 1_500_000,
      ),
    );
    expect(slow.body.summaries.map((s) => s.traceId)).toEqual(slowExpected.map((t) => t.traceId));
    expect(slowExpected.length).toBeGreaterThan(0);
    expect(slowExpected.length).toBeLessThan(expected.length);

    const attrs = encodeURIComponent(JSON.stringify({ 'payment.provider': 'legacy-bank' }));
    const tagged = await json<{ summaries: Summary[] }>(
      `api/v3/trace-summaries?query.serviceName=payment-service&query.attributes=${attrs}&${v3Window}&query.searchDepth=1000`,
    );
    expect(tagged.body.summaries.map((s) => s.traceId)).toEqual(slowExpected.map((t) => t.traceId));

    const limited = await json<{ summaries: Summary[] }>(
      `api/v3/trace-summaries?query.serviceName=payment-service&${v3Window}&query.searchDepth=3`,
    );
    expect(limited.body.summaries).toHaveLength(3);

    const lastHalfHour = `query.startTimeMin=${iso(NOW - 1800e6)}&query.startTimeMax=${iso(NOW)}`;
    const recent = await json<{ summaries: Summary[] }>(
      `api/v3/trace-summaries?query.serviceName=payment-service&${lastHalfHour}&query.searchDepth=1000`,
    );
    expect(recent.body.summaries.length).toBeGreaterThan(0);
    expect(recent.body.summaries.length).toBeLessThan(expected.length);
    for (const s of recent.body.summaries)
      expect(BigInt(s.minStartTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(NOW - 1800e6) * 1000n);
  });

  it('searches every service when query.serviceName is left out', async () => {
    const all = await json<{ summaries: Summary[] }>(
      `api/v3/trace-summaries?${v3Window}&query.searchDepth=1000`,
    );
    // The whole corpus lies in the window: every trace, newest first, whatever its services.
    expect(all.body.summaries.map((s) => s.traceId)).toEqual(store.traces.map((t) => t.traceId));
    expect(new Set(all.body.summaries.map((s) => s.rootServiceName)).size).toBeGreaterThan(2);
  });

  it('answers an empty search with 404 "No traces found" and bad parameters with 400', async () => {
    const none = await get(`api/v3/traces?query.serviceName=nobody&${v3Window}`);
    expect(none.status).toBe(404);
    expect(JSON.parse(none.text)).toEqual({ error: { httpCode: 404, message: 'No traces found' } });
    expect((await get('api/v3/traces?query.serviceName=frontend')).status).toBe(400);
    expect(
      (await get(`api/v3/traces?query.serviceName=frontend&query.durationMin=fast&${v3Window}`))
        .status,
    ).toBe(400);
  });

  it('serves OTLP by id, mixed OTLP for searches, 404 for unknown ids', async () => {
    const one = await json<{
      result: { resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[] };
    }>(`api/v3/traces/${BROKEN_IDS.orphans}`);
    const spans = one.body.result.resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s) => s.spans),
    );
    expect(spans).toHaveLength(store.byId.get(BROKEN_IDS.orphans)?.spans.length ?? -1);
    const search = await json<typeof one.body>(
      `api/v3/traces?query.serviceName=edge-cases&${v3Window}`,
    );
    const ids = new Set(
      search.body.result.resourceSpans.flatMap((r) =>
        r.scopeSpans.flatMap((s) => s.spans.map((x) => x.traceId)),
      ),
    );
    expect(ids).toEqual(new Set(Object.values(BROKEN_IDS)));
    expect((await get('api/v3/traces/0123456789abcdef0123456789abcdef')).status).toBe(404);
  });
});

describe('demo handler, v1 routes', () => {
  interface Envelope<T> {
    data: T;
    errors: { code: number; msg: string; traceID?: string }[] | null;
  }

  it('serves services, both operation routes and µs-based search', async () => {
    expect((await json<Envelope<string[]>>('api/services')).body.data).toContain('frontend');
    expect((await json<Envelope<string[]>>('api/services/customer/operations')).body.data).toEqual([
      'HTTP GET /customer',
    ]);
    expect((await json<Envelope<unknown>>('api/operations?service=mysql')).body.data).toEqual([
      { name: 'SQL SELECT', spanKind: 'client' },
    ]);
    const search = await json<Envelope<{ traceID: string }[]>>(
      `api/traces?service=edge-cases&start=${NOW - 3 * 3600e6}&end=${NOW}&limit=3`,
    );
    expect(search.body.data.map((t) => t.traceID)).toEqual(
      store.traces
        .filter((t) => t.spans.some((s) => s.service === 'edge-cases'))
        .slice(0, 3)
        .map((t) => t.traceId),
    );
    const tagged = await json<Envelope<unknown[]>>(
      `api/traces?service=customer&tag=http.status_code:200&minDuration=1ms&limit=1000`,
    );
    expect(tagged.body.data.length).toBe(
      store.traces.filter((t) => t.scenario === 'hotrod').length,
    );
  });

  it('looks up several ids, reporting missing ones as 404 errors next to the data', async () => {
    const r = await json<Envelope<{ traceID: string }[]>>(
      `api/traces?traceID=${BROKEN_IDS.cycle}&traceID=00000000000000000000000000000abc&traceID=${BIG_TRACE_IDS.big10k}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.data.map((t) => t.traceID)).toEqual([BROKEN_IDS.cycle, BIG_TRACE_IDS.big10k]);
    expect(r.body.errors).toEqual([
      { code: 404, msg: 'trace not found', traceID: '00000000000000000000000000000abc' },
    ]);
    expect((await get('api/traces/00000000000000000000000000000abc')).status).toBe(404);
  });

  it('searches every service when the service parameter is left out', async () => {
    const r = await json<Envelope<{ processes: Record<string, { serviceName: string }> }[]>>(
      `api/traces?start=${NOW - 3 * 3600e6}&end=${NOW}&limit=50`,
    );
    expect(r.body.data).toHaveLength(50);
    const roots = new Set(
      r.body.data.flatMap((t) => Object.values(t.processes).map((p) => p.serviceName)),
    );
    expect(roots.size).toBeGreaterThan(3);
  });

  it('serves dependencies for windows that cover the corpus, and archives', async () => {
    const deps = await json<Envelope<{ parent: string; child: string; callCount: number }[]>>(
      `api/dependencies?endTs=${NOW / 1000}&lookback=3600000`,
    );
    expect(deps.body.data).toEqual(store.dependencies);
    const old = await json<Envelope<unknown[]>>(
      `api/dependencies?endTs=${NOW / 1000 - 86_400_000}&lookback=3600000`,
    );
    expect(old.body.data).toEqual([]);
    expect((await get(`api/archive/${BROKEN_IDS.cycle}`, handle, 'POST')).status).toBe(200);
    expect((await get(`api/archive/${BROKEN_IDS.cycle}`)).status).toBe(404);
  });

  it("hides the v3 routes in 'v1' mode, so clients detect a Jaeger 1.x", async () => {
    const v1Only = createDemoHandler({ ...options, api: 'v1' });
    expect((await get('api/v3/services', v1Only)).status).toBe(404);
    expect((await get('api/services', v1Only)).status).toBe(200);
  });
});
