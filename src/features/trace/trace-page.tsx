import { useCallback, useMemo } from 'react';
import { useParams } from 'react-router';
import { useJaegerClient } from '../../api/client-context';
import type { LoadedTrace } from '../../worker/messages';
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
import './trace-page.css';

/** `/trace/:id`: loads the trace in the worker, then shows its header, waterfall and details. */
export function TracePage() {
  const { id = '' } = useParams();
  const client = useJaegerClient();
  const url = useMemo(() => client.traceUrl(id), [client, id]);
  const { state, retry, cancel } = useTraceLoad(id, url);

  if (state.status === 'loading')
    return <TraceLoading progress={state.progress} onCancel={cancel} />;
  if (state.status === 'cancelled') return <TraceCancelled onRetry={retry} />;
  if (state.status === 'error') return <TraceLoadError error={state.error} onRetry={retry} />;
  return <TraceView trace={state.trace} warnings={state.warnings} />;
}

function TraceView({ trace, warnings }: { trace: LoadedTrace; warnings: readonly string[] }) {
  const selected = useTraceViewStore((s) => s.selected);
  const select = useTraceViewStore((s) => s.select);
  const [detailLayout, setDetailLayout] = useDetailLayout();
  const find = useCallback(
    (query: string) => traceWorkerClient().find(trace.handle, query),
    [trace.handle],
  );
  const loadDetail = useCallback(
    (index: number) => traceWorkerClient().spanDetail(trace.handle, index),
    [trace.handle],
  );
  const minimapBins = useCallback(
    (width: number, height: number) => traceWorkerClient().minimapBins(trace.handle, width, height),
    [trace.handle],
  );
  // Shared with the header (one worker request); null until the worker answered.
  const analysis = useTraceAnalysis(trace);
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
      {...(analysis
        ? {
            skewDeltaOf: analysis.skewDeltaOf,
            criticalMicrosOf: (span: number) => analysis.criticalPath.perSpan[span] ?? 0,
          }
        : {})}
    />
  );
  return (
    <div className="trace-page">
      <TracePageHeader trace={trace} />
      {warnings.length > 0 ? (
        <ul className="trace-warnings" aria-label="Parser warnings">
          {warnings.slice(0, 5).map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <TraceViews trace={trace}>
        <TraceFindBar trace={trace} find={find} minimapBins={minimapBins} />
        <div className="trace-body" data-detail-layout={detailLayout}>
          <Waterfall
            trace={trace}
            label={`Spans of ${trace.name}`}
            analysis={analysis}
            // Inline layout: the details open under the selected row, inside the virtual list.
            renderDetail={detailLayout === 'inline' ? renderDetail : undefined}
          />
          {selected >= 0 && detailLayout === 'side' ? renderDetail(selected) : null}
        </div>
      </TraceViews>
    </div>
  );
}
