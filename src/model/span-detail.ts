import type { Micros } from './units';

/** A key/value as the user sees it; `value` is always a string, `type` says what it was. */
export interface Attribute {
  readonly key: string;
  readonly value: string;
  readonly type: 'string' | 'bool' | 'int' | 'float' | 'binary' | 'array' | 'object';
}

export interface SpanEvent {
  /** µs from the trace start. */
  readonly time: Micros;
  readonly name: string;
  readonly attributes: readonly Attribute[];
}

export interface SpanReference {
  readonly type: 'CHILD_OF' | 'FOLLOWS_FROM' | 'LINK';
  readonly traceId: string;
  readonly spanId: string;
  /** Index in this trace when the referenced span is here, else -1. */
  readonly spanIndex: number;
  readonly attributes: readonly Attribute[];
}

/**
 * Everything about one span that the waterfall does not draw. Built by the worker on request, by
 * span index, so the main thread never holds this for every span.
 */
export interface SpanDetail {
  readonly index: number;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly service: string;
  readonly operation: string;
  /** 'server' | 'client' | 'producer' | 'consumer' | 'internal' | '' (unknown). */
  readonly kind: string;
  readonly statusCode: 'unset' | 'ok' | 'error';
  readonly statusMessage: string;
  /** µs from the trace start. */
  readonly start: Micros;
  /** Absolute, µs since the Unix epoch. */
  readonly absoluteStart: Micros;
  readonly duration: Micros;
  readonly selfTime: Micros;
  readonly attributes: readonly Attribute[];
  /** Process tags (v1) or resource attributes (OTLP). */
  readonly resource: readonly Attribute[];
  /** OTLP instrumentation scope name/version, when known. */
  readonly scope: readonly Attribute[];
  readonly events: readonly SpanEvent[];
  readonly references: readonly SpanReference[];
  readonly warnings: readonly string[];
}
