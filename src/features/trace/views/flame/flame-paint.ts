import type { FlameTree } from '../../../../model/analysis/flame-tree';

export const FRAME_HEIGHT = 18;
/** Frames narrower than this are not drawn (and not hit-testable): culled at the source. */
const MIN_FRAME_PX = 1;
const LABEL_MIN_PX = 28;

export interface FlamePaintInput {
  readonly tree: FlameTree;
  /** Fill colour per frame's pair id. */
  readonly pairColor: readonly string[];
  /** Label per pair id. */
  readonly pairLabel: readonly string[];
  /** Visible window of the virtual root's units. */
  readonly x0: number;
  readonly x1: number;
  /** First depth row at the top of the canvas (vertical scroll). */
  readonly firstDepth: number;
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly textColor: string;
  readonly errorColor: string;
  readonly dimmedBefore: number;
}

/** Frames drawn by the last paint: for hit testing without another pass over every frame. */
export interface DrawnFrames {
  readonly frames: Int32Array;
  /** Left edge and width in CSS px, per drawn frame. */
  readonly left: Float32Array;
  readonly width: Float32Array;
  readonly count: number;
}

/**
 * Paints an icicle (root on top) of the merged flame tree. One pass over the frames; each is
 * skipped unless its depth row is on screen and it is at least a pixel wide in the window, so a
 * 1M-frame tree paints only the few thousand rectangles that can be seen.
 */
export function paintFlame(ctx: CanvasRenderingContext2D, input: FlamePaintInput): DrawnFrames {
  const { tree, x0, x1, width, height, firstDepth } = input;
  ctx.clearRect(0, 0, width, height);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const charWidth = ctx.measureText('abcdefghijklmnopqrstuvwxyz0123456789').width / 36 || 6;
  const perUnit = width / Math.max(x1 - x0, 1e-9);
  const rows = Math.ceil(height / FRAME_HEIGHT);
  const capacity = Math.min(tree.frameCount, Math.ceil(width + 1) * (rows + 1));
  const frames = new Int32Array(capacity);
  const lefts = new Float32Array(capacity);
  const widths = new Float32Array(capacity);
  let count = 0;

  for (let f = 1; f < tree.frameCount; f++) {
    const row = (tree.depth[f] ?? 0) - firstDepth;
    if (row < 0 || row >= rows) continue;
    const fx = tree.x[f] ?? 0;
    const fw = tree.width[f] ?? 0;
    if (fx >= x1 || fx + fw <= x0) continue;
    const left = Math.max(0, (fx - x0) * perUnit);
    const right = Math.min(width, (fx + fw - x0) * perUnit);
    const w = right - left;
    if (w < MIN_FRAME_PX) continue;
    const top = row * FRAME_HEIGHT;
    const pair = tree.pair[f] ?? 0;
    ctx.globalAlpha = (tree.depth[f] ?? 0) < input.dimmedBefore ? 0.55 : 1;
    ctx.fillStyle = input.pairColor[pair] ?? '#888';
    ctx.fillRect(left, top, Math.max(w - 1, 1), FRAME_HEIGHT - 1);
    if ((tree.errors[f] ?? 0) > 0) {
      ctx.fillStyle = input.errorColor;
      ctx.fillRect(left, top + FRAME_HEIGHT - 4, Math.max(w - 1, 1), 3);
    }
    if (w >= LABEL_MIN_PX) {
      const label = input.pairLabel[pair] ?? '';
      const fits = Math.floor((w - 6) / charWidth);
      const text = label.length <= fits ? label : `${label.slice(0, Math.max(0, fits - 1))}…`;
      ctx.fillStyle = input.textColor;
      ctx.fillText(text, left + 3, top + FRAME_HEIGHT / 2);
    }
    if (count < capacity) {
      frames[count] = f;
      lefts[count] = left;
      widths[count] = w;
      count++;
    }
  }
  ctx.globalAlpha = 1;
  return { frames, left: lefts, width: widths, count };
}

/** The drawn frame under a point (CSS px), or -1. */
export function frameAt(
  tree: FlameTree,
  drawn: DrawnFrames,
  firstDepth: number,
  x: number,
  y: number,
): number {
  const depth = firstDepth + Math.floor(y / FRAME_HEIGHT);
  for (let k = 0; k < drawn.count; k++) {
    const f = drawn.frames[k] ?? 0;
    if ((tree.depth[f] ?? -1) !== depth) continue;
    const left = drawn.left[k] ?? 0;
    if (x >= left && x < left + (drawn.width[k] ?? 0)) return f;
  }
  return -1;
}

/**
 * The keyboard focus ring around one frame, drawn over the paint above. A frame narrower than the
 * ring (or culled as sub-pixel) still gets a few pixels so the focus never disappears; two strokes
 * (focus colour outside, background inside) keep it visible on every service colour.
 */
export function paintFocusRing(
  ctx: CanvasRenderingContext2D,
  input: Pick<FlamePaintInput, 'tree' | 'x0' | 'x1' | 'firstDepth' | 'width' | 'height'> & {
    frame: number;
    color: string;
    inner: string;
  },
): void {
  const { tree, frame, x0, x1, width, height } = input;
  const row = (tree.depth[frame] ?? 0) - input.firstDepth;
  const top = row * FRAME_HEIGHT;
  if (frame <= 0 || top < 0 || top >= height) return;
  const perUnit = width / Math.max(x1 - x0, 1e-9);
  const fx = tree.x[frame] ?? 0;
  let left = Math.max(0, (fx - x0) * perUnit);
  const right = Math.min(width, (fx + (tree.width[frame] ?? 0) - x0) * perUnit);
  let w = right - left;
  if (w < 4) {
    left = Math.max(0, Math.min(width - 4, left - 2));
    w = 4;
  }
  ctx.lineWidth = 2;
  ctx.strokeStyle = input.color;
  ctx.strokeRect(left + 1, top + 1, Math.max(w - 2, 2), FRAME_HEIGHT - 3);
  ctx.lineWidth = 1;
  ctx.strokeStyle = input.inner;
  ctx.strokeRect(left + 2.5, top + 2.5, Math.max(w - 5, 1), FRAME_HEIGHT - 6);
}
