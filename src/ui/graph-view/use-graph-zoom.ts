import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { Bounds } from './graph-scene';
import type { Transform } from './draw-graph';

const PAD = 24;
/** Nobody reads a graph closer than this. */
const MAX_SCALE = 4;

export interface GraphZoom {
  readonly transform: { current: Transform };
  /** True once the user moved the view: streamed layout frames then stop re-fitting it. */
  readonly userMoved: { current: boolean };
  scaleBy(factor: number): void;
  fit(): void;
  oneToOne(): void;
  /** Centres a layout point, at least at scale `minScale`. */
  centerOn(x: number, y: number, minScale: number): void;
  /** Pans only when the point is outside the view. */
  reveal(x: number, y: number): void;
  /** New layout bounds: the zoom range follows them (the fitted scale is always reachable). */
  setBounds(bounds: Bounds, refit: boolean): void;
}

/**
 * d3-zoom on the canvas: wheel, drag, pinch and double-click, plus the buttons' and keys'
 * commands. The range is from half the fitted scale to 4×, recomputed with every layout, so a
 * big graph fitted at 0.02 can always zoom back out to where it was (a fixed minimum of 0.1 left
 * it stuck after one wheel step in).
 */
export function useGraphZoom(
  canvas: { current: HTMLCanvasElement | null },
  size: { readonly width: number; readonly height: number },
  /** Every change of the view; `gesture` when a wheel, drag, pinch or double-click moved it. */
  onChange: (gesture: boolean) => void,
  transform: { current: Transform },
): GraphZoom {
  const userMoved = useRef(false);
  const bounds = useRef<Bounds>({ minX: 0, minY: 0, maxX: 1, maxY: 1 });
  const behaviour = useRef<ZoomBehavior<HTMLCanvasElement, unknown>>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });
  const sizeRef = useRef(size);
  useEffect(() => {
    sizeRef.current = size;
  });

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const zoomer = zoom<HTMLCanvasElement, unknown>().on(
      'zoom',
      (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        transform.current = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
        const gesture = Boolean(event.sourceEvent);
        if (gesture) userMoved.current = true;
        changed.current(gesture);
      },
    );
    behaviour.current = zoomer;
    const selection = select(element).call(zoomer);
    return () => {
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, [canvas, transform]);

  return useMemo(() => {
    const apply = (run: (zoomer: ZoomBehavior<HTMLCanvasElement, unknown>) => void) => {
      const element = canvas.current;
      const zoomer = behaviour.current;
      if (element && zoomer) {
        run(zoomer);
      }
    };
    const fitted = () => {
      const { width, height } = sizeRef.current;
      const b = bounds.current;
      const k = Math.min(
        1,
        Math.max(1, width - 2 * PAD) / Math.max(1, b.maxX - b.minX),
        Math.max(1, height - 2 * PAD) / Math.max(1, b.maxY - b.minY),
      );
      const x = width / 2 - (k * (b.minX + b.maxX)) / 2;
      const y = height / 2 - (k * (b.minY + b.maxY)) / 2;
      return { k, x, y };
    };
    const on = (
      run: (zoomer: ZoomBehavior<HTMLCanvasElement, unknown>, el: HTMLCanvasElement) => void,
    ) =>
      apply((zoomer) => {
        const element = canvas.current;
        if (element) run(zoomer, element);
      });
    const control: GraphZoom = {
      transform,
      userMoved,
      scaleBy: (factor) =>
        on((zoomer, el) => {
          userMoved.current = true;
          select(el).call(zoomer.scaleBy, factor);
        }),
      fit: () =>
        on((zoomer, el) => {
          const { k, x, y } = fitted();
          userMoved.current = false;
          select(el).call(zoomer.transform, zoomIdentity.translate(x, y).scale(k));
        }),
      oneToOne: () =>
        on((zoomer, el) => {
          userMoved.current = true;
          select(el).call(zoomer.scaleTo, 1);
        }),
      centerOn: (x, y, minScale) =>
        on((zoomer, el) => {
          const k = Math.max(transform.current.k, minScale);
          userMoved.current = true;
          const { width, height } = sizeRef.current;
          select(el).call(
            zoomer.transform,
            zoomIdentity.translate(width / 2 - k * x, height / 2 - k * y).scale(k),
          );
        }),
      reveal: (x, y) =>
        on((zoomer, el) => {
          const t = transform.current;
          const sx = t.x + t.k * x;
          const sy = t.y + t.k * y;
          const { width, height } = sizeRef.current;
          if (sx < PAD || sy < PAD || sx > width - PAD || sy > height - PAD)
            select(el).call(zoomer.translateTo, x, y);
        }),
      setBounds: (next, refit) => {
        bounds.current = next;
        apply((zoomer) => zoomer.scaleExtent([Math.min(fitted().k, 1) / 2, MAX_SCALE]));
        if (refit && !userMoved.current) control.fit();
      },
    };
    return control;
  }, [canvas, transform]);
}
