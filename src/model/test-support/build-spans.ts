import { TraceBuilder } from '../build/trace-builder';
import type { BuiltTrace } from '../build/trace-builder';
import { createSpanRecord } from '../build/span-record';
import type { SpanRecord } from '../build/span-record';

/** A compact span description for generated test traces. */
export interface TestSpan {
  readonly id: string;
  readonly parent?: string;
  readonly start?: number;
  readonly duration?: number;
  readonly service?: string;
  readonly operation?: string;
  readonly flags?: number;
  readonly shared?: boolean;
  readonly trace?: string;
}

export function buildSpans(spans: readonly TestSpan[]): BuiltTrace[] {
  const builder = new TraceBuilder();
  const record: SpanRecord = createSpanRecord();
  spans.forEach((span, i) => {
    record.traceId = span.trace ?? 't1';
    record.spanId = span.id;
    record.parentSpanId = span.parent ?? '';
    record.start = span.start ?? 1_000_000 + i;
    record.duration = span.duration ?? 1;
    record.service = span.service ?? 'svc';
    record.operation = span.operation ?? `op-${span.id}`;
    record.flags = span.flags ?? 0;
    record.shared = span.shared ?? false;
    record.source = i;
    builder.add(record);
  });
  return builder.finish('test');
}

export function buildOne(spans: readonly TestSpan[]): BuiltTrace {
  const [built] = buildSpans(spans);
  if (built === undefined) throw new Error('no trace built');
  return built;
}
