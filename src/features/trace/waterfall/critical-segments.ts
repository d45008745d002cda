import type { CriticalPath } from '../../../model/analysis/critical-path';

/**
 * The critical path's segments grouped by span (CSR: `order[offsets[i]..offsets[i+1]]` are
 * positions of span i's triples in `segments`), built with one counting pass so a row finds its
 * segments in O(own segments). Cached per path object.
 */
export interface CriticalIndex {
  readonly offsets: Int32Array;
  /** Triple positions (multiples of 3 into `segments`), grouped by span. */
  readonly order: Int32Array;
  readonly segments: Float64Array;
}

const cache = new WeakMap<CriticalPath, CriticalIndex>();

export function criticalIndex(path: CriticalPath, spanCount: number): CriticalIndex {
  const cached = cache.get(path);
  if (cached) return cached;
  const { segments } = path;
  const count = Math.floor(segments.length / 3);
  const offsets = new Int32Array(spanCount + 1);
  for (let s = 0; s < count; s++) {
    const span = segments[s * 3] ?? -1;
    if (span >= 0 && span < spanCount) offsets[span + 1] = (offsets[span + 1] ?? 0) + 1;
  }
  for (let i = 0; i < spanCount; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
  const fill = offsets.slice(0, spanCount);
  const order = new Int32Array(offsets[spanCount] ?? 0);
  for (let s = 0; s < count; s++) {
    const span = segments[s * 3] ?? -1;
    if (span < 0 || span >= spanCount) continue;
    const at = fill[span] ?? 0;
    order[at] = s * 3;
    fill[span] = at + 1;
  }
  const index = { offsets, order, segments };
  cache.set(path, index);
  return index;
}

/** Segments closer than this fraction of the bar merge: a row draws at most a few hundred rects. */
const MERGE_FRACTION = 1 / 400;
const QUANTA = 2 ** 20;
const SLOT = 2 ** 21;

/**
 * Span `span`'s critical segments as fractions `[a0, b0, a1, b1, …]` of its visible bar `[from,
 * from + length)`, merged at pixel-ish resolution. `shift` moves the segments (computed on
 * skew-adjusted times) onto the bar's time base.
 */
export function criticalIntervals(
  index: CriticalIndex,
  span: number,
  from: number,
  length: number,
  shift: number,
): Float64Array {
  const first = index.offsets[span] ?? 0;
  const last = index.offsets[span + 1] ?? 0;
  if (last <= first || length <= 0) return new Float64Array(0);
  const count = last - first;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const at = index.order[first + k] ?? 0;
    starts[k] = Math.max(0, Math.min(1, ((index.segments[at + 1] ?? 0) + shift - from) / length));
    ends[k] = Math.max(0, Math.min(1, ((index.segments[at + 2] ?? 0) + shift - from) / length));
  }
  // Order by start with one native typed-array sort (no comparator): the key is the start
  // quantized to 2^20 steps, times 2^21, plus the position (< 2^21): exact integers in a float64.
  const order = new Float64Array(count);
  for (let k = 0; k < count; k++) order[k] = Math.floor((starts[k] ?? 0) * QUANTA) * SLOT + k;
  order.sort();
  const merged: number[] = [];
  for (let k = 0; k < count; k++) {
    const at = (order[k] ?? 0) % SLOT;
    const a = starts[at] ?? 0;
    const b = ends[at] ?? 0;
    const n = merged.length;
    if (n > 0 && a - (merged[n - 1] ?? 0) <= MERGE_FRACTION)
      merged[n - 1] = Math.max(merged[n - 1] ?? 0, b);
    else merged.push(a, b);
  }
  return Float64Array.from(merged);
}

/** Intervals per span for one (path, time mode, view window): the root's can cover 1M segments. */
const intervalCache = new WeakMap<
  CriticalIndex,
  { key: string; bySpan: Map<number, Float64Array> }
>();

export function cachedCriticalIntervals(
  index: CriticalIndex,
  key: string,
  span: number,
  from: number,
  length: number,
  shift: number,
): Float64Array {
  let entry = intervalCache.get(index);
  if (entry?.key !== key) {
    entry = { key, bySpan: new Map() };
    intervalCache.set(index, entry);
  }
  let intervals = entry.bySpan.get(span);
  if (intervals === undefined) {
    intervals = criticalIntervals(index, span, from, length, shift);
    entry.bySpan.set(span, intervals);
  }
  return intervals;
}
