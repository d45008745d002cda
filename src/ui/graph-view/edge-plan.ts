import type { Bounds, GraphScene, ScenePositions } from './graph-scene';

/**
 * Which edges a frame draws, and how, decided before any canvas call.
 *
 * Why: without a GPU, Chromium rasterizes a canvas on the CPU at commit time, and an
 * anti-aliased stroke wider than one device pixel goes through Skia's path stroker and coverage
 * scan converter. One path of ~4,000 such strokes cost 150-450 ms per frame (Chromium trace:
 * `LayerTreeHost::DoUpdateLayers`), the same edges as 1 px hairlines 8-25 ms. So edges are
 * drawn as hairlines in screen space: an edge a few pixels wide is that many parallel hairlines
 * (its call count still reads as thickness); zoomed far out every edge is one hairline whose
 * opacity carries the width. Edges wholly outside the view are not drawn at all.
 */
export interface EdgePlan {
  /** Edge indices grouped by bucket, each edge at most once. */
  readonly edges: Int32Array;
  /** Bucket b holds `edges[start[b] .. start[b + 1])`. */
  readonly start: Int32Array;
  /** Per bucket, in drawing order (dimmed first so lit edges sit on top). */
  readonly buckets: readonly EdgeStroke[];
}

export interface EdgeStroke {
  readonly dimmed: boolean;
  /** Parallel 1 px hairlines, 1 px apart (1 to MAX_LINES). */
  readonly lines: number;
  /** 0.1 to 1: how much of the edge colour one hairline carries. */
  readonly opacity: number;
}

const MAX_LINES = 7;
/** Opacity steps of a thin edge: 4..10 tenths (fainter than 0.4 would vanish on a light theme). */
const MIN_TENTHS = 4;
const KEYS_PER_PASS = (MAX_LINES + 1) * 11;

/** Radius of a self-loop ring on screen, px. */
export const loopRadius = (k: number) => Math.max(10, 8 * k);

/** Below this zoom edges are single hairlines: their call count shows as opacity, not width. */
export const HAIRLINE_BELOW_K = 0.5;

/**
 * How an edge of scene width `width` (1-7 px by call count) is stroked at zoom `k`. Zoomed out
 * (the fitted 1,200-service graph is at ~0.2) every edge is one hairline, 0.4-1 opaque by width:
 * thick edges there would paint the screen solid and cost most of a frame. Zoomed in, edges get
 * their width back as parallel hairlines.
 */
export function strokeOf(width: number, k: number): { lines: number; tenths: number } {
  const w = Math.max(1, Math.min(MAX_LINES, width));
  if (k < HAIRLINE_BELOW_K)
    return { lines: 1, tenths: MIN_TENTHS + Math.round(((10 - MIN_TENTHS) * (w - 1)) / 6) };
  return { lines: Math.max(1, Math.round(w)), tenths: 10 };
}

/** Whether segment a-b meets the rectangle (touching counts). Exact, not a bounding-box guess. */
export function segmentMeetsRect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: Bounds,
): boolean {
  if (Math.max(ax, bx) < r.minX || Math.min(ax, bx) > r.maxX) return false;
  if (Math.max(ay, by) < r.minY || Math.min(ay, by) > r.maxY) return false;
  // An end inside: it meets (the common case when the whole graph is in view).
  if (ax >= r.minX && ax <= r.maxX && ay >= r.minY && ay <= r.maxY) return true;
  // The boxes overlap: the segment misses only if all four corners lie strictly on one side.
  const dx = bx - ax;
  const dy = by - ay;
  const s1 = Math.sign(dx * (r.minY - ay) - dy * (r.minX - ax));
  const s2 = Math.sign(dx * (r.minY - ay) - dy * (r.maxX - ax));
  const s3 = Math.sign(dx * (r.maxY - ay) - dy * (r.maxX - ax));
  const s4 = Math.sign(dx * (r.maxY - ay) - dy * (r.minX - ax));
  return !(s1 === s2 && s2 === s3 && s3 === s4 && s1 !== 0);
}

/** Whether any part of edge `e` (its route, its straight line, or its self-loop ring) is in `r`. */
export function edgeMeetsRect(
  scene: GraphScene,
  positions: ScenePositions,
  e: number,
  r: Bounds,
  k: number,
): boolean {
  const { graph } = scene;
  const { x, y, routes } = positions;
  const s = graph.source[e] ?? 0;
  const d = graph.target[e] ?? 0;
  if (s === d) {
    const radius = loopRadius(k) / k;
    const cx = (x[s] ?? 0) + (graph.width[s] ?? 0) / 2;
    const cy = (y[s] ?? 0) - (graph.height[s] ?? 0) / 2;
    return !(
      cx + radius < r.minX ||
      cx - radius > r.maxX ||
      cy + radius < r.minY ||
      cy - radius > r.maxY
    );
  }
  const from = routes?.offsets[e] ?? 0;
  const to = routes?.offsets[e + 1] ?? 0;
  if (routes && to - from > 1) {
    const p = routes.points;
    for (let i = from; i + 1 < to; i++)
      if (
        segmentMeetsRect(p[2 * i] ?? 0, p[2 * i + 1] ?? 0, p[2 * i + 2] ?? 0, p[2 * i + 3] ?? 0, r)
      )
        return true;
    return false;
  }
  return segmentMeetsRect(x[s] ?? 0, y[s] ?? 0, x[d] ?? 0, y[d] ?? 0, r);
}

/**
 * The plan for one frame: edges meeting `view` (layout coordinates, already widened by the caller
 * for arrowheads and stroke width), bucketed by (dimmed, stroke). A counting sort: O(edges).
 */
export function planEdges(
  scene: GraphScene,
  positions: ScenePositions,
  view: Bounds,
  k: number,
  dimmed: Uint8Array | undefined,
): EdgePlan {
  const { source, target } = scene.graph;
  const count = source.length;
  const keyOf = new Int16Array(count).fill(-1);
  const sizes = new Int32Array(2 * KEYS_PER_PASS);
  for (let e = 0; e < count; e++) {
    if (!edgeMeetsRect(scene, positions, e, view, k)) continue;
    const dim = dimmed?.[source[e] ?? 0] === 1 || dimmed?.[target[e] ?? 0] === 1;
    const { lines, tenths } = strokeOf(scene.edgeWidth[e] ?? 1, k);
    const key = (dim ? 0 : KEYS_PER_PASS) + lines * 11 + tenths;
    keyOf[e] = key;
    sizes[key] = (sizes[key] ?? 0) + 1;
  }
  const buckets: EdgeStroke[] = [];
  const bucketOfKey = new Int32Array(sizes.length).fill(-1);
  const starts: number[] = [0];
  for (let key = 0; key < sizes.length; key++) {
    const size = sizes[key] ?? 0;
    if (size === 0) continue;
    bucketOfKey[key] = buckets.length;
    const within = key % KEYS_PER_PASS;
    buckets.push({
      dimmed: key < KEYS_PER_PASS,
      lines: Math.floor(within / 11),
      opacity: (within % 11) / 10,
    });
    starts.push((starts[starts.length - 1] ?? 0) + size);
  }
  const start = Int32Array.from(starts);
  const fill = start.slice(0, Math.max(0, start.length - 1));
  const edges = new Int32Array(start[start.length - 1] ?? 0);
  for (let e = 0; e < count; e++) {
    const key = keyOf[e] ?? -1;
    if (key < 0) continue;
    const bucket = bucketOfKey[key] ?? 0;
    edges[fill[bucket] ?? 0] = e;
    fill[bucket] = (fill[bucket] ?? 0) + 1;
  }
  return { edges, start, buckets };
}
