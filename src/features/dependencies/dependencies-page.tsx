import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useJaegerClient } from '../../api/client-context';
import { dependenciesQuery } from '../../api/queries';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { formatCount } from '../../ui/format-count';
import { formatHops, parseHops } from '../../ui/graph-view/hops-select';
import { DependencyTable } from './dependency-table';
import { ServiceGraphView } from './service-graph-view';
import { buildServiceGraph } from './service-graph';
import './dependencies.css';

const HOUR_MS = 3_600_000;
const LOOKBACKS = [
  { label: 'Last hour', ms: HOUR_MS },
  { label: 'Last 6 hours', ms: 6 * HOUR_MS },
  { label: 'Last 12 hours', ms: 12 * HOUR_MS },
  { label: 'Last day', ms: 24 * HOUR_MS },
  { label: 'Last 2 days', ms: 48 * HOUR_MS },
  { label: 'Last 7 days', ms: 168 * HOUR_MS },
] as const;

/** Service dependency graph: who calls whom, how often, over a lookback window. */
export function DependenciesPage() {
  const client = useJaegerClient();
  const [params, setParams] = useSearchParams();
  const lookbackMs = Number(params.get('lookback')) || 24 * HOUR_MS;
  // Rounded to the minute so the query key is stable across re-renders.
  const [endTs] = useState(() => Math.ceil(Date.now() / 60_000) * 60_000);
  // Only the demo backend knows this knob (src/mocks/README.md); a real Jaeger ignores it.
  const demoServices = params.get('demoServices') ?? undefined;
  const query = useQuery(dependenciesQuery(client, endTs, lookbackMs, demoServices));
  // The graph and the table are built and mounted in a deferred render, which React splits into
  // short slices: a query result is otherwise rendered synchronously, in one task (100-300 ms
  // for 1,200 services under load).
  const links = useDeferredValue(query.data);
  const service = useMemo(() => buildServiceGraph(links ?? []), [links]);
  const graph = service.graph;
  const focused = params.get('focus') ?? undefined;
  const up = parseHops(params.get('up'), 1);
  const down = parseHops(params.get('down'), 1);
  // Focus and hops live in the URL so a focused view can be shared.
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <div className="dependencies-page">
      <div className="dependencies-toolbar">
        <h1>Service dependencies</h1>
        <label>
          Lookback{' '}
          <select value={lookbackMs} onChange={(event) => update({ lookback: event.target.value })}>
            {LOOKBACKS.map((option) => (
              <option key={option.ms} value={option.ms}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {links && (
          <span className="dependencies-count">
            {formatCount(graph.nodeCount)} services, {formatCount(graph.source.length)} links
          </span>
        )}
      </div>
      {query.isPending && <p className="page-loading">Loading dependencies…</p>}
      {query.isError && (
        <ErrorPanel
          title="Could not load dependencies"
          error={failureDetails(query.error)}
          onRetry={() => void query.refetch()}
        />
      )}
      {links && graph.nodeCount === 0 && (
        <p className="page-loading">No dependencies were recorded in this window.</p>
      )}
      {links && graph.nodeCount > 0 && (
        <>
          <ServiceGraphView
            service={service}
            focused={focused}
            up={up}
            down={down}
            onFocus={(name) => update({ focus: name })}
            onHops={(nextUp, nextDown) =>
              update({ up: formatHops(nextUp), down: formatHops(nextDown) })
            }
          />
          <DependencyTable service={service} focused={focused} />
        </>
      )}
    </div>
  );
}
