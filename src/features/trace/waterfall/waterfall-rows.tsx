import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { foldGroupAt, RowKind } from '../../../model/row-filter';
import { formatDuration } from '../../../ui/format-duration';
import { rowPosition } from '../collapse-levels';
import type { TraceAnalysis } from '../header/use-trace-analysis';
import { startOnFrame, type TimeFrame } from '../time-frame';
import { useTracePage } from '../state/trace-page-store-context';
import { cachedCriticalIntervals, criticalIndex } from './critical-segments';
import { paintRows, prepareCanvas, type PaintRow } from './row-painter';
import type { WindowItem } from './row-slots';
import { FoldRow, HiddenRow } from './summary-rows';
import { WaterfallRow } from './waterfall-row';
import { barGeometry, indentWidth, timingNote, type WaterfallModel } from './waterfall-model';
import { useUiSettings } from '../../../api/ui-settings-context';

/** What the bars draw beyond the columns: analysis results once the worker sent them. */
export interface RowDecor {
  readonly analysis: TraceAnalysis | null;
  /** The time axis (raw or adjusted) the bars are placed on. */
  readonly frame: TimeFrame;
}

export interface WaterfallRowsProps {
  readonly model: WaterfallModel;
  readonly items: readonly WindowItem[];
  readonly firstStart: number;
  readonly detailAt: number;
  readonly itemToPosition: (item: number, detailAt: number) => number;
  readonly decor: RowDecor;
  readonly renderDetail?: ((index: number) => ReactNode) | undefined;
  /** The detail's content height (px) whenever it changes: the item follows it. */
  readonly onDetailContentHeight?: (height: number) => void;
  /** The viewport's canvas; null when the browser has none (the DOM rows then draw themselves). */
  readonly canvas: RefObject<HTMLCanvasElement | null>;
  readonly painted: boolean;
  /** Where the rows layer sits in the viewport (px), and the viewport's size. */
  readonly layerOffset: number;
  readonly width: number;
  readonly height: number;
}

const EMPTY: Float64Array = new Float64Array(0);

/** The part of `[start, start + duration)` inside the visible window, as [start, duration]. */
function visiblePart(
  start: number,
  duration: number,
  viewStart: number,
  viewEnd: number,
  total: number,
): [number, number] {
  const from = Math.max(start, viewStart * total);
  const to = Math.min(start + duration, viewEnd * total);
  return [from, Math.max(to - from, 0)];
}

/** The rows on screen, each drawn by its kind (span, hidden services, folded repeats, details). */
export function WaterfallRows(props: WaterfallRowsProps) {
  const { model, items, firstStart, detailAt, itemToPosition, decor, renderDetail, painted } =
    props;
  const rows = useTracePage((s) => s.visibleRows);
  const kinds = useTracePage((s) => s.rowKinds);
  const ends = useTracePage((s) => s.rowEnds);
  const collapsed = useTracePage((s) => s.collapsed);
  useTracePage((s) => s.collapseVersion);
  const selected = useTracePage((s) => s.selected);
  const focused = useTracePage((s) => s.focused);
  const matches = useTracePage((s) => s.matches);
  const folds = useTracePage((s) => s.folds);
  const nameColumnWidth = useTracePage((s) => s.nameColumnWidth);
  const viewStart = useTracePage((s) => s.viewStart);
  const viewEnd = useTracePage((s) => s.viewEnd);
  // Jaeger UI's `criticalPathEnabled: false` turns the critical path off altogether.
  const criticalPathEnabled = useUiSettings().config.criticalPathEnabled;
  const showCritical = useTracePage((s) => s.showCriticalPath) && criticalPathEnabled;
  const toggle = useTracePage((s) => s.toggle);

  const { analysis, frame } = decor;
  const { columns } = model;
  const adjusted = frame.starts !== null;
  const critical =
    showCritical && analysis ? criticalIndex(analysis.criticalPath, columns.spanCount) : null;
  const intervalKey = `${adjusted ? 'adjusted' : 'raw'} ${viewStart} ${viewEnd}`;
  const paint: PaintRow[] = [];

  const elements = items.map((item) => {
    const slot = item.index % items.length;
    const top = item.start - firstStart;
    if (item.index === detailAt) {
      return (
        <div
          key="detail"
          role="row"
          className="wf-detail"
          style={{ transform: `translateY(${top}px)`, height: item.size }}
          aria-rowindex={item.index + 1}
        >
          <div role="gridcell" className="wf-detail-cell">
            <DetailContent onHeight={props.onDetailContentHeight}>
              {renderDetail?.(selected)}
            </DetailContent>
          </div>
        </div>
      );
    }
    const position = itemToPosition(item.index, detailAt);
    const index = rows[position] ?? 0;
    const kind = kinds[position] ?? RowKind.Span;
    const common = {
      model,
      index,
      position: item.index,
      top,
      focused: index === focused,
      nameColumnWidth,
    };
    if (kind === RowKind.Hidden)
      return <HiddenRow key={slot} {...common} end={ends[position] ?? index + 1} />;
    if (kind === RowKind.Folded) {
      const groupIndex = folds ? foldGroupAt(folds, index) : -1;
      const group = folds?.groups[groupIndex];
      if (group)
        return (
          <FoldRow
            key={slot}
            {...common}
            end={ends[position] ?? index + 1}
            group={group}
            groupIndex={groupIndex}
            barStart={startOnFrame(frame, columns, group.first)}
            total={frame.duration}
            errors={folds?.errors[groupIndex] ?? 0}
            warnings={folds?.warnings[groupIndex] ?? 0}
            viewStart={viewStart}
            viewEnd={viewEnd}
          />
        );
    }
    const skewDelta = analysis ? analysis.skewDeltaOf(index) : 0;
    const barStart = startOnFrame(frame, columns, index);
    const duration = columns.duration[index] ?? 0;
    let intervals: Float64Array = EMPTY;
    if (critical) {
      // Segments are on adjusted times from the raw origin: on the adjusted axis they move by its
      // origin, on the raw one back by the span's skew delta.
      const [from, length] = visiblePart(barStart, duration, viewStart, viewEnd, frame.duration);
      intervals = cachedCriticalIntervals(
        critical,
        intervalKey,
        index,
        from,
        length,
        adjusted ? -frame.origin : -skewDelta,
      );
    }
    if (painted)
      paint.push(
        paintRow(
          model,
          index,
          item.start - firstStart + props.layerOffset,
          collapsed[index] === 1,
          nameColumnWidth,
          skewDelta,
          intervals,
          barGeometry(barStart, duration, viewStart, viewEnd, frame.duration),
        ),
      );
    return (
      <WaterfallRow
        key={slot}
        {...common}
        selected={index === selected}
        collapsed={collapsed[index] === 1}
        match={matches.length > 0 && rowPosition(matches, index) >= 0}
        viewStart={viewStart}
        viewEnd={viewEnd}
        barStart={barStart}
        total={frame.duration}
        skewDelta={skewDelta}
        critical={intervals.length > 0}
        painted={painted}
        onToggle={toggle}
      />
    );
  });

  const { canvas, width, height } = props;
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!painted || !element) return;
    const ctx = prepareCanvas(element, width, height);
    if (ctx) paintRows(ctx, { width, height, nameColumnWidth, rows: paint });
  });
  return elements;
}

/** The inline detail's content, measured so the detail item can be as tall as it. */
function DetailContent({
  children,
  onHeight,
}: {
  readonly children: ReactNode;
  readonly onHeight: ((height: number) => void) | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !onHeight || typeof ResizeObserver === 'undefined') return undefined;
    // Border-box of the content plus the item's own 1 px borders.
    const report = () => onHeight(element.getBoundingClientRect().height + 2);
    report();
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }, [onHeight]);
  return (
    <div ref={ref} className="wf-detail-content">
      {children}
    </div>
  );
}

/** What the canvas needs of one span row (same text and geometry as the DOM row). */
function paintRow(
  model: WaterfallModel,
  index: number,
  y: number,
  collapsed: boolean,
  nameColumnWidth: number,
  skewDelta: number,
  critical: Float64Array,
  bar: ReturnType<typeof barGeometry>,
): PaintRow {
  const { columns } = model;
  const serviceIndex = columns.service[index] ?? 0;
  const parentOf = (columns.subtreeEnd[index] ?? 0) > index + 1;
  const duration = columns.duration[index] ?? 0;
  const selfTime = columns.selfTime[index] ?? duration;
  const depth = columns.depth[index] ?? 0;
  const indent = indentWidth(depth, nameColumnWidth);
  const flags = columns.flags[index] ?? 0;
  return {
    y,
    index,
    service: model.services[serviceIndex] ?? '',
    operation: model.operations[columns.operation[index] ?? 0] ?? '',
    color: model.serviceColors[serviceIndex] ?? '#888888',
    flags,
    parentOf,
    collapsed,
    indent: indent.width,
    cappedDepth: indent.capped ? depth : -1,
    // The badge at the name column's end: the skew shift, else an oddity of the span's times.
    badge:
      skewDelta !== 0
        ? `⇆ ${skewDelta > 0 ? '+' : ''}${formatDuration(skewDelta)}`
        : timingNote(flags) && `⚠ ${timingNote(flags)}`,
    bar,
    label:
      parentOf && selfTime < duration
        ? `${formatDuration(duration)} (self ${formatDuration(selfTime)})`
        : formatDuration(duration),
    critical,
  };
}
