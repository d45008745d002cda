// @vitest-environment node
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { ApiError } from './api-error';
import { apiBaseFromDocument, apiUrl, fetchJson, fetchResponse } from './http';
import { isRecord } from './json-guards';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const URL_ = 'http://jaeger.test/jaeger/api/v3/services';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected ApiError, got ${String(error)}`);
  return error;
}

describe('apiUrl', () => {
  it('puts exactly one slash between base and path and encodes parameters', () => {
    expect(apiUrl('/jaeger/', 'api/services')).toBe('/jaeger/api/services');
    expect(apiUrl('/jaeger', '/api/services')).toBe('/jaeger/api/services');
    expect(apiUrl('', 'api/services')).toBe('/api/services');
    expect(
      apiUrl('/', 'api/traces', [
        ['service', 'a b&c'],
        ['tags', '{"k":"v"}'],
      ]),
    ).toBe('/api/traces?service=a+b%26c&tags=%7B%22k%22%3A%22v%22%7D');
  });

  it('has a root base without a document (worker, node)', () => {
    expect(apiBaseFromDocument()).toBe('/');
  });
});

describe('fetchJson', () => {
  it('returns validated JSON', async () => {
    server.use(http.get(URL_, () => HttpResponse.json({ services: ['a'] })));
    await expect(fetchJson(URL_, isRecord, 'services')).resolves.toEqual({ services: ['a'] });
  });

  it('turns a 500 with Jaeger JSON into an http error carrying the server message', async () => {
    server.use(
      http.get(URL_, () =>
        HttpResponse.json(
          { error: { httpCode: 500, message: 'storage is down' } },
          { status: 500 },
        ),
      ),
    );
    const error = await failure(fetchJson(URL_, isRecord, 'services'));
    expect(error).toMatchObject({
      kind: 'http',
      status: 500,
      url: URL_,
      serverMessage: 'storage is down',
    });
    expect(error.message).toContain('storage is down');
  });

  it('keeps an excerpt of a proxy HTML page on 502', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'<p>nginx</p>\n'.repeat(200)}</body></html>`;
    server.use(http.get(URL_, () => HttpResponse.html(page, { status: 502 })));
    const error = await failure(fetchJson(URL_, isRecord, 'services'));
    expect(error).toMatchObject({ kind: 'http', status: 502, serverMessage: '' });
    expect(error.bodyExcerpt.startsWith('<html><head><title>502 Bad Gateway</title>')).toBe(true);
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(501);
  });

  it('reports an empty 200 body and a non-JSON 200 body as parse errors', async () => {
    server.use(http.get(URL_, () => new HttpResponse('', { status: 200 })));
    expect(await failure(fetchJson(URL_, isRecord, 'services'))).toMatchObject({
      kind: 'parse',
      status: undefined,
    });
    server.use(http.get(URL_, () => HttpResponse.html('<!doctype html><div id="root"></div>')));
    const html = await failure(fetchJson(URL_, isRecord, 'services'));
    expect(html).toMatchObject({
      kind: 'parse',
      bodyExcerpt: '<!doctype html><div id="root"></div>',
    });
    expect(html.message).toContain('HTML page');
  });

  it('rejects JSON of the wrong shape', async () => {
    server.use(http.get(URL_, () => HttpResponse.json(['not', 'an', 'object'])));
    expect(await failure(fetchJson(URL_, isRecord, 'services'))).toMatchObject({ kind: 'parse' });
  });

  it('times out', async () => {
    server.use(
      http.get(URL_, async () => {
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    expect(await failure(fetchJson(URL_, isRecord, 'services', { timeoutMs: 50 }))).toMatchObject({
      kind: 'timeout',
    });
  });

  it('honours the caller abort signal', async () => {
    server.use(
      http.get(URL_, async () => {
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(
      await failure(fetchJson(URL_, isRecord, 'services', { signal: controller.signal })),
    ).toMatchObject({
      kind: 'aborted',
    });
  });

  it('reports network failures', async () => {
    server.use(http.get(URL_, () => HttpResponse.error()));
    expect(await failure(fetchJson(URL_, isRecord, 'services'))).toMatchObject({ kind: 'network' });
  });
});

describe('fetchResponse', () => {
  it('hands back the body for streaming and throws on HTTP errors', async () => {
    server.use(http.get(URL_, () => HttpResponse.text('{"result":{}}')));
    const response = await fetchResponse(URL_);
    expect(await response.text()).toBe('{"result":{}}');
    server.use(http.get(URL_, () => HttpResponse.text('nope', { status: 503 })));
    expect(await failure(fetchResponse(URL_))).toMatchObject({
      kind: 'http',
      status: 503,
      bodyExcerpt: 'nope',
    });
  });

  it('flattens to a wire error for the worker', () => {
    const error = new ApiError({
      kind: 'http',
      url: '/x',
      status: 500,
      message: 'm',
      bodyExcerpt: 'b',
    });
    expect(error.toWire()).toEqual({
      kind: 'http',
      url: '/x',
      status: 500,
      message: 'm',
      bodyExcerpt: 'b',
    });
  });
});
