import type { PaintStep } from './draw-edges';
import type { Transform } from './draw-graph';

/** Main-thread work per task, ms: the steps' JavaScript plus the rasterization forced after. */
const SLICE_MS = 10;
const MIN_UNITS = 100;
const MAX_UNITS = 50_000;

/**
 * Where a frame drawn at transform `at` lands when the view is at `now`: scale by `scale`, then
 * shift by (dx, dy) device px. A layout point p is at k·p + x on screen; solving for p in the old
 * frame gives the new screen position as (now.k / at.k)·old + (now.x − scale·at.x).
 */
export function framePlacement(
  at: Transform,
  now: Transform,
  ratio: number,
): { scale: number; dx: number; dy: number } {
  const scale = now.k / at.k;
  return { scale, dx: ratio * (now.x - scale * at.x), dy: ratio * (now.y - scale * at.y) };
}

/**
 * Paints graph frames off screen in slices and keeps the last complete one.
 *
 * Why: without a GPU, Chromium rasterizes canvas drawing on the main thread when the frame is
 * committed, so a 4,000-edge frame drawn at once was one 50-450 ms task (Chromium trace:
 * `LayerTreeHost::DoUpdateLayers`). Here a frame's steps run a few at a time into a back canvas,
 * each slice's rasterization forced at its end (drawing the canvas into a 1×1 sink), ~10 ms a
 * task; the slice size adapts to the measured time. The visible canvas shows the last complete
 * frame, moved and scaled to the current view (`show`): that is also what a wheel, drag or pinch
 * gesture shows until it settles, at the cost of one bitmap copy per animation frame.
 * Latest wins: a frame asked for while one is painting replaces any frame still waiting.
 */
export class ProgressivePainter {
  private crisp: HTMLCanvasElement;
  private work: HTMLCanvasElement;
  private readonly sink: CanvasRenderingContext2D | null;
  private crispAt: Transform | undefined;
  private job: { steps: PaintStep[]; next: number; at: Transform } | undefined;
  private waiting:
    { build: (ctx: CanvasRenderingContext2D) => PaintStep[]; at: Transform } | undefined;
  private timer = 0;
  /** Step cost units per slice: starts small, grows by at most 2× a slice, shrinks at once. */
  private units = 300;

  constructor(
    document: Document,
    private readonly onFrame: () => void,
  ) {
    this.crisp = document.createElement('canvas');
    this.work = document.createElement('canvas');
    const sink = document.createElement('canvas');
    sink.width = 1;
    sink.height = 1;
    this.sink = sink.getContext('2d');
  }

  /** Backing size in device px; drops the kept frame when it changes. */
  resize(width: number, height: number): void {
    if (this.work.width === width && this.work.height === height) return;
    for (const canvas of [this.crisp, this.work]) {
      canvas.width = width;
      canvas.height = height;
    }
    this.crispAt = undefined;
  }

  /** Paints a new frame at transform `at`; the first slice runs now. */
  paint(build: (ctx: CanvasRenderingContext2D) => PaintStep[], at: Transform): void {
    if (this.job || this.waiting) {
      this.waiting = { build, at };
      return;
    }
    const ctx = this.work.getContext('2d');
    if (!ctx) return;
    this.job = { steps: build(ctx), next: 0, at };
    this.slice();
  }

  /** Draws the last complete frame, placed for `now`, on `ctx`; false when there is none. */
  show(ctx: CanvasRenderingContext2D, now: Transform, ratio: number): boolean {
    if (!this.crispAt) return false;
    const { scale, dx, dy } = framePlacement(this.crispAt, now, ratio);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(scale, 0, 0, scale, dx, dy);
    ctx.drawImage(this.crisp, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    return true;
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    this.job = undefined;
    this.waiting = undefined;
  }

  private readonly slice = (): void => {
    const job = this.job;
    if (!job) return;
    const started = performance.now();
    let spent = 0;
    while (job.next < job.steps.length && spent < this.units) {
      const step = job.steps[job.next++];
      if (!step) break;
      step.run();
      spent += step.cost;
    }
    // Rasterize now, in this task, rather than all at once when the frame is shown.
    this.sink?.clearRect(0, 0, 1, 1);
    this.sink?.drawImage(this.work, 0, 0, 1, 1, 0, 0, 1, 1);
    const elapsed = Math.max(0.5, performance.now() - started);
    const next = (spent * SLICE_MS) / elapsed;
    this.units = Math.round(Math.min(MAX_UNITS, Math.max(MIN_UNITS, (this.units + next) / 2)));
    if (job.next < job.steps.length) {
      this.timer = window.setTimeout(this.slice, 0);
      return;
    }
    [this.crisp, this.work] = [this.work, this.crisp];
    this.crispAt = job.at;
    this.job = undefined;
    this.onFrame();
    if (this.waiting) this.timer = window.setTimeout(this.startWaiting, 0);
  };

  private readonly startWaiting = (): void => {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) this.paint(waiting.build, waiting.at);
  };
}
