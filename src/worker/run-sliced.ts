/**
 * Drives a generator of worker work (an analysis, a sort, a flame tree) in slices: it runs until
 * {@link SLICE_MS} have passed, then gives the event loop a turn, so requests queued meanwhile (a
 * span detail: 50 ms budget) are answered within about one slice instead of after the whole job.
 */
const SLICE_MS = 12;

/**
 * A turn of the event loop through a MessageChannel, not setTimeout: nested timeouts are clamped
 * to 4 ms, and a diff of two 100k traces pauses ~30 times (measured: ~80 ms of its 300–400).
 * Messages already queued for the worker still run first.
 */
const yieldToEvents = (): Promise<void> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });

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
