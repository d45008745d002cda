import type { TraceColumns } from '../trace';
import { SpanFlag } from '../trace';

/**
 * Clock-skew detection and adjustment, after Jaeger's `adjuster/clockskew.go`.
 *
 * A child recorded by another service (another host, another clock) that sits outside its parent
 * is not evidence of anything but unsynchronised clocks, when:
 * - it starts before its parent (beyond `tolerance`): causality says it cannot, or
 * - it is the server side of a client parent (an RPC) and ends after the client (beyond
 *   `tolerance`): the server answered before the client got the answer.
 * A child that merely ends after a non-RPC parent is async work (messaging, fire-and-forget) and is
 * left alone.
 *
 * The fix shifts the child's whole subtree by one delta. If the child fits in the parent's
 * duration it is centred in it (network latency split equally between request and response);
 * otherwise it is only moved to start with the parent. Descendants in the same service inherit
 * the delta; a descendant in another service is judged again against its adjusted parent (its own
 * clock, so its delta replaces, not adds to, the inherited one).
 *
 * Services stand in for hosts: the columns carry no host, and one service per host is the common
 * case. Limits: producer/consumer pairs look like client/server in the flags, so a consumer that
 * fits inside its producer and ends after it is treated as skew too.
 */
export interface ClockSkewOptions {
  /** µs a child may stick out of its parent before it counts as skewed. Default 0. */
  readonly tolerance?: number;
}

export interface ClockSkewResult {
  /** Start per span after adjustment (µs from the trace start, same origin as `columns.start`). */
  readonly adjustedStart: Float64Array;
  /** Spans where a skew was detected and a new delta begins (subtree roots of the shift). */
  readonly adjusted: Int32Array;
  /** Delta (µs, added to the start) for each entry of `adjusted`. */
  readonly deltas: Float64Array;
  /** How many spans moved in total, descendants included. */
  readonly shiftedCount: number;
  /**
   * The adjusted trace's extent (µs, same origin as `columns.start`): the earliest adjusted start
   * and the latest adjusted end. Raw times span `[0, trace duration]`; adjusted ones may start
   * later (the early child moved in) or end elsewhere, and the axis must follow them.
   */
  readonly adjustedFirst: number;
  readonly adjustedLast: number;
}

export function adjustClockSkew(
  columns: TraceColumns,
  options: ClockSkewOptions = {},
): ClockSkewResult {
  const tolerance = options.tolerance ?? 0;
  const n = columns.spanCount;
  const { start, duration, parent, service, flags } = columns;
  const adjustedStart = new Float64Array(n);
  const delta = new Float64Array(n);
  const adjusted: number[] = [];
  const deltas: number[] = [];
  let shiftedCount = 0;
  let first = n > 0 ? Infinity : 0;
  let last = n > 0 ? -Infinity : 0;

  // Pre-order guarantees the parent is adjusted before its children: one forward pass.
  for (let i = 0; i < n; i++) {
    const p = parent[i] ?? -1;
    const own = start[i] ?? 0;
    let d = 0;
    if (p >= 0) {
      if (service[i] !== service[p]) {
        d = skewOf(
          own,
          duration[i] ?? 0,
          adjustedStart[p] ?? 0,
          duration[p] ?? 0,
          flags[i] ?? 0,
          flags[p] ?? 0,
          tolerance,
        );
        if (d !== 0) {
          adjusted.push(i);
          deltas.push(d);
        }
      } else {
        d = delta[p] ?? 0;
      }
    }
    delta[i] = d;
    adjustedStart[i] = own + d;
    if (d !== 0) shiftedCount++;
    first = Math.min(first, own + d);
    last = Math.max(last, own + d + (duration[i] ?? 0));
  }
  return {
    adjustedStart,
    adjusted: Int32Array.from(adjusted),
    deltas: Float64Array.from(deltas),
    shiftedCount,
    adjustedFirst: first,
    adjustedLast: last,
  };
}

/** Delta to add to a child's start, or 0 when the child is not considered skewed. */
export function skewOf(
  childStart: number,
  childDuration: number,
  parentStart: number,
  parentDuration: number,
  childFlags: number,
  parentFlags: number,
  tolerance: number,
): number {
  const childEnd = childStart + childDuration;
  const parentEnd = parentStart + parentDuration;
  const startsEarly = childStart < parentStart - tolerance;
  const isRpc =
    (childFlags & SpanFlag.KindServer) !== 0 && (parentFlags & SpanFlag.KindClient) !== 0;
  const endsLate = isRpc && childEnd > parentEnd + tolerance;
  if (!startsEarly && !endsLate) return 0;
  if (childDuration > parentDuration) {
    // Cannot centre a longer child; at least make it start with its parent.
    return startsEarly ? parentStart - childStart : 0;
  }
  const latency = (parentDuration - childDuration) / 2;
  return parentStart + latency - childStart;
}

/** True when the span's own start moved, for rendering a marker; O(1) per call. */
export const wasShifted = (
  result: ClockSkewResult,
  columns: TraceColumns,
  index: number,
): boolean => (result.adjustedStart[index] ?? 0) !== (columns.start[index] ?? 0);
