import { useEffect, useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { FlameTree } from '../../../../model/analysis/flame-tree';
import { formatDuration } from '../../../../ui/format-duration';
import { FRAME_HEIGHT, frameAt, paintFlame, paintFocusRing, type DrawnFrames } from './flame-paint';
import { cssColor } from '../../../../ui/css-color';
import { useFlameKeys } from './use-flame-keys';
import { countOf, formatCount } from '../../../../ui/format-count';

interface FlameCanvasProps {
  readonly tree: FlameTree;
  /** Frame whose range fills the width (0: the whole tree). */
  readonly zoom: number;
  readonly onZoom: (frame: number) => void;
  readonly pairLabel: readonly string[];
  readonly pairColor: readonly string[];
}

const NO_FRAMES: DrawnFrames = {
  frames: new Int32Array(0),
  left: new Float32Array(0),
  width: new Float32Array(0),
  count: 0,
};

/**
 * The canvas and its tooltip. The canvas is the size of the viewport and sticks to it inside a
 * spacer as tall as all depth rows; scrolling repaints only the rows in view.
 */
export function FlameCanvas({ tree, zoom, onZoom, pairLabel, pairColor }: FlameCanvasProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<DrawnFrames>(NO_FRAMES);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [hover, setHover] = useState<{ frame: number; x: number; y: number } | null>(null);
  const keys = useFlameKeys({ tree, zoom, onZoom, pairLabel, scrollRef });
  const helpId = useId();
  const ring = keys.active ? keys.focused : -1;

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const measure = () => setSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    // Absent in jsdom (tests); every browser Cairn supports has it.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const firstDepth = Math.floor(scrollTop / FRAME_HEIGHT);
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * ratio);
    canvas.height = Math.round(size.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const x0 = tree.x[zoom] ?? 0;
    const x1 = x0 + (tree.width[zoom] ?? 0);
    drawn.current = paintFlame(ctx, {
      tree,
      pairColor,
      pairLabel,
      x0,
      x1,
      firstDepth,
      width: size.width,
      height: size.height,
      textColor: '#ffffff',
      errorColor: cssColor(canvas, '--error', '#c4221f'),
      dimmedBefore: zoom > 0 ? (tree.depth[zoom] ?? 0) : 0,
    });
    if (ring > 0) {
      const color = cssColor(canvas, '--focus', '#1f5fbf');
      const inner = cssColor(canvas, '--bg', '#ffffff');
      paintFocusRing(ctx, {
        tree,
        frame: ring,
        x0,
        x1,
        firstDepth,
        width: size.width,
        height: size.height,
        color,
        inner,
      });
    }
  }, [tree, zoom, firstDepth, size, pairColor, pairLabel, ring]);

  const pointer = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    return { frame: frameAt(tree, drawn.current, firstDepth, x, y), x, y };
  };
  const rootTotal = tree.width[0] ?? 0;
  const hovered = hover && hover.frame > 0 ? hover.frame : -1;

  return (
    <div
      ref={scrollRef}
      className="flame-scroll"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      {/* Capped like the waterfall's scroll space: past ~440,000 levels the deepest rows are cut. */}
      <div
        style={{
          height: Math.max(size.height, Math.min((tree.maxDepth + 1) * FRAME_HEIGHT, 8_000_000)),
        }}
      >
        <div className="flame-sticky" style={{ height: size.height }}>
          <canvas
            ref={canvasRef}
            // One widget with its own keys: "application" lets screen readers pass the arrows through.
            role="application"
            aria-roledescription="flame graph"
            tabIndex={0}
            aria-label={`Flame graph of ${formatCount(tree.frameCount - 1)} merged frames, ${tree.maxDepth + 1} levels deep`}
            aria-describedby={helpId}
            onKeyDown={keys.onKeyDown}
            onFocus={keys.onFocus}
            onBlur={keys.onBlur}
            style={{
              width: size.width,
              height: size.height,
              cursor: hovered >= 0 ? 'pointer' : 'default',
            }}
            onMouseMove={(event) => setHover(pointer(event))}
            onMouseLeave={() => setHover(null)}
            onClick={(event) => {
              const { frame } = pointer(event);
              if (frame > 0) onZoom(frame);
            }}
          />
          {hovered >= 0 && hover ? (
            <div
              className="flame-tooltip"
              role="tooltip"
              style={{
                left: Math.min(hover.x + 12, Math.max(0, size.width - 320)),
                top: hover.y + 16,
              }}
            >
              <strong>{pairLabel[tree.pair[hovered] ?? 0] ?? ''}</strong>
              <span>
                {formatCount(tree.count[hovered] ?? 0)} spans · total{' '}
                {formatDuration(tree.total[hovered] ?? 0)} · self{' '}
                {formatDuration(tree.selfTotal[hovered] ?? 0)}
              </span>
              <span>
                {rootTotal > 0
                  ? `${((100 * (tree.width[hovered] ?? 0)) / rootTotal).toFixed(1)}% of the width`
                  : ''}
                {(tree.errors[hovered] ?? 0) > 0
                  ? ` · ${countOf(tree.errors[hovered] ?? 0, 'error')}`
                  : ''}
              </span>
            </div>
          ) : null}
          <p id={helpId} className="visually-hidden">
            Arrow keys move between frames: up to the caller, down to the first callee, left and
            right along the level. Enter zooms into the frame, Backspace zooms out, Escape resets
            the zoom, Home goes to the root.
          </p>
          <p className="visually-hidden" aria-live="polite" data-testid="flame-announcement">
            {keys.announcement}
          </p>
        </div>
      </div>
    </div>
  );
}
