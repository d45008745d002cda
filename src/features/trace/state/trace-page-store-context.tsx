/**
 * The trace page's store reaches its panels through context. Read with narrow selectors,
 * `useTracePage((s) => s.selected)`; act in event handlers through the store itself,
 * `useTracePageStore().getState().select(i)`, which does not subscribe.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createTracePageStore, type TracePageStore } from './trace-page-store';
import type { TracePageState } from './trace-page-state';

const TracePageStoreContext = createContext<TracePageStore | null>(null);

/** Gives its subtree a store of its own (or `store`, e.g. one a test holds). */
export function TracePageStoreProvider({
  store,
  children,
}: {
  readonly store?: TracePageStore;
  readonly children: ReactNode;
}) {
  const [own] = useState(() => store ?? createTracePageStore());
  return <TracePageStoreContext value={store ?? own}>{children}</TracePageStoreContext>;
}

export function useTracePageStore(): TracePageStore {
  const store = useContext(TracePageStoreContext);
  if (!store) throw new Error('useTracePageStore needs a TracePageStoreProvider above it');
  return store;
}

/** Subscribes to one narrow piece of the trace page's state. */
export function useTracePage<T>(selector: (state: TracePageState) => T): T {
  return useStore(useTracePageStore(), selector);
}
