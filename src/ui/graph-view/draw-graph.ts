import type { GraphScene, ScenePositions } from './graph-scene';

export interface Transform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export interface DrawState {
  /** 1 = dimmed (outside the focus). */
  readonly dimmed?: Uint8Array;
  readonly selected: number;
  /** The keyboard's current node or the find result: drawn with a ring and always labelled. */
  readonly current: number;
}

export interface Palette {
  readonly fg: string;
  readonly muted: string;
  readonly surface: string;
  readonly error: string;
  readonly focus: string;
}

const FONT_PX = 12;
const CHAR_PX = 7;
/** Below this on-screen size text is unreadable: labels are skipped (level of detail). */
const MIN_LABEL_PX = 7;
/** Arrowheads only when they would be a few pixels big. */
const MIN_ARROW_K = 0.3;
const DIMMED_ALPHA = 0.12;

const cut = (text: string, width: number): string => {
  const fits = Math.floor((width - 12) / CHAR_PX);
  return text.length <= fits ? text : `${text.slice(0, Math.max(0, fits - 1))}…`;
};

/**
 * Draws the whole graph on a 2D canvas in one pass per layer: edges batched by (dimmed, width)
 * into a few paths, nodes culled to the viewport, labels only where they are readable.
 * Node and label text goes through fillText: markup in names is drawn as text.
 */
export function drawGraph(
  ctx: CanvasRenderingContext2D,
  size: { readonly width: number; readonly height: number; readonly ratio: number },
  scene: GraphScene,
  positions: ScenePositions,
  t: Transform,
  state: DrawState,
  palette: Palette,
): void {
  const { graph } = scene;
  const { x, y, routes } = positions;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, size.width * size.ratio, size.height * size.ratio);
  ctx.setTransform(size.ratio * t.k, 0, 0, size.ratio * t.k, size.ratio * t.x, size.ratio * t.y);
  const view = {
    minX: -t.x / t.k,
    minY: -t.y / t.k,
    maxX: (size.width - t.x) / t.k,
    maxY: (size.height - t.y) / t.k,
  };
  const dim = (node: number) => state.dimmed?.[node] === 1;

  // Edges: lit ones last so they sit on top of dimmed ones.
  for (const pass of [true, false]) {
    const buckets = new Map<number, number[]>();
    for (let e = 0; e < graph.source.length; e++) {
      const dimmed = dim(graph.source[e] ?? 0) || dim(graph.target[e] ?? 0);
      if (dimmed !== pass) continue;
      const width = Math.round(scene.edgeWidth[e] ?? 1);
      let list = buckets.get(width);
      if (!list) buckets.set(width, (list = []));
      list.push(e);
    }
    ctx.globalAlpha = pass ? DIMMED_ALPHA : 0.75;
    ctx.strokeStyle = palette.muted;
    ctx.fillStyle = palette.muted;
    // Zoomed far out, thick edges would paint the screen solid (and cost the rasterizer most of
    // a frame): widths shrink with the zoom, down to hairlines, and keep their ratios.
    const thin = Math.min(1, t.k * 2);
    for (const [width, edges] of buckets) {
      ctx.lineWidth = Math.max(0.5, width * thin) / t.k;
      ctx.beginPath();
      for (const e of edges) edgePath(ctx, scene, positions, e, t.k);
      ctx.stroke();
      if (t.k >= MIN_ARROW_K) {
        ctx.beginPath();
        for (const e of edges) arrowHead(ctx, scene, x, y, routes, e, t.k, width);
        ctx.fill();
      }
    }
  }

  // Nodes: boxes batched by (dimmed, fill, outline colour), a handful of paths instead of one per
  // node; then the labels on top.
  ctx.lineWidth = 2 / t.k;
  const onScreen: number[] = [];
  const batches = new Map<string, number[]>();
  for (let i = 0; i < graph.nodeCount; i++) {
    const w = graph.width[i] ?? 0;
    const h = graph.height[i] ?? 0;
    const left = (x[i] ?? 0) - w / 2;
    const top = (y[i] ?? 0) - h / 2;
    if (left > view.maxX || left + w < view.minX || top > view.maxY || top + h < view.minY)
      continue;
    onScreen.push(i);
    const key = `${dim(i) ? 1 : 0}${scene.fill?.[i] ?? palette.surface}\u0000${scene.stroke[i] ?? palette.muted}`;
    let list = batches.get(key);
    if (!list) batches.set(key, (list = []));
    list.push(i);
  }
  for (const [key, nodes] of batches) {
    const first = nodes[0] ?? 0;
    ctx.globalAlpha = key.startsWith('1') ? DIMMED_ALPHA : 1;
    ctx.fillStyle = scene.fill?.[first] ?? palette.surface;
    ctx.strokeStyle = scene.stroke[first] ?? palette.muted;
    ctx.beginPath();
    for (const i of nodes) {
      const w = graph.width[i] ?? 0;
      const h = graph.height[i] ?? 0;
      ctx.rect((x[i] ?? 0) - w / 2, (y[i] ?? 0) - h / 2, w, h);
    }
    ctx.fill();
    ctx.stroke();
  }
  const labelsOn = FONT_PX * t.k >= MIN_LABEL_PX;
  ctx.font = `${FONT_PX}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  for (const i of onScreen) {
    const errorMark = scene.errors?.[i] === 1;
    const labelled = labelsOn || i === state.current || i === state.selected;
    if (!errorMark && !labelled) continue;
    const w = graph.width[i] ?? 0;
    const h = graph.height[i] ?? 0;
    const left = (x[i] ?? 0) - w / 2;
    const top = (y[i] ?? 0) - h / 2;
    ctx.globalAlpha = dim(i) ? DIMMED_ALPHA : 1;
    if (errorMark) {
      ctx.fillStyle = palette.error;
      ctx.fillRect(left, top, 5, h);
    }
    if (!labelled) continue;
    ctx.fillStyle = palette.fg;
    const details = scene.details?.[i];
    const twoLines = details !== undefined && h >= 40;
    ctx.fillText(cut(scene.labels[i] ?? '', w), left + 8, twoLines ? top + h / 2 - 8 : top + h / 2);
    if (twoLines) {
      ctx.fillStyle = palette.muted;
      ctx.fillText(cut(details, w), left + 8, top + h / 2 + 9);
    }
  }
  ctx.globalAlpha = 1;
  for (const [node, dash] of [
    [state.selected, []],
    [state.current, [6, 4]],
  ] as const) {
    if (node < 0 || node >= graph.nodeCount) continue;
    const w = (graph.width[node] ?? 0) + 8 / t.k;
    const h = (graph.height[node] ?? 0) + 8 / t.k;
    ctx.strokeStyle = palette.focus;
    ctx.lineWidth = 3 / t.k;
    ctx.setLineDash(dash.map((d) => d / t.k));
    ctx.strokeRect((x[node] ?? 0) - w / 2, (y[node] ?? 0) - h / 2, w, h);
    ctx.setLineDash([]);
  }
}

function edgePath(
  ctx: CanvasRenderingContext2D,
  scene: GraphScene,
  { x, y, routes }: ScenePositions,
  e: number,
  k: number,
): void {
  const s = scene.graph.source[e] ?? 0;
  const d = scene.graph.target[e] ?? 0;
  if (s === d) {
    // A self-loop: a small ring on the node's top right corner.
    const r = Math.max(8, 10 / k);
    const cx = (x[s] ?? 0) + (scene.graph.width[s] ?? 0) / 2;
    const cy = (y[s] ?? 0) - (scene.graph.height[s] ?? 0) / 2;
    ctx.moveTo(cx + r, cy);
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    return;
  }
  const from = routes?.offsets[e] ?? 0;
  const to = routes?.offsets[e + 1] ?? 0;
  if (routes && to - from > 1) {
    ctx.moveTo(routes.points[2 * from] ?? 0, routes.points[2 * from + 1] ?? 0);
    for (let p = from + 1; p < to; p++)
      ctx.lineTo(routes.points[2 * p] ?? 0, routes.points[2 * p + 1] ?? 0);
    return;
  }
  ctx.moveTo(x[s] ?? 0, y[s] ?? 0);
  ctx.lineTo(x[d] ?? 0, y[d] ?? 0);
}

function arrowHead(
  ctx: CanvasRenderingContext2D,
  scene: GraphScene,
  x: Float32Array,
  y: Float32Array,
  routes: ScenePositions['routes'],
  e: number,
  k: number,
  width: number,
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
  const size = (6 + width) / k;
  ctx.moveTo(bx, by);
  ctx.lineTo(bx - ux * size - uy * size * 0.5, by - uy * size + ux * size * 0.5);
  ctx.lineTo(bx - ux * size + uy * size * 0.5, by - uy * size - ux * size * 0.5);
  ctx.closePath();
}
