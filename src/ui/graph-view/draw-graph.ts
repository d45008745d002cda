import { edgeSteps, type DeviceTransform, type PaintStep } from './draw-edges';
import { planEdges } from './edge-plan';
import type { GraphScene, ScenePositions } from './graph-scene';
import { fitText } from './node-box';

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
/** Below this on-screen size text is unreadable: labels are skipped (level of detail). */
const MIN_LABEL_PX = 7;
const DIMMED_ALPHA = 0.12;
/** Screen px around the view in which edges still count: arrowheads and wide strokes reach in. */
const EDGE_MARGIN_PX = 16;

/** Labels per paint step, and node boxes per step (their cost is about one edge each). */
const LABELS_PER_STEP = 150;
const NODES_PER_STEP = 300;

/**
 * The whole graph as paint steps for a 2D canvas (run in order they draw one frame; the
 * progressive painter spreads them over several tasks). Everything is in device pixels with the
 * identity transform: edges as planned by edge-plan.ts (culled to the view, hairlines by
 * bucket), node boxes culled to the view and batched by colour into a few rectangle fills (an
 * outline is the outer box filled, not a stroke), labels only where they are readable. Node and
 * label text goes through fillText: markup in names is drawn as text.
 */
export function graphPaintSteps(
  ctx: CanvasRenderingContext2D,
  size: { readonly width: number; readonly height: number; readonly ratio: number },
  scene: GraphScene,
  positions: ScenePositions,
  t: Transform,
  state: DrawState,
  palette: Palette,
): PaintStep[] {
  const { graph } = scene;
  const { x, y } = positions;
  const { ratio } = size;
  const device: DeviceTransform = { ...t, ratio };
  const steps: PaintStep[] = [
    {
      cost: 1,
      run: () => {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.globalAlpha = 1;
        ctx.clearRect(0, 0, size.width * ratio, size.height * ratio);
      },
    },
  ];
  const view = {
    minX: -t.x / t.k,
    minY: -t.y / t.k,
    maxX: (size.width - t.x) / t.k,
    maxY: (size.height - t.y) / t.k,
  };
  const margin = EDGE_MARGIN_PX / t.k;
  const plan = planEdges(
    scene,
    positions,
    {
      minX: view.minX - margin,
      minY: view.minY - margin,
      maxX: view.maxX + margin,
      maxY: view.maxY + margin,
    },
    t.k,
    state.dimmed,
  );
  steps.push(...edgeSteps(ctx, scene, positions, plan, device, palette.muted));

  const dim = (node: number) => state.dimmed?.[node] === 1;
  const px = (value: number) => ratio * (t.k * value + t.x);
  const py = (value: number) => ratio * (t.k * value + t.y);
  /** The node's box in device px, optionally grown by `grow` device px on each side. */
  const box = (i: number, grow: number) => {
    const w = (graph.width[i] ?? 0) * t.k * ratio;
    const h = (graph.height[i] ?? 0) * t.k * ratio;
    return {
      left: px(x[i] ?? 0) - w / 2 - grow,
      top: py(y[i] ?? 0) - h / 2 - grow,
      w: w + 2 * grow,
      h: h + 2 * grow,
    };
  };

  // Nodes: batched by (dimmed, fill, outline colour). The 2 px outline is the box grown by 1 px
  // filled in the outline colour, then the box shrunk by 1 px filled in the fill colour.
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
  for (const [key, batch] of batches) {
    const first = batch[0] ?? 0;
    for (let from = 0; from < batch.length; from += NODES_PER_STEP) {
      const nodes = batch.slice(from, from + NODES_PER_STEP);
      steps.push({
        cost: nodes.length,
        run: () => {
          ctx.globalAlpha = key.startsWith('1') ? DIMMED_ALPHA : 1;
          for (const [color, grow] of [
            [scene.stroke[first] ?? palette.muted, ratio],
            [scene.fill?.[first] ?? palette.surface, -ratio],
          ] as const) {
            ctx.fillStyle = color;
            ctx.beginPath();
            for (const i of nodes) {
              const b = box(i, grow);
              if (b.w > 0 && b.h > 0) ctx.rect(b.left, b.top, b.w, b.h);
            }
            ctx.fill();
          }
        },
      });
    }
  }

  // Labels in layout units (12 px at scale 1), drawn at their device size.
  const labelsOn = FONT_PX * t.k >= MIN_LABEL_PX;
  const unit = t.k * ratio;
  const labelled = onScreen.filter(
    (i) => scene.errors?.[i] === 1 || labelsOn || i === state.current || i === state.selected,
  );
  for (let from = 0; from < labelled.length; from += LABELS_PER_STEP) {
    const part = labelled.slice(from, from + LABELS_PER_STEP);
    steps.push({
      cost: part.length * 3,
      run: () => {
        ctx.font = `${FONT_PX * unit}px system-ui, sans-serif`;
        ctx.textBaseline = 'middle';
        for (const i of part) drawLabel(i);
        ctx.globalAlpha = 1;
      },
    });
  }
  const drawLabel = (i: number) => {
    const errorMark = scene.errors?.[i] === 1;
    const text = labelsOn || i === state.current || i === state.selected;
    const w = graph.width[i] ?? 0;
    const h = graph.height[i] ?? 0;
    const b = box(i, 0);
    ctx.globalAlpha = dim(i) ? DIMMED_ALPHA : 1;
    if (errorMark) {
      ctx.fillStyle = palette.error;
      ctx.fillRect(b.left, b.top, 5 * unit, b.h);
    }
    if (!text) return;
    ctx.fillStyle = palette.fg;
    const details = scene.details?.[i];
    const twoLines = details !== undefined && h >= 40;
    const middle = b.top + b.h / 2;
    ctx.fillText(
      fitText(scene.labels[i] ?? '', w),
      b.left + 8 * unit,
      middle - (twoLines ? 8 : 0) * unit,
    );
    if (twoLines) {
      ctx.fillStyle = palette.muted;
      ctx.fillText(fitText(details, w), b.left + 8 * unit, middle + 9 * unit);
    }
  };

  // Rings around the selected (solid) and the current (dashed) node, 4 screen px out.
  steps.push({
    cost: 1,
    run: () => {
      ctx.globalAlpha = 1;
      for (const [node, dash] of [
        [state.selected, []],
        [state.current, [6, 4]],
      ] as const) {
        if (node < 0 || node >= graph.nodeCount) continue;
        const b = box(node, 4 * ratio);
        ctx.strokeStyle = palette.focus;
        ctx.lineWidth = 3 * ratio;
        ctx.setLineDash(dash.map((d) => d * ratio));
        ctx.strokeRect(b.left, b.top, b.w, b.h);
        ctx.setLineDash([]);
      }
    },
  });
  return steps;
}
