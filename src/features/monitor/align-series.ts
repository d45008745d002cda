/**
 * Puts several metric series on one time axis, so a crosshair can read every value at one time
 * and the "Show as table" view has one row per time.
 *
 * The axis is a regular grid at the finest step any series has, anchored at the earliest point.
 * Each series fills the slots its own points fall in (nearest within half a slot); a coarser series
 * holds its value until its own next step is due; anything else is `null`: a gap, drawn as a gap,
 * never as zero.
 */
import { lowerBound } from '../../model/sorted-search';

export interface TimeSeries {
  /** ms, ascending. */
  readonly times: readonly number[];
  readonly values: readonly (number | null)[];
}

export interface AlignedSeries {
  /** ms, ascending, evenly spaced by `step`. */
  readonly times: readonly number[];
  readonly step: number;
  /** One column per input series, in input order, each `times.length` long. */
  readonly columns: readonly (readonly (number | null)[])[];
}

/** A hostile or misconfigured store can send a step of 1 ms over a day; the axis stays drawable. */
export const MAX_SLOTS = 5_000;

/** The usual spacing of a series' points: the median gap, robust to a few missing points. */
export function seriesStep(times: readonly number[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  // The lower median: with few points, a single missing one must not double the step.
  return gaps[Math.floor((gaps.length - 1) / 2)];
}

export function alignSeries(series: readonly TimeSeries[], fallbackStep: number): AlignedSeries {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let finest = Number.POSITIVE_INFINITY;
  const steps = series.map((one) => {
    const step = seriesStep(one.times);
    if (step !== undefined) finest = Math.min(finest, step);
    if (one.times.length > 0) {
      first = Math.min(first, one.times[0] as number);
      last = Math.max(last, one.times[one.times.length - 1] as number);
    }
    return step;
  });
  if (first > last) return { times: [], step: fallbackStep, columns: series.map(() => []) };
  if (!Number.isFinite(finest)) finest = fallbackStep > 0 ? fallbackStep : 1;
  finest = Math.max(finest, (last - first) / (MAX_SLOTS - 1));
  const slots = Math.round((last - first) / finest) + 1;
  const times = Array.from({ length: slots }, (_, i) => first + i * finest);
  const columns = series.map((one, index) =>
    fillColumn(one, steps[index] ?? finest, first, finest, slots),
  );
  return { times, step: finest, columns };
}

function fillColumn(
  one: TimeSeries,
  ownStep: number,
  first: number,
  step: number,
  slots: number,
): (number | null)[] {
  const column = new Array<number | null>(slots).fill(null);
  const distance = new Array<number>(slots).fill(Number.POSITIVE_INFINITY);
  const filled: number[] = [];
  for (let i = 0; i < one.times.length; i++) {
    const time = one.times[i] as number;
    const slot = Math.round((time - first) / step);
    if (slot < 0 || slot >= slots) continue;
    const off = Math.abs(time - (first + slot * step));
    // Two points in one slot (a finer series squeezed by MAX_SLOTS): the nearer one wins.
    if (off < (distance[slot] as number)) {
      distance[slot] = off;
      column[slot] = one.values[i] ?? null;
      filled.push(slot);
    }
  }
  if (ownStep > step * 1.5) {
    // A coarser series: its value stands for the slots until its next point is due.
    const hold = Math.round(ownStep / step) - 1;
    const sources = [...new Set(filled)].sort((a, b) => a - b);
    for (const source of sources) {
      for (let k = 1; k <= hold && source + k < slots; k++) {
        if (distance[source + k] !== Number.POSITIVE_INFINITY) break;
        column[source + k] = column[source] ?? null;
      }
    }
  }
  return column;
}

/** Index of the slot nearest to `time` (clamped), for the crosshair. */
export function nearestSlot(times: readonly number[], time: number): number {
  if (times.length === 0) return -1;
  // First slot at or after `time`, clamped to the last.
  const lo = Math.min(lowerBound(times, time), times.length - 1);
  if (lo > 0 && time - (times[lo - 1] as number) <= (times[lo] as number) - time) return lo - 1;
  return lo;
}
