/**
 * Ruler ticks at "nice" steps (1, 2, 5 × 10^n µs) across the visible time window, positioned as
 * fractions of the window so the ruler and the row grid lines need no pixel measurement.
 */
export interface Tick {
  /** µs from the trace start. */
  readonly time: number;
  /** 0..1 across the visible window. */
  readonly fraction: number;
}

export function niceStep(range: number, targetCount: number): number {
  if (!(range > 0) || targetCount < 1) return 1;
  const rough = range / targetCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/** Ticks within [from, to] (µs), about `targetCount` of them, always including `from`. */
export function timeTicks(from: number, to: number, targetCount = 5): Tick[] {
  const range = to - from;
  if (!(range > 0)) return [{ time: from, fraction: 0 }];
  const step = niceStep(range, targetCount);
  const ticks: Tick[] = [];
  const first = Math.ceil(from / step - 1e-9) * step;
  if (first - from > step * 0.25) ticks.push({ time: from, fraction: 0 });
  for (let time = first; time <= to + step * 1e-9; time += step) {
    ticks.push({ time, fraction: (time - from) / range });
  }
  return ticks;
}
