/**
 * The worker's side of `diff`: the alignment, merged rows and totals of two loaded traces, then
 * the structural graph, run in slices (run-sliced.ts) so a span detail or a find asked meanwhile
 * is answered within a slice. The rows and totals are posted as soon as they are done
 * (`diff-core`) and the graph after them (`diff`): the table shows without waiting for the graph.
 *
 * The traces may live in this worker or in its peer (the compare page loads its traces in two
 * workers side by side): `sources` gives this worker's own columns, or a copy of the peer's.
 */
import { cohortMedian } from '../model/diff/cohort-median';
import { buildDiffGraph } from '../model/diff/diff-graph';
import type { DiffInput } from '../model/diff/span-names';
import { copyRows, coreBuffers, diffCoreSteps, graphBuffers } from '../model/diff/trace-diff';
import type { DiffRequest } from './diff-messages';
import type { WorkerResponse } from './messages';
import { Abandoned, runSliced } from './run-sliced';

export interface DiffSources {
  /** The columns and names of trace `handle`, or undefined when no worker holds it. */
  input(handle: number): DiffInput | undefined | Promise<DiffInput | undefined>;
  /** False once `input` stopped being the loaded trace of `handle` (released meanwhile). */
  isCurrent(handle: number, input: DiffInput): boolean;
}

/** The two sides' inputs: one trace each, or one trace and the median of several on its tree. */
async function sides(
  sideA: readonly DiffInput[],
  sideB: readonly DiffInput[],
  isWanted: () => boolean,
): Promise<[DiffInput, DiffInput]> {
  const [a] = sideA;
  const [b] = sideB;
  if (a && b && sideA.length === 1 && sideB.length === 1) return [a, b];
  if (a && sideA.length === 1) return [a, await runSliced(cohortMedian(a, sideB), isWanted)];
  if (b && sideB.length === 1) return [await runSliced(cohortMedian(b, sideA), isWanted), b];
  throw new Error('A comparison needs one trace on at least one side');
}

export async function answerDiff(
  request: DiffRequest,
  sources: DiffSources,
  /** True once the request was cancelled or superseded: the diff stops at its next pause. */
  isCancelled: () => boolean,
  post: (message: WorkerResponse, transfer?: Transferable[]) => void,
): Promise<void> {
  const { id } = request;
  try {
    const { handlesA, handlesB } = request;
    const handles = [...handlesA, ...handlesB];
    const inputs = await Promise.all(handles.map((handle) => sources.input(handle)));
    const present = inputs.filter((p): p is DiffInput => p !== undefined);
    if (present.length !== inputs.length || handlesA.length === 0 || handlesB.length === 0) {
      post({
        type: 'error',
        id,
        error: { kind: 'not-found', message: 'A compared trace is no longer loaded in the worker' },
      });
      return;
    }
    const sideA = present.slice(0, handlesA.length);
    const sideB = present.slice(handlesA.length);
    const isWanted = () =>
      !isCancelled() && present.every((input, k) => sources.isCurrent(handles[k] ?? -1, input));
    const [a, b] = await sides(sideA, sideB, isWanted);
    const core = await runSliced(diffCoreSteps(a, b), isWanted);
    const posted = { ...core, rows: copyRows(core.rows) };
    post({ type: 'diff-core', id, core: posted }, coreBuffers(posted));
    const graph = await runSliced(buildDiffGraph(core.rows), isWanted);
    post({ type: 'diff', id, graph }, graphBuffers(graph));
  } catch (error) {
    if (error instanceof Abandoned && isCancelled()) {
      post({ type: 'error', id, error: { kind: 'aborted', message: 'Cancelled' } });
      return;
    }
    const message =
      error instanceof Abandoned
        ? 'A compared trace was released during the comparison'
        : error instanceof Error
          ? error.message
          : String(error);
    post({
      type: 'error',
      id,
      error: { kind: error instanceof Abandoned ? 'not-found' : 'parse', message },
    });
  }
}
