import type { TraceColumns } from '../trace';

/**
 * Runs of consecutive siblings with the same service and operation: the N+1 query, the retry loop,
 * the chatty client. Siblings are in start order (trace.ts invariant), so a run is what a reader
 * sees as a block of identical rows. One pass over every parent's child list: O(n) plus a sort of
 * each group's durations for the median.
 */
export interface SiblingGroup {
  /** Parent index, or -1 for a run of roots. */
  readonly parent: number;
  /** Index of the first span of the run. */
  readonly first: number;
  /** Index of the last span of the run (the run is not contiguous in index: subtrees sit between). */
  readonly last: number;
  readonly count: number;
  readonly service: number;
  readonly operation: number;
  /** Sum of the durations, µs. */
  readonly total: number;
  /** From the first start to the last end, µs: near `total` when serial, much less when parallel. */
  readonly wall: number;
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export const DEFAULT_MIN_RUN = 5;

export function findRepeatedSiblings(
  columns: TraceColumns,
  minRun: number = DEFAULT_MIN_RUN,
): SiblingGroup[] {
  const n = columns.spanCount;
  const { subtreeEnd, service, operation } = columns;
  const groups: SiblingGroup[] = [];
  const scan = (parent: number, from: number, to: number): void => {
    let runStart = -1;
    let runLast = -1;
    let count = 0;
    for (let c = from; c < to; c = subtreeEnd[c] ?? to) {
      if (count > 0 && service[c] === service[runStart] && operation[c] === operation[runStart]) {
        count++;
        runLast = c;
        continue;
      }
      if (count >= minRun) groups.push(summarize(columns, parent, runStart, runLast, count));
      runStart = c;
      runLast = c;
      count = 1;
    }
    if (count >= minRun) groups.push(summarize(columns, parent, runStart, runLast, count));
  };
  scan(-1, 0, n);
  for (let p = 0; p < n; p++) {
    const end = subtreeEnd[p] ?? p + 1;
    // Fewer than `minRun` descendants cannot hold a run of `minRun` children.
    if (end - p - 1 >= minRun) scan(p, p + 1, end);
  }
  return groups;
}

function summarize(
  columns: TraceColumns,
  parent: number,
  first: number,
  last: number,
  count: number,
): SiblingGroup {
  const { start, duration, subtreeEnd } = columns;
  const durations = new Float64Array(count);
  let total = 0;
  let wallStart = Infinity;
  let wallEnd = -Infinity;
  let k = 0;
  for (let c = first; k < count; c = subtreeEnd[c] ?? c + 1) {
    const d = duration[c] ?? 0;
    durations[k++] = d;
    total += d;
    wallStart = Math.min(wallStart, start[c] ?? 0);
    wallEnd = Math.max(wallEnd, (start[c] ?? 0) + d);
  }
  durations.sort();
  const mid = count >> 1;
  const median =
    count % 2 === 1
      ? (durations[mid] ?? 0)
      : ((durations[mid - 1] ?? 0) + (durations[mid] ?? 0)) / 2;
  return {
    parent,
    first,
    last,
    count,
    service: columns.service[first] ?? -1,
    operation: columns.operation[first] ?? -1,
    total,
    wall: wallEnd - wallStart,
    min: durations[0] ?? 0,
    median,
    max: durations[count - 1] ?? 0,
  };
}
