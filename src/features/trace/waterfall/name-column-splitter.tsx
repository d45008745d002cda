import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_NAME_COLUMN_FRACTION, MIN_NAME_COLUMN_WIDTH } from '../state/layout-slice';
import { useTracePage } from '../state/trace-page-store-context';

const KEY_STEP = 16;

/**
 * Drag handle between the name column and the timeline: pointer drag (captured, so it keeps
 * tracking outside the handle) and ←/→ (Shift for bigger steps), Home/End for the limits.
 */
export function NameColumnSplitter({ containerWidth }: { containerWidth: number }) {
  const width = useTracePage((s) => s.nameColumnWidth);
  const setWidth = useTracePage((s) => s.setNameColumnWidth);
  const remember = useTracePage((s) => s.rememberNameColumnWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const max = Math.max(
    MIN_NAME_COLUMN_WIDTH,
    Math.floor(containerWidth * MAX_NAME_COLUMN_FRACTION),
  );
  const apply = (next: number) => setWidth(Math.min(Math.max(next, MIN_NAME_COLUMN_WIDTH), max));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) apply(drag.current.width + event.clientX - drag.current.x);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) remember();
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    if (event.key === 'ArrowLeft') apply(width - step);
    else if (event.key === 'ArrowRight') apply(width + step);
    else if (event.key === 'Home') apply(MIN_NAME_COLUMN_WIDTH);
    else if (event.key === 'End') apply(max);
    else return;
    remember();
    event.preventDefault();
  };

  return (
    <div
      className="wf-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the span name column"
      aria-valuemin={MIN_NAME_COLUMN_WIDTH}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      style={{ left: width - 3 }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
