import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { TraceWorkerClient } from '../../../worker/trace-worker-client';
import { noWorkerClient } from '../../../worker/test-support/no-worker-client';
import { TraceWorkerProvider } from '../../../worker/trace-worker-context';
import { createTracePageStore, type TracePageStore } from '../state/trace-page-store';
import { TracePageStoreProvider } from '../state/trace-page-store-context';

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
