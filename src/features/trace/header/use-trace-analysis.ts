import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ClockSkewResult } from '../../../model/analysis/clock-skew';
import { criticalShareByService, type CriticalPath } from '../../../model/analysis/critical-path';
import type { SiblingGroup } from '../../../model/analysis/repeated-siblings';
import type { RowSet } from '../../../model/row-filter';
import { unpackSiblingGroups } from '../../../model/analysis/trace-analysis';
import type { TraceColumns } from '../../../model/trace';
import { isAbortError, type TraceWorkerClient } from '../../../worker/trace-worker-client';
import { useTraceWorker } from '../../../worker/trace-worker-context';
import { traceQueryKey, UNTRACKED } from '../../../worker/worker-queries';

/**
 * Clock skew, critical path and repeated siblings of the open trace, shared by the header and the
 * span panel. The worker computes them (DESIGN.md §1: the main thread never walks every span);
 * here we only build the O(services) share table and the O(groups) sibling list, and index into
 * the transferred arrays. One request per trace: callers share one query, keyed by the handle.
 */
export interface TraceAnalysis {
  readonly skew: ClockSkewResult;
  readonly criticalPath: CriticalPath;
  readonly criticalShare: ReturnType<typeof criticalShareByService>;
  readonly repeatedSiblings: readonly SiblingGroup[];
  /** The waterfall's rows with nothing collapsed or filtered and every run folded; none: no runs. */
  readonly defaultViewRows: RowSet | undefined;
  /** Skew delta per span index (µs), or 0; from `skew.adjustedStart - columns.start`. O(1). */
  skewDeltaOf(index: number): number;
}

export interface AnalysisInput {
  /** The worker handle of the loaded trace (remote and local traces both have one). */
  readonly handle: number;
  readonly columns: TraceColumns;
  readonly services: readonly string[];
}

/** What the worker's answer holds, before `skewDeltaOf` ties it to the page's columns. */
type AnalysisAnswer = Omit<TraceAnalysis, 'skewDeltaOf'>;

/**
 * The analysis as a query of the trace: asked once per handle whoever shows it first (header,
 * page), derived once, released with the trace (worker-queries.ts). Its options hold no columns:
 * a query can outlive its page in V8's feedback (worker-queries.ts), and must not keep them.
 */
export function traceAnalysisQuery(
  client: TraceWorkerClient,
  { handle, services }: Pick<AnalysisInput, 'handle' | 'services'>,
) {
  return queryOptions({
    queryKey: [...traceQueryKey(handle), 'analyze'] as const,
    queryFn: async ({ signal }): Promise<AnalysisAnswer> => {
      const { analysis: data, viewRows } = await client.request('analyze', { handle }, { signal });
      const { skew, criticalPath } = data;
      return {
        skew,
        criticalPath,
        criticalShare: criticalShareByService(criticalPath, services),
        repeatedSiblings: unpackSiblingGroups(data.siblings),
        defaultViewRows: viewRows ? { ...viewRows, filteredOut: 0 } : undefined,
      };
    },
    staleTime: Infinity,
    structuralSharing: false,
    notifyOnChangeProps: UNTRACKED,
  });
}

/**
 * `null` until the worker answered (the page and its first rows show without it). A failure
 * leaves the header without critical-path share and skew count.
 */
export function useTraceAnalysis({
  handle,
  columns,
  services,
}: AnalysisInput): TraceAnalysis | null {
  const { data, error } = useQuery(traceAnalysisQuery(useTraceWorker(), { handle, services }));
  useEffect(() => {
    if (error && !isAbortError(error)) console.warn('Trace analysis failed', error);
  }, [error]);
  return useMemo(() => {
    if (!data) return null;
    const { adjustedStart } = data.skew;
    return {
      ...data,
      skewDeltaOf: (index: number) => (adjustedStart[index] ?? 0) - (columns.start[index] ?? 0),
    };
  }, [data, columns]);
}
