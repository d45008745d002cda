import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JaegerClient } from '../api/types';
import { JaegerV1Client } from '../api/v1-client';
import { JaegerV3Client } from '../api/v3-client';
import { startTraceLoadForRoute } from './prefetch';

const started = vi.hoisted(() => [] as string[]);
vi.mock('../features/trace/early-trace-load', () => ({
  startEarlyTraceLoad: (traceId: string, url: string) => started.push(`${traceId} ${url}`),
}));

const BASE = '/jaeger/';
const v3 = new JaegerV3Client(BASE);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startTraceLoadForRoute', () => {
  beforeEach(() => {
    started.length = 0;
  });

  it('starts the v3 download before the probe answers, and keeps it when the probe finds v3', async () => {
    let answer!: (client: JaegerClient) => void;
    startTraceLoadForRoute('/trace/abc', v3, new Promise((resolve) => (answer = resolve)));
    expect(started).toEqual(['abc /jaeger/api/v3/traces/abc']);
    answer(new JaegerV3Client(BASE));
    await flush();
    expect(started).toEqual(['abc /jaeger/api/v3/traces/abc']);
  });

  it('starts again from the v1 URL when the probe finds a v1-only Jaeger', async () => {
    startTraceLoadForRoute('/trace/abc', v3, Promise.resolve(new JaegerV1Client(BASE)));
    await flush();
    expect(started).toEqual(['abc /jaeger/api/v3/traces/abc', 'abc /jaeger/api/traces/abc']);
  });

  it('keeps the guess when the probe fails, and starts nothing off a trace route', async () => {
    startTraceLoadForRoute('/trace/abc', v3, Promise.reject(new Error('down')));
    startTraceLoadForRoute('/search', v3, Promise.resolve(v3));
    startTraceLoadForRoute('/trace/a...b', v3, Promise.resolve(v3));
    await flush();
    expect(started).toEqual(['abc /jaeger/api/v3/traces/abc']);
  });
});
