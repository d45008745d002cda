// @vitest-environment node
import { http, HttpResponse } from 'msw';
import { detectClient, resetDetectedClients } from './detect-client';
import { realFixture } from './real-fixtures';
import { recordingServer } from './test-server';

const BASE = 'http://jaeger.test/jaeger/';
const { server, seen } = recordingServer();
afterEach(() => resetDetectedClients());
/** Paths of the requests sent, in order. */
const paths = () => seen.map((request) => new URL(request.split(' ')[1] ?? '').pathname);

const v1Services = () =>
  HttpResponse.json({ data: ['a'], total: 1, limit: 0, offset: 0, errors: null });

describe('detectClient', () => {
  it('picks v3 when /api/v3/services answers, and probes only once per base', async () => {
    server.use(
      http.get(
        `${BASE}api/v3/services`,
        () => new HttpResponse(realFixture('jaeger/GetServices.json')),
      ),
    );
    const first = await detectClient(BASE);
    const second = await detectClient(BASE);
    expect(first.version).toBe('v3');
    expect(second).toBe(first);
    expect(paths()).toEqual(['/jaeger/api/v3/services']);
  });

  it('falls back to v1 on 404', async () => {
    server.use(
      http.get(`${BASE}api/v3/services`, () =>
        HttpResponse.text('404 page not found', { status: 404 }),
      ),
      http.get(`${BASE}api/services`, v1Services),
    );
    expect((await detectClient(BASE)).version).toBe('v1');
  });

  it('falls back to v1 when an SPA answers the v3 route with its HTML', async () => {
    server.use(
      http.get(`${BASE}api/v3/services`, () =>
        HttpResponse.html('<!doctype html><title>Jaeger UI</title>'),
      ),
    );
    expect((await detectClient(BASE)).version).toBe('v1');
  });

  it('asks v1 when v3 fails otherwise, and does not memoize a guess', async () => {
    server.use(
      http.get(`${BASE}api/v3/services`, () => HttpResponse.text('boom', { status: 500 })),
      http.get(`${BASE}api/services`, () => HttpResponse.error()),
    );
    expect((await detectClient(BASE)).version).toBe('v3');
    await detectClient(BASE);
    expect(paths()).toEqual([
      '/jaeger/api/v3/services',
      '/jaeger/api/services',
      '/jaeger/api/v3/services',
      '/jaeger/api/services',
    ]);
  });
});
