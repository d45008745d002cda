/** Search over the demo corpus, with Jaeger's semantics: one span must match every span-level condition. */
import type { DemoSpan, DemoTrace } from './demo-trace';
import { resourceTags, traceEnd, traceStart } from './demo-trace';

export interface DemoQuery {
  /** Absent: any service (the demo backend can search without a service name). */
  readonly service?: string;
  readonly operation?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** µs since the epoch; the trace start must lie in [startMin, startMax]. */
  readonly startMin?: number;
  readonly startMax?: number;
  /** µs; a matching span's duration must lie in [durationMin, durationMax]. */
  readonly durationMin?: number;
  readonly durationMax?: number;
  readonly limit?: number;
}

function spanMatches(span: DemoSpan, query: DemoQuery): boolean {
  if (query.service !== undefined && span.service !== query.service) return false;
  if (query.operation && span.operation !== query.operation) return false;
  if (query.durationMin !== undefined && span.duration < query.durationMin) return false;
  if (query.durationMax !== undefined && span.duration > query.durationMax) return false;
  for (const [key, value] of Object.entries(query.tags ?? {})) {
    // Jaeger matches span tags, process tags and log fields.
    const candidates = [
      ...span.tags,
      ...resourceTags(span.service),
      ...span.logs.flatMap((entry) => entry.fields),
    ];
    if (!candidates.some((tag) => tag.key === key && String(tag.value) === value)) return false;
  }
  return true;
}

/** Newest first, at most `limit` (default 20). `traces` must already be newest first. */
export function searchTraces(traces: readonly DemoTrace[], query: DemoQuery): DemoTrace[] {
  const limit = query.limit && query.limit > 0 ? query.limit : 20;
  const found: DemoTrace[] = [];
  for (const trace of traces) {
    const start = traceStart(trace);
    if (query.startMin !== undefined && start < query.startMin) continue;
    if (query.startMax !== undefined && start > query.startMax) continue;
    if (!trace.spans.some((span) => spanMatches(span, query))) continue;
    found.push(trace);
    if (found.length >= limit) break;
  }
  return found;
}

/** The api_v3 TraceSummary JSON Jaeger 2.x computes (timestamps as ns decimal strings). */
export function summarizeDemoTrace(trace: DemoTrace) {
  const ids = new Set(trace.spans.map((span) => span.spanId));
  const root = trace.spans.find((span) => span.parentSpanId === '') ?? trace.spans[0];
  const services = new Map<string, { name: string; spanCount: number; errorSpanCount: number }>();
  for (const span of trace.spans) {
    const entry = services.get(span.service) ?? {
      name: span.service,
      spanCount: 0,
      errorSpanCount: 0,
    };
    entry.spanCount++;
    if (span.error) entry.errorSpanCount++;
    services.set(span.service, entry);
  }
  return {
    traceId: trace.traceId,
    rootServiceName: root?.service ?? '',
    rootOperationName: root?.operation ?? '',
    minStartTimeUnixNano: `${traceStart(trace)}000`,
    maxEndTimeUnixNano: `${traceEnd(trace)}000`,
    spanCount: trace.spans.length,
    errorSpanCount: trace.spans.filter((span) => span.error).length,
    orphanSpanCount: trace.spans.filter(
      (span) => span.parentSpanId !== '' && !ids.has(span.parentSpanId),
    ).length,
    services: [...services.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    ),
  };
}
