import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useJaegerClient } from '../../api/client-context';
import { formatDuration } from '../../ui/format-duration';
import type { LoadedTrace } from '../../worker/messages';
import { SpanDetailPanel } from './span-detail-panel';
import { TraceCancelled, TraceLoadError, TraceLoading } from './trace-load-status';
import { useTraceViewStore } from './trace-view-store';
import { useTraceLoad } from './use-trace-load';
import { Waterfall } from './waterfall/waterfall';
import './trace-page.css';

/** `/trace/:id`: loads the trace in the worker, then shows its header, waterfall and details. */
export function TracePage() {
  const { id = '' } = useParams();
  const client = useJaegerClient();
  const url = useMemo(() => client.traceUrl(id), [client, id]);
  const { state, retry, cancel } = useTraceLoad(id, url);

  if (state.status === 'loading') return <TraceLoading progress={state.progress} onCancel={cancel} />;
  if (state.status === 'cancelled') return <TraceCancelled onRetry={retry} />;
  if (state.status === 'error') return <TraceLoadError error={state.error} onRetry={retry} />;
  return <TraceView trace={state.trace} warnings={state.warnings} />;
}

function TraceView({ trace, warnings }: { trace: LoadedTrace; warnings: readonly string[] }) {
  const selected = useTraceViewStore((s) => s.selected);
  const select = useTraceViewStore((s) => s.select);
  return (
    <div className="trace-page">
      <TraceHeader trace={trace} />
      {warnings.length > 0 ? (
        <ul className="trace-warnings" aria-label="Parser warnings">
          {warnings.slice(0, 5).map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <div className="trace-body">
        <Waterfall trace={trace} label={`Spans of ${trace.name}`} />
        {selected >= 0 ? <SpanDetailPanel handle={trace.handle} index={selected} onClose={() => select(-1)} /> : null}
      </div>
    </div>
  );
}

/** Minimal header (the rich one lives in header/): name, id, duration, span count. */
function TraceHeader({ trace }: { trace: LoadedTrace }) {
  return (
    <header className="trace-header">
      <h1>{trace.name || 'Trace'}</h1>
      <dl>
        <dt>Trace ID</dt>
        <dd>
          <code>{trace.traceId}</code>
        </dd>
        <dt>Duration</dt>
        <dd>{formatDuration(trace.duration)}</dd>
        <dt>Spans</dt>
        <dd>{trace.spanCount.toLocaleString()}</dd>
        {trace.errorCount > 0 ? (
          <>
            <dt>Errors</dt>
            <dd>{trace.errorCount.toLocaleString()}</dd>
          </>
        ) : null}
      </dl>
    </header>
  );
}
