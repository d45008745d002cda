/**
 * Runs a stepped computation (a generator that pauses between pieces of work, so the worker can
 * interleave requests; see worker/run-sliced.ts) to its result in one go.
 */
export function runToEnd<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
