/**
 * The three RED charts of a service or of one operation, on one time axis with the page's one
 * crosshair (crosshair-store.ts).
 * A query that failed is named under its chart with its error and a Retry; the others still draw.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { MetricSeries } from '../../api/metrics-client';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { alignSeries } from './align-series';
import { slotAt, useCrosshairStore } from './crosshair-store';
import { formatLatency, formatPercent, formatRate } from './monitor-format';
import { tracesSearchPath } from './monitor-params';
import { TimeSeriesChart, type ChartLine } from './time-series-chart';
import type { MetricSlot, RedMetrics } from './use-red-metrics';

interface Props {
  readonly metrics: RedMetrics;
  readonly service: string;
  /** '' for the service as a whole (ungrouped series). */
  readonly operation: string;
  readonly range: { readonly endTs: number; readonly lookback: number; readonly step: number };
  readonly ratePer: number;
}

const EMPTY: MetricSeries = { service: '', operation: '', times: [], values: [], mean: null };

function pick(slot: MetricSlot, operation: string): MetricSeries {
  const all = slot.data ?? [];
  return (operation === '' ? all[0] : all.find((one) => one.operation === operation)) ?? EMPTY;
}

const waiting = (slots: readonly MetricSlot[]) =>
  slots.some((slot) => slot.isPending && !slot.error);

function Failures({
  slots,
  what,
}: {
  readonly slots: readonly MetricSlot[];
  readonly what: string;
}) {
  const failed = slots.filter((slot) => slot.error);
  const first = failed[0];
  if (!first) return null;
  return (
    <ErrorPanel
      title={`Could not load the ${failed.map((slot) => slot.label).join(', ')} (${what})`}
      error={failureDetails(first.error)}
      onRetry={() => failed.forEach((slot) => slot.refetch())}
    />
  );
}

export function RedCharts({ metrics, service, operation, range, ratePer }: Props) {
  const { p50, p75, p95, calls, errors } = metrics;
  const aligned = useMemo(
    () =>
      alignSeries(
        [p50, p75, p95, calls, errors].map((slot) => pick(slot, operation)),
        range.step,
      ),
    [p50, p75, p95, calls, errors, operation, range.step],
  );
  const hover = useCrosshairStore((state) => slotAt(aligned.times, aligned.step, state.time));
  const setTime = useCrosshairStore((state) => state.setTime);
  const setHover = (index: number | null) =>
    setTime(index === null ? null : (aligned.times[index] ?? null));
  const column = (i: number) => aligned.columns[i] ?? [];
  const xDomain = [range.endTs - range.lookback, range.endTs] as const;
  const what = operation === '' ? service : `${service} / ${operation}`;

  const traces = (
    index: number,
    label: string,
    narrow: { minDurationMs?: number; errorsOnly?: boolean } = {},
  ) => {
    const at = aligned.times[index];
    if (at === undefined) return null;
    return (
      <Link
        className="ts-action"
        to={tracesSearchPath({
          service,
          operation,
          fromMs: at - ratePer,
          toMs: at,
          ...narrow,
        })}
      >
        {label}
      </Link>
    );
  };

  const latencyLines: ChartLine[] = [
    { key: 'p50', label: 'p50', values: column(0), className: 'line-p50' },
    { key: 'p75', label: 'p75', values: column(1), className: 'line-p75' },
    { key: 'p95', label: 'p95', values: column(2), className: 'line-p95' },
  ];
  return (
    <div className="red-charts">
      <TimeSeriesChart
        title="Latency"
        times={aligned.times}
        lines={latencyLines}
        xDomain={xDomain}
        format={formatLatency}
        hover={hover}
        onHover={setHover}
        actions={(i) => {
          const slowest = column(2)[i];
          return typeof slowest === 'number'
            ? traces(i, `View traces ≥ p95 (${formatLatency(slowest)})`, { minDurationMs: slowest })
            : traces(i, 'View traces');
        }}
        notice={<Failures slots={[p50, p75, p95]} what={what} />}
        busy={waiting([p50, p75, p95])}
      />
      <TimeSeriesChart
        title="Error rate"
        times={aligned.times}
        lines={[{ key: 'errors', label: 'errors', values: column(4), className: 'line-errors' }]}
        xDomain={xDomain}
        format={formatPercent}
        minYMax={0.01}
        hover={hover}
        onHover={setHover}
        actions={(i) => traces(i, 'View error traces', { errorsOnly: true })}
        notice={<Failures slots={[errors]} what={what} />}
        busy={waiting([errors])}
      />
      <TimeSeriesChart
        title="Request rate"
        times={aligned.times}
        lines={[{ key: 'calls', label: 'requests', values: column(3), className: 'line-calls' }]}
        xDomain={xDomain}
        format={formatRate}
        tickFormat={(value) => `${Number(value.toPrecision(3))}/s`}
        hover={hover}
        onHover={setHover}
        actions={(i) => traces(i, 'View traces')}
        notice={<Failures slots={[calls]} what={what} />}
        busy={waiting([calls])}
      />
    </div>
  );
}
