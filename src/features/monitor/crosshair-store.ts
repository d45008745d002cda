import { create } from 'zustand';

/**
 * The Monitor's one crosshair: the time (ms) under the pointer or the keyboard, shared by every
 * chart on the page (the service's and the selected operation's share one time axis). A time, not
 * a slot index: each group aligns its own series and may start its grid at another point.
 * A store rather than page state, so a pointer move re-renders the charts only, not the
 * 1,000-row table beside them.
 */
export interface CrosshairState {
  readonly time: number | null;
  setTime(time: number | null): void;
}

export const useCrosshairStore = create<CrosshairState>()((set) => ({
  time: null,
  setTime: (time) => set({ time }),
}));

/** The slot of `times` (a grid of `step` ms) the shared time falls in; null when outside it. */
export function slotAt(times: readonly number[], step: number, time: number | null): number | null {
  if (time === null || times.length === 0) return null;
  const first = times[0] as number;
  const slot = Math.round((time - first) / step);
  return slot >= 0 && slot < times.length ? slot : null;
}
