import type { ReactNode } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';
import { RowKind } from '../../../model/row-filter';
import { rowPosition } from '../collapse-levels';
import type { TraceAnalysis } from '../header/use-trace-analysis';
import { useTraceViewStore } from '../trace-view-store';
import { cachedCriticalGradient, criticalIndex } from './critical-segments';
import { FoldRow, HiddenRow } from './summary-rows';
import { WaterfallRow } from './waterfall-row';
import type { WaterfallModel } from './waterfall-model';

/** What the bars draw beyond the columns: analysis results once the worker sent them. */
export interface RowDecor {
  readonly analysis: TraceAnalysis | null;
}

export interface WaterfallRowsProps {
  readonly model: WaterfallModel;
  readonly items: readonly VirtualItem[];
  readonly firstStart: number;
  readonly detailAt: number;
  readonly itemToPosition: (item: number, detailAt: number) => number;
  readonly decor: RowDecor;
  readonly renderDetail?: ((index: number) => ReactNode) | undefined;
}


/** The part of `[start, start + duration)` inside the visible window, as [start, duration]. */
function visiblePart(start: number, duration: number, viewStart: number, viewEnd: number, total: number): [number, number] {
  const from = Math.max(start, viewStart * total);
  const to = Math.min(start + duration, viewEnd * total);
  return [from, Math.max(to - from, 0)];
}

/** The rows on screen, each drawn by its kind (span, hidden services, folded repeats, details). */
export function WaterfallRows({ model, items, firstStart, detailAt, itemToPosition, decor, renderDetail }: WaterfallRowsProps) {
  const rows = useTraceViewStore((s) => s.visibleRows);
  const kinds = useTraceViewStore((s) => s.rowKinds);
  const ends = useTraceViewStore((s) => s.rowEnds);
  const collapsed = useTraceViewStore((s) => s.collapsed);
  useTraceViewStore((s) => s.collapseVersion);
  const selected = useTraceViewStore((s) => s.selected);
  const focused = useTraceViewStore((s) => s.focused);
  const matches = useTraceViewStore((s) => s.matches);
  const folds = useTraceViewStore((s) => s.folds);
  const nameColumnWidth = useTraceViewStore((s) => s.nameColumnWidth);
  const viewStart = useTraceViewStore((s) => s.viewStart);
  const viewEnd = useTraceViewStore((s) => s.viewEnd);
  const showCritical = useTraceViewStore((s) => s.showCriticalPath);
  const timeMode = useTraceViewStore((s) => s.timeMode);
  const toggle = useTraceViewStore((s) => s.toggle);

  const { analysis } = decor;
  const { columns } = model;
  const adjusted = analysis && timeMode === 'adjusted' && analysis.skew.shiftedCount > 0 ? analysis.skew.adjustedStart : null;
  const critical = showCritical && analysis ? criticalIndex(analysis.criticalPath, columns.spanCount) : null;
  const gradientKey = `${timeMode} ${viewStart} ${viewEnd}`;

  return items.map((item) => {
    const slot = item.index % items.length;
    const top = item.start - firstStart;
    if (item.index === detailAt) {
      return (
        <div key="detail" role="row" className="wf-detail" style={{ transform: `translateY(${top}px)`, height: item.size }} aria-rowindex={item.index + 1}>
          <div role="gridcell" className="wf-detail-cell">
            {renderDetail?.(selected)}
          </div>
        </div>
      );
    }
    const position = itemToPosition(item.index, detailAt);
    const index = rows[position] ?? 0;
    const kind = kinds[position] ?? RowKind.Span;
    const common = { model, index, position: item.index, top, focused: index === focused, nameColumnWidth };
    if (kind === RowKind.Hidden) return <HiddenRow key={slot} {...common} end={ends[position] ?? index + 1} />;
    if (kind === RowKind.Folded) {
      const groupIndex = folds?.groupAtFirst[index] ?? -1;
      const group = folds?.groups[groupIndex];
      if (group) return <FoldRow key={slot} {...common} end={ends[position] ?? index + 1} group={group} groupIndex={groupIndex} viewStart={viewStart} viewEnd={viewEnd} />;
    }
    const rawStart = columns.start[index] ?? 0;
    const skewDelta = analysis ? analysis.skewDeltaOf(index) : 0;
    const barStart = adjusted ? (adjusted[index] ?? rawStart) : rawStart;
    let gradient = '';
    if (critical) {
      // Segments are on adjusted times; in raw mode they move back by the span's skew delta.
      const [from, length] = visiblePart(barStart, columns.duration[index] ?? 0, viewStart, viewEnd, model.duration);
      gradient = cachedCriticalGradient(critical, gradientKey, index, from, length, adjusted ? 0 : -skewDelta);
    }
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
        skewDelta={skewDelta}
        critical={gradient}
        onToggle={toggle}
      />
    );
  });
}
