import type { Micros } from './units';

/**
 * The normalized, columnar trace: the one shape every input format (Jaeger v1 JSON, OTLP JSON,
 * Zipkin v2) becomes, and the shape the waterfall draws.
 *
 * Invariants (established by the tree builder, relied on everywhere else):
 * - Spans are stored in depth-first pre-order of the span forest; siblings are ordered by start
 *   time (ties: by span id), roots likewise. Row `i` of the fully expanded waterfall is span `i`.
 * - `subtreeEnd[i]` is one past the last descendant of `i`, so the subtree of `i` is the index range
 *   `[i, subtreeEnd[i])` and its first child (if any) is `i + 1`. Visible rows for any collapse state
 *   therefore come from one forward pass that jumps `i = subtreeEnd[i]` over collapsed spans.
 * - `parent[i]` is the index of the parent in this tree, or -1 for a root. A span whose declared
 *   parent is missing (orphan), or whose parent link would close a cycle, becomes a root and is
 *   flagged; nothing is dropped.
 * - Every span appears exactly once. Duplicated span ids are kept as separate spans and flagged.
 * - All times are µs offsets from `startTime` (the earliest span start), as float64.
 */
export interface TraceColumns {
  readonly spanCount: number;
  /** µs from the trace start. */
  readonly start: Float64Array;
  /** µs; never negative (a negative input duration becomes 0 and is flagged). */
  readonly duration: Float64Array;
  /** µs of this span not covered by any of its children (children clipped to the span). */
  readonly selfTime: Float64Array;
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly subtreeEnd: Int32Array;
  /** Index into `services`. */
  readonly service: Int32Array;
  /** Index into `operations`. */
  readonly operation: Int32Array;
  /** Bit set of {@link SpanFlag}. */
  readonly flags: Uint16Array;
}

export const SpanFlag = {
  Error: 1 << 0,
  /** Declared parent not present in the trace: shown as a root. */
  Orphan: 1 << 1,
  /** Its parent link closed a cycle (or pointed at itself); the link was cut here. */
  CycleCut: 1 << 2,
  /** Shares its span id with another span of this trace. */
  DuplicateId: 1 << 3,
  /** Ends after its parent ends (async work, or skew). */
  OutlivesParent: 1 << 4,
  /** Starts before its parent starts. */
  StartsBeforeParent: 1 << 5,
  /** Start or duration was missing, zero-time or negative in the input, or the start far ahead. */
  BadTiming: 1 << 6,
  /** Its position was shifted by clock-skew adjustment. */
  SkewAdjusted: 1 << 7,
  /** Has at least one FOLLOWS_FROM reference or OTLP link. */
  HasLinks: 1 << 8,
  /** Span kind server/consumer: the receiving side of a call. */
  KindServer: 1 << 9,
  /** Span kind client/producer: the calling side. */
  KindClient: 1 << 10,
} as const;
export type SpanFlagBit = (typeof SpanFlag)[keyof typeof SpanFlag];

export type FindingKind =
  | 'orphans'
  | 'cycles'
  | 'duplicate-ids'
  | 'clock-skew'
  | 'multiple-roots'
  | 'bad-timing'
  | 'no-spans';

/** Something odd about the input, shown to the user with what Cairn did about it. */
export interface Finding {
  readonly kind: FindingKind;
  readonly count: number;
  /** One line: what it means and what Cairn did. */
  readonly message: string;
  /** Up to a few span indexes to jump to. */
  readonly examples: readonly number[];
}

export interface TraceSummaryInfo {
  readonly traceId: string;
  /** Root span's service and operation, e.g. "frontend: HTTP GET /dispatch". */
  readonly name: string;
  /** Absolute start, µs since the Unix epoch (fits a float64 exactly until year 2255). */
  readonly startTime: Micros;
  readonly duration: Micros;
  readonly spanCount: number;
  readonly errorCount: number;
  readonly maxDepth: number;
  readonly rootCount: number;
  /** Where the data came from, e.g. 'jaeger-v1', 'otlp', 'zipkin-v2'. */
  readonly format: string;
}

export interface Trace extends TraceSummaryInfo {
  readonly columns: TraceColumns;
  readonly services: readonly string[];
  readonly operations: readonly string[];
  readonly findings: readonly Finding[];
  /** Trace-level warnings from the input (e.g. Jaeger's `warnings`). */
  readonly warnings: readonly string[];
}

export const hasFlag = (flags: number, bit: SpanFlagBit): boolean => (flags & bit) !== 0;
