/** The v1 (Jaeger 1.x `/api/...`) envelope and payloads Cairn reads, and their guards. */
import type { DependencyLink, Operation } from './types';
import type { Guard } from './json-guards';
import { isArrayOf, isNumber, isRecord, isString, optional } from './json-guards';

export interface V1StructuredError {
  readonly code?: number;
  readonly msg: string;
  readonly traceID?: string;
}

/** `{data, total, limit, offset, errors}`; `errors` may accompany HTTP 200 and partial data. */
export interface V1Envelope<T> {
  readonly data?: T | null;
  readonly errors?: readonly V1StructuredError[] | null;
}

const isV1Error = (value: unknown): value is V1StructuredError =>
  isRecord(value) &&
  isString(value.msg) &&
  optional(value, 'code', isNumber) &&
  optional(value, 'traceID', isString);

export function isV1Envelope<T>(data: Guard<T>): Guard<V1Envelope<T>> {
  return (value: unknown): value is V1Envelope<T> =>
    isRecord(value) &&
    optional(value, 'data', data) &&
    optional(value, 'errors', isArrayOf(isV1Error));
}

export const isV1Strings = isV1Envelope(isArrayOf(isString));

const isV1Operation = (value: unknown): value is { name: string; spanKind?: string } =>
  isRecord(value) && isString(value.name) && optional(value, 'spanKind', isString);
export const isV1Operations = isV1Envelope(isArrayOf(isV1Operation));

export const toOperations = (data: readonly { name: string; spanKind?: string }[]): Operation[] =>
  data.map((op) => ({ name: op.name, spanKind: op.spanKind ?? '' }));

/** Whole traces; the trace model parses them, here only the ids are read (to list missing ones). */
const isV1Trace = (value: unknown): value is { traceID: string } =>
  isRecord(value) && isString(value.traceID);
export const isV1Traces = isV1Envelope(isArrayOf(isV1Trace));

const isDependencyLink = (value: unknown): value is DependencyLink =>
  isRecord(value) && isString(value.parent) && isString(value.child) && isNumber(value.callCount);
export const isV1Dependencies = isV1Envelope(isArrayOf(isDependencyLink));
