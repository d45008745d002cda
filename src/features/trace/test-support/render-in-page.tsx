import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createTracePageStore, type TracePageStore } from '../state/trace-page-store';
import { TracePageStoreProvider } from '../state/trace-page-store-context';

/**
 * Trace-page panels read their store from context: a test holds one store, renders into it, and
 * reads or drives it directly.
 */
export function pageStoreForTest(): {
  readonly store: TracePageStore;
  readonly render: (ui: ReactElement) => RenderResult;
} {
  const store = createTracePageStore();
  return {
    store,
    render: (ui) =>
      render(ui, {
        wrapper: ({ children }) => (
          <TracePageStoreProvider store={store}>{children}</TracePageStoreProvider>
        ),
      }),
  };
}
