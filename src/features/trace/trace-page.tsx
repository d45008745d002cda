import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useJaegerClient } from '../../api/client-context';
import { useTraceIdOfRoute } from '../../ui/trace-path';
import { useElementSize, type ElementSize } from '../../ui/use-element-size';
import { useEmbed } from '../../ui/embed-context';
import type { LoadedTrace } from '../../worker/messages';
import { isLocalHandle, wasOpenedFromFile } from '../../worker/local-trace-registry';
import { useTraceWorker } from '../../worker/trace-worker-context';
import { workerQueryOptions } from '../../worker/worker-queries';
import { SpanDetailContainer } from './details/span-detail-container';
import { useDetailLayout } from './details/use-detail-layout';
import { TraceFindBar } from './find/trace-find-bar';
import { useTraceAnalysis } from './header/use-trace-analysis';
import { jumpToSpan, TracePageHeader } from './header/trace-page-header';
import {
  TracePageStoreProvider,
  useTracePage,
  useTracePageStore,
} from './state/trace-page-store-context';
import { useSelectionUrl } from './state/use-selection-url';
import { TraceCancelled, TraceLoadError, TraceLoading } from './trace-load-status';
import { useTraceLoad } from './use-trace-load';
import { TraceViews } from './views/trace-views';
import { Waterfall } from './waterfall/waterfall';
import { LocalTraceNote } from './local-trace-note';
import './trace-page.css';

/**
 * `/trace/:id`: loads the trace in the worker, then shows its header, waterfall and details.
 * The page's state lives in a store of its own (state/trace-page-store.ts).
 */
export function TracePage() {
  return (
    <TracePageStoreProvider>
      <TracePageContent />
    </TracePageStoreProvider>
  );
}

function TracePageContent() {
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
          traceId={id}
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
  const page = useTracePageStore();
  const selected = useTracePage((s) => s.selected);
  const select = useTracePage((s) => s.select);
  // The selected span is in the URL (?span=): links open it, back/forward move it.
  useSelectionUrl(trace.handle);
  const onJumpToSpan = useCallback((index: number) => jumpToSpan(page, index), [page]);
  const [detailLayout, setDetailLayout] = useDetailLayout();
  // Jaeger UI's embedded mode: a collapsed header hides the summary and the minimap until opened.
  const embed = useEmbed();
  const [collapsed, setCollapsed] = useState(embed.collapseTitle);
  const toggleCollapsed = useCallback(() => setCollapsed((was) => !was), []);
  const worker = useTraceWorker();
  const queries = useQueryClient();
  // Through the query cache: the same query again (back, a re-typed word) is answered at once.
  const find = useCallback(
    async (query: string) =>
      (
        await queries.fetchQuery(
          workerQueryOptions(worker, 'find', { handle: trace.handle, query }),
        )
      ).matches,
    [queries, trace.handle, worker],
  );
  // Shared with the header (one worker request); null until the worker answered.
  const analysis = useTraceAnalysis(trace);
  const timeMode = useTracePage((s) => s.timeMode);
  // The minimap draws on the waterfall's axis: adjusted once the analysis found skew.
  const skewed = analysis !== null && analysis.skew.shiftedCount > 0;
  const minimapMode = skewed && timeMode === 'adjusted' ? 'adjusted' : 'raw';
  const minimapBins = useCallback(
    (width: number, height: number) => worker.minimapBins(trace.handle, width, height, minimapMode),
    [worker, trace.handle, minimapMode],
  );
  const renderDetail = (index: number) => (
    <SpanDetailContainer
      index={index}
      handle={trace.handle}
      layout={detailLayout}
      onLayoutChange={setDetailLayout}
      onClose={() => select(-1)}
      onJumpToSpan={onJumpToSpan}
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
