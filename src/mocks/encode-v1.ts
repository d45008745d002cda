/** Jaeger v1 (query API / UI) JSON for demo traces: `{traceID, spans, processes, warnings}`. */
import type { DemoSpan, DemoTag, DemoTrace } from './demo-trace';
import { resourceTags } from './demo-trace';

function tag(item: DemoTag): string {
  const value = item.value;
  const type =
    typeof value === 'string'
      ? 'string'
      : typeof value === 'boolean'
        ? 'bool'
        : item.float || !Number.isInteger(value)
          ? 'float64'
          : 'int64';
  return `{"key":${JSON.stringify(item.key)},"type":"${type}","value":${JSON.stringify(value)}}`;
}

const tags = (items: readonly DemoTag[]): string => `[${items.map(tag).join(',')}]`;

/** One span; `processId` maps the service to an entry of the trace's `processes`. */
export function encodeV1Span(span: DemoSpan, processId: string): string {
  const refs: string[] = [];
  if (span.parentSpanId !== '') {
    refs.push(
      `{"refType":"CHILD_OF","traceID":"${span.traceId}","spanID":${JSON.stringify(span.parentSpanId)}}`,
    );
  }
  for (const link of span.links ?? []) {
    refs.push(`{"refType":"FOLLOWS_FROM","traceID":"${link.traceId}","spanID":"${link.spanId}"}`);
  }
  const logs = span.logs.map(
    (entry) => `{"timestamp":${entry.time},"fields":${tags(entry.fields)}}`,
  );
  return (
    `{"traceID":"${span.traceId}","spanID":${JSON.stringify(span.spanId)},"flags":1,` +
    `"operationName":${JSON.stringify(span.operation)},"references":[${refs.join(',')}],` +
    `"startTime":${span.start},"duration":${span.duration},"tags":${tags(span.tags)},` +
    `"logs":[${logs.join(',')}],"processID":"${processId}","warnings":null}`
  );
}

/** Process ids p1, p2… in order of first appearance, as Jaeger assigns them. */
export function processIds(services: Iterable<string>): Map<string, string> {
  const ids = new Map<string, string>();
  for (const service of services) if (!ids.has(service)) ids.set(service, `p${ids.size + 1}`);
  return ids;
}

export function encodeV1Processes(
  ids: Map<string, string>,
  resourceOf: (service: string) => readonly DemoTag[] = resourceTags,
): string {
  const entries = [...ids].map(
    ([service, id]) =>
      `"${id}":{"serviceName":${JSON.stringify(service)},"tags":${tags(resourceOf(service))}}`,
  );
  return `{${entries.join(',')}}`;
}

export function encodeV1Trace(trace: DemoTrace): string {
  const ids = processIds(trace.spans.map((span) => span.service));
  const spans = trace.spans.map((span) => encodeV1Span(span, ids.get(span.service) ?? 'p1'));
  return `{"traceID":"${trace.traceId}","spans":[${spans.join(',')}],"processes":${encodeV1Processes(ids)},"warnings":null}`;
}

/** The API envelope; `errors` are v1 structured errors. */
export function encodeV1Envelope(
  data: string,
  total: number,
  errors: readonly { code: number; msg: string; traceID?: string }[] = [],
): string {
  const errorJson = errors.length === 0 ? 'null' : JSON.stringify(errors);
  return `{"data":${data},"total":${total},"limit":0,"offset":0,"errors":${errorJson}}`;
}
