import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import { tracePathsRequest, type TracePathsSource } from '../../api/queries';
import type { TraceQuery } from '../../api/types';
import type { DdgTrace } from '../../model/graph/ddg';
import type { Micros } from '../../model/units';
import { useTraceWorker } from '../../worker/trace-worker-context';
import { tracePathsQuery } from '../../worker/trace-paths-query';

const HOUR_US = 3_600_000_000;
/** As many traces as a default search returns. */
const SEARCH_LIMIT = 20;

export interface DdgTraces {
  readonly traces?: readonly DdgTrace[];
  readonly error?: unknown;
  readonly pending: boolean;
  /** Asks again for what failed. */
  readonly retry: () => void;
}

/**
 * The traces a DDG is built from, fetched and parsed in the trace worker:
 * - a search (`search`, from the search page's results, or else the latest `SEARCH_LIMIT`
 *   traces of the focal service/operation in the last hour): ONE request for the search's full
 *   traces, as Jaeger UI builds its DDG from the search response;
 * - trace ids (a zoomed subset of results, an older shared link): these have no search to
 *   repeat, so they are fetched by id — v1 many ids a request, v3 one each (it has no lookup).
 */
export function useDdgTraces(
  service: string,
  operation: string,
  ids: readonly string[],
  search: TraceQuery | undefined,
): DdgTraces {
  const client = useJaegerClient();
  const worker = useTraceWorker();
  // Rounded to the minute so the query key is stable across re-renders.
  const [end] = useState(() => (Math.ceil(Date.now() / 60_000) * 60_000 * 1000) as Micros);
  const source: TracePathsSource | undefined =
    ids.length > 0
      ? { ids }
      : search
        ? { search }
        : service
          ? {
              search: {
                service,
                ...(operation ? { operation } : {}),
                start: (end - HOUR_US) as Micros,
                end,
                limit: SEARCH_LIMIT,
              },
            }
          : undefined;
  const traces = useQuery({
    ...tracePathsQuery(worker, tracePathsRequest(client, source ?? { ids: [] })),
    enabled: source !== undefined,
  });
  return {
    traces: traces.data,
    error: traces.error ?? undefined,
    pending: traces.isPending && traces.fetchStatus !== 'idle',
    retry: () => void traces.refetch(),
  };
}
