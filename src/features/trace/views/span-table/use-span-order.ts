import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import {
  sortSpans,
  type SpanColumn,
  type SpanTableSource,
} from '../../../../model/analysis/span-sort';
import { isAbortError } from '../../../../worker/trace-worker-client';
import { useTraceWorker } from '../../../../worker/trace-worker-context';
import { workerQueryKey, UNTRACKED } from '../../../../worker/worker-queries';
import type { SortState } from '../trace-aggregates';

/** A trace held by the worker has a handle; a test trace built in place has none. */
export type SpanOrderSource = SpanTableSource & { readonly handle?: number };

/** An order of span indexes and the sort it is in (what the headers' `aria-sort` must say). */
export interface SpanOrder {
  readonly order: Int32Array;
  readonly sort: SortState<SpanColumn>;
}

interface Answer extends SpanOrder {
  readonly handle: number;
}

/**
 * Span indexes in the table's sort order, or null before the first order arrived. A loaded trace
 * is sorted in the worker (a 1M-span argsort was a ~60–180 ms main-thread task), one query per
 * sort; while a new order is on its way the previous one stays on screen, with the sort it is
 * in, so the headers never announce an order that is not shown yet. Without a handle (tests) it
 * sorts here.
 */
export function useSpanOrder(
  trace: SpanOrderSource,
  sort: SortState<SpanColumn>,
): SpanOrder | null {
  const { handle } = trace;
  const local = useMemo(
    () =>
      handle === undefined ? { order: sortSpans(trace, sort.key, sort.descending), sort } : null,
    [handle, trace, sort],
  );
  const client = useTraceWorker();
  const args = { handle: handle ?? -1, column: sort.key, descending: sort.descending };
  const { data, error } = useQuery({
    queryKey: workerQueryKey('sort-spans', args),
    queryFn: async ({ signal }): Promise<Answer> => ({
      order: (await client.request('sort-spans', args, { signal })).order,
      sort,
      handle: args.handle,
    }),
    enabled: handle !== undefined,
    staleTime: Infinity,
    structuralSharing: false,
    notifyOnChangeProps: UNTRACKED,
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (error && !isAbortError(error)) console.error('Span table sort failed', error);
  }, [error]);
  if (local) return local;
  // The previous trace's order is no placeholder for this one.
  return data?.handle === handle ? (data ?? null) : null;
}
