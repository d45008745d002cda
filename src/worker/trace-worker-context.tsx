/**
 * The trace worker's client for the component tree. The app creates one (traceWorkerClient(),
 * which its start-up also uses to begin a trace load before React renders) and provides it;
 * components read it with useTraceWorker, so tests can give them a fake or an in-process engine.
 */
import { createContext, use, type ReactNode } from 'react';
import type { TraceWorkerClient } from './trace-worker-client';

const TraceWorkerContext = createContext<TraceWorkerClient | null>(null);

export function TraceWorkerProvider({
  client,
  children,
}: {
  readonly client: TraceWorkerClient;
  readonly children?: ReactNode;
}) {
  return <TraceWorkerContext value={client}>{children}</TraceWorkerContext>;
}

export function useTraceWorker(): TraceWorkerClient {
  const client = use(TraceWorkerContext);
  if (!client) throw new Error('useTraceWorker: no TraceWorkerProvider above this component');
  return client;
}
