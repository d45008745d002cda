/**
 * The worker's side of `diff`: the alignment, merged rows and totals of two loaded traces, run in
 * slices (run-sliced.ts) so a span detail or a find asked meanwhile is answered within a slice.
 * Two 100k-span traces take a few hundred ms; on the main thread that was a long freeze.
 */
import { cohortMedian } from '../model/diff/cohort-median';
import { diffBuffers, diffSteps } from '../model/diff/trace-diff';
import type { ParsedTrace } from '../model/parse-document';
import type { DiffRequest } from './diff-messages';
import type { WorkerResponse } from './messages';
import { Abandoned, runSliced } from './run-sliced';

export async function answerDiff(
  request: DiffRequest,
  lookup: (handle: number) => ParsedTrace | undefined,
  post: (message: WorkerResponse, transfer?: Transferable[]) => void,
): Promise<void> {
  const { id } = request;
  try {
    const a = lookup(request.handleA);
    const others = request.handlesB.map(lookup);
    const present = others.filter((p): p is ParsedTrace => p !== undefined);
    if (!a || present.length === 0 || present.length !== others.length) {
      post({
        type: 'error',
        id,
        error: { kind: 'not-found', message: 'A compared trace is no longer loaded in the worker' },
      });
      return;
    }
    const isWanted = () =>
      lookup(request.handleA) === a &&
      present.every((p, k) => lookup(request.handlesB[k] ?? -1) === p);
    const b =
      present.length === 1 && present[0]
        ? present[0].trace
        : await runSliced(
            cohortMedian(
              a.trace,
              present.map((p) => p.trace),
            ),
            isWanted,
          );
    const diff = await runSliced(diffSteps(a.trace, b), isWanted);
    post({ type: 'diff', id, diff }, diffBuffers(diff));
  } catch (error) {
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
