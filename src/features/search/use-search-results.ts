/**
 * What the results area shows, from the URL alone: a search, a lookup of trace ids, or nothing.
 * Also measures how long the last request took ("20 traces in 123 ms").
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import { findByIdsQuery, searchQuery } from '../../api/queries';
import type { TraceQuery } from '../../api/types';
import type { TraceSummary } from '../../model/trace-summary';
import type { Micros } from '../../model/units';
import { nowMicros } from './lookback';
import { queryFromParams, traceIdsFromParams, type SearchLimits } from './search-params';

export type ResultsMode = 'none' | 'search' | 'ids';

export interface SearchResults {
  readonly mode: ResultsMode;
  readonly query: TraceQuery | null;
  readonly ids: readonly string[];
  readonly traces: readonly TraceSummary[];
  /** Partial failures next to data. */
  readonly warnings: readonly string[];
  /** Ids asked for but not found. */
  readonly missing: readonly string[];
  readonly isPending: boolean;
  readonly isFetching: boolean;
  readonly error: Error | null;
  readonly tookMs: number | null;
  readonly refetch: () => void;
}

/** A preset lookback without start/end must be pinned (replacing the URL) before it is fetched. */
export const needsPinning = (params: URLSearchParams): boolean =>
  params.get('service') !== null &&
  params.get('service') !== '' &&
  params.get('lookback') !== 'custom' &&
  (!params.get('start') || !params.get('end'));

const NEVER: TraceQuery = { service: '', start: 0 as Micros, end: 0 as Micros, limit: 1 };

export function useSearchResults(params: URLSearchParams, limits: SearchLimits): SearchResults {
  const client = useJaegerClient();
  const key = params.toString();
  const ids = useMemo(() => traceIdsFromParams(new URLSearchParams(key)), [key]);
  const query = useMemo(() => {
    const current = new URLSearchParams(key);
    if (needsPinning(current)) return null;
    return queryFromParams(current, nowMicros(), limits);
  }, [key, limits]);
  const mode: ResultsMode = ids.length > 0 ? 'ids' : query ? 'search' : 'none';

  // Both hooks always run (rules of hooks); the idle one is disabled by its empty input.
  const search = useQuery(searchQuery(client, mode === 'search' && query ? query : NEVER));
  const lookup = useQuery(findByIdsQuery(client, mode === 'ids' ? ids : []));
  const active = mode === 'ids' ? lookup : search;
  const tookMs = useFetchDuration(mode === 'none' ? 'idle' : active.fetchStatus);

  const data = mode === 'none' ? undefined : active.data;
  return {
    mode,
    query,
    ids,
    traces: data?.traces ?? [],
    warnings: data?.errors ?? [],
    missing: mode === 'ids' ? (lookup.data?.missing ?? []) : [],
    isPending: mode !== 'none' && active.isPending,
    isFetching: mode !== 'none' && active.isFetching,
    error: mode === 'none' ? null : active.error,
    tookMs,
    refetch: () => void active.refetch(),
  };
}

/** Wall time of the latest fetch, from when React Query starts it to when it settles. */
function useFetchDuration(fetchStatus: 'fetching' | 'paused' | 'idle'): number | null {
  const startedAt = useRef<number | null>(null);
  const [took, setTook] = useState<number | null>(null);
  useEffect(() => {
    if (fetchStatus === 'fetching') {
      startedAt.current = performance.now();
    } else if (fetchStatus === 'idle' && startedAt.current !== null) {
      const elapsed = performance.now() - startedAt.current;
      startedAt.current = null;
      setTook(elapsed);
    }
  }, [fetchStatus]);
  return took;
}
