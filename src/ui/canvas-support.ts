/**
 * Whether this document can draw on a 2D canvas, asked once by the views that paint rows on a
 * canvas (and keep DOM-only rows otherwise). The answer comes from a real probe, not from the
 * user agent; an environment that knows better (jsdom in unit tests, which has no canvas and
 * reports it noisily) provides the answer with `provideCanvasSupport` before rendering.
 */
let supported: boolean | undefined;

function probe(): boolean {
  if (typeof document === 'undefined') return false;
  return document.createElement('canvas').getContext('2d') !== null;
}

export function canvas2dSupported(): boolean {
  supported ??= probe();
  return supported;
}

/** Fixes the answer (`undefined` probes again on the next ask). */
export function provideCanvasSupport(value: boolean | undefined): void {
  supported = value;
}
