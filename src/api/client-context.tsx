/**
 * The resolved JaegerClient for the component tree. The app detects it once at startup
 * (detectClient) and provides it; features read it with useJaegerClient and pass it to the
 * queryOptions factories in queries.ts. Tests provide a client of their own.
 */
import { createContext, use } from 'react';
import type { ReactNode } from 'react';
import type { JaegerClient } from './types';

const JaegerClientContext = createContext<JaegerClient | null>(null);

export function JaegerClientProvider({
  client,
  children,
}: {
  readonly client: JaegerClient;
  readonly children?: ReactNode;
}) {
  return <JaegerClientContext value={client}>{children}</JaegerClientContext>;
}

export function useJaegerClient(): JaegerClient {
  const client = use(JaegerClientContext);
  if (!client) throw new Error('useJaegerClient: no JaegerClientProvider above this component');
  return client;
}
