/**
 * Drives a generator of worker work (an analysis, a sort, a flame tree) in slices: it runs until
 * {@link SLICE_MS} have passed, then gives the event loop a turn, so requests queued meanwhile (a
 * span detail: 50 ms budget) are answered within about one slice instead of after the whole job.
 */
const SLICE_MS = 12;

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Thrown when `isWanted()` turned false at a pause (the trace was released, say). */
export class Abandoned extends Error {
  override readonly name = 'Abandoned';
}

/**
 * The generator's return value. `mustPause(value)` marks yields that always pause (phase
 * boundaries tests rely on); other yields pause only when the slice is used up.
 */
export async function runSliced<Y, R>(
  steps: Generator<Y, R, void>,
  isWanted: () => boolean,
  mustPause: (value: Y) => boolean = () => false,
): Promise<R> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (!mustPause(step.value) && performance.now() - sliceStart < SLICE_MS) continue;
    await yieldToEvents();
    if (!isWanted()) throw new Abandoned('No longer wanted');
    sliceStart = performance.now();
  }
}
