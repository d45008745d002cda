// @vitest-environment node
/// <reference types="node" />
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BIG_TRACE_IDS } from './big-traces';
import { createDemoMiddleware } from './node-server';

const server = createServer((req, res) => {
  void createDemoMiddleware({ seed: 7 })(req, res, () => {
    res.statusCode = 418;
    res.end('not the demo');
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('node-server middleware', () => {
  it('answers API requests under any base path and passes the rest to next()', async () => {
    const services = await fetch(`${base}/jaeger/api/v3/services`);
    expect(services.status).toBe(200);
    expect(services.headers.get('content-type')).toBe('application/json');
    expect(((await services.json()) as { services: string[] }).services).toContain('frontend');
    const other = await fetch(`${base}/index.html`);
    expect(other.status).toBe(418);
  });

  it('streams a big trace as chunked JSON', async () => {
    const response = await fetch(`${base}/api/traces/${BIG_TRACE_IDS.big10k}`);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const doc = (await response.json()) as { data: { spans: unknown[] }[] };
    expect(doc.data[0]?.spans).toHaveLength(10_000);
  });

  it('stops generating when the client goes away', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/traces/${BIG_TRACE_IDS.big1m}`, {
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    // The server is still healthy afterwards.
    expect((await fetch(`${base}/api/services`)).status).toBe(200);
  });
});
