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

/** Segments closer than this fraction of the bar merge: a row draws at most a few hundred stops. */
const MERGE_FRACTION = 1 / 400;
/** A segment narrower than this (fraction of the bar) still shows as a sliver. */
const MIN_WIDTH = 0.005;

/**
 * A CSS gradient of span `span`'s critical segments across its visible bar `[from, from +
 * length)` ('' when none). `shift` moves the segments (computed on skew-adjusted times) onto the
 * bar's time base.
 */
export function criticalGradient(index: CriticalIndex, span: number, from: number, length: number, shift: number): string {
  const first = index.offsets[span] ?? 0;
  const last = index.offsets[span + 1] ?? 0;
  if (last <= first || length <= 0) return '';
  const parts: [number, number][] = [];
  for (let k = first; k < last; k++) {
    const at = index.order[k] ?? 0;
    const a = Math.max(0, Math.min(1, ((index.segments[at + 1] ?? 0) + shift - from) / length));
    const b = Math.max(0, Math.min(1, ((index.segments[at + 2] ?? 0) + shift - from) / length));
    if (b > a || (b === a && a > 0 && a < 1)) parts.push([a, b]);
  }
  // Several roots' walks interleave; gradient stops must ascend.
  parts.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (previous && part[0] - previous[1] <= MERGE_FRACTION) previous[1] = Math.max(previous[1], part[1]);
    else merged.push([part[0], part[1]]);
  }
  if (merged.length === 0) return '';
  const pct = (value: number) => `${(value * 100).toFixed(2)}%`;
  const stops = merged.map(([a, b]) => {
    const end = pct(Math.min(1, Math.max(b, a + MIN_WIDTH)));
    return `transparent ${pct(a)}, var(--critical) ${pct(a)}, var(--critical) ${end}, transparent ${end}`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** Gradients per span for one (path, time mode, view window): the root's can cover 1M segments. */
const gradientCache = new WeakMap<CriticalIndex, { key: string; bySpan: Map<number, string> }>();

export function cachedCriticalGradient(index: CriticalIndex, key: string, span: number, from: number, length: number, shift: number): string {
  let entry = gradientCache.get(index);
  if (entry?.key !== key) {
    entry = { key, bySpan: new Map() };
    gradientCache.set(index, entry);
  }
  let gradient = entry.bySpan.get(span);
  if (gradient === undefined) {
    gradient = criticalGradient(index, span, from, length, shift);
    entry.bySpan.set(span, gradient);
  }
  return gradient;
}
