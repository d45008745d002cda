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

/**
 * For queries whose answers hold a trace's arrays: no tracked result. React Query's tracked
 * result defines a getter per property, closing over its observer (and so its query, options and
 * answer); V8 keeps one such getter alive in a shared object shape after everything else let go,
 * which held the columns of a trace left long ago (625 KB at 10k spans, issue 13). An untracked
 * result re-renders on any change of the query's state, which a trace's answers rarely have.
 */
export const UNTRACKED = 'all' as const;

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
    notifyOnChangeProps: UNTRACKED,
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

const watched = new WeakSet<QueryClient>();

/**
 * A page releases its trace as it unmounts (a layout effect's cleanup), before its components'
 * queries let go of their observers (passive effects, later). A removed query left by its last
 * observer still schedules its own garbage collection, and that timer keeps the query and its
 * answer (typed arrays of a span count: the analysis, a sort order) alive for `gcTime` (5 min):
 * the heap grew with every trace opened (issue 13). Such a query is reset at once instead (its
 * timers cleared, its state back to no data).
 */
function destroyRemovedQueries(queries: QueryClient): void {
  if (watched.has(queries)) return;
  watched.add(queries);
  const cache = queries.getQueryCache();
  cache.subscribe((event) => {
    if (event.type !== 'observerRemoved' || event.query.getObserversCount() > 0) return;
    // Destroyed, and its answer dropped: V8 may still hold the query itself (a getter
    // React Query defines on a fetch's context closes over it, and one such object stays in a
    // shared allocation site's feedback), which must not keep a trace's arrays.
    if (cache.get(event.query.queryHash) !== event.query) event.query.reset();
  });
}

/** Frees a trace in the worker and forgets every answer about it. */
export function releaseTrace(client: TraceWorkerClient, queries: QueryClient, handle: number) {
  destroyRemovedQueries(queries);
  client.release(handle);
  queries.removeQueries({ queryKey: traceQueryKey(handle) });
}

export function useReleaseTrace(): (handle: number) => void {
  const client = useTraceWorker();
  const queries = useQueryClient();
  return useCallback((handle) => releaseTrace(client, queries, handle), [client, queries]);
}
