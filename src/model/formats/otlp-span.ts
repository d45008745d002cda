import type { SpanRecord } from '../build/span-record';
import type { Attribute, SpanReference } from '../span-detail';
import { SpanFlag } from '../trace';
import { micros } from '../units';
import { normalizeId } from '../ids';
import { otlpAttributeString, otlpAttributes } from './attributes';
import type { DetailEnv, DetailParts } from './detail-parts';
import { kindFlag } from './detail-parts';
import { asArray, asRecord, asString } from './json-values';
import { nanosFieldToMicros } from './time';
import type { SpanContext } from './span-context';
import { UNKNOWN_SERVICE, deferredService } from './span-context';

/**
 * One OTLP/JSON span with its enclosing resource and scope. Enums arrive as numbers (spec) or as
 * their proto names ("SPAN_KIND_SERVER", "STATUS_CODE_ERROR") from protojson encoders; int64 fields
 * as strings; ids as hex of either case.
 */

const KINDS = ['', 'internal', 'server', 'client', 'producer', 'consumer'];

function kindOf(value: unknown): string {
  if (typeof value === 'number') return KINDS[value] ?? '';
  const text = asString(value)
    .toLowerCase()
    .replace(/^span_kind_/, '');
  return text === 'unspecified' ? '' : text;
}

function statusOf(status: unknown): 'unset' | 'ok' | 'error' {
  const code = asRecord(status).code;
  if (code === 2 || code === '2' || code === 'STATUS_CODE_ERROR') return 'error';
  if (code === 1 || code === '1' || code === 'STATUS_CODE_OK') return 'ok';
  return 'unset';
}

/**
 * What the tags a span's detail makes from its fields (find.ts `derivedAttributes`, and the trace
 * state) are, in one byte, computed with the detail's own rules: bits 0-2 the kind's index in
 * KINDS (7: a kind text outside them), bits 3-4 the status (0 unset, 1 ok, 2 error), bit 5 a
 * status message, bit 6 a trace state, bit 7 set (0 means "not recorded").
 */
export const FIELD_CODE_RECORDED = 0x80;
export const FIELD_KIND_OTHER = 7;
const STATUS_INDEX = { unset: 0, ok: 1, error: 2 } as const;

export function otlpFieldCode(span: {
  readonly kind: unknown;
  readonly status: unknown;
  readonly traceState: unknown;
}): number {
  const kind = KINDS.indexOf(kindOf(span.kind));
  return (
    FIELD_CODE_RECORDED |
    (kind < 0 ? FIELD_KIND_OTHER : kind) |
    (STATUS_INDEX[statusOf(span.status)] << 3) |
    (asString(asRecord(span.status).message) !== '' ? 0x20 : 0) |
    (asString(span.traceState) !== '' ? 0x40 : 0)
  );
}

/** The kind names by index of a field code (otlpFieldCode). */
export const FIELD_KINDS: readonly string[] = KINDS;

/** service.name of the resource; deferred while a streamed resource has not been seen yet. */
export function serviceOf(context: SpanContext): string {
  if (context.resource === undefined) return deferredService(context, '');
  if (context.serviceName === null) {
    context.serviceName =
      otlpAttributeString(asRecord(context.resource).attributes, 'service.name') || UNKNOWN_SERVICE;
  }
  return context.serviceName;
}

/**
 * Before 2001 in µs since the epoch: an end this small with no start is not a time but a
 * duration from a zero start (a Jaeger span recorded with startTime 0 and served as OTLP by
 * Jaeger's v3 API has end = 0 + duration).
 */
const NOT_A_TIME_BEFORE = 978_307_200_000_000;

/** µs between start and end; from a zero start, the end itself when it cannot be a time. */
function otlpDuration(start: number, end: number): number {
  if (start > 0 && end > 0) return end - start;
  if (!(start > 0) && end > 0 && end < NOT_A_TIME_BEFORE) return end;
  return Number.NaN;
}

export function readOtlpSpan(raw: unknown, context: SpanContext, out: SpanRecord): void {
  const span = asRecord(raw);
  readOtlpSpanAt(
    span,
    nanosFieldToMicros(span.startTimeUnixNano),
    nanosFieldToMicros(span.endTimeUnixNano),
    context,
    out,
  );
}

/** readOtlpSpan with the times already read (µs, NaN when absent), for the byte reader. */
export function readOtlpSpanAt(
  raw: unknown,
  start: number,
  end: number,
  context: SpanContext,
  out: SpanRecord,
): void {
  const span = asRecord(raw);
  out.traceId = normalizeId(span.traceId);
  out.spanId = normalizeId(span.spanId);
  out.parentSpanId = normalizeId(span.parentSpanId);
  // Protobuf JSON omits zero values, so an absent time means "not set", not the epoch.
  out.start = start > 0 ? start : Number.NaN;
  out.duration = otlpDuration(start, end);
  out.service = serviceOf(context);
  out.operation = asString(span.name);
  let flags = kindFlag(kindOf(span.kind), SpanFlag.KindServer, SpanFlag.KindClient);
  if (statusOf(span.status) === 'error') flags |= SpanFlag.Error;
  if (asArray(span.links).length > 0) flags |= SpanFlag.HasLinks;
  out.flags = flags;
}

export function scopeAttributes(scope: unknown): Attribute[] {
  const s = asRecord(scope);
  const out: Attribute[] = [];
  if (s.name !== undefined)
    out.push({ key: 'otel.scope.name', value: asString(s.name), type: 'string' });
  if (s.version !== undefined)
    out.push({ key: 'otel.scope.version', value: asString(s.version), type: 'string' });
  return out.concat(otlpAttributes(s.attributes));
}

export function otlpDetail(raw: unknown, context: SpanContext, env: DetailEnv): DetailParts {
  const span = asRecord(raw);
  const traceId = normalizeId(span.traceId);
  const parentSpanId = normalizeId(span.parentSpanId);
  const references: SpanReference[] = [];
  if (parentSpanId !== '')
    references.push({
      type: 'CHILD_OF',
      traceId,
      spanId: parentSpanId,
      spanIndex: env.indexOfSpanId(parentSpanId),
      attributes: [],
    });
  for (const item of asArray(span.links)) {
    const link = asRecord(item);
    const linkTrace = normalizeId(link.traceId);
    const linkSpan = normalizeId(link.spanId);
    references.push({
      type: 'LINK',
      traceId: linkTrace,
      spanId: linkSpan,
      spanIndex: linkTrace === traceId ? env.indexOfSpanId(linkSpan) : -1,
      attributes: otlpAttributes(link.attributes),
    });
  }
  const attributes = otlpAttributes(span.attributes);
  const traceState = asString(span.traceState);
  if (traceState !== '')
    attributes.push({ key: 'w3c.tracestate', value: traceState, type: 'string' });
  return {
    traceId,
    spanId: normalizeId(span.spanId),
    parentSpanId,
    kind: kindOf(span.kind),
    statusCode: statusOf(span.status),
    statusMessage: asString(asRecord(span.status).message),
    attributes,
    resource: otlpAttributes(asRecord(context.resource).attributes),
    scope: scopeAttributes(context.scope),
    events: asArray(span.events).map((item) => {
      const event = asRecord(item);
      return {
        time: micros(nanosFieldToMicros(event.timeUnixNano) - env.traceStart),
        name: asString(event.name),
        attributes: otlpAttributes(event.attributes),
      };
    }),
    references,
    warnings: [],
  };
}
