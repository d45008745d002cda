import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTraceViewStore } from '../trace-view-store';
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
}

/**
 * The span waterfall: toolbar, ruler with the name-column splitter, and the virtualized treegrid.
 * State (collapse, selection, view window, column width) lives in useTraceViewStore; the caller
 * resets the store when it shows a new trace.
 */
export function Waterfall({ trace, label }: WaterfallProps) {
  const idPrefix = useId().replace(/:/g, '');
  const model = useMemo(() => createWaterfallModel(trace, `wf${idPrefix}`), [trace, idPrefix]);
  const nameColumnWidth = useTraceViewStore((s) => s.nameColumnWidth);
  const viewStart = useTraceViewStore((s) => s.viewStart);
  const viewEnd = useTraceViewStore((s) => s.viewEnd);
  const ticks = useMemo(
    () => timeTicks(viewStart * trace.duration, viewEnd * trace.duration, 5),
    [viewStart, viewEnd, trace.duration],
  );
  const gridLines = useMemo(() => ticks.map((tick) => tick.fraction), [ticks]);

  const rootRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = rootRef.current;
    if (!element) return undefined;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="wf" ref={rootRef}>
      <WaterfallToolbar />
      <div className="wf-header">
        <div className="wf-header-name" style={{ width: nameColumnWidth }}>
          Service and operation
        </div>
        <TimeRuler ticks={ticks} />
        <NameColumnSplitter containerWidth={width} />
      </div>
      <WaterfallBody model={model} label={label} gridLines={gridLines} />
    </div>
  );
}
