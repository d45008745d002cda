/**
 * The main thread's view of a parsed trace: summary, string tables and the columns, ready to
 * post with their buffers transferred.
 *
 * The worker keeps its own columns: `detail()` and `find` read them after the hand-over, and a
 * transferred buffer is detached on this side. So each column is copied once here (a memcpy in the
 * worker, ~50 bytes a span) and the copy is transferred; postMessage itself copies nothing.
 */
import type { TraceColumns, Trace } from '../model/trace';
import type { LoadedTrace } from './messages';

export function copyColumns(columns: TraceColumns): TraceColumns {
  // slice() also trims any spare capacity a growing parser left at the end of a buffer.
  const n = columns.spanCount;
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
): { trace: LoadedTrace; transfer: ArrayBuffer[] } {
  const columns = copyColumns(trace.columns);
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
