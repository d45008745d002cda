// @vitest-environment jsdom
// (worker/ tests run in Node; these hooks render.)
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { testParsed, testTrace } from './test-fixture';
import { TraceWorkerClient } from './trace-worker-client';
import { manualWorker } from './test-support/manual-worker';
import { TraceWorkerProvider } from './trace-worker-context';
import { releaseTrace, traceQueryKey, useWorkerQuery } from './worker-queries';

function setup() {
  const worker = manualWorker();
  const client = new TraceWorkerClient(() => worker);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queries}>
      <TraceWorkerProvider client={client}>{children}</TraceWorkerProvider>
    </QueryClientProvider>
  );
  return { worker, client, queries, wrapper };
}

const detail = testParsed(testTrace([-1, 0])).detail(1);

describe('useWorkerQuery', () => {
  it('asks the injected client once per kind and arguments, typed by the reply map', async () => {
    const { worker, wrapper } = setup();
    const first = renderHook(() => useWorkerQuery('span-detail', { handle: 7, index: 1 }), {
      wrapper,
    });
    const second = renderHook(() => useWorkerQuery('span-detail', { handle: 7, index: 1 }), {
      wrapper,
    });
    await waitFor(() => expect(worker.requests).toHaveLength(1));
    expect(worker.requests[0]).toMatchObject({ type: 'span-detail', handle: 7, index: 1 });
    worker.reply({ type: 'span-detail', id: worker.requests[0]?.id ?? 0, detail });
    await waitFor(() => expect(first.result.current.data?.detail.spanId).toBe('span-1'));
    expect(second.result.current.data?.detail.spanId).toBe('span-1');
  });

  it('cancels a request nobody shows any more: the worker is told, the late reply dropped', async () => {
    const { worker, wrapper, queries } = setup();
    const { rerender, result } = renderHook(
      ({ index }) => useWorkerQuery('span-detail', { handle: 7, index }),
      { wrapper, initialProps: { index: 0 } },
    );
    await waitFor(() => expect(worker.requests).toHaveLength(1));
    const superseded = worker.requests[0]?.id ?? 0;
    rerender({ index: 1 });
    await waitFor(() => expect(worker.requests).toContainEqual({ type: 'cancel', id: superseded }));
    worker.reply({ type: 'span-detail', id: superseded, detail: { ...detail, spanId: 'stale' } });
    const current = worker.requests.find(
      (request) => request.type === 'span-detail' && request.index === 1,
    );
    worker.reply({ type: 'span-detail', id: current?.id ?? 0, detail });
    await waitFor(() => expect(result.current.data?.detail.spanId).toBe('span-1'));
    expect(queries.getQueryData(['trace-worker', 7, 'span-detail', { handle: 7, index: 0 }])).toBe(
      undefined,
    );
  });

  it('forgets every answer about a trace when it is released', async () => {
    const { worker, wrapper, queries, client } = setup();
    const { result } = renderHook(() => useWorkerQuery('span-detail', { handle: 7, index: 1 }), {
      wrapper,
    });
    await waitFor(() => expect(worker.requests).toHaveLength(1));
    worker.reply({ type: 'span-detail', id: worker.requests[0]?.id ?? 0, detail });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(queries.getQueryCache().findAll({ queryKey: traceQueryKey(7) })).toHaveLength(1);
    releaseTrace(client, queries, 7);
    expect(worker.requests.at(-1)).toMatchObject({ type: 'release', handle: 7 });
    expect(queries.getQueryCache().findAll({ queryKey: traceQueryKey(7) })).toHaveLength(0);
  });

  it('keeps nothing alive when the trace is released before its queries unmount', async () => {
    const { worker, wrapper, queries, client } = setup();
    const { result, unmount } = renderHook(
      () => useWorkerQuery('span-detail', { handle: 7, index: 1 }),
      { wrapper },
    );
    await waitFor(() => expect(worker.requests).toHaveLength(1));
    worker.reply({ type: 'span-detail', id: worker.requests[0]?.id ?? 0, detail });
    await waitFor(() => expect(result.current.data).toBeDefined());
    const [query] = queries.getQueryCache().findAll({ queryKey: traceQueryKey(7) });
    // A page's order: the load's cleanup releases the trace, then its components unmount.
    releaseTrace(client, queries, 7);
    vi.useFakeTimers();
    try {
      unmount();
      // No garbage-collection timer is left holding the removed query, nor the query its answer.
      expect(vi.getTimerCount()).toBe(0);
      expect(query?.state.data).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
