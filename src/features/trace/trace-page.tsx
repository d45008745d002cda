import { useCallback, useMemo, useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import { useTraceIdOfRoute } from '../../ui/trace-path';
import { useElementSize, type ElementSize } from '../../ui/use-element-size';
import { useEmbed } from '../../ui/embed-context';
import type { LoadedTrace } from '../../worker/messages';
import { isLocalHandle, wasOpenedFromFile } from '../../worker/local-trace-registry';
import { traceWorkerClient } from '../../worker/trace-worker-client';
import { SpanDetailContainer } from './details/span-detail-container';
import { useDetailLayout } from './details/use-detail-layout';
import { TraceFindBar } from './find/trace-find-bar';
import { useTraceAnalysis } from './header/use-trace-analysis';
import { jumpToSpan, TracePageHeader } from './header/trace-page-header';
import { TraceCancelled, TraceLoadError, TraceLoading } from './trace-load-status';
import { useTraceViewStore } from './trace-view-store';
import { useTraceLoad } from './use-trace-load';
import { TraceViews } from './views/trace-views';
import { Waterfall } from './waterfall/waterfall';
import { LocalTraceNote } from './local-trace-note';
import './trace-page.css';

/** `/trace/:id`: loads the trace in the worker, then shows its header, waterfall and details. */
export function TracePage() {
  const id = useTraceIdOfRoute();
  const client = useJaegerClient();
  const url = useMemo(() => client.traceUrl(id), [client, id]);
  const { state, retry, cancel } = useTraceLoad(id, url);
  // One root in every state, measured while the trace loads: the waterfall's first render then
  // knows its size and shows rows at once (see WaterfallBody's initialSize). Not once loaded:
  // the waterfall follows resizes itself, and the whole page need not re-render for them.
  const [measurePage, pageSize] = useElementSize<HTMLDivElement>();
  const loaded = state.status === 'loaded';

  return (
    <div className="trace-page" ref={loaded ? undefined : measurePage}>
      {state.status === 'loading' ? (
        <TraceLoading progress={state.progress} onCancel={cancel} />
      ) : state.status === 'cancelled' ? (
        <TraceCancelled onRetry={retry} />
      ) : state.status === 'error' ? (
        <TraceLoadError
          error={state.error}
          onRetry={retry}
          openedFromFile={wasOpenedFromFile(id)}
        />
      ) : (
        <TraceView trace={state.trace} warnings={state.warnings} pageSize={pageSize} />
      )}
    </div>
  );
}

interface TraceViewProps {
  readonly trace: LoadedTrace;
  readonly warnings: readonly string[];
  readonly pageSize: ElementSize;
}

function TraceView({ trace, warnings, pageSize }: TraceViewProps) {
  const selected = useTraceViewStore((s) => s.selected);
  const select = useTraceViewStore((s) => s.select);
  const [detailLayout, setDetailLayout] = useDetailLayout();
  // Jaeger UI's embedded mode: a collapsed header hides the summary and the minimap until opened.
  const embed = useEmbed();
  const [collapsed, setCollapsed] = useState(embed.collapseTitle);
  const toggleCollapsed = useCallback(() => setCollapsed((was) => !was), []);
  const find = useCallback(
    (query: string) => traceWorkerClient().find(trace.handle, query),
    [trace.handle],
  );
  const loadDetail = useCallback(
    (index: number) => traceWorkerClient().spanDetail(trace.handle, index),
    [trace.handle],
  );
  // Shared with the header (one worker request); null until the worker answered.
  const analysis = useTraceAnalysis(trace);
  const timeMode = useTraceViewStore((s) => s.timeMode);
  // The minimap draws on the waterfall's axis: adjusted once the analysis found skew.
  const skewed = analysis !== null && analysis.skew.shiftedCount > 0;
  const minimapMode = skewed && timeMode === 'adjusted' ? 'adjusted' : 'raw';
  const minimapBins = useCallback(
    (width: number, height: number) =>
      traceWorkerClient().minimapBins(trace.handle, width, height, minimapMode),
    [trace.handle, minimapMode],
  );
  const renderDetail = (index: number) => (
    <SpanDetailContainer
      index={index}
      loadDetail={loadDetail}
      layout={detailLayout}
      onLayoutChange={setDetailLayout}
      onClose={() => select(-1)}
      onJumpToSpan={jumpToSpan}
      traceStart={trace.startTime}
      traceDuration={trace.duration}
      timeMode={timeMode}
      {...(analysis
        ? {
            skewDeltaOf: analysis.skewDeltaOf,
            ...(skewed ? { adjustedOrigin: analysis.skew.adjustedFirst } : {}),
            criticalMicrosOf: (span: number) => analysis.criticalPath.perSpan[span] ?? 0,
          }
        : {})}
    />
  );
  return (
    <>
      <TracePageHeader
        trace={trace}
        collapsed={collapsed}
        hideSummary={embed.hideSummary}
        {...(embed.embedded ? { onToggleCollapsed: toggleCollapsed } : {})}
      />
      {isLocalHandle(trace.handle) ? <LocalTraceNote traceId={trace.traceId} /> : null}
      {warnings.length > 0 ? (
        <ul className="trace-warnings" aria-label="Problems reading this trace">
          {warnings.slice(0, 5).map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <TraceViews trace={trace}>
        <TraceFindBar
          trace={trace}
          find={find}
          minimapBins={minimapBins}
          hideMinimap={embed.hideMinimap || collapsed}
        />
        <div className="trace-body" data-detail-layout={detailLayout}>
          <Waterfall
            trace={trace}
            label={`Spans of ${trace.name}`}
            analysis={analysis}
            // Inline layout: the details open under the selected row, inside the virtual list.
            renderDetail={detailLayout === 'inline' ? renderDetail : undefined}
            // The rows span the page's width below the header: the page's size bounds them.
            initialSize={pageSize}
          />
          {selected >= 0 && detailLayout === 'side' ? renderDetail(selected) : null}
        </div>
      </TraceViews>
    </>
  );
}
