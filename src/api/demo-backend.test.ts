// @vitest-environment node
/**
 * Both clients end to end against the demo backend (the same core the browser demo uses), so the
 * parameters one side writes are the ones the other side reads.
 */
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { micros } from '../model/units';
import type { DemoApi } from '../mocks/demo-handler';
import { createDemoHandler } from '../mocks/demo-handler';
import { createDemoStore } from '../mocks/demo-store';
import { detectClient, resetDetectedClients } from './detect-client';

const NOW = Date.now() * 1000;
const options = { seed: 11, now: NOW };
const store = createDemoStore(options);
let api: DemoApi = 'both';
const handlers = {
  both: createDemoHandler(options),
  v1: createDemoHandler({ ...options, api: 'v1' }),
  v3: createDemoHandler(options),
};
const server = setupServer(
  http.all('*/api/*', async ({ request }) => (await handlers[api](request)) ?? passthrough()),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => resetDetectedClients());
afterAll(() => server.close());

const BASE = 'http://demo.test/cairn/';
const query = {
  service: 'payment-service',
  operation: 'Charge',
  start: micros(NOW - 3 * 3600e6),
  end: micros(NOW),
  minDuration: micros(1_500_000),
  limit: 1000,
};
const expectedSlow = store.traces
  .filter((t) =>
    t.spans.some(
      (s) => s.service === 'payment-service' && s.operation === 'Charge' && s.duration >= 1_500_000,
    ),
  )
  .map((t) => t.traceId);

describe('clients against the demo backend', () => {
  it('v3 (default): detects v3 and searches summaries with the right filters', async () => {
    api = 'both';
    const client = await detectClient(BASE);
    expect(client.version).toBe('v3');
    expect(await client.services()).toEqual(store.services);
    expect(await client.operations('customer')).toEqual([
      { name: 'HTTP GET /customer', spanKind: 'server' },
    ]);
    const result = await client.search(query);
    expect(result.traces.map((t) => t.traceId)).toEqual(expectedSlow);
    expect(result.traces[0]?.duration).toBeGreaterThan(2_000_000);
    const deps = await client.dependencies(NOW / 1000, 3_600_000);
    expect(deps).toEqual(store.dependencies);
  });

  it("v1 (?api=v1): detects v1 through the v3 route's 404", async () => {
    api = 'v1';
    const client = await detectClient(BASE);
    expect(client.version).toBe('v1');
    expect(await client.services()).toEqual(store.services);
    expect(await client.operations('mysql')).toEqual([{ name: 'SQL SELECT', spanKind: 'client' }]);
    // v1 search returns whole traces: the summaries come from the model's parser.
    const result = await client.search(query);
    expect(result.traces.map((t) => t.traceId)).toEqual(expectedSlow);
    expect(result.errors).toEqual([]);
  });
});
