import type { Trace, TraceColumns } from '../trace';
import { SpanFlag } from '../trace';
import { micros } from '../units';
import { idKey, normalizeId } from '../ids';
import type { SpanRecord } from './span-record';
import { TraceAccumulator } from './trace-accumulator';
import { linkParents } from './link-parents';
import { cutCycles } from './cut-cycles';
import { computeTreeOrder } from './tree-order';
import { computeSelfTime } from './self-time';
import { describeFindings } from './findings';

/** A finished trace plus what the document needs to answer detail and id lookups later. */
export interface BuiltTrace {
  readonly trace: Trace;
  /** Tree position → the detail source handle the adapter gave for that span. */
  readonly sourceOf: Int32Array;
  /** Tree position children with this parent id attach to (the first span with the id), or -1. */
  indexOfSpanId(spanId: string): number;
}

/** A day in µs: hosts whose clocks run ahead by minutes or hours still show where they recorded. */
const FUTURE_SLACK_US = 24 * 60 * 60 * 1e6;

/**
 * The latest start (µs since the epoch) taken as recorded. Later ones are a broken clock or
 * encoding (a span dated 9999 stretched the axis over 8,000 years): treated as missing.
 */
const latestStart = (): number => Date.now() * 1000 + FUTURE_SLACK_US;

const validStart = (value: number, latest: number): boolean =>
  Number.isFinite(value) && value > 0 && value <= latest;

/**
 * The sink every format adapter feeds: spans arrive one at a time, in any order, possibly of
 * several traces; `finish` groups them by trace id (first seen first) and builds each columnar,
 * tree-ordered Trace. Nothing is dropped: every odd span is kept, flagged and counted in findings.
 */
export class TraceBuilder {
  private readonly traces = new Map<string, TraceAccumulator>();
  spanCount = 0;

  add(record: SpanRecord): void {
    this.accumulator(record.traceId).add(record);
    this.spanCount++;
  }

  /** Makes sure a trace exists even if it turns out to have no spans (reported, not hidden). */
  declareTrace(traceId: string): void {
    this.accumulator(traceId);
  }

  addWarning(traceId: string, message: string): void {
    this.accumulator(traceId).warnings.push(message);
  }

  renameServices(rename: (name: string) => string): void {
    for (const acc of this.traces.values()) acc.renameServices(rename);
  }

  finish(format: string): BuiltTrace[] {
    return [...this.traces.values()].map((acc) => buildTrace(acc, format));
  }

  private accumulator(traceId: string): TraceAccumulator {
    const key = idKey(traceId);
    let acc = this.traces.get(key);
    if (acc === undefined) {
      acc = new TraceAccumulator(traceId);
      this.traces.set(key, acc);
    }
    return acc;
  }
}

function buildTrace(acc: TraceAccumulator, format: string): BuiltTrace {
  const n = acc.count;
  // The accumulator's own flags and durations are corrected in place (the build is its last
  // use): two fewer arrays of n, whose fresh pages cost ~11 µs each to fault in here.
  const inFlags = acc.flags.subarray(0, n);
  const links = linkParents(acc, inFlags);
  const rawStart = acc.start.subarray(0, n);
  const start = new Float64Array(n);
  const duration = acc.duration.subarray(0, n);

  const latest = latestStart();
  let traceStart = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++)
    if (validStart(rawStart[i] ?? 0, latest)) traceStart = Math.min(traceStart, rawStart[i] ?? 0);
  if (!Number.isFinite(traceStart)) traceStart = 0;
  for (let i = 0; i < n; i++) {
    const s = rawStart[i] ?? Number.NaN;
    const d = duration[i] ?? Number.NaN;
    let bad = false;
    if (validStart(s, latest)) start[i] = s;
    else {
      // Drawn at the declared parent's start when that is known, else at the trace start.
      const p = links.parent[i] ?? -1;
      const parentStart = p === -1 ? Number.NaN : (rawStart[p] ?? Number.NaN);
      start[i] = validStart(parentStart, latest) ? parentStart : traceStart;
      bad = true;
    }
    if (!Number.isFinite(d) || d < 0) {
      duration[i] = 0;
      bad = true;
    }
    if (bad) inFlags[i] = (inFlags[i] ?? 0) | SpanFlag.BadTiming;
  }

  cutCycles(links.parent, start, inFlags);
  const tree = computeTreeOrder(links.parent, start, acc.ids);
  const { order, positionOf } = tree;

  const columns = {
    spanCount: n,
    start: new Float64Array(n),
    duration: new Float64Array(n),
    selfTime: new Float64Array(0),
    parent: new Int32Array(n),
    depth: tree.depth,
    subtreeEnd: tree.subtreeEnd,
    service: new Int32Array(n),
    operation: new Int32Array(n),
    flags: new Uint16Array(n),
  };
  const sourceOf = new Int32Array(n);
  let end = traceStart;
  for (let pos = 0; pos < n; pos++) {
    const i = order[pos] ?? 0;
    const p = links.parent[i] ?? -1;
    columns.start[pos] = (start[i] ?? 0) - traceStart;
    columns.duration[pos] = duration[i] ?? 0;
    columns.parent[pos] = p === -1 ? -1 : (positionOf[p] ?? -1);
    columns.service[pos] = acc.service[i] ?? 0;
    columns.operation[pos] = acc.operation[i] ?? 0;
    columns.flags[pos] = inFlags[i] ?? 0;
    sourceOf[pos] = acc.source[i] ?? -1;
    end = Math.max(end, (start[i] ?? 0) + (duration[i] ?? 0));
  }
  const selfTime = computeSelfTime(columns.start, columns.duration, columns.subtreeEnd);
  const finalColumns: TraceColumns = { ...columns, selfTime };

  let errorCount = 0;
  let maxDepth = 0;
  let rootCount = 0;
  let orphans = 0;
  let cycles = 0;
  let badTiming = 0;
  const { flags, parent } = columns;
  for (let pos = 0; pos < n; pos++) {
    let f = flags[pos] ?? 0;
    const p = parent[pos] ?? -1;
    if (p === -1) rootCount++;
    else if ((f & SpanFlag.BadTiming) === 0) {
      const s = columns.start[pos] ?? 0;
      const ps = columns.start[p] ?? 0;
      if (s < ps) f |= SpanFlag.StartsBeforeParent;
      if (s + (columns.duration[pos] ?? 0) > ps + (columns.duration[p] ?? 0))
        f |= SpanFlag.OutlivesParent;
      flags[pos] = f;
    }
    if (f & SpanFlag.Error) errorCount++;
    if (f & SpanFlag.Orphan) orphans++;
    if (f & SpanFlag.CycleCut) cycles++;
    if (f & SpanFlag.BadTiming) badTiming++;
    maxDepth = Math.max(maxDepth, columns.depth[pos] ?? 0);
  }
  const findings = describeFindings(
    { orphans, cycles, duplicateExtras: links.duplicateExtras, rootCount, badTiming, spanCount: n },
    flags,
    parent,
  );
  const rootService = n > 0 ? (acc.services[columns.service[0] ?? 0] ?? '') : '';
  const rootOperation = n > 0 ? (acc.operations[columns.operation[0] ?? 0] ?? '') : '';
  const trace: Trace = {
    traceId: acc.traceId,
    name: rootService || rootOperation ? `${rootService}: ${rootOperation}` : '',
    startTime: micros(traceStart),
    duration: micros(end - traceStart),
    spanCount: n,
    errorCount,
    maxDepth,
    rootCount,
    format,
    columns: finalColumns,
    services: acc.services,
    operations: acc.operations,
    findings,
    warnings: acc.warnings,
  };
  return {
    trace,
    sourceOf,
    indexOfSpanId(spanId: string): number {
      const key = acc.keyOf(normalizeId(spanId));
      const i = key === null ? -1 : links.byId.find(key, 0);
      return i === -1 ? -1 : (positionOf[i] ?? -1);
    },
  };
}
