import { useEffect, useState } from 'react';
import { adjustClockSkew, type ClockSkewResult } from '../../../model/analysis/clock-skew';
import { computeCriticalPath, criticalShareByService, type CriticalPath } from '../../../model/analysis/critical-path';
import type { TraceColumns } from '../../../model/trace';

/**
 * Clock skew and critical path of the open trace, computed once per trace and shared by the
 * header and the span panel (cached per columns object, so calling the hook twice costs nothing).
 *
 * This runs on the main thread, after first paint (a macrotask after mount): clock skew is one
 * O(n) pass; the critical path sorts the children of the spans on it. Moving it into the worker
 * is the better home once the protocol has a message for it.
 */
export interface TraceAnalysis {
  readonly skew: ClockSkewResult;
  readonly criticalPath: CriticalPath;
  readonly criticalShare: ReturnType<typeof criticalShareByService>;
  /** Skew delta per span index (µs), or 0; from `skew.adjustedStart - columns.start`. */
  skewDeltaOf(index: number): number;
}

interface AnalysisInput {
  readonly columns: TraceColumns;
  readonly services: readonly string[];
}

const cache = new WeakMap<TraceColumns, TraceAnalysis>();

export function analyzeTrace({ columns, services }: AnalysisInput): TraceAnalysis {
  const cached = cache.get(columns);
  if (cached) return cached;
  const skew = adjustClockSkew(columns);
  // The path is computed on adjusted times: a skewed child would otherwise be clipped away.
  const criticalPath = computeCriticalPath(columns, services.length, skew.shiftedCount > 0 ? { start: skew.adjustedStart } : {});
  const analysis: TraceAnalysis = {
    skew,
    criticalPath,
    criticalShare: criticalShareByService(criticalPath, services),
    skewDeltaOf: (index) => (skew.adjustedStart[index] ?? 0) - (columns.start[index] ?? 0),
  };
  cache.set(columns, analysis);
  return analysis;
}

/** `null` until computed (one macrotask after mount, so the page paints first). */
export function useTraceAnalysis(trace: AnalysisInput): TraceAnalysis | null {
  const [result, setResult] = useState<{ columns: TraceColumns; analysis: TraceAnalysis } | null>(null);
  const { columns, services } = trace;
  useEffect(() => {
    const cached = cache.get(columns);
    const timer = window.setTimeout(() => setResult({ columns, analysis: cached ?? analyzeTrace({ columns, services }) }), 0);
    return () => window.clearTimeout(timer);
  }, [columns, services]);
  return result?.columns === columns ? result.analysis : null;
}
