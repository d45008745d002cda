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

interface Answer {
  readonly trace: SpanOrderSource;
  readonly order: Int32Array;
}

/**
 * Span indexes in the table's sort order, or null before the first order arrived. A loaded trace
 * is sorted in the worker (a 1M-span argsort was a ~60–180 ms main-thread task); while a new
 * order is on its way the previous one stays on screen. Without a handle (tests) it sorts here.
 */
export function useSpanOrder(
  trace: SpanOrderSource,
  sort: SortState<SpanColumn>,
): Int32Array | null {
  const local = useMemo(
    () => (trace.handle === undefined ? sortSpans(trace, sort.key, sort.descending) : null),
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
        if (!cancelled) setAnswer({ trace, order });
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
  return answer?.trace === trace ? answer.order : null;
}
