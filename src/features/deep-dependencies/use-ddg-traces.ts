import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import { searchQuery } from '../../api/queries';
import type { DdgTrace } from '../../model/graph/ddg';
import type { Micros } from '../../model/units';
import { useTraceWorker } from '../../worker/trace-worker-context';

const HOUR_US = 3_600_000_000;
/** As many traces as a default search returns. */
const SEARCH_LIMIT = 20;

export interface DdgTraces {
  readonly traces?: readonly DdgTrace[];
  readonly error?: unknown;
  readonly pending: boolean;
  /** Asks again for what failed (the search or the traces). */
  readonly retry: () => void;
}

/**
 * The traces a DDG is built from: the given ids (a search result's), or else the latest
 * `SEARCH_LIMIT` traces of the focal service/operation in the last hour. Each is parsed in the
 * trace worker (one at a time: loads share the worker's latest-wins channel) and released there
 * at once: only the columns and names the DDG needs stay, on this side.
 */
export function useDdgTraces(
  service: string,
  operation: string,
  ids: readonly string[],
): DdgTraces {
  const client = useJaegerClient();
  const worker = useTraceWorker();
  // Rounded to the minute so the query key is stable across re-renders.
  const [end] = useState(() => (Math.ceil(Date.now() / 60_000) * 60_000 * 1000) as Micros);
  const search = useQuery({
    ...searchQuery(client, {
      service,
      operation,
      start: (end - HOUR_US) as Micros,
      end,
      limit: SEARCH_LIMIT,
    }),
    enabled: service !== '' && ids.length === 0,
  });
  const wanted = ids.length > 0 ? ids : (search.data?.traces.map((trace) => trace.traceId) ?? []);
  const traces = useQuery({
    queryKey: ['ddg-traces', client.version, [...wanted].sort()],
    enabled: wanted.length > 0,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const loaded: DdgTrace[] = [];
      for (const id of wanted) {
        const result = await worker.loadTrace(client.traceUrl(id), id, undefined, signal);
        for (const trace of result.traces) {
          worker.release(trace.handle);
          loaded.push({
            traceId: trace.traceId,
            columns: trace.columns,
            services: trace.services,
            operations: trace.operations,
          });
        }
      }
      return loaded;
    },
  });
  const retry = () => void (search.isError ? search.refetch() : traces.refetch());
  if (ids.length === 0 && search.isError) return { error: search.error, pending: false, retry };
  if (ids.length === 0 && search.data && wanted.length === 0)
    return { traces: [], pending: false, retry };
  return {
    traces: traces.data,
    error: traces.error ?? undefined,
    pending: !traces.data && !traces.error,
    retry,
  };
}
