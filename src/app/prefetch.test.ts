import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JaegerClient } from '../api/types';
import { JaegerV1Client } from '../api/v1-client';
import { JaegerV3Client } from '../api/v3-client';
import { startEarlyLoadsForRoute } from './prefetch';

const started = vi.hoisted(() => [] as string[]);
vi.mock('../worker/early-trace-load', () => ({
  startEarlyTraceLoad: (
    traceId: string,
    url: string,
    worker: unknown,
    channel = 'load',
    loadsAtOnce = 1,
  ) => started.push(`${traceId} ${url} ${String(worker)} ${channel} ×${loadsAtOnce}`),
}));
vi.mock('../worker/trace-worker-client', () => ({ traceWorkerClient: () => 'primary' }));
vi.mock('../worker/compare-workers', () => ({
  compareWorkers: () => ({ forSlot: (slot: number) => (slot % 2 === 0 ? 'primary' : 'helper') }),
  compareLoadChannel: (slot: number) => `compare-${slot}`,
}));

const BASE = '/jaeger/';
const v3 = new JaegerV3Client(BASE);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startEarlyLoadsForRoute', () => {
  beforeEach(() => {
    started.length = 0;
  });

  it('starts the v3 download before the probe answers, and keeps it when the probe finds v3', async () => {
    let answer!: (client: JaegerClient) => void;
    startEarlyLoadsForRoute('/trace/abc', '', v3, new Promise((resolve) => (answer = resolve)));
    expect(started).toEqual(['abc /jaeger/api/v3/traces/abc primary load ×1']);
    answer(new JaegerV3Client(BASE));
    await flush();
    expect(started).toEqual(['abc /jaeger/api/v3/traces/abc primary load ×1']);
  });

  it('starts again from the v1 URL when the probe finds a v1-only Jaeger', async () => {
    startEarlyLoadsForRoute('/trace/abc', '', v3, Promise.resolve(new JaegerV1Client(BASE)));
    await flush();
    expect(started).toEqual([
      'abc /jaeger/api/v3/traces/abc primary load ×1',
      'abc /jaeger/api/traces/abc primary load ×1',
    ]);
  });

  it("loads a comparison's distinct traces at once in alternating workers, as the compare page does", async () => {
    const search = '?cohort=a&cohort=b&cohort=a&cohort=c&a=0&b=2';
    startEarlyLoadsForRoute('/compare', search, v3, Promise.resolve(new JaegerV1Client(BASE)));
    expect(started).toEqual([
      'a /jaeger/api/v3/traces/a primary compare-0 ×3',
      'b /jaeger/api/v3/traces/b helper compare-1 ×3',
      'c /jaeger/api/v3/traces/c primary compare-2 ×3',
    ]);
    await flush();
    expect(started.slice(3)).toEqual([
      'a /jaeger/api/traces/a primary compare-0 ×3',
      'b /jaeger/api/traces/b helper compare-1 ×3',
      'c /jaeger/api/traces/c primary compare-2 ×3',
    ]);
  });

  it('keeps the guess when the probe fails, and starts nothing on other pages', async () => {
    startEarlyLoadsForRoute('/trace/abc', '', v3, Promise.reject(new Error('down')));
    startEarlyLoadsForRoute('/search', '?cohort=a&cohort=b', v3, Promise.resolve(v3));
    startEarlyLoadsForRoute('/trace/a...b', '', v3, Promise.resolve(v3));
    startEarlyLoadsForRoute('/compare', '?cohort=a', v3, Promise.resolve(v3));
    await flush();
    expect(started).toEqual(['abc /jaeger/api/v3/traces/abc primary load ×1']);
  });
});
