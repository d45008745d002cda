import { isRecord } from '../formats/json-values';
import type { JsonRecord } from '../formats/json-values';
import type { SpanFormat } from '../formats/span-context';

/**
 * Format decisions made from content alone (there is no reliable file name or media type), and
 * clear messages for JSON that is valid but is not trace data.
 */

/** Jaeger v1 API JSON spells ids `spanID`; the domain-model protobuf JSON spells them `spanId`. */
export function jaegerFlavour(span: unknown): SpanFormat {
  if (
    isRecord(span) &&
    span.spanID === undefined &&
    span.traceID === undefined &&
    span.spanId !== undefined
  )
    return 'jaeger-domain';
  return 'jaeger-v1';
}

/** The format of a span met on its own (array element or whole document). */
export function looseSpanFormat(span: unknown): SpanFormat {
  if (!isRecord(span)) return 'jaeger-v1';
  if (span.operationName !== undefined || span.spanID !== undefined || span.traceID !== undefined)
    return jaegerFlavour(span);
  if (
    span.startTimeUnixNano !== undefined ||
    (span.spanId !== undefined && span.name !== undefined)
  )
    return 'otlp';
  if (span.id !== undefined || span.localEndpoint !== undefined) return 'zipkin-v2';
  return jaegerFlavour(span);
}

const SPAN_KEYS = ['traceId', 'traceID', 'spanId', 'spanID', 'id', 'operationName'];

function looksLikeSpan(value: unknown): boolean {
  return isRecord(value) && SPAN_KEYS.some((key) => value[key] !== undefined);
}

export const REDUX_STATE_WARNING =
  "This file is Jaeger UI's saved internal state, not an API response; the trace inside it was read, derived fields ignored.";

const UNRECOGNIZED =
  'This JSON is not trace data Cairn knows: expected Jaeger JSON ({"data":[…]} or a trace object), OTLP JSON ({"resourceSpans":[…]}) or Zipkin v2 JSON (an array of spans).';

/** A message for a JSON object that is known not to be a trace, or null if it may be a span. */
export function describeNonTrace(value: JsonRecord): string | null {
  if (value.summaries !== undefined)
    return 'This is a Jaeger trace-summaries (search results) response, not trace data.';
  if (value.operations !== undefined) return 'This is a Jaeger operations list, not trace data.';
  if (value.services !== undefined && !looksLikeSpan(value))
    return 'This is a Jaeger services list, not trace data.';
  if (Array.isArray(value.data) || value.data !== undefined)
    return `${UNRECOGNIZED} Its "data" field holds no spans.`;
  return looksLikeSpan(value) ? null : UNRECOGNIZED;
}

/** A message for a JSON array whose first element is known not to be a span or trace, else null. */
export function describeNonTraceArray(items: readonly unknown[]): string | null {
  const first = items[0];
  if (isRecord(first) && (Array.isArray(first.spans) || first.resourceSpans !== undefined))
    return null;
  if (isRecord(first) && first.parent !== undefined && first.child !== undefined)
    return 'This is a list of service dependency links, not trace data.';
  return looksLikeSpan(first) ? null : UNRECOGNIZED;
}
