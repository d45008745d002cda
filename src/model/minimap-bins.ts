import type { TraceColumns } from './trace';

/**
 * The minimap's picture, computed from the typed arrays without one object per span. Span `i`
 * (waterfall row `i` when fully expanded) lands in pixel row `floor(i * height / n)`; each pixel
 * row counts, per pixel column, how many of its spans cover that column (a difference array, so a
 * span costs O(1) however wide it is) and remembers its most frequent service for the colour.
 * Total cost O(n + width × height + height × services): ~25 ms at 1M spans, so the trace worker
 * runs it (a `minimap-bins` request) and the main thread only paints the result.
 */
export interface MinimapBins {
  readonly width: number;
  readonly height: number;
  /** Spans covering each cell, row-major. */
  readonly density: Float32Array;
  /** Most frequent service index per pixel row, or -1 for an empty row. */
  readonly rowService: Int32Array;
  readonly maxDensity: number;
}

/** The time axis to bin on: a start per span, and the window `[origin, origin + duration]`. */
export interface MinimapAxis {
  readonly start: Float64Array;
  readonly origin: number;
  readonly duration: number;
}

/** Spans as recorded, over the trace's duration. */
export const recordedAxis = (
  columns: Pick<TraceColumns, 'start'>,
  traceDuration: number,
): MinimapAxis => ({ start: columns.start, origin: 0, duration: traceDuration });

export function binMinimap(
  columns: TraceColumns,
  axis: MinimapAxis,
  width: number,
  height: number,
  serviceCount: number,
): MinimapBins {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(1, Math.floor(height));
  const n = columns.spanCount;
  const density = new Float32Array(w * h);
  const rowService = new Int32Array(h).fill(-1);
  const diff = new Float32Array(w + 1);
  const counts = new Int32Array(Math.max(1, serviceCount));
  const scale = axis.duration > 0 ? w / axis.duration : 0;
  const { duration, service } = columns;
  const { start, origin } = axis;
  let maxDensity = 0;
  let i = 0;
  for (let row = 0; row < h; row++) {
    // With fewer spans than pixel rows, a span fills every row that maps to it.
    const first = n <= h ? Math.floor((row * n) / h) : i;
    const end = n <= h ? first + 1 : Math.min(n, Math.ceil(((row + 1) * n) / h));
    if (first >= n || end <= first) continue;
    diff.fill(0);
    counts.fill(0);
    for (let k = first; k < end; k++) {
      const s = (start[k] ?? 0) - origin;
      const x0 = Math.min(w - 1, Math.max(0, Math.floor(s * scale)));
      // At least one pixel wide: a 1 µs span in a 10 s trace must still show.
      const x1 = Math.min(w, Math.max(x0 + 1, Math.ceil((s + (duration[k] ?? 0)) * scale)));
      diff[x0] = (diff[x0] ?? 0) + 1;
      diff[x1] = (diff[x1] ?? 0) - 1;
      const svc = service[k] ?? 0;
      if (svc >= 0 && svc < counts.length) counts[svc] = (counts[svc] ?? 0) + 1;
    }
    i = end;
    let running = 0;
    const base = row * w;
    for (let x = 0; x < w; x++) {
      running += diff[x] ?? 0;
      density[base + x] = running;
      if (running > maxDensity) maxDensity = running;
    }
    let best = -1;
    let bestCount = 0;
    for (let s = 0; s < counts.length; s++) {
      if ((counts[s] ?? 0) > bestCount) {
        best = s;
        bestCount = counts[s] ?? 0;
      }
    }
    rowService[row] = best;
  }
  return { width: w, height: h, density, rowService, maxDensity };
}
