/**
 * Pointer math of the minimap's view window, as fractions [0, 1] of the trace duration. Pure so
 * the interaction is unit-tested without layout.
 */
export interface ViewWindow {
  readonly start: number;
  readonly end: number;
}

/** Smallest window a drag may produce: 0.1% of the trace, so a click does not zoom to nothing. */
export const MIN_WINDOW = 0.001;

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/** Window from dragging across [a, b] (either direction). `null` for a click without drag. */
export function selectionWindow(a: number, b: number): ViewWindow | null {
  const start = clamp01(Math.min(a, b));
  const end = clamp01(Math.max(a, b));
  if (end - start < MIN_WINDOW) return null;
  return { start, end };
}

/** The window moved by `delta`, kept inside [0, 1] without changing its width. */
export function shiftWindow(window: ViewWindow, delta: number): ViewWindow {
  const width = window.end - window.start;
  const start = Math.min(1 - width, Math.max(0, window.start + delta));
  return { start, end: Math.min(1, start + width) };
}

/** The window re-centred on `at`, width kept (click outside the window). */
export function centreWindow(window: ViewWindow, at: number): ViewWindow {
  const width = window.end - window.start;
  return shiftWindow(window, at - (window.start + width / 2));
}

export const isFullWindow = (window: ViewWindow): boolean => window.start <= 0 && window.end >= 1;
