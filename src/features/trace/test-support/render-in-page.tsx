import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { TraceWorkerClient } from '../../../worker/trace-worker-client';
import { TraceWorkerProvider } from '../../../worker/trace-worker-context';
import { createTracePageStore, type TracePageStore } from '../state/trace-page-store';
import { TracePageStoreProvider } from '../state/trace-page-store-context';

/** A client for tests that must not reach a worker: any request fails loudly. */
export const noWorkerClient = () =>
  new TraceWorkerClient(() => {
    throw new Error('This test has no trace worker');
  });

/**
 * Trace-page panels read their store, the worker client and the query cache from context: a test
 * holds one store, renders into it, and reads or drives it directly.
 */
export function pageStoreForTest(worker: TraceWorkerClient = noWorkerClient()): {
  readonly store: TracePageStore;
  readonly render: (ui: ReactElement) => RenderResult;
} {
  const store = createTracePageStore();
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return {
    store,
    render: (ui) =>
      render(ui, {
        wrapper: ({ children }) => (
          <QueryClientProvider client={queries}>
            <TraceWorkerProvider client={worker}>
              <TracePageStoreProvider store={store}>{children}</TracePageStoreProvider>
            </TraceWorkerProvider>
          </QueryClientProvider>
        ),
      }),
  };
}
