import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { canvas2dSupported } from '../../../ui/canvas-support';
import { scrollbarWidth } from '../../../ui/scrollbar-width';
import { useElementSize, type ElementSize } from '../../../ui/use-element-size';
import { rowPosition } from '../collapse-levels';
import { useTracePage, useTracePageStore } from '../state/trace-page-store-context';
import { activateSummaryRow } from './row-actions';
import {
  DETAIL_HEIGHT,
  detailHeightFor,
  detailSlot,
  itemBox,
  itemToPosition,
  offsetToReveal,
  positionToItem,
  windowItems,
} from './row-slots';
import { scrollScale, type ScrollScale } from './scaled-scroll';
import { anchorAt, offsetOfAnchor } from './scroll-anchor';
import { useTreegridKeys } from './use-treegrid-keys';
import { ROW_HEIGHT, rowId, type WaterfallModel } from './waterfall-model';
import { WaterfallRows, type RowDecor } from './waterfall-rows';

const OVERSCAN = 4;

export interface WaterfallBodyProps {
  readonly model: WaterfallModel;
  readonly label: string;
  readonly gridLines: readonly number[];
  readonly decor: RowDecor;
  /** Inline detail layout: the selected span's details, shown as a taller item under its row. */
  readonly renderDetail?: ((index: number) => ReactNode) | undefined;
  /**
   * A bound on the scroll area's box known before mounting (its width, and at least its height):
   * the first render then already holds the rows, and the exact size follows after layout.
   */
  readonly initialSize?: ElementSize | undefined;
}

/**
 * The client size the scroll element will have, from an outer bound of its box: the full width
 * less the scrollbar that rows taller than the bound certainly need. Rows that may fit give no
 * estimate: whether a scrollbar appears then depends on the real height.
 */
function clientRectWithin(
  bound: ElementSize | undefined,
  contentHeight: number,
): ElementSize | null {
  if (!bound || bound.width <= 0 || contentHeight <= bound.height) return null;
  return { width: bound.width - scrollbarWidth(), height: bound.height };
}

/** Whether span `focused`'s row was fully inside the viewport at `offset`. */
function focusedOnScreen(
  rows: Int32Array,
  detailAt: number,
  focused: number,
  offset: number,
  height: number,
  detailHeight: number,
): boolean {
  const position = rowPosition(rows, focused);
  if (position < 0) return false;
  const box = itemBox(positionToItem(position, detailAt), detailAt, ROW_HEIGHT, detailHeight);
  return offsetToReveal(box, offset, height) === null;
}

/**
 * The virtualized treegrid. Only rows on screen (plus overscan) exist in the DOM; they are drawn
 * in a sticky viewport at `virtual offset - row start`, which is what makes the scaled scroll
 * space of scaled-scroll.ts invisible to the user.
 */
export const WaterfallBody = memo(function WaterfallBody({
  model,
  label,
  gridLines,
  decor,
  renderDetail,
  initialSize,
}: WaterfallBodyProps) {
  const store = useTracePageStore();
  const rows = useTracePage((s) => s.visibleRows);
  const selected = useTracePage((s) => s.selected);
  const focused = useTracePage((s) => s.focused);
  const nameColumnWidth = useTracePage((s) => s.nameColumnWidth);
  const select = useTracePage((s) => s.select);

  const selectedPosition = selected >= 0 ? rowPosition(rows, selected) : -1;
  const detailAt = detailSlot(selectedPosition, renderDetail !== undefined);
  const count = rows.length + (detailAt >= 0 ? 1 : 0);

  const scrollRef = useRef<HTMLDivElement>(null);
  const scaleRef = useRef<ScrollScale>(scrollScale(0, 0));

  // The inline detail is as tall as its content, within limits (detailHeightFor); until measured,
  // the last height it had.
  const [detailHeight, setDetailHeight] = useState(DETAIL_HEIGHT);
  const totalHeight = rows.length * ROW_HEIGHT + (detailAt >= 0 ? detailHeight : 0);

  // Known once, before the first render.
  const [initialRect] = useState(() => clientRectWithin(initialSize, totalHeight));
  // The viewport's client size: the bound known before mounting, then the ResizeObserver's
  // reports (after layout); without a bound it is measured while the element mounts.
  const [observeSize, viewport] = useElementSize<HTMLDivElement>(
    initialRect ? { initial: initialRect } : { readOnMount: true },
  );
  const attachScroll = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node;
      return observeSize(node);
    },
    [observeSize],
  );
  const viewportHeight = viewport.height;
  const onDetailContentHeight = useCallback(
    (content: number) => setDetailHeight(detailHeightFor(content, viewportHeight)),
    [viewportHeight],
  );
  const viewportWidth = viewport.width;
  // Span rows are drawn on one canvas when the document has a 2D context (ui/canvas-support). Known
  // before the first render, so the first commit already holds the rows' final form.
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painted = canvas2dSupported();
  // The canvas reads theme colours when it draws: a theme switch (data-theme or the system
  // scheme) must draw again.
  const [, setThemeVersion] = useState(0);
  useEffect(() => {
    if (!painted) return undefined;
    const redraw = () => setThemeVersion((v) => v + 1);
    const observer = new MutationObserver(redraw);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', redraw);
    return () => {
      observer.disconnect();
      scheme.removeEventListener('change', redraw);
    };
  }, [painted]);
  const scale = useMemo(
    () => scrollScale(totalHeight, viewportHeight),
    [totalHeight, viewportHeight],
  );
  scaleRef.current = scale;
  // The virtual scroll offset: scrollTop through the scale, read on every scroll (rendered in the
  // scroll event, so the rows move in the frame the scroll shows) and again when the scale changes.
  const [offset, setOffset] = useState(0);
  /** The offset as last read or set here, for scrolling without reading scrollTop back. */
  const offsetRef = useRef(0);
  const readOffset = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    offsetRef.current = scaleRef.current.toVirtual(element.scrollTop);
    setOffset(offsetRef.current);
  }, []);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const onScroll = () => flushSync(readOffset);
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [readOffset]);
  // Offsets here are virtual and go through the scale once, so the last of 1M rows (past the
  // scaled-scroll cap) is reachable.
  const scrollToPosition = useCallback(
    (position: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const scale = scaleRef.current;
      const box = itemBox(positionToItem(position, detailAt), detailAt, ROW_HEIGHT, detailHeight);
      // The known offset and height, not scrollTop and clientHeight: reading those here would
      // force a layout in the middle of the commit.
      const target = offsetToReveal(box, offsetRef.current, viewportHeight);
      if (target === null) return;
      offsetRef.current = target;
      element.scrollTop = scale.toPhysical(target);
    },
    [detailAt, viewportHeight, detailHeight],
  );
  // When the rows change under the user (folds, analysis, filters, a collapse, an opened detail),
  // the span at the top of the viewport stays where it is: the offset follows that span, not the
  // pixel offset (which would show other rows, and at 1M rows the scroll scale changes too).
  // The focused row is brought on screen only when the focus moves (find next/previous, f/b,
  // header examples, deep links, reference jumps), or when the viewport shrinks under it.
  const laidOut = useRef<{
    rows: Int32Array;
    detailAt: number;
    detailHeight: number;
    scale: ScrollScale;
    focused: number;
    viewportHeight: number;
  } | null>(null);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    // Not measured yet: nothing to anchor, and a deep-linked focus is revealed once it is.
    if (!element || viewportHeight <= 0) return;
    const prev = laidOut.current;
    const before = offsetRef.current;
    let target = before;
    if (
      prev &&
      (prev.rows !== rows || prev.detailAt !== detailAt || prev.detailHeight !== detailHeight)
    )
      target = offsetOfAnchor(
        anchorAt(prev.rows, prev.detailAt, target, ROW_HEIGHT, prev.detailHeight),
        rows,
        detailAt,
        ROW_HEIGHT,
        detailHeight,
      );
    const position = rowPosition(rows, focused);
    const focusMoved = !prev || prev.focused !== focused;
    const shrankUnderFocus =
      prev !== null &&
      viewportHeight < prev.viewportHeight &&
      focusedOnScreen(
        prev.rows,
        prev.detailAt,
        prev.focused,
        before,
        prev.viewportHeight,
        prev.detailHeight,
      );
    if (position >= 0 && (focusMoved || shrankUnderFocus)) {
      const box = itemBox(positionToItem(position, detailAt), detailAt, ROW_HEIGHT, detailHeight);
      target = offsetToReveal(box, target, viewportHeight) ?? target;
    }
    if (target !== offsetRef.current || (prev !== null && prev.scale !== scale)) {
      offsetRef.current = target;
      // Not on mount: a new element is at the top, and writing scrollTop forces a layout.
      element.scrollTop = scale.toPhysical(target);
      setOffset(target);
    }
    laidOut.current = { rows, detailAt, detailHeight, scale, focused, viewportHeight };
  }, [rows, detailAt, detailHeight, scale, focused, viewportHeight]);

  const pageRows = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
  const onKeyDown = useTreegridKeys(pageRows, scrollToPosition);
  const items = useMemo(
    () => windowItems(offset, viewportHeight, count, detailAt, ROW_HEIGHT, OVERSCAN, detailHeight),
    [offset, viewportHeight, count, detailAt, detailHeight],
  );
  const firstStart = items[0]?.start ?? 0;
  const focusedPosition = rowPosition(rows, focused);

  return (
    <div
      ref={attachScroll}
      className="wf-scroll"
      role="treegrid"
      aria-label={label}
      aria-rowcount={count}
      aria-multiselectable={false}
      aria-activedescendant={focusedPosition >= 0 ? rowId(model, focused) : undefined}
      tabIndex={0}
      onKeyDown={(event) => {
        // Keys typed inside the inline details belong to the details.
        if (event.target === event.currentTarget) onKeyDown(event);
      }}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest('.wf-detail')) return;
        const summary = target.closest<HTMLElement>('[data-row-action]');
        if (summary) {
          activateSummaryRow(store, summary);
          return;
        }
        const row = target.closest('[data-span-index]');
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
          {/* Before the rows: React attaches its ref before the rows' layout effect paints on it,
              so the commit that first shows rows paints them too (after them, the first commit
              found no canvas and the rows showed blank for a task). Stacked above them by CSS. */}
          <canvas
            ref={canvasRef}
            className="wf-canvas"
            style={{ height: viewportHeight }}
            aria-hidden="true"
          />
          {/* Rows sit at fixed offsets inside one shifted layer: a scroll within a row only moves
              the layer, and keys are slots (index mod row count) so a new row reuses the DOM of
              the one that left instead of unmounting and mounting. */}
          <div className="wf-rows" style={{ transform: `translateY(${firstStart - offset}px)` }}>
            <WaterfallRows
              model={model}
              items={items}
              firstStart={firstStart}
              detailAt={detailAt}
              itemToPosition={itemToPosition}
              decor={decor}
              renderDetail={renderDetail}
              onDetailContentHeight={onDetailContentHeight}
              canvas={canvasRef}
              painted={painted}
              layerOffset={firstStart - offset}
              width={viewportWidth}
              height={viewportHeight}
            />
          </div>
        </div>
      </div>
    </div>
  );
});
