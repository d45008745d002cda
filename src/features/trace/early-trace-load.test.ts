import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { TracePageStoreProvider } from './state/trace-page-store-context';
import { TraceWorkerProvider } from '../../worker/trace-worker-context';
import type { LoadProgress, LoadResult, TraceLoadOptions } from '../../worker/trace-worker-client';
import type * as WorkerClientModule from '../../worker/trace-worker-client';

/**
 * useTraceLoad starts the page's store over, loads through the provided worker client (the
 * mocked one below, which the early load uses too) and forgets released traces' queries.
 */
const PageStore = ({ children }: { children: ReactNode }) =>
  createElement(
    QueryClientProvider,
    { client: new QueryClient() },
    createElement(
      TraceWorkerProvider,
      { client: traceWorkerClient() },
      createElement(TracePageStoreProvider, null, children),
    ),
  );

interface Call {
  readonly url: string;
  readonly signal: AbortSignal | undefined;
  readonly progress: ((progress: LoadProgress) => void) | undefined;
  readonly resolve: (result: LoadResult) => void;
}

const calls: Call[] = [];
const released: number[] = [];

vi.mock('../../worker/trace-worker-client', async (importOriginal) => ({
  ...(await importOriginal<typeof WorkerClientModule>()),
  traceWorkerClient: () => ({
    loadTrace: (url: string, _traceId: string, options: TraceLoadOptions = {}) =>
      new Promise<LoadResult>((resolve) =>
        calls.push({ url, signal: options.signal, progress: options.onProgress, resolve }),
      ),
    release: (handle: number) => released.push(handle),
  }),
}));

const { traceWorkerClient } = await import('../../worker/trace-worker-client');
const { startEarlyTraceLoad, takeEarlyTraceLoad } = await import('../../worker/early-trace-load');
const { useTraceLoad } = await import('./use-trace-load');

/** A result whose traces carry only what the early load's clean-up reads: their handles. */
const resultWithHandles = (...handles: number[]): LoadResult =>
  ({ traces: handles.map((handle) => ({ handle })), errors: [] }) as unknown as LoadResult;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  calls.length = 0;
  released.length = 0;
  // Nothing left over from the previous test.
  takeEarlyTraceLoad('', '');
});

describe('early trace load', () => {
  it('is handed to the page that asks for the same trace and URL, once', async () => {
    startEarlyTraceLoad('abc', '/api/v3/traces/abc');
    const early = takeEarlyTraceLoad('abc', '/api/v3/traces/abc');
    expect(early).toBeDefined();
    expect(takeEarlyTraceLoad('abc', '/api/v3/traces/abc')).toBeUndefined();
    const result = resultWithHandles(1);
    calls[0]?.resolve(result);
    await expect(early?.result).resolves.toBe(result);
    expect(calls[0]?.signal?.aborted).toBe(false);
  });

  it('forwards progress, the latest one at once to a late listener', () => {
    startEarlyTraceLoad('abc', '/u');
    const progress = { bytesReceived: 10, bytesTotal: 100, spansParsed: 1 };
    calls[0]?.progress?.(progress);
    const seen: number[] = [];
    const stop = takeEarlyTraceLoad('abc', '/u')?.onProgress((p) => seen.push(p.bytesReceived));
    calls[0]?.progress?.({ ...progress, bytesReceived: 50 });
    stop?.();
    calls[0]?.progress?.({ ...progress, bytesReceived: 90 });
    expect(seen).toEqual([10, 50]);
  });

  it('drops a load that another trace or URL does not want, and frees what it loaded', async () => {
    startEarlyTraceLoad('abc', '/u');
    expect(takeEarlyTraceLoad('abc', '/other-url')).toBeUndefined();
    expect(calls[0]?.signal?.aborted).toBe(true);
    calls[0]?.resolve(resultWithHandles(7, 8));
    await flush();
    expect(released).toEqual([7, 8]);
    expect(takeEarlyTraceLoad('abc', '/u')).toBeUndefined();
  });

  it('aborts the previous early load when a new one starts', () => {
    startEarlyTraceLoad('a', '/a');
    startEarlyTraceLoad('b', '/b');
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(takeEarlyTraceLoad('b', '/b')).toBeDefined();
  });

  it('is dropped when nobody adopts it within 30 s', async () => {
    vi.useFakeTimers();
    try {
      startEarlyTraceLoad('abc', '/u');
      calls[0]?.resolve(resultWithHandles(3));
      vi.advanceTimersByTime(29_000);
      expect(calls[0]?.signal?.aborted).toBe(false);
      vi.advanceTimersByTime(1_000);
      expect(calls[0]?.signal?.aborted).toBe(true);
      await vi.runAllTimersAsync();
      expect(released).toEqual([3]);
      expect(takeEarlyTraceLoad('abc', '/u')).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('useTraceLoad with an early load', () => {
  it('adopts it instead of loading again, and loads afresh on retry', async () => {
    startEarlyTraceLoad('abc', '/u');
    const { result, unmount } = renderHook(() => useTraceLoad('abc', '/u'), { wrapper: PageStore });
    expect(calls).toHaveLength(1);
    // The early load reports progress to the page that adopted it.
    act(() => calls[0]?.progress?.({ bytesReceived: 5, bytesTotal: 10, spansParsed: 0 }));
    expect(result.current.state).toEqual({
      status: 'loading',
      progress: { bytesReceived: 5, bytesTotal: 10, spansParsed: 0 },
    });
    // No trace in the answer: the page says so (and can retry).
    act(() => calls[0]?.resolve(resultWithHandles()));
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    act(() => result.current.retry());
    expect(calls).toHaveLength(2);
    unmount();
    expect(calls[1]?.signal?.aborted).toBe(true);
  });

  it('aborts the adopted load when the page goes away', () => {
    startEarlyTraceLoad('abc', '/u');
    const { unmount } = renderHook(() => useTraceLoad('abc', '/u'), { wrapper: PageStore });
    unmount();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal?.aborted).toBe(true);
  });
});
