/**
 * The comparison's request and replies, kept apart from messages.ts (which only lists them in its
 * unions) so changes to the diff protocol do not touch the shared file.
 */
import type { DiffGraph } from '../model/diff/diff-graph';
import type { DiffCore } from '../model/diff/trace-diff';

/**
 * Aligns side A with side B. A side is one trace, or several: their median per aligned span,
 * built on the tree of the other side's one trace (a cohort baseline). At most one side has
 * several.
 */
export interface DiffRequest {
  readonly type: 'diff';
  readonly id: number;
  readonly handlesA: readonly number[];
  readonly handlesB: readonly number[];
}

/**
 * The first answer to a diff: the rows and totals the table draws, posted before the graph is
 * built so the rows show sooner. Every typed array is transferred.
 */
export interface DiffCoreResponse {
  readonly type: 'diff-core';
  readonly id: number;
  readonly core: DiffCore;
}

/** The last answer: the structural diff graph of the core's rows; transferred. */
export interface DiffResponse {
  readonly type: 'diff';
  readonly id: number;
  readonly graph: DiffGraph;
}
