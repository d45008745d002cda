/**
 * The Monitor page's state as it lives in the URL: `service`, `spanKind`, `lookback` (a preset such
 * as `1h`, or `custom` with `start`/`end` in µs like the search page), `operation`. Jaeger UI keeps
 * these in its form only; Cairn puts them in the URL so a view can be shared.
 *
 * Also the query each view asks (step and rate window) and the search link for a point in time.
 */
import type { MetricsQuery, SpanKindFilter } from '../../api/metrics-client';
import { SPAN_KIND_FILTERS } from '../../api/metrics-client';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Jaeger UI's Monitor time frames. */
export const MONITOR_PRESETS: readonly { value: string; label: string; ms: number }[] = [
  { value: '5m', label: 'Last 5 minutes', ms: 5 * MINUTE },
  { value: '15m', label: 'Last 15 minutes', ms: 15 * MINUTE },
  { value: '30m', label: 'Last 30 minutes', ms: 30 * MINUTE },
  { value: '1h', label: 'Last hour', ms: HOUR },
  { value: '2h', label: 'Last 2 hours', ms: 2 * HOUR },
  { value: '6h', label: 'Last 6 hours', ms: 6 * HOUR },
  { value: '12h', label: 'Last 12 hours', ms: 12 * HOUR },
  { value: '24h', label: 'Last 24 hours', ms: 24 * HOUR },
  { value: '2d', label: 'Last 2 days', ms: 48 * HOUR },
];
export const DEFAULT_PRESET = '1h';
export const CUSTOM = 'custom';

export interface MonitorParams {
  readonly service: string;
  readonly spanKind: SpanKindFilter;
  /** A preset value or 'custom'. */
  readonly lookback: string;
  /** µs since the epoch; only with 'custom'. */
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly operation: string;
}

const micros = (text: string | null): number | undefined =>
  text !== null && /^\d{1,17}$/.test(text) ? Number(text) : undefined;

export function monitorParams(params: URLSearchParams): MonitorParams {
  const kind = params.get('spanKind') ?? '';
  const lookback = params.get('lookback') ?? '';
  const start = micros(params.get('start'));
  const end = micros(params.get('end'));
  const custom = lookback === CUSTOM && start !== undefined && end !== undefined && end > start;
  return {
    service: params.get('service') ?? '',
    spanKind: SPAN_KIND_FILTERS.find((item) => item === kind) ?? 'server',
    lookback: custom
      ? CUSTOM
      : MONITOR_PRESETS.some((preset) => preset.value === lookback)
        ? lookback
        : DEFAULT_PRESET,
    start: custom ? start : undefined,
    end: custom ? end : undefined,
    operation: params.get('operation') ?? '',
  };
}

/** The window in ms: a custom range as given, a preset ending at `nowMs`. */
export function timeWindow(
  params: MonitorParams,
  nowMs: number,
): { readonly endTs: number; readonly lookback: number } {
  if (params.lookback === CUSTOM && params.start !== undefined && params.end !== undefined) {
    const endTs = Math.floor(params.end / 1000);
    return { endTs, lookback: Math.max(MINUTE, endTs - Math.floor(params.start / 1000)) };
  }
  const preset = MONITOR_PRESETS.find((item) => item.value === params.lookback);
  return { endTs: nowMs, lookback: preset?.ms ?? HOUR };
}

const NICE_STEPS = [15_000, 30_000, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE];

/**
 * About 60–120 points per chart whatever the window: enough to see a spike, cheap for 1,000 rows.
 * Never finer than the store's `minStepMs` (`/api/metrics/minstep`, the finest resolution it
 * serves): a finer step would only repeat its points, or be refused. Jaeger UI asks for a fixed
 * 60 s step and does not ask for the minimum; the API documents it as the floor of `step`.
 */
export function stepFor(lookbackMs: number, minStepMs = 0): number {
  const floor = Math.max(lookbackMs / 100, minStepMs);
  const nice = NICE_STEPS.find((step) => step >= floor);
  if (nice !== undefined) return nice;
  // Past the nice steps: whole hours, or whole multiples of the store's own step if that is odd.
  const unit = minStepMs > HOUR && minStepMs % HOUR !== 0 ? minStepMs : HOUR;
  return Math.ceil(floor / unit) * unit;
}

/** Jaeger UI's 10-minute rate window, widened for steps longer than it so no call is skipped. */
export const ratePerFor = (stepMs: number): number => Math.max(10 * MINUTE, stepMs);

/** `minStepMs`: the store's finest step (0 when it could not say). */
export function metricsQuery(
  params: MonitorParams,
  nowMs: number,
  groupByOperation: boolean,
  minStepMs = 0,
): MetricsQuery {
  const { endTs, lookback } = timeWindow(params, nowMs);
  const step = stepFor(lookback, minStepMs);
  return {
    service: params.service,
    spanKind: params.spanKind,
    endTs,
    lookback,
    step,
    ratePer: ratePerFor(step),
    groupByOperation,
  };
}

/** Go-duration text the search page and Jaeger accept, from ms, rounded down. */
export function minDurationText(ms: number): string {
  return ms >= 1 ? `${Math.floor(ms)}ms` : `${Math.floor(ms * 1000)}us`;
}

/**
 * The search for what a metric point counted: the service (and operation) in the rate window that
 * ends at the point. `minDurationMs` narrows to the slow calls (from the latency chart).
 */
export function tracesSearchPath(options: {
  readonly service: string;
  readonly operation?: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly minDurationMs?: number;
  /** Only traces with an error span (Jaeger's `error=true` tag; from the error-rate chart). */
  readonly errorsOnly?: boolean;
}): string {
  const params = new URLSearchParams();
  params.set('service', options.service);
  if (options.operation) params.set('operation', options.operation);
  if (options.errorsOnly) params.set('tags', JSON.stringify({ error: 'true' }));
  params.set('lookback', CUSTOM);
  params.set('start', String(Math.floor(options.fromMs) * 1000));
  params.set('end', String(Math.ceil(options.toMs) * 1000));
  if (options.minDurationMs !== undefined && options.minDurationMs > 0)
    params.set('minDuration', minDurationText(options.minDurationMs));
  params.set('limit', '20');
  return `/search?${params.toString()}`;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  m: MINUTE,
  h: HOUR,
  d: 24 * HOUR,
  w: 168 * HOUR,
};

/**
 * A whole search window no longer than the search page accepts (`search.maxLookback`, Jaeger's
 * `2d`-style text; two days when unreadable), keeping its newest part.
 */
export function clampToLookback(
  fromMs: number,
  toMs: number,
  maxLookback: string,
): { readonly fromMs: number; readonly toMs: number } {
  const match = /^(\d+)([mhdw])$/.exec(maxLookback.trim());
  const limit = match ? Number(match[1]) * (UNIT_MS[match[2] ?? 'd'] ?? 0) : 48 * HOUR;
  return { fromMs: Math.max(fromMs, toMs - (limit > 0 ? limit : 48 * HOUR)), toMs };
}
