import type { TraceColumns } from '../trace';

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
 * Cost: each span on the path sorts its children once (O(c log c)); everything else is O(n) typed
 * array work. No recursion: a 10,000-deep chain uses an explicit stack.
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
  readonly to: number;
  cursor: number;
  /** Eligible children, sorted by clipped end ascending; consumed from the back. */
  readonly children: Int32Array;
  readonly childFrom: Float64Array;
  readonly childTo: Float64Array;
  next: number;
}

export function computeCriticalPath(
  columns: TraceColumns,
  serviceCount: number,
  options: CriticalPathOptions = {},
): CriticalPath {
  const n = columns.spanCount;
  const start = options.start ?? columns.start;
  const { duration, parent, subtreeEnd } = columns;
  const isAsync = options.async;
  const perSpan = new Float64Array(n);
  const perService = new Float64Array(serviceCount);
  let out: number[] = [];
  const result: number[] = [];
  let total = 0;

  const frameFor = (span: number, from: number, to: number): Frame => {
    const ids: number[] = [];
    const froms: number[] = [];
    const tos: number[] = [];
    const end = subtreeEnd[span] ?? span + 1;
    for (let c = span + 1; c < end; c = subtreeEnd[c] ?? end) {
      if (isAsync && isAsync[c] === 1) continue;
      const cs = Math.max(start[c] ?? 0, from);
      const ce = Math.min((start[c] ?? 0) + (duration[c] ?? 0), to);
      if (ce < cs) continue;
      ids.push(c);
      froms.push(cs);
      tos.push(ce);
    }
    const order = ids.map((_, k) => k).sort((a, b) => (tos[a] ?? 0) - (tos[b] ?? 0) || a - b);
    const children = new Int32Array(order.length);
    const childFrom = new Float64Array(order.length);
    const childTo = new Float64Array(order.length);
    order.forEach((k, at) => {
      children[at] = ids[k] ?? 0;
      childFrom[at] = froms[k] ?? 0;
      childTo[at] = tos[k] ?? 0;
    });
    return { span, from, to, cursor: to, children, childFrom, childTo, next: order.length - 1 };
  };

  const emit = (span: number, from: number, to: number): void => {
    if (!(to > from)) return;
    // Collected newest-first while walking back; reversed per root below.
    out.push(to, from, span);
    perSpan[span] = (perSpan[span] ?? 0) + (to - from);
    const service = columns.service[span] ?? -1;
    if (service >= 0 && service < serviceCount) perService[service] = (perService[service] ?? 0) + (to - from);
    total += to - from;
  };

  for (let root = 0; root < n; root = subtreeEnd[root] ?? n) {
    if ((parent[root] ?? -1) !== -1) continue; // Defensive: roots are the top-level ranges.
    const rootStart = start[root] ?? 0;
    const stack: Frame[] = [frameFor(root, rootStart, rootStart + (duration[root] ?? 0))];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      while (frame.next >= 0 && (frame.childTo[frame.next] ?? 0) > frame.cursor) frame.next--;
      if (frame.next >= 0) {
        const child = frame.children[frame.next] ?? 0;
        const cs = frame.childFrom[frame.next] ?? 0;
        const ce = frame.childTo[frame.next] ?? 0;
        frame.next--;
        emit(frame.span, ce, frame.cursor);
        frame.cursor = cs; // Resumes here once the child's own path is done.
        stack.push(frameFor(child, cs, ce));
        continue;
      }
      emit(frame.span, frame.from, frame.cursor);
      stack.pop();
    }
    for (let k = out.length - 3; k >= 0; k -= 3) result.push(out[k + 2] ?? 0, out[k + 1] ?? 0, out[k] ?? 0);
    out = [];
  }
  return { segments: Float64Array.from(result), perSpan, perService, total };
}

/** Share of the critical path per service, largest first, for the header. */
export function criticalShareByService(
  path: CriticalPath,
  services: readonly string[],
): { readonly service: string; readonly micros: number; readonly share: number }[] {
  const rows: { service: string; micros: number; share: number }[] = [];
  path.perService.forEach((value, index) => {
    if (value > 0) rows.push({ service: services[index] ?? `#${index}`, micros: value, share: path.total > 0 ? value / path.total : 0 });
  });
  return rows.sort((a, b) => b.micros - a.micros || a.service.localeCompare(b.service));
}
