/**
 * The deep dependency graph's load: a document of many traces (a search's full traces) parsed
 * in the worker and answered with only what paths need, packed. Kept apart from messages.ts
 * (which only lists them in its unions), as the diff and export protocols are.
 */
import type { LoadTimings } from './load-timings';

/** Loads `url` and answers `trace-paths`; the worker keeps nothing of it (no handle). */
export interface LoadPathsRequest {
  readonly type: 'load-paths';
  readonly id: number;
  readonly url: string;
  readonly timeoutMs: number;
}

/**
 * Every trace of the document, packed: trace `i` owns spans `offset[i] .. offset[i+1]` of the
 * four columns (span indexes inside them are the trace's own, 0-based; `service` and
 * `operation` index the shared tables). The five buffers are transferred: a few buffers, not
 * ten per trace (1,500 traces as `loaded` are 15,000 transferred buffers and 1,500 objects to
 * rebuild on the main thread, a 100–230 ms task there).
 */
export interface TracePaths {
  readonly traceIds: readonly string[];
  /** Length traces + 1. */
  readonly offset: Int32Array;
  readonly parent: Int32Array;
  readonly subtreeEnd: Int32Array;
  readonly service: Int32Array;
  readonly operation: Int32Array;
  readonly services: readonly string[];
  readonly operations: readonly string[];
}

export interface TracePathsResponse {
  readonly type: 'trace-paths';
  readonly id: number;
  readonly paths: TracePaths;
  /** Problems the parser reported next to the traces it could read. */
  readonly errors: readonly string[];
  readonly timings?: LoadTimings;
}
