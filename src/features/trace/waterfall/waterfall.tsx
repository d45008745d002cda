import { useEffect, useId, useMemo, type ReactNode } from 'react';
import { useElementSize, type ElementSize } from '../../../ui/use-element-size';
import type { TraceAnalysis } from '../header/use-trace-analysis';
import { timeFrame } from '../time-frame';
import { useTracePage, useTracePageStore } from '../state/trace-page-store-context';
import { NameColumnSplitter } from './name-column-splitter';
import { TimeRuler } from './time-ruler';
import { timeTicks } from './time-ticks';
import { WaterfallBody } from './waterfall-body';
import { createWaterfallModel, type WaterfallTrace } from './waterfall-model';
import { WaterfallToolbar } from './waterfall-toolbar';
import './waterfall.css';

export interface WaterfallProps {
  readonly trace: WaterfallTrace;
  /** Accessible name of the treegrid, e.g. "Spans of frontend: GET /dispatch". */
  readonly label: string;
  /** Critical path, clock skew and repeated siblings, once the worker computed them. */
  readonly analysis?: TraceAnalysis | null;
  /** Inline detail layout: the details of the selected span, drawn under its row. */
  readonly renderDetail?: ((index: number) => ReactNode) | undefined;
  /** Known before mounting: the span rows' area is at most this big (see WaterfallBody). */
  readonly initialSize?: ElementSize | undefined;
}

/**
 * The span waterfall: toolbar, ruler with the name-column splitter, and the virtualized treegrid.
 * State (collapse, selection, view window, column width) lives in the trace page's store
 * (state/trace-page-store.ts); the caller resets it when it shows a new trace.
 */
export function Waterfall({
  trace,
  label,
  analysis = null,
  renderDetail,
  initialSize,
}: WaterfallProps) {
  const idPrefix = useId().replace(/:/g, '');
  const model = useMemo(() => createWaterfallModel(trace, `wf${idPrefix}`), [trace, idPrefix]);
  const store = useTracePageStore();
  const nameColumnWidth = useTracePage((s) => s.nameColumnWidth);
  const viewStart = useTracePage((s) => s.viewStart);
  const viewEnd = useTracePage((s) => s.viewEnd);
  const timeMode = useTracePage((s) => s.timeMode);
  // Ruler and bars share one axis: raw, or clock-skew adjusted (its own start and length).
  const frame = useMemo(
    () => timeFrame(trace.duration, analysis?.skew, timeMode),
    [trace.duration, analysis, timeMode],
  );
  const ticks = useMemo(
    () => timeTicks(viewStart * frame.duration, viewEnd * frame.duration, 5),
    [viewStart, viewEnd, frame.duration],
  );
  const gridLines = useMemo(() => ticks.map((tick) => tick.fraction), [ticks]);

  // Repeated sibling runs arrive with the analysis; they fold until clicked.
  // Their own task: at 1M spans the fold index (the rows come computed from the worker) should
  // not add to the header's render of the same analysis.
  useEffect(() => {
    if (!analysis?.repeatedSiblings.length) return undefined;
    const { repeatedSiblings, defaultViewRows } = analysis;
    const timer = window.setTimeout(
      () => store.getState().setFoldGroups(repeatedSiblings, defaultViewRows),
      0,
    );
    return () => window.clearTimeout(timer);
  }, [analysis, store]);
  const decor = useMemo(() => ({ analysis, frame }), [analysis, frame]);

  // Only the splitter's limit depends on it: measured after the first paint.
  const [measureRoot, root] = useElementSize<HTMLDivElement>();

  return (
    <div className="wf" ref={measureRoot}>
      <WaterfallToolbar
        services={trace.services}
        analysisReady={analysis !== null}
        skewShifted={analysis?.skew.shiftedCount ?? 0}
      />
      <div className="wf-header">
        <div className="wf-header-name" style={{ width: nameColumnWidth }}>
          Service and operation
        </div>
        <TimeRuler ticks={ticks} />
        <NameColumnSplitter containerWidth={root.width} />
      </div>
      <WaterfallBody
        model={model}
        label={label}
        gridLines={gridLines}
        decor={decor}
        renderDetail={renderDetail}
        initialSize={initialSize}
      />
    </div>
  );
}
