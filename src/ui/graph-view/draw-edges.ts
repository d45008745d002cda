import { loopRadius, type EdgePlan } from './edge-plan';
import type { GraphScene, ScenePositions } from './graph-scene';

/** Layout to device pixels: `ratio * (k * x + tx)`. */
export interface DeviceTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
}

const LIT_ALPHA = 0.75;
const DIMMED_ALPHA = 0.12;
/** Arrowheads only when they would be a few pixels big. */
const MIN_ARROW_K = 0.3;

/** One piece of a frame: `cost` in rough units of one 1 px edge hairline. */
export interface PaintStep {
  readonly cost: number;
  readonly run: () => void;
}

/** Hairline units per step: small enough that a step never makes a long task alone. */
const CHUNK_UNITS = 300;

/**
 * The planned edges as paint steps: strokes with the identity transform, in device pixels,
 * lineWidth 1, i.e. Skia's hairline path (see edge-plan.ts for why). A step is one path of at
 * most CHUNK_UNITS hairlines of one bucket (and its arrowheads).
 */
export function edgeSteps(
  ctx: CanvasRenderingContext2D,
  scene: GraphScene,
  positions: ScenePositions,
  plan: EdgePlan,
  t: DeviceTransform,
  color: string,
): PaintStep[] {
  const steps: PaintStep[] = [];
  plan.buckets.forEach((bucket, b) => {
    const lines = Math.max(1, Math.round(bucket.lines * t.ratio));
    const per = Math.max(1, Math.floor(CHUNK_UNITS / lines));
    const end = plan.start[b + 1] ?? 0;
    for (let from = plan.start[b] ?? 0; from < end; from += per) {
      const to = Math.min(end, from + per);
      steps.push({
        cost: (to - from) * lines,
        run: () => {
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          ctx.lineWidth = 1;
          ctx.strokeStyle = color;
          ctx.fillStyle = color;
          ctx.globalAlpha = (bucket.dimmed ? DIMMED_ALPHA : LIT_ALPHA) * bucket.opacity;
          ctx.beginPath();
          for (let i = from; i < to; i++)
            edgePath(ctx, scene, positions, plan.edges[i] ?? 0, t, lines);
          ctx.stroke();
          if (t.k >= MIN_ARROW_K) {
            ctx.beginPath();
            for (let i = from; i < to; i++)
              arrowHead(ctx, scene, positions, plan.edges[i] ?? 0, t, bucket.lines);
            ctx.fill();
          }
          ctx.globalAlpha = 1;
        },
      });
    }
  });
  return steps;
}

/** Adds `lines` parallel copies of segment a-b, 1 device px apart, centred on it. */
function parallel(
  ctx: CanvasRenderingContext2D,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  lines: number,
): void {
  if (lines === 1) {
    ctx.moveTo(ax, ay);
    ctx.lineTo(bx, by);
    return;
  }
  const length = Math.hypot(bx - ax, by - ay) || 1;
  const nx = -(by - ay) / length;
  const ny = (bx - ax) / length;
  for (let i = 0; i < lines; i++) {
    const o = i - (lines - 1) / 2;
    ctx.moveTo(ax + nx * o, ay + ny * o);
    ctx.lineTo(bx + nx * o, by + ny * o);
  }
}

function edgePath(
  ctx: CanvasRenderingContext2D,
  scene: GraphScene,
  { x, y, routes }: ScenePositions,
  e: number,
  t: DeviceTransform,
  lines: number,
): void {
  const s = scene.graph.source[e] ?? 0;
  const d = scene.graph.target[e] ?? 0;
  const px = (value: number) => t.ratio * (t.k * value + t.x);
  const py = (value: number) => t.ratio * (t.k * value + t.y);
  if (s === d) {
    // A self-loop: a small ring on the node's top right corner.
    const r = loopRadius(t.k) * t.ratio;
    const cx = px((x[s] ?? 0) + (scene.graph.width[s] ?? 0) / 2);
    const cy = py((y[s] ?? 0) - (scene.graph.height[s] ?? 0) / 2);
    for (let i = 0; i < lines; i++) {
      const ring = r + i - (lines - 1) / 2;
      ctx.moveTo(cx + ring, cy);
      ctx.arc(cx, cy, ring, 0, Math.PI * 2);
    }
    return;
  }
  const from = routes?.offsets[e] ?? 0;
  const to = routes?.offsets[e + 1] ?? 0;
  if (routes && to - from > 1) {
    const p = routes.points;
    if (lines === 1) {
      ctx.moveTo(px(p[2 * from] ?? 0), py(p[2 * from + 1] ?? 0));
      for (let i = from + 1; i < to; i++) ctx.lineTo(px(p[2 * i] ?? 0), py(p[2 * i + 1] ?? 0));
      return;
    }
    // Segment by segment: a bend leaves a sub-pixel gap, invisible at these widths.
    for (let i = from; i + 1 < to; i++)
      parallel(
        ctx,
        px(p[2 * i] ?? 0),
        py(p[2 * i + 1] ?? 0),
        px(p[2 * i + 2] ?? 0),
        py(p[2 * i + 3] ?? 0),
        lines,
      );
    return;
  }
  parallel(ctx, px(x[s] ?? 0), py(y[s] ?? 0), px(x[d] ?? 0), py(y[d] ?? 0), lines);
}

function arrowHead(
  ctx: CanvasRenderingContext2D,
  scene: GraphScene,
  { x, y, routes }: ScenePositions,
  e: number,
  t: DeviceTransform,
  lines: number,
): void {
  const s = scene.graph.source[e] ?? 0;
  const d = scene.graph.target[e] ?? 0;
  if (s === d) return;
  const from = routes?.offsets[e] ?? 0;
  const to = routes?.offsets[e + 1] ?? 0;
  let ax = x[s] ?? 0;
  let ay = y[s] ?? 0;
  let bx = x[d] ?? 0;
  let by = y[d] ?? 0;
  if (routes && to - from > 1) {
    ax = routes.points[2 * (to - 2)] ?? ax;
    ay = routes.points[2 * (to - 2) + 1] ?? ay;
    bx = routes.points[2 * (to - 1)] ?? bx;
    by = routes.points[2 * (to - 1) + 1] ?? by;
  } else {
    // Stop at the target's box, not its centre.
    const dx = bx - ax;
    const dy = by - ay;
    const hw = (scene.graph.width[d] ?? 0) / 2;
    const hh = (scene.graph.height[d] ?? 0) / 2;
    const scale = Math.min(
      dx === 0 ? Infinity : hw / Math.abs(dx),
      dy === 0 ? Infinity : hh / Math.abs(dy),
    );
    if (!Number.isFinite(scale)) return;
    bx -= dx * scale;
    by -= dy * scale;
  }
  const length = Math.hypot(bx - ax, by - ay) || 1;
  const ux = (bx - ax) / length;
  const uy = (by - ay) / length;
  const size = (6 + lines) * t.ratio;
  const tipX = t.ratio * (t.k * bx + t.x);
  const tipY = t.ratio * (t.k * by + t.y);
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(tipX - ux * size - uy * size * 0.5, tipY - uy * size + ux * size * 0.5);
  ctx.lineTo(tipX - ux * size + uy * size * 0.5, tipY - uy * size - ux * size * 0.5);
  ctx.closePath();
}
