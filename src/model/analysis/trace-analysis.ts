import type { TraceColumns } from '../trace';
import { adjustClockSkew, type ClockSkewResult } from './clock-skew';
import { criticalPathSteps, type CriticalPath } from './critical-path';
import { findRepeatedSiblings, type SiblingGroup } from './repeated-siblings';
import { runToEnd } from './run-to-end';

/**
 * Everything the trace page derives from a whole trace once it is loaded: clock skew, the critical
 * path (on skew-adjusted times) and runs of repeated siblings. All of it is typed arrays, so the
 * worker computes it and transfers it; the main thread only indexes into it.
 */
export interface TraceAnalysisData {
  readonly skew: ClockSkewResult;
  readonly criticalPath: CriticalPath;
  readonly siblings: SiblingGroupColumns;
}

/**
 * Repeated-sibling groups as columns, so they cross the worker boundary as two buffers instead of
 * structured-cloning one object per group. Group `g` is `ints[g*6 .. g*6+5]` (parent, first, last,
 * count, service, operation) and `times[g*5 .. g*5+4]` (total, wall, min, median, max).
 */
export interface SiblingGroupColumns {
  readonly count: number;
  readonly ints: Int32Array;
  readonly times: Float64Array;
}

const INTS = 6;
const TIMES = 5;

export function packSiblingGroups(groups: readonly SiblingGroup[]): SiblingGroupColumns {
  const ints = new Int32Array(groups.length * INTS);
  const times = new Float64Array(groups.length * TIMES);
  groups.forEach((g, k) => {
    ints.set([g.parent, g.first, g.last, g.count, g.service, g.operation], k * INTS);
    times.set([g.total, g.wall, g.min, g.median, g.max], k * TIMES);
  });
  return { count: groups.length, ints, times };
}

export function unpackSiblingGroups({ count, ints, times }: SiblingGroupColumns): SiblingGroup[] {
  const groups: SiblingGroup[] = [];
  for (let k = 0; k < count; k++) {
    const i = k * INTS;
    const t = k * TIMES;
    groups.push({
      parent: ints[i] ?? -1,
      first: ints[i + 1] ?? -1,
      last: ints[i + 2] ?? -1,
      count: ints[i + 3] ?? 0,
      service: ints[i + 4] ?? -1,
      operation: ints[i + 5] ?? -1,
      total: times[t] ?? 0,
      wall: times[t + 1] ?? 0,
      min: times[t + 2] ?? 0,
      median: times[t + 3] ?? 0,
      max: times[t + 4] ?? 0,
    });
  }
  return groups;
}

/**
 * The analysis as steps: a `yield 'phase'` sits between two O(n) phases and a plain `yield`
 * inside the critical path after every ~1 ms of its walk (cheap: a caller pauses there only when
 * its own clock says so), so a caller that must stay responsive (the worker, with a
 * span-detail request queued behind) can let other work run there. At 1M spans the other phases
 * are tens of ms each; a 1M-child fan-out made the critical path alone ~0.45 s in one piece.
 */
export function* analysisSteps(
  columns: TraceColumns,
  serviceCount: number,
): Generator<'phase' | undefined, TraceAnalysisData, void> {
  const skew = adjustClockSkew(columns);
  yield 'phase';
  // On adjusted times: a skewed child would otherwise be clipped away from its parent's path.
  const criticalPath = yield* criticalPathSteps(
    columns,
    serviceCount,
    skew.shiftedCount > 0 ? { start: skew.adjustedStart } : {},
  );
  yield 'phase';
  const siblings = packSiblingGroups(findRepeatedSiblings(columns));
  return { skew, criticalPath, siblings };
}

/** The whole analysis in one synchronous call (tests, or callers with nothing to interleave). */
export function analyzeColumns(columns: TraceColumns, serviceCount: number): TraceAnalysisData {
  return runToEnd(analysisSteps(columns, serviceCount));
}
