/**
 * The metrics client for the component tree. Without a provider it talks to the API under the
 * document's base path, as the trace clients do; tests and embedders provide their own.
 */
import { createContext, use, useMemo } from 'react';
import type { ReactNode } from 'react';
import { apiBaseFromDocument } from './http';
import { MetricsClient } from './metrics-client';

const MetricsClientContext = createContext<MetricsClient | null>(null);

export function MetricsClientProvider({
  client,
  children,
}: {
  readonly client: MetricsClient;
  readonly children?: ReactNode;
}) {
  return <MetricsClientContext value={client}>{children}</MetricsClientContext>;
}

export function useMetricsClient(): MetricsClient {
  const provided = use(MetricsClientContext);
  return useMemo(() => provided ?? new MetricsClient(apiBaseFromDocument()), [provided]);
}
