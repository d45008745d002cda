import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MinimapBins } from '../../../model/minimap-bins';
import { serviceColor } from '../../../ui/service-colors';
import { useElementSize } from '../../../ui/use-element-size';
import { paintBins } from './minimap-paint';
import {
  centreWindow,
  isFullWindow,
  selectionWindow,
  shiftWindow,
  type ViewWindow,
} from './window-drag';
import './trace-minimap.css';

export interface TraceMinimapProps {
  readonly services: readonly string[];
  /**
   * Bins for a canvas of this size. The trace worker computes them (an O(n) pass, ~25 ms at 1M
   * spans, too long for the main thread); a newer call supersedes an older one (AbortError).
   */
  readonly loadBins: (width: number, height: number) => Promise<MinimapBins>;
  /** View window as fractions of the duration (the page's store owns it). */
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly onViewWindowChange: (start: number, end: number) => void;
  /** CSS pixels; default 56. */
  readonly height?: number;
}

type Drag =
  | { readonly mode: 'select'; readonly anchor: number }
  | { readonly mode: 'shift'; readonly origin: number; readonly from: ViewWindow };

/**
 * The whole trace in a strip: drag across it to zoom the waterfall to a time window, drag the
 * window to move it, click elsewhere to centre it there, arrow keys to nudge, "Reset" for all.
 */
export function TraceMinimap({
  services,
  loadBins,
  viewStart,
  viewEnd,
  onViewWindowChange,
  height = 56,
}: TraceMinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [measureArea, area] = useElementSize<HTMLDivElement>();
  const width = Math.floor(area.width);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [draft, setDraft] = useState<ViewWindow | null>(null);

  useEffect(() => {
    if (width <= 0) return undefined;
    let live = true;
    loadBins(width, height).then(
      (bins) => {
        const element = canvas.current;
        const context = live ? element?.getContext('2d') : null;
        if (!element || !context) return;
        // Sized only when the picture arrives: resizing clears the canvas, and the old picture
        // (stretched by CSS) is better than a blank strip while the worker bins.
        element.width = bins.width;
        element.height = bins.height;
        const pixels = paintBins(bins, (svc) => serviceColor(services[svc] ?? ''));
        context.putImageData(new ImageData(pixels, bins.width, bins.height), 0, 0);
      },
      // Superseded by a newer size, or the trace was released: the next picture comes or none is needed.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [loadBins, services, width, height]);

  const fractionAt = (event: PointerEvent<HTMLDivElement>): number => {
    const rect = event.currentTarget.getBoundingClientRect();
    const { clientX } = event;
    if (rect.width <= 0) return 0;
    return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
  };
  const current: ViewWindow = { start: viewStart, end: viewEnd };
  const shown = draft ?? current;
  const commit = (next: ViewWindow): void => onViewWindowChange(next.start, next.end);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    const at = fractionAt(event);
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const inside = !isFullWindow(current) && at >= viewStart && at <= viewEnd;
    setDrag(inside ? { mode: 'shift', origin: at, from: current } : { mode: 'select', anchor: at });
    setDraft(null);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag) return;
    const at = fractionAt(event);
    setDraft(
      drag.mode === 'shift'
        ? shiftWindow(drag.from, at - drag.origin)
        : selectionWindow(drag.anchor, at),
    );
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag) return;
    const at = fractionAt(event);
    if (drag.mode === 'shift') {
      commit(shiftWindow(drag.from, at - drag.origin));
    } else {
      const selected = selectionWindow(drag.anchor, at);
      if (selected) commit(selected);
      else if (!isFullWindow(current)) commit(centreWindow(current, at));
    }
    setDrag(null);
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = Math.max((viewEnd - viewStart) / 10, 0.001);
    if (event.key === 'ArrowLeft') commit(shiftWindow(current, -step));
    else if (event.key === 'ArrowRight') commit(shiftWindow(current, step));
    else if (event.key === 'Escape' || event.key === 'Home') commit({ start: 0, end: 1 });
    else return;
    event.preventDefault();
  };

  const pct = (value: number): string => `${(value * 100).toFixed(3)}%`;
  return (
    <div className="trace-minimap">
      <div
        ref={measureArea}
        className="trace-minimap__area"
        style={{ height }}
        tabIndex={0}
        role="group"
        aria-label={`Minimap. Showing ${pct(viewStart)} to ${pct(viewEnd)} of the trace. Drag to select a time window; arrow keys move it, Escape resets.`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          setDrag(null);
          setDraft(null);
        }}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvas} className="trace-minimap__canvas" aria-hidden="true" />
        {!isFullWindow(shown) && (
          <>
            <div className="trace-minimap__shade" style={{ left: 0, width: pct(shown.start) }} />
            <div className="trace-minimap__shade" style={{ left: pct(shown.end), right: 0 }} />
            <div
              className="trace-minimap__window"
              data-testid="minimap-window"
              style={{ left: pct(shown.start), width: pct(shown.end - shown.start) }}
            />
          </>
        )}
      </div>
      <button
        type="button"
        className="trace-minimap__reset"
        disabled={isFullWindow(current)}
        onClick={() => commit({ start: 0, end: 1 })}
      >
        Reset zoom
      </button>
    </div>
  );
}
