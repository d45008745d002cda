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

/** Axis domains: the zoom window when zoomed, else the data's extent padded so edge points show whole. */
export function plotDomains(
  traces: readonly TraceSummary[],
  zoom: PlotZoom | null,
): { readonly x: [number, number]; readonly y: [number, number] } {
  if (zoom) return { x: [zoom.t0, zoom.t1], y: [zoom.d0, zoom.d1] };
  let t0 = Number.POSITIVE_INFINITY;
  let t1 = Number.NEGATIVE_INFINITY;
  let d1 = 0;
  for (const trace of traces) {
    if (!Number.isFinite(trace.startTime) || !Number.isFinite(trace.duration)) continue;
    t0 = Math.min(t0, trace.startTime);
    t1 = Math.max(t1, trace.startTime);
    d1 = Math.max(d1, trace.duration);
  }
  if (t0 > t1) return { x: [0, 1], y: [0, 1] };
  // One trace (or all at one instant) would make a zero-width domain; give it a second each side.
  const pad = t1 > t0 ? (t1 - t0) * 0.03 : 1_000_000;
  return { x: [t0 - pad, t1 + pad], y: [0, d1 > 0 ? d1 * 1.05 : 1] };
}
