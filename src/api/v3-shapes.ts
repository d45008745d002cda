/** The v3 (Jaeger 2.x, api_v3 HTTP gateway) response bodies Cairn reads, and their guards. */
import type { Operation, TraceSummary } from './types';
import { isArrayOf, isIntLike, isNumber, isRecord, isString, optional } from './json-guards';
import { micros, nanosToMicros } from '../model/units';

export interface V3Services {
  /** proto3 JSON omits an empty list. */
  readonly services?: readonly string[] | null;
}
export const isV3Services = (value: unknown): value is V3Services =>
  isRecord(value) && optional(value, 'services', isArrayOf(isString));

export interface V3Operations {
  readonly operations?: readonly { readonly name: string; readonly spanKind?: string }[] | null;
}
const isV3Operation = (value: unknown): value is { name: string; spanKind?: string } =>
  isRecord(value) && isString(value.name) && optional(value, 'spanKind', isString);
export const isV3Operations = (value: unknown): value is V3Operations =>
  isRecord(value) && optional(value, 'operations', isArrayOf(isV3Operation));

export const toOperations = (body: V3Operations): Operation[] =>
  (body.operations ?? []).map((op) => ({ name: op.name, spanKind: op.spanKind ?? '' }));

interface V3ServiceSummary {
  readonly name: string;
  readonly spanCount?: number;
  readonly errorSpanCount?: number;
}
export interface V3TraceSummary {
  readonly traceId: string;
  readonly rootServiceName?: string;
  readonly rootOperationName?: string;
  /** Unix ns as a decimal string (proto3 JSON); omitted when zero. */
  readonly minStartTimeUnixNano?: string | number;
  readonly maxEndTimeUnixNano?: string | number;
  readonly spanCount?: number;
  readonly errorSpanCount?: number;
  readonly orphanSpanCount?: number;
  readonly services?: readonly V3ServiceSummary[] | null;
}
const isV3ServiceSummary = (value: unknown): value is V3ServiceSummary =>
  isRecord(value) &&
  isString(value.name) &&
  optional(value, 'spanCount', isNumber) &&
  optional(value, 'errorSpanCount', isNumber);
const isV3TraceSummary = (value: unknown): value is V3TraceSummary =>
  isRecord(value) &&
  isString(value.traceId) &&
  optional(value, 'rootServiceName', isString) &&
  optional(value, 'rootOperationName', isString) &&
  optional(value, 'minStartTimeUnixNano', isIntLike) &&
  optional(value, 'maxEndTimeUnixNano', isIntLike) &&
  optional(value, 'spanCount', isNumber) &&
  optional(value, 'errorSpanCount', isNumber) &&
  optional(value, 'services', isArrayOf(isV3ServiceSummary));

export interface V3Summaries {
  readonly summaries?: readonly V3TraceSummary[] | null;
}
export const isV3Summaries = (value: unknown): value is V3Summaries =>
  isRecord(value) && optional(value, 'summaries', isArrayOf(isV3TraceSummary));

/** `{"result": TracesData}`; the trace model parses what is inside. */
export const isV3TracesEnvelope = (value: unknown): value is { result: Record<string, unknown> } =>
  isRecord(value) && isRecord(value.result);

export function toTraceSummary(summary: V3TraceSummary): TraceSummary {
  // BigInt: epoch nanoseconds exceed 2^53, and the duration must come from exact values.
  const start = BigInt(summary.minStartTimeUnixNano ?? 0);
  const end = BigInt(summary.maxEndTimeUnixNano ?? 0);
  const services = (summary.services ?? [])
    .map((service) => ({ name: service.name, spanCount: service.spanCount ?? 0 }))
    .sort((a, b) => b.spanCount - a.spanCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    traceId: summary.traceId,
    rootService: summary.rootServiceName ?? '',
    rootOperation: summary.rootOperationName ?? '',
    startTime: nanosToMicros(start),
    duration: end > start ? nanosToMicros(end - start) : micros(0),
    spanCount: summary.spanCount ?? 0,
    errorCount: summary.errorSpanCount ?? 0,
    services,
  };
}
