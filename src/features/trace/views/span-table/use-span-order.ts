import { useEffect, useMemo, useState } from 'react';
import {
  sortSpans,
  type SpanColumn,
  type SpanTableSource,
} from '../../../../model/analysis/span-sort';
import { isAbortError, traceWorkerClient } from '../../../../worker/trace-worker-client';
import type { SortState } from '../trace-aggregates';

/** A trace held by the worker has a handle; a test trace built in place has none. */
export type SpanOrderSource = SpanTableSource & { readonly handle?: number };

/** An order of span indexes and the sort it is in (what the headers' `aria-sort` must say). */
export interface SpanOrder {
  readonly order: Int32Array;
  readonly sort: SortState<SpanColumn>;
}

interface Answer extends SpanOrder {
  readonly trace: SpanOrderSource;
}

/**
 * Span indexes in the table's sort order, or null before the first order arrived. A loaded trace
 * is sorted in the worker (a 1M-span argsort was a ~60–180 ms main-thread task); while a new
 * order is on its way the previous one stays on screen, with the sort it is in, so the headers
 * never announce an order that is not shown yet. Without a handle (tests) it sorts here.
 */
export function useSpanOrder(
  trace: SpanOrderSource,
  sort: SortState<SpanColumn>,
): SpanOrder | null {
  const local = useMemo(
    () =>
      trace.handle === undefined
        ? { order: sortSpans(trace, sort.key, sort.descending), sort }
        : null,
    [trace, sort],
  );
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    const { handle } = trace;
    if (handle === undefined) return;
    let cancelled = false;
    traceWorkerClient()
      .sortSpans(handle, sort.key, sort.descending)
      .then((order) => {
        if (!cancelled) setAnswer({ trace, order, sort });
      })
      .catch((error: unknown) => {
        // Superseded by a newer sort (latest wins) or released: the newer answer follows.
        if (!isAbortError(error)) console.error('Span table sort failed', error);
      });
    return () => {
      cancelled = true;
    };
  }, [trace, sort]);
  if (local) return local;
  return answer?.trace === trace ? answer : null;
}
