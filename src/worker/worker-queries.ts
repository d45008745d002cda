/**
 * Data the trace worker computes, through React Query: one cache keyed by trace handle, request
 * kind and arguments; cancellation through the signal React Query passes (a query nobody shows
 * any more is cancelled in the client and, for loads, in the worker); released with the trace.
 *
 * Streamed loads stay outside (use-trace-load.ts): they report progress and hand over the trace's
 * ownership, which a cache entry cannot express (docs/adr/0016).
 */
import {
  queryOptions,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ArgsOf, AskedType, ReplyTo } from './messages';
import type { TraceWorkerClient } from './trace-worker-client';
import { useTraceWorker } from './trace-worker-context';

/** The request kinds about one loaded trace: their arguments carry its handle. */
export type TraceQueryKind = {
  [K in AskedType]: ArgsOf<K> extends { readonly handle: number } ? K : never;
}[AskedType];

/** Every query about one trace starts with this: released together with the trace. */
export const traceQueryKey = (handle: number) => ['trace-worker', handle] as const;

export const workerQueryKey = <K extends TraceQueryKind>(kind: K, args: ArgsOf<K>) =>
  [...traceQueryKey(args.handle), kind, args] as const;

export function workerQueryOptions<K extends TraceQueryKind>(
  client: TraceWorkerClient,
  kind: K,
  args: ArgsOf<K>,
) {
  return queryOptions({
    queryKey: workerQueryKey(kind, args),
    queryFn: ({ signal }): Promise<ReplyTo<K>> => client.request(kind, args, { signal }),
    // A trace does not change behind its handle: an answer holds until the trace is released.
    staleTime: Infinity,
    // Replies hold typed arrays of up to a span count: never walked to compare them.
    structuralSharing: false,
  });
}

/** One worker request as a query: `useWorkerQuery('span-detail', { handle, index })`. */
export function useWorkerQuery<K extends TraceQueryKind>(
  kind: K,
  args: ArgsOf<K>,
  { enabled = true }: { readonly enabled?: boolean } = {},
): UseQueryResult<ReplyTo<K>> {
  return useQuery({ ...workerQueryOptions(useTraceWorker(), kind, args), enabled });
}

/** Frees a trace in the worker and forgets every answer about it. */
export function releaseTrace(client: TraceWorkerClient, queries: QueryClient, handle: number) {
  client.release(handle);
  queries.removeQueries({ queryKey: traceQueryKey(handle) });
}

export function useReleaseTrace(): (handle: number) => void {
  const client = useTraceWorker();
  const queries = useQueryClient();
  return useCallback((handle) => releaseTrace(client, queries, handle), [client, queries]);
}
