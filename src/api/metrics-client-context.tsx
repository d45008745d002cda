/**
 * A metrics client given to the component tree (tests, embedders). Without one, the Monitor page
 * builds its own for the document's base path, running requests in its worker.
 */
import { createContext, use } from 'react';
import type { ReactNode } from 'react';
import type { MetricsClient } from './metrics-client';

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

export function useProvidedMetricsClient(): MetricsClient | null {
  return use(MetricsClientContext);
}
