import { useCallback, useEffect, useRef } from 'react';
import { cssColors } from '../css-color';
import { graphPaintSteps, type DrawState, type Palette, type Transform } from './draw-graph';
import type { GraphScene, ScenePositions } from './graph-scene';
import { ProgressivePainter } from './progressive-painter';

/** Quiet time after the last wheel, drag or pinch event before a crisp frame is painted. */
export const SETTLE_MS = 150;

export interface PaintInput extends DrawState {
  readonly scene: GraphScene;
  readonly positions: ScenePositions | undefined;
}

export interface GraphPainting {
  /** Content changed (graph, positions, focus, selection, size): paint a crisp frame. */
  readonly redraw: () => void;
  /** The view moved; `gesture` when by wheel, drag or pinch (painted crisp once it settles). */
  readonly onView: (gesture: boolean) => void;
}

/**
 * Keeps the canvas showing the graph: every animation frame shows the last complete painted
 * frame placed for the current view (cheap), and asks the progressive painter for a crisp one
 * when the content changed, or when the view changed and no gesture is running.
 */
export function useGraphPainting(
  canvasRef: { readonly current: HTMLCanvasElement | null },
  readoutRef: { readonly current: HTMLOutputElement | null },
  input: { readonly current: PaintInput },
  transform: { readonly current: Transform },
): GraphPainting {
  const frame = useRef(0);
  const painter = useRef<ProgressivePainter>(null);
  const palette = useRef<Palette>(undefined);
  const dirty = useRef(true);
  const paintedAt = useRef<Transform>(undefined);
  const gestureUntil = useRef(0);
  const settleTimer = useRef(0);

  const draw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const state = input.current;
    const positions = state.positions;
    if (!canvas || !ctx || !positions) return;
    const ratio = window.devicePixelRatio || 1;
    const t = transform.current;
    if (readoutRef.current) readoutRef.current.textContent = `${Math.round(t.k * 100)}%`;
    const active = (painter.current ??= new ProgressivePainter(canvas.ownerDocument, () => {
      frame.current ||= requestAnimationFrame(draw);
    }));
    active.resize(canvas.width, canvas.height);
    const gesture = performance.now() < gestureUntil.current;
    if (dirty.current || (!gesture && paintedAt.current !== t)) {
      dirty.current = false;
      paintedAt.current = t;
      const colors = (palette.current ??= cssColors(canvas, {
        fg: '--fg',
        muted: '--muted',
        surface: '--surface',
        error: '--error',
        focus: '--focus',
      }));
      const size = { width: canvas.clientWidth, height: canvas.clientHeight, ratio };
      active.paint(
        (target) => graphPaintSteps(target, size, state.scene, positions, t, state, colors),
        t,
      );
    }
    active.show(ctx, t, ratio);
  }, [canvasRef, readoutRef, input, transform]);

  const schedule = useCallback(() => {
    frame.current ||= requestAnimationFrame(draw);
  }, [draw]);
  const redraw = useCallback(() => {
    dirty.current = true;
    schedule();
  }, [schedule]);
  const onView = useCallback(
    (gesture: boolean) => {
      if (gesture) {
        gestureUntil.current = performance.now() + SETTLE_MS;
        window.clearTimeout(settleTimer.current);
        settleTimer.current = window.setTimeout(schedule, SETTLE_MS + 1);
      } else {
        gestureUntil.current = 0;
      }
      schedule();
    },
    [schedule],
  );
  useEffect(
    () => () => {
      window.clearTimeout(settleTimer.current);
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      painter.current?.dispose();
      painter.current = null;
    },
    [],
  );
  return { redraw, onView };
}
