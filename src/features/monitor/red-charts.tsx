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

function pick(data: readonly MetricSeries[] | undefined, operation: string): MetricSeries {
  const all = data ?? [];
  return (operation === '' ? all[0] : all.find((one) => one.operation === operation)) ?? EMPTY;
}

/** Module-level, so the chart's memoized axes keep it from render to render. */
const rateTick = (value: number) => `${Number(value.toPrecision(3))}/s`;

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
  // Keyed on the answers, not on the slot objects (new on every render of the page): another
  // query's answer arriving, or the crosshair moving, must not re-align and redraw these lines.
  const aligned = useMemo(
    () =>
      alignSeries(
        [p50.data, p75.data, p95.data, calls.data, errors.data].map((data) =>
          pick(data, operation),
        ),
        range.step,
      ),
    [p50.data, p75.data, p95.data, calls.data, errors.data, operation, range.step],
  );
  const hover = useCrosshairStore((state) => slotAt(aligned.times, aligned.step, state.time));
  const setTime = useCrosshairStore((state) => state.setTime);
  const setHover = (index: number | null) =>
    setTime(index === null ? null : (aligned.times[index] ?? null));
  const column = (i: number) => aligned.columns[i] ?? [];
  const xDomain = useMemo(
    () => [range.endTs - range.lookback, range.endTs] as const,
    [range.endTs, range.lookback],
  );
  const lines = useMemo(() => {
    const of = (i: number) => aligned.columns[i] ?? [];
    return {
      latency: [
        { key: 'p50', label: 'p50', values: of(0), className: 'line-p50' },
        { key: 'p75', label: 'p75', values: of(1), className: 'line-p75' },
        { key: 'p95', label: 'p95', values: of(2), className: 'line-p95' },
      ],
      errors: [{ key: 'errors', label: 'errors', values: of(4), className: 'line-errors' }],
      calls: [{ key: 'calls', label: 'requests', values: of(3), className: 'line-calls' }],
    } satisfies Record<string, ChartLine[]>;
  }, [aligned]);
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

  return (
    <div className="red-charts">
      <TimeSeriesChart
        title="Latency"
        times={aligned.times}
        lines={lines.latency}
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
        lines={lines.errors}
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
        lines={lines.calls}
        xDomain={xDomain}
        format={formatRate}
        tickFormat={rateTick}
        hover={hover}
        onHover={setHover}
        actions={(i) => traces(i, 'View traces')}
        notice={<Failures slots={[calls]} what={what} />}
        busy={waiting([calls])}
      />
    </div>
  );
}
