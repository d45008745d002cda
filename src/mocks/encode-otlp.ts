/** OTLP JSON (as served by Jaeger's api_v3: `{"result":{"resourceSpans":[…]}}`) for demo traces. */
import type { DemoSpan, DemoTag, DemoTrace } from './demo-trace';
import { resourceTags } from './demo-trace';

const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

function anyValue(item: DemoTag): string {
  const value = item.value;
  if (typeof value === 'string') return `{"stringValue":${JSON.stringify(value)}}`;
  if (typeof value === 'boolean') return `{"boolValue":${value}}`;
  // proto3 JSON writes int64 as a decimal string.
  return item.float || !Number.isInteger(value)
    ? `{"doubleValue":${value}}`
    : `{"intValue":"${value}"}`;
}

const attributes = (items: readonly DemoTag[]): string =>
  `[${items.map((item) => `{"key":${JSON.stringify(item.key)},"value":${anyValue(item)}}`).join(',')}]`;

/** µs → ns as a decimal string; exact because µs values here are integers below 2^53. */
const nanos = (micros: number): string => (micros === 0 ? '0' : `${micros}000`);

export function encodeOtlpSpan(span: DemoSpan): string {
  // OTLP has no span.kind/error tags: kind and status are fields, so those tags are not repeated.
  const attrs = span.tags.filter(
    (t) => t.key !== 'span.kind' && t.key !== 'error' && t.key !== 'otel.status_code',
  );
  const events = span.logs.map(
    (entry) =>
      `{"timeUnixNano":"${nanos(entry.time)}","name":${JSON.stringify(entry.name)},"attributes":${attributes(entry.fields.filter((f) => f.key !== 'event'))}}`,
  );
  const links = (span.links ?? []).map(
    (link) => `{"traceId":"${link.traceId}","spanId":"${link.spanId}"}`,
  );
  const parent =
    span.parentSpanId === '' ? '' : `"parentSpanId":${JSON.stringify(span.parentSpanId)},`;
  const status = span.error ? '{"code":2,"message":"error"}' : '{}';
  return (
    `{"traceId":"${span.traceId}","spanId":${JSON.stringify(span.spanId)},${parent}"flags":1,` +
    `"name":${JSON.stringify(span.operation)},"kind":${KIND[span.kind]},` +
    `"startTimeUnixNano":"${nanos(span.start)}","endTimeUnixNano":"${nanos(span.start + span.duration)}",` +
    `"attributes":${attributes(attrs)},"events":[${events.join(',')}],"links":[${links.join(',')}],"status":${status}}`
  );
}

/** One resourceSpans entry: one service's spans under one scope. */
export function encodeResourceSpans(
  service: string,
  spans: readonly string[],
  extraResource: readonly DemoTag[] = resourceTags(service),
  scopeName = 'cairn-demo',
): string {
  const resource = attributes([{ key: 'service.name', value: service }, ...extraResource]);
  return (
    `{"resource":{"attributes":${resource}},"scopeSpans":[{"scope":{"name":${JSON.stringify(scopeName)},"version":"1.0.0"},` +
    `"spans":[${spans.join(',')}]}]}`
  );
}

/** resourceSpans entries for a trace, grouped by service in order of first appearance. */
export function encodeOtlpResourceSpans(trace: DemoTrace): string[] {
  const byService = new Map<string, string[]>();
  for (const span of trace.spans) {
    const list = byService.get(span.service) ?? [];
    list.push(encodeOtlpSpan(span));
    byService.set(span.service, list);
  }
  return [...byService].map(([service, spans]) => encodeResourceSpans(service, spans));
}

/** Several traces mixed in one document, as /api/v3/traces answers a search. */
export function encodeOtlpDocument(traces: readonly DemoTrace[]): string {
  return `{"result":{"resourceSpans":[${traces.flatMap(encodeOtlpResourceSpans).join(',')}]}}`;
}
