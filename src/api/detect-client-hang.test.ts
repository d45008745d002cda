// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { detectClient, PROBE_PATIENCE_MS, resetDetectedClients } from './detect-client';
import { DEFAULT_TIMEOUT_MS } from './http';

const BASE = 'http://jaeger.test/';

/** A server that answers nothing until told, per path: a hanging backend. */
function hangingFetch(answers: Record<string, { afterMs: number; response: () => Response }>) {
  return vi.fn((input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    return new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      const answer = answers[path];
      if (answer) setTimeout(() => resolve(answer.response()), answer.afterMs);
    });
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetDetectedClients();
});

describe('detectClient against a server that does not answer', () => {
  it('says "No answer within 30 s" 30 s after the request, not after the probes as well', async () => {
    vi.stubGlobal('fetch', hangingFetch({}));
    const detecting = detectClient(BASE);
    await vi.advanceTimersByTimeAsync(PROBE_PATIENCE_MS);
    const client = await detecting;
    expect(client.version).toBe('v3');

    let failure: unknown = null;
    client.services().catch((error: unknown) => {
      failure = error;
    });
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(failure).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).kind).toBe('timeout');
    expect((failure as ApiError).message).toMatch(/^No answer within 30 s from /);
  });

  it('goes on as v3 and switches to v1 when the slow probe finds a Jaeger 1.x', async () => {
    vi.stubGlobal(
      'fetch',
      hangingFetch({
        '/api/v3/services': {
          afterMs: 3_000,
          response: () => new Response('404 page not found', { status: 404 }),
        },
        '/api/services': {
          afterMs: 0,
          response: () =>
            Response.json({ data: ['a'], total: 1, limit: 0, offset: 0, errors: null }),
        },
      }),
    );
    const detecting = detectClient(BASE);
    await vi.advanceTimersByTimeAsync(PROBE_PATIENCE_MS);
    const client = await detecting;
    expect(client.version).toBe('v3');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(client.version).toBe('v1');
    expect(client.traceUrl('ab')).toBe(`${BASE}api/traces/ab`);
  });
});
