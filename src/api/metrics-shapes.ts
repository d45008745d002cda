/**
 * jaeger-query's metrics answers (`/api/metrics/{latencies,calls,errors}`): an OpenMetrics-like
 * `MetricFamily` in proto3 JSON, and `/api/metrics/minstep`. Lenient where proto3 JSON is (absent
 * repeated fields and zero values are omitted on the wire), strict about what is drawn.
 */
import type { Guard } from './json-guards';
import { isArrayOf, isNumber, isRecord, isString, optional } from './json-guards';

export interface WireLabel {
  readonly name: string;
  readonly value: string;
}

export interface WireMetricPoint {
  /** proto3 omits `doubleValue` when it is 0; NaN and infinities arrive as strings. */
  readonly gaugeValue?: { readonly doubleValue?: number | string } | null;
  /** RFC 3339. */
  readonly timestamp: string;
}

export interface WireMetric {
  readonly labels?: readonly WireLabel[] | null;
  readonly metricPoints?: readonly WireMetricPoint[] | null;
}

export interface WireMetricFamily {
  readonly name?: string;
  readonly type?: string;
  readonly help?: string;
  readonly metrics?: readonly WireMetric[] | null;
}

const isLabel: Guard<WireLabel> = (value): value is WireLabel =>
  isRecord(value) && isString(value.name) && isString(value.value);

const isDouble = (value: unknown): value is number | string =>
  typeof value === 'number' ||
  (typeof value === 'string' && /^[-+]?(NaN|Inf(inity)?)$/i.test(value));

const isGauge = (value: unknown): value is { doubleValue?: number | string } =>
  isRecord(value) && optional(value, 'doubleValue', isDouble);

/** Timestamps repeat across a family's series: remember the ones already checked. */
const validStamps = new Set<string>();

function isTimestamp(value: unknown): value is string {
  if (!isString(value)) return false;
  if (validStamps.has(value)) return true;
  if (Number.isNaN(Date.parse(value))) return false;
  if (validStamps.size > 50_000) validStamps.clear();
  validStamps.add(value);
  return true;
}

const isPoint: Guard<WireMetricPoint> = (value): value is WireMetricPoint =>
  isRecord(value) && isTimestamp(value.timestamp) && optional(value, 'gaugeValue', isGauge);

const isMetric: Guard<WireMetric> = (value): value is WireMetric =>
  isRecord(value) &&
  optional(value, 'labels', isArrayOf(isLabel)) &&
  optional(value, 'metricPoints', isArrayOf(isPoint));

export const isMetricFamily: Guard<WireMetricFamily> = (value): value is WireMetricFamily =>
  isRecord(value) &&
  optional(value, 'name', isString) &&
  optional(value, 'metrics', isArrayOf(isMetric));

/**
 * `/api/metrics/minstep`: jaeger-query wraps the milliseconds in its v1 envelope (`{"data": 1000}`);
 * the gRPC gateway's `{"minStep": ...}` is accepted too.
 */
export const isMinStep: Guard<{ readonly data?: unknown; readonly minStep?: unknown }> = (
  value,
): value is { readonly data?: unknown; readonly minStep?: unknown } =>
  isRecord(value) && (isNumber(value.data) || isNumber(value.minStep));
