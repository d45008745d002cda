/** What the Monitor shows for a chosen service: its charts, the selected operation's, the table. */
import { useEffect, useMemo } from 'react';
import type { MetricsQuery } from '../../api/metrics-client';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { ExternalLink } from '../../ui/external-link';
import type { MonitorParams } from './monitor-params';
import { useCrosshairStore } from './crosshair-store';
import { operationRows } from './operation-rows';
import { OperationsTable } from './operations-table';
import { RedCharts } from './red-charts';
import type { RedMetrics } from './use-red-metrics';
import { slots } from './use-red-metrics';

interface Props {
  readonly params: MonitorParams;
  readonly service: RedMetrics;
  readonly operations: RedMetrics;
  readonly serviceQuery: MetricsQuery;
  readonly docsLink: string;
  /** The window's part the search page accepts, for "View traces" of a whole operation. */
  readonly searchWindow: { readonly fromMs: number; readonly toMs: number };
  readonly onSelectOperation: (operation: string) => void;
}

const hasPoints = (metrics: RedMetrics) =>
  slots(metrics).some((slot) => (slot.data ?? []).some((one) => one.times.length > 0));

export function MonitorBody({
  params,
  service,
  operations,
  serviceQuery,
  docsLink,
  searchWindow,
  onSelectOperation,
}: Props) {
  const range = {
    endTs: serviceQuery.endTs,
    lookback: serviceQuery.lookback,
    step: serviceQuery.step,
  };
  const { p95, calls, errors } = operations;
  // The crosshair is a time in this view's window: another service or window starts without one.
  const resetCrosshair = useCrosshairStore((state) => state.setTime);
  useEffect(() => {
    resetCrosshair(null);
    return () => resetCrosshair(null);
  }, [resetCrosshair, params.service, params.spanKind, range.endTs, range.lookback]);
  const opsWaiting = [p95, calls, errors].some((slot) => slot.isPending && !slot.error);
  // Rows once the three grouped answers are in (the table waits for them anyway): not three times.
  const rows = useMemo(
    () => (opsWaiting ? [] : operationRows(p95.data ?? [], calls.data ?? [], errors.data ?? [])),
    [opsWaiting, p95.data, calls.data, errors.data],
  );
  const serviceSlots = slots(service);
  const loading = serviceSlots.every((slot) => slot.isPending);
  const settled = serviceSlots.every((slot) => !slot.isPending || slot.error);
  const allFailed = serviceSlots.every((slot) => slot.error);
  const empty = settled && !allFailed && !hasPoints(service);
  const opsFailed = [p95, calls, errors].filter((slot) => slot.error);
  const firstOpsFailure = opsFailed[0];
  const described = `${params.service} (span kind ${params.spanKind})`;

  if (loading) return <p className="page-loading">Loading metrics of {params.service}…</p>;
  return (
    <>
      {empty && (
        <div className="monitor-empty" role="status">
          <p>
            No metrics for {described} in this time range. Try another span kind or a longer range;
            if no service has any, see{' '}
            <ExternalLink href={docsLink}>how to set up span metrics</ExternalLink>.
          </p>
        </div>
      )}
      <section aria-labelledby="monitor-service-title">
        <h2 id="monitor-service-title">{described}</h2>
        {!empty && (
          <RedCharts
            metrics={service}
            service={params.service}
            operation=""
            range={range}
            ratePer={serviceQuery.ratePer}
          />
        )}
      </section>
      {params.operation !== '' && (
        <section aria-labelledby="monitor-operation-title" className="monitor-operation">
          <div className="monitor-section-head">
            <h2 id="monitor-operation-title">Operation {params.operation}</h2>
            <button type="button" onClick={() => onSelectOperation('')}>
              Close
            </button>
          </div>
          <RedCharts
            metrics={operations}
            service={params.service}
            operation={params.operation}
            range={range}
            ratePer={serviceQuery.ratePer}
          />
        </section>
      )}
      <section aria-labelledby="monitor-ops-title">
        <h2 id="monitor-ops-title">Operations of {params.service}</h2>
        {firstOpsFailure && (
          <ErrorPanel
            title={`Could not load the operations' ${opsFailed.map((slot) => slot.label).join(', ')}`}
            error={failureDetails(firstOpsFailure.error)}
            onRetry={() => opsFailed.forEach((slot) => slot.refetch())}
          />
        )}
        {opsWaiting ? (
          <p className="page-loading">Loading operations…</p>
        ) : rows.length === 0 ? (
          <p className="monitor-muted">No operation of {described} has metrics in this range.</p>
        ) : (
          <OperationsTable
            rows={rows}
            service={params.service}
            selected={params.operation}
            onSelect={onSelectOperation}
            range={searchWindow}
          />
        )}
      </section>
    </>
  );
}
