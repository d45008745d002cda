import { useEffect, useState } from 'react';
import type { ClockSkewResult } from '../../../model/analysis/clock-skew';
import { criticalShareByService, type CriticalPath } from '../../../model/analysis/critical-path';
import type { SiblingGroup } from '../../../model/analysis/repeated-siblings';
import { unpackSiblingGroups } from '../../../model/analysis/trace-analysis';
import type { TraceColumns } from '../../../model/trace';
import { isAbortError, traceWorkerClient } from '../../../worker/trace-worker-client';

/**
 * Clock skew, critical path and repeated siblings of the open trace, shared by the header and the
 * span panel. The worker computes them (DESIGN.md §1: the main thread never walks every span);
 * here we only build the O(services) share table and the O(groups) sibling list, and index into
 * the transferred arrays. One request per trace: callers share the promise, keyed by the columns
 * object (a new load gives new columns).
 */
export interface TraceAnalysis {
  readonly skew: ClockSkewResult;
  readonly criticalPath: CriticalPath;
  readonly criticalShare: ReturnType<typeof criticalShareByService>;
  readonly repeatedSiblings: readonly SiblingGroup[];
  /** Skew delta per span index (µs), or 0; from `skew.adjustedStart - columns.start`. O(1). */
  skewDeltaOf(index: number): number;
}

export interface AnalysisInput {
  /** The worker handle of the loaded trace (remote and local traces both have one). */
  readonly handle: number;
  readonly columns: TraceColumns;
  readonly services: readonly string[];
}

const pending = new WeakMap<TraceColumns, Promise<TraceAnalysis>>();
const resolved = new WeakMap<TraceColumns, TraceAnalysis>();

/** Asks the worker once per trace; a failed or superseded request is forgotten so a later call retries. */
export function requestTraceAnalysis({
  handle,
  columns,
  services,
}: AnalysisInput): Promise<TraceAnalysis> {
  const existing = pending.get(columns);
  if (existing) return existing;
  const request = traceWorkerClient()
    .analyze(handle)
    .then((data): TraceAnalysis => {
      const { skew, criticalPath } = data;
      const analysis: TraceAnalysis = {
        skew,
        criticalPath,
        criticalShare: criticalShareByService(criticalPath, services),
        repeatedSiblings: unpackSiblingGroups(data.siblings),
        skewDeltaOf: (index) => (skew.adjustedStart[index] ?? 0) - (columns.start[index] ?? 0),
      };
      resolved.set(columns, analysis);
      return analysis;
    });
  pending.set(columns, request);
  request.catch(() => {
    if (pending.get(columns) === request) pending.delete(columns);
  });
  return request;
}

/** `null` until the worker answered (the page and its first rows show without it). */
export function useTraceAnalysis({
  handle,
  columns,
  services,
}: AnalysisInput): TraceAnalysis | null {
  const [result, setResult] = useState<{ columns: TraceColumns; analysis: TraceAnalysis } | null>(
    null,
  );
  useEffect(() => {
    let live = true;
    requestTraceAnalysis({ handle, columns, services }).then(
      (analysis) => {
        if (live) setResult({ columns, analysis });
      },
      (error: unknown) => {
        // Superseded by a newer trace, or the handle was released on leaving: nothing to show.
        // Anything else leaves the header without critical-path share and skew count.
        if (!isAbortError(error) && live) console.warn('Trace analysis failed', error);
      },
    );
    return () => {
      live = false;
    };
  }, [handle, columns, services]);
  return resolved.get(columns) ?? (result?.columns === columns ? result.analysis : null);
}
