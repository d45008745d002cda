import type { LoadProgress, LoadResult } from '../../worker/trace-worker-client';

const calls: {
  url: string;
  signal: AbortSignal | undefined;
  progress: ((p: LoadProgress) => void) | undefined;
  resolve: (r: LoadResult) => void;
}[] = [];

vi.mock('../../worker/trace-worker-client', () => ({
  traceWorkerClient: () => ({
    loadTrace: (
      url: string,
      _id: string,
      progress?: (p: LoadProgress) => void,
      signal?: AbortSignal,
    ) => new Promise<LoadResult>((resolve) => calls.push({ url, signal, progress, resolve })),
  }),
}));

const { startEarlyTraceLoad, takeEarlyTraceLoad } = await import('./early-trace-load');

beforeEach(() => {
  calls.length = 0;
});

describe('early trace load', () => {
  it('is handed to the page that asks for the same trace and URL, once', async () => {
    startEarlyTraceLoad('abc', '/api/v3/traces/abc');
    const early = takeEarlyTraceLoad('abc', '/api/v3/traces/abc');
    expect(early).toBeDefined();
    expect(takeEarlyTraceLoad('abc', '/api/v3/traces/abc')).toBeUndefined();
    const result: LoadResult = { traces: [], errors: [] };
    calls[0]?.resolve(result);
    await expect(early?.result).resolves.toBe(result);
  });

  it('forwards progress, the latest one at once to a late listener', () => {
    startEarlyTraceLoad('abc', '/u');
    const progress = { bytesReceived: 10, bytesTotal: 100, spansParsed: 1 };
    calls[0]?.progress?.(progress);
    const seen: LoadProgress[] = [];
    const stop = takeEarlyTraceLoad('abc', '/u')?.onProgress((p) => seen.push(p));
    calls[0]?.progress?.({ ...progress, bytesReceived: 50 });
    stop?.();
    calls[0]?.progress?.({ ...progress, bytesReceived: 90 });
    expect(seen.map((p) => p.bytesReceived)).toEqual([10, 50]);
  });

  it('aborts an early load that another trace (or URL) does not want', () => {
    startEarlyTraceLoad('abc', '/u');
    expect(takeEarlyTraceLoad('other', '/u')).toBeUndefined();
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('aborts the previous early load when a new one starts', () => {
    startEarlyTraceLoad('a', '/a');
    startEarlyTraceLoad('b', '/b');
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(takeEarlyTraceLoad('b', '/b')).toBeDefined();
  });
});
