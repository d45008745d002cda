/**
 * Self time of every span: its duration minus the union of its children's intervals, each child
 * clipped to the parent's interval first (async children that outlive the parent only count for
 * the part inside it). Children are contiguous in pre-order and sorted by start, so one sweep per
 * parent merges overlaps: O(n) overall.
 */
export function computeSelfTime(
  start: Float64Array,
  duration: Float64Array,
  subtreeEnd: Int32Array,
): Float64Array {
  const n = start.length;
  const selfTime = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const parentStart = start[i] ?? 0;
    const parentEnd = parentStart + (duration[i] ?? 0);
    const end = subtreeEnd[i] ?? i + 1;
    let covered = 0;
    let coveredUntil = parentStart;
    for (let c = i + 1; c < end; c = subtreeEnd[c] ?? end) {
      const childStart = Math.max(start[c] ?? 0, coveredUntil);
      const childEnd = Math.min((start[c] ?? 0) + (duration[c] ?? 0), parentEnd);
      if (childEnd > childStart) {
        covered += childEnd - childStart;
        coveredUntil = childEnd;
      }
    }
    selfTime[i] = Math.max(0, (duration[i] ?? 0) - covered);
  }
  return selfTime;
}
