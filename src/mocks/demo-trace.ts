/**
 * The generator's own span record: just enough to write both Jaeger v1 JSON and OTLP JSON.
 * Times are absolute µs since the epoch; durations may be zero or negative on purpose (broken
 * scenarios), the encoders write them as they are.
 */
export type TagValue = string | number | boolean;

export interface DemoTag {
  readonly key: string;
  readonly value: TagValue;
  /** Integers are written as int64, other numbers as float64. */
  readonly float?: boolean;
}

export interface DemoLog {
  readonly time: number;
  readonly name: string;
  readonly fields: readonly DemoTag[];
}

export type DemoSpanKind = 'server' | 'client' | 'internal' | 'producer' | 'consumer';

export interface DemoSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** '' for a root. May name a span that is not in the trace (orphan scenario). */
  readonly parentSpanId: string;
  readonly service: string;
  readonly operation: string;
  readonly start: number;
  readonly duration: number;
  readonly kind: DemoSpanKind;
  readonly error: boolean;
  readonly tags: readonly DemoTag[];
  readonly logs: readonly DemoLog[];
  /** FOLLOWS_FROM references (v1) / links (OTLP). */
  readonly links?: readonly { readonly traceId: string; readonly spanId: string }[];
}

export interface DemoTrace {
  readonly traceId: string;
  /** Scenario name, e.g. 'hotrod', 'orphans'. */
  readonly scenario: string;
  readonly spans: readonly DemoSpan[];
}

/** Resource (v1 process) attributes per service: stable, so both encodings agree. */
export function resourceTags(service: string): DemoTag[] {
  let hash = 0;
  for (let i = 0; i < service.length; i++)
    hash = (Math.imul(hash, 31) + service.charCodeAt(i)) >>> 0;
  return [
    {
      key: 'host.name',
      value: `${service.slice(0, 24)}-${(hash % 4096).toString(16).padStart(3, '0')}`,
    },
    { key: 'ip', value: `10.0.${(hash >>> 8) % 256}.${(hash % 254) + 1}` },
    { key: 'telemetry.sdk.language', value: 'go' },
  ];
}

export const traceStart = (trace: DemoTrace): number =>
  trace.spans.reduce((min, span) => Math.min(min, span.start), Number.POSITIVE_INFINITY);

export const traceEnd = (trace: DemoTrace): number =>
  trace.spans.reduce(
    (max, span) => Math.max(max, span.start + Math.max(0, span.duration)),
    Number.NEGATIVE_INFINITY,
  );
