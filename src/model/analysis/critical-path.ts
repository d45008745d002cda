import type { TraceColumns } from '../trace';
import { sortByKeySteps } from './sort-order';
import { runToEnd } from './run-to-end';

/**
 * The critical path: the chain of work that decided when the trace finished. Walking back from the
 * end of a span, the next segment belongs to the last-finishing child that ended at or before the
 * current cursor; when no child is left, the span itself owns the time back to its start, and the
 * parent resumes with the cursor at that child's start (Jaeger UI's algorithm, made iterative).
 *
 * - Children are clipped to their parent's (clipped) interval first: a child that outlives its
 *   parent only counts for the part inside it; one entirely outside is ignored.
 * - Children marked in `options.async` (e.g. FOLLOWS_FROM, fire-and-forget) are not awaited by
 *   their parent, so neither they nor their subtrees can be on the path.
 * - Each root is walked separately; with several roots their paths are all reported.
 *
 * Cost: a span on the path scans its children for its first few picks, then radix-sorts them
 * once (O(c)); everything else is O(n) typed array work. No recursion: a 10,000-deep chain uses
 * an explicit stack, which also lets {@link criticalPathSteps} stop and resume the walk anywhere.
 */
export interface CriticalPathOptions {
  /** Start column to use instead of `columns.start`, e.g. the clock-skew-adjusted one. */
  readonly start?: Float64Array;
  /** 1 for spans their parent does not wait for. */
  readonly async?: Uint8Array;
}

export interface CriticalPath {
  /** Triples `[spanIndex, start, end]` (µs from the trace start), ascending in time per root. */
  readonly segments: Float64Array;
  /** µs of span `i` on the critical path. */
  readonly perSpan: Float64Array;
  /** µs on the critical path per service index. */
  readonly perService: Float64Array;
  /** Sum of all segments. */
  readonly total: number;
}

interface Frame {
  readonly span: number;
  readonly from: number;
  cursor: number;
  /** Eligible children with their clipped intervals; a used entry gets `childTo = -Infinity`. */
  readonly children: Int32Array;
  readonly childFrom: Float64Array;
  readonly childTo: Float64Array;
  picks: number;
  /** Built after {@link LINEAR_PICKS} picks: positions by clipped end, ascending. */
  order: Int32Array | null;
  /** Next candidate in `order`, consumed from the back. */
  next: number;
}

/**
 * Picks before a frame sorts its children: most spans on the path have few picks, so a linear
 * scan is cheapest; a long serial run falls back to one O(c log c) sort and a backward walk.
 */
const LINEAR_PICKS = 8;

/**
 * Work units (children scanned, frames visited) between two yields of {@link criticalPathSteps}:
 * ~1 ms at 1M spans, so a caller can check its clock there without the checks costing anything.
 */
const WORK_PER_YIELD = 1 << 15;

export function computeCriticalPath(
  columns: TraceColumns,
  serviceCount: number,
  options: CriticalPathOptions = {},
): CriticalPath {
  return runToEnd(criticalPathSteps(columns, serviceCount, options));
}

/**
 * {@link computeCriticalPath} as a generator that yields every {@link WORK_PER_YIELD} units of
 * work, so the worker can answer queued requests in the middle of a 1M-child fan-out (~0.45 s in
 * one piece before). The walk's state lives in its explicit stack, so results are identical.
 */
export function* criticalPathSteps(
  columns: TraceColumns,
  serviceCount: number,
  options: CriticalPathOptions = {},
): Generator<undefined, CriticalPath, void> {
  const n = columns.spanCount;
  const start = options.start ?? columns.start;
  const { duration, parent, subtreeEnd } = columns;
  const isAsync = options.async;
  const perSpan = new Float64Array(n);
  const perService = new Float64Array(serviceCount);
  let out: number[] = [];
  const parts: Float64Array[] = [];
  let total = 0;

  const frameFor = (span: number, from: number, to: number): Frame => {
    const end = subtreeEnd[span] ?? span + 1;
    let count = 0;
    for (let c = span + 1; c < end; c = subtreeEnd[c] ?? end) count++;
    const children = new Int32Array(count);
    const childFrom = new Float64Array(count);
    const childTo = new Float64Array(count);
    let k = 0;
    for (let c = span + 1; c < end; c = subtreeEnd[c] ?? end) {
      if (isAsync && isAsync[c] === 1) continue;
      const cs = Math.max(start[c] ?? 0, from);
      const ce = Math.min((start[c] ?? 0) + (duration[c] ?? 0), to);
      if (ce < cs) continue;
      children[k] = c;
      childFrom[k] = cs;
      childTo[k] = ce;
      k++;
    }
    return {
      span,
      from,
      cursor: to,
      children: children.subarray(0, k),
      childFrom: childFrom.subarray(0, k),
      childTo: childTo.subarray(0, k),
      picks: 0,
      order: null,
      next: -1,
    };
  };

  /**
   * Position of the last-finishing unused child ending at or before the cursor, or -1. Past
   * {@link LINEAR_PICKS} picks the caller has set `frame.order`: positions by clipped end, ties
   * by position, used entries (-Infinity) first.
   */
  const pick = (frame: Frame): number => {
    const { childTo } = frame;
    if (!frame.order && frame.picks < LINEAR_PICKS) {
      frame.picks++;
      let best = -1;
      for (let k = 0; k < childTo.length; k++) {
        const to = childTo[k] ?? -Infinity;
        if (to <= frame.cursor && to !== -Infinity && (best < 0 || to >= (childTo[best] ?? 0)))
          best = k;
      }
      return best;
    }
    const order = frame.order;
    if (!order) return -1;
    // What ends after the cursor is never eligible again (the cursor only moves back); used
    // entries (-Infinity) sorted to the front, so reaching one means nothing is left.
    while (frame.next >= 0 && (childTo[order[frame.next] ?? 0] ?? 0) > frame.cursor) frame.next--;
    if (frame.next < 0) return -1;
    const at = order[frame.next] ?? 0;
    if (childTo[at] === -Infinity) {
      frame.next = -1;
      return -1;
    }
    frame.next--;
    return at;
  };

  const emit = (span: number, from: number, to: number): void => {
    if (!(to > from)) return;
    // Collected newest-first while walking back; reversed per root below.
    out.push(to, from, span);
    perSpan[span] = (perSpan[span] ?? 0) + (to - from);
    const service = columns.service[span] ?? -1;
    if (service >= 0 && service < serviceCount)
      perService[service] = (perService[service] ?? 0) + (to - from);
    total += to - from;
  };

  for (let root = 0; root < n; root = subtreeEnd[root] ?? n) {
    if ((parent[root] ?? -1) !== -1) continue; // Defensive: roots are the top-level ranges.
    const rootStart = start[root] ?? 0;
    const stack: Frame[] = [frameFor(root, rootStart, rootStart + (duration[root] ?? 0))];
    let work = 0;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      // A linear pick or the one sort scans every child; later picks are O(1) amortized.
      work += frame.order ? 1 : frame.children.length + 1;
      if (work >= WORK_PER_YIELD) {
        work = 0;
        yield;
      }
      if (!frame.order && frame.picks >= LINEAR_PICKS) {
        // A stable radix argsort (no comparator callbacks), resumable between its passes.
        frame.order = yield* sortByKeySteps(frame.childTo);
        frame.next = frame.childTo.length - 1;
      }
      const at = pick(frame);
      if (at >= 0) {
        const child = frame.children[at] ?? 0;
        const cs = frame.childFrom[at] ?? 0;
        const ce = frame.childTo[at] ?? 0;
        frame.childTo[at] = -Infinity;
        emit(frame.span, ce, frame.cursor);
        frame.cursor = cs; // Resumes here once the child's own path is done.
        // A leaf's path is itself: no frame (most spans are leaves, and a 1M-child fan-out
        // whose children are all on the path spent most of its time building empty frames).
        if ((subtreeEnd[child] ?? child + 1) === child + 1) emit(child, cs, ce);
        else stack.push(frameFor(child, cs, ce));
        continue;
      }
      emit(frame.span, frame.from, frame.cursor);
      stack.pop();
    }
    const part = new Float64Array(out.length);
    for (let k = out.length - 3, j = 0; k >= 0; k -= 3, j += 3) {
      part[j] = out[k + 2] ?? 0;
      part[j + 1] = out[k + 1] ?? 0;
      part[j + 2] = out[k] ?? 0;
      if (j % WORK_PER_YIELD === 0) yield;
    }
    parts.push(part);
    out = [];
  }
  return { segments: concat(parts), perSpan, perService, total };
}

function concat(parts: readonly Float64Array[]): Float64Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const all = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** Share of the critical path per service, largest first, for the header. */
export function criticalShareByService(
  path: CriticalPath,
  services: readonly string[],
): { readonly service: string; readonly micros: number; readonly share: number }[] {
  const rows: { service: string; micros: number; share: number }[] = [];
  path.perService.forEach((value, index) => {
    if (value > 0)
      rows.push({
        service: services[index] ?? `#${index}`,
        micros: value,
        share: path.total > 0 ? value / path.total : 0,
      });
  });
  return rows.sort((a, b) => b.micros - a.micros || a.service.localeCompare(b.service));
}
