/** The plot's zoom window (from a brush) and the domains it implies; pure so the list filter agrees. */
import type { TraceSummary } from '../../model/trace-summary';

/** A brushed region: start times t0..t1 and durations d0..d1, all µs. */
export interface PlotZoom {
  readonly t0: number;
  readonly t1: number;
  readonly d0: number;
  readonly d1: number;
}

export const inZoom = (trace: TraceSummary, zoom: PlotZoom | null): boolean =>
  zoom === null ||
  (trace.startTime >= zoom.t0 &&
    trace.startTime <= zoom.t1 &&
    trace.duration >= zoom.d0 &&
    trace.duration <= zoom.d1);

export function pointsInZoom<T extends TraceSummary>(
  traces: readonly T[],
  zoom: PlotZoom | null,
): readonly T[] {
  return zoom === null ? traces : traces.filter((trace) => inZoom(trace, zoom));
}

/** Least time the axis covers: one trace (or all at one instant) still gets readable ticks. */
export const MIN_TIME_SPAN = 60_000_000;
/** Starts farther than this many interquartile ranges out are outliers (clock trouble, epoch 0). */
const FENCE_IQRS = 3;

const quantile = (sorted: readonly number[], q: number): number => {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const a = sorted[lo] ?? 0;
  return a + ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? a) - a) * (at - lo);
};

/**
 * The time axis for these start times (µs): the bulk of them, padded, at least
 * {@link MIN_TIME_SPAN} wide. A start far outside the bulk (a trace from 1970 among today's)
 * would crush every other point into one pixel column: it stays outside the domain and the plot
 * draws it at the edge, marked.
 */
export function timeDomain(starts: readonly number[]): [number, number] {
  const sorted = starts.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [0, 1];
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const fence = Math.max((q3 - q1) * FENCE_IQRS, MIN_TIME_SPAN);
  const inside = sorted.filter((v) => v >= q1 - fence && v <= q3 + fence);
  let lo = inside[0] ?? q1;
  let hi = inside[inside.length - 1] ?? q3;
  const pad = (hi - lo) * 0.03;
  lo -= pad;
  hi += pad;
  if (hi - lo < MIN_TIME_SPAN) {
    const mid = (lo + hi) / 2;
    lo = mid - MIN_TIME_SPAN / 2;
    hi = mid + MIN_TIME_SPAN / 2;
  }
  return [lo, hi];
}

/** Axis domains: the zoom window when zoomed, else the data's bulk padded so edge points show whole. */
export function plotDomains(
  traces: readonly TraceSummary[],
  zoom: PlotZoom | null,
): { readonly x: [number, number]; readonly y: [number, number] } {
  if (zoom) return { x: [zoom.t0, zoom.t1], y: [zoom.d0, zoom.d1] };
  const usable = traces.filter((t) => Number.isFinite(t.startTime) && Number.isFinite(t.duration));
  if (usable.length === 0) return { x: [0, 1], y: [0, 1] };
  const d1 = usable.reduce((max, trace) => Math.max(max, trace.duration), 0);
  return {
    x: timeDomain(usable.map((trace) => trace.startTime)),
    y: [0, d1 > 0 ? d1 * 1.05 : 1],
  };
}
