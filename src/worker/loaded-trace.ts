/**
 * The main thread's view of a parsed trace: summary, string tables and the columns, ready to
 * post with their buffers transferred.
 *
 * The worker keeps its own columns: `detail()` and `find` read them after the hand-over, and a
 * transferred buffer is detached on this side. So each column is copied once here (a memcpy in the
 * worker, 46 bytes a span) and the copy is transferred; postMessage itself copies nothing.
 */
import type { TraceColumns, Trace } from '../model/trace';
import type { LoadedTrace } from './messages';

/** Bytes of one span's columns: three Float64, five Int32 and one Uint16. */
export const COLUMN_BYTES_PER_SPAN = 3 * 8 + 5 * 4 + 2;

/**
 * A copy of the columns: in `into` when it holds them (memory a helper mapped in ahead, see
 * warm-memory.ts; the columns then share its one buffer, widest first for alignment), else in
 * fresh arrays.
 */
export function copyColumns(columns: TraceColumns, into: ArrayBuffer | null = null): TraceColumns {
  const n = columns.spanCount;
  if (into !== null && into.byteLength >= n * COLUMN_BYTES_PER_SPAN) {
    let at = 0;
    const view = <T extends { set(from: ArrayLike<number>): void }>(
      make: new (buffer: ArrayBuffer, offset: number, length: number) => T,
      bytes: number,
      from: ArrayLike<number> & { subarray(start: number, end: number): ArrayLike<number> },
    ): T => {
      const copy = new make(into, at, n);
      copy.set(from.subarray(0, n));
      at += n * bytes;
      return copy;
    };
    return {
      spanCount: n,
      start: view(Float64Array, 8, columns.start),
      duration: view(Float64Array, 8, columns.duration),
      selfTime: view(Float64Array, 8, columns.selfTime),
      parent: view(Int32Array, 4, columns.parent),
      depth: view(Int32Array, 4, columns.depth),
      subtreeEnd: view(Int32Array, 4, columns.subtreeEnd),
      service: view(Int32Array, 4, columns.service),
      operation: view(Int32Array, 4, columns.operation),
      flags: view(Uint16Array, 2, columns.flags),
    };
  }
  // slice() also trims any spare capacity a growing parser left at the end of a buffer.
  return {
    spanCount: n,
    start: columns.start.slice(0, n),
    duration: columns.duration.slice(0, n),
    selfTime: columns.selfTime.slice(0, n),
    parent: columns.parent.slice(0, n),
    depth: columns.depth.slice(0, n),
    subtreeEnd: columns.subtreeEnd.slice(0, n),
    service: columns.service.slice(0, n),
    operation: columns.operation.slice(0, n),
    flags: columns.flags.slice(0, n),
  };
}

export function columnBuffers(columns: TraceColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of [
    columns.start,
    columns.duration,
    columns.selfTime,
    columns.parent,
    columns.depth,
    columns.subtreeEnd,
    columns.service,
    columns.operation,
    columns.flags,
  ]) {
    // Typed arrays made by slice() own plain ArrayBuffers; a SharedArrayBuffer is never made here.
    if (column.buffer instanceof ArrayBuffer) buffers.add(column.buffer);
  }
  return [...buffers];
}

export function toLoadedTrace(
  handle: number,
  trace: Trace,
  into: ArrayBuffer | null = null,
): { trace: LoadedTrace; transfer: ArrayBuffer[] } {
  const columns = copyColumns(trace.columns, into);
  return {
    trace: {
      handle,
      traceId: trace.traceId,
      name: trace.name,
      startTime: trace.startTime,
      duration: trace.duration,
      spanCount: trace.spanCount,
      errorCount: trace.errorCount,
      maxDepth: trace.maxDepth,
      rootCount: trace.rootCount,
      format: trace.format,
      columns,
      services: trace.services,
      operations: trace.operations,
      findings: trace.findings,
      warnings: trace.warnings,
    },
    transfer: columnBuffers(columns),
  };
}
