import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { rowPosition } from '../collapse-levels';
import { useTraceViewStore } from '../trace-view-store';
import { scrollScale, type ScrollScale } from './scaled-scroll';
import { useTreegridKeys } from './use-treegrid-keys';
import { ROW_HEIGHT, rowId, type WaterfallModel } from './waterfall-model';
import { WaterfallRow } from './waterfall-row';

const OVERSCAN = 4;

export interface WaterfallBodyProps {
  readonly model: WaterfallModel;
  readonly label: string;
  readonly gridLines: readonly number[];
}

/**
 * The virtualized treegrid. Only rows on screen (plus overscan) exist in the DOM; they are drawn
 * in a sticky viewport at `virtual offset - row start`, which is what makes the scaled scroll
 * space of scaled-scroll.ts invisible to the user.
 */
export function WaterfallBody({ model, label, gridLines }: WaterfallBodyProps) {
  const rows = useTraceViewStore((s) => s.visibleRows);
  const collapsed = useTraceViewStore((s) => s.collapsed);
  useTraceViewStore((s) => s.collapseVersion);
  const selected = useTraceViewStore((s) => s.selected);
  const focused = useTraceViewStore((s) => s.focused);
  const nameColumnWidth = useTraceViewStore((s) => s.nameColumnWidth);
  const viewStart = useTraceViewStore((s) => s.viewStart);
  const viewEnd = useTraceViewStore((s) => s.viewEnd);
  const toggle = useTraceViewStore((s) => s.toggle);
  const select = useTraceViewStore((s) => s.select);

  const scrollRef = useRef<HTMLDivElement>(null);
  const scaleRef = useRef<ScrollScale>(scrollScale(0, 0));
  /** Re-reads scrollTop through the current scale (the scale changes with the row count). */
  const resyncRef = useRef<() => void>(() => undefined);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    observeElementOffset: (instance, callback) => {
      const element = instance.scrollElement;
      resyncRef.current = () => {
        if (element) callback(scaleRef.current.toVirtual(element.scrollTop), false);
      };
      return observeElementOffset(instance, (offset, isScrolling) =>
        callback(scaleRef.current.toVirtual(offset), isScrolling),
      );
    },
    scrollToFn: (offset, options, instance) =>
      elementScroll(scaleRef.current.toPhysical(offset + (options.adjustments ?? 0)), { behavior: options.behavior }, instance),
  });

  const viewportHeight = virtualizer.scrollRect?.height ?? 0;
  const scale = useMemo(() => scrollScale(rows.length * ROW_HEIGHT, viewportHeight), [rows.length, viewportHeight]);
  scaleRef.current = scale;
  useLayoutEffect(() => resyncRef.current(), [scale]);

  const scrollToPosition = useCallback(
    (position: number) => virtualizer.scrollToIndex(position, { align: 'auto' }),
    [virtualizer],
  );
  // Keep the focused row on screen when a collapse moves it or the viewport shrinks (a details
  // panel opening below).
  useLayoutEffect(() => {
    const { focused: current } = useTraceViewStore.getState();
    const position = rowPosition(rows, current);
    if (position >= 0 && viewportHeight > 0) scrollToPosition(position);
  }, [rows, scrollToPosition, viewportHeight]);

  const pageRows = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
  const onKeyDown = useTreegridKeys(pageRows, scrollToPosition);
  const offset = virtualizer.scrollOffset ?? 0;
  const items = virtualizer.getVirtualItems();
  const firstStart = items[0]?.start ?? 0;
  const focusedPosition = rowPosition(rows, focused);

  return (
    <div
      ref={scrollRef}
      className="wf-scroll"
      role="treegrid"
      aria-label={label}
      aria-rowcount={rows.length}
      aria-multiselectable={false}
      aria-activedescendant={focusedPosition >= 0 ? rowId(model, focused) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        const row = (event.target as HTMLElement).closest('[data-span-index]');
        const index = Number(row?.getAttribute('data-span-index') ?? '-1');
        if (index >= 0) select(index);
      }}
    >
      <div className="wf-spacer" style={{ height: scale.physicalHeight }}>
        <div className="wf-viewport" style={{ height: viewportHeight }}>
          <div className="wf-gridlines" style={{ left: nameColumnWidth }} aria-hidden="true">
            {gridLines.map((fraction) => (
              <span key={fraction} style={{ left: `${fraction * 100}%` }} />
            ))}
          </div>
          {/* Rows sit at fixed offsets inside one shifted layer: a scroll within a row only moves
              the layer, and keys are slots (index mod row count) so a new row reuses the DOM of
              the one that left instead of unmounting and mounting. */}
          <div className="wf-rows" style={{ transform: `translateY(${firstStart - offset}px)` }}>
            {items.map((item) => {
              const index = rows[item.index] ?? 0;
              return (
                <WaterfallRow
                  key={item.index % items.length}
                  model={model}
                  index={index}
                  position={item.index}
                  top={item.start - firstStart}
                  selected={index === selected}
                  focused={index === focused}
                  collapsed={collapsed[index] === 1}
                  nameColumnWidth={nameColumnWidth}
                  viewStart={viewStart}
                  viewEnd={viewEnd}
                  onToggle={toggle}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
