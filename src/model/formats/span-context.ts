/**
 * What a span needs from its surroundings to be read: the enclosing OTLP resource and scope, or
 * the Jaeger trace object's process table. One context is shared by all spans of that enclosure
 * and kept for the document's lifetime, so details can be decoded later.
 */
export type SpanFormat = 'jaeger-v1' | 'jaeger-domain' | 'otlp' | 'zipkin-v2';

export interface SpanContext {
  readonly id: number;
  format: SpanFormat;
  /** OTLP `resource` object. */
  resource: unknown;
  /** OTLP `scope` object. */
  scope: unknown;
  /** OTLP service.name of `resource`, computed once per context. */
  serviceName: string | null;
  /**
   * Jaeger processID → process object. May be filled after spans that use it were read (streamed
   * v1 traces may list `processes` after `spans`); see deferredService.
   */
  readonly processes: Map<string, unknown>;
  /** Jaeger trace object's own traceID and warnings, applied when the document finishes. */
  traceId: string;
  readonly warnings: string[];
}

export function createSpanContext(id: number, format: SpanFormat): SpanContext {
  return {
    id,
    format,
    resource: undefined,
    scope: undefined,
    serviceName: null,
    processes: new Map(),
    traceId: '',
    warnings: [],
  };
}

/**
 * A placeholder service name for a span whose service is not known yet when it is read: a Jaeger
 * processID whose `processes` entry comes later, or an OTLP span whose `resource` follows its
 * `scopeSpans`. Resolved when the document finishes. NUL does not occur in real service names, and
 * the placeholder carries the context id because process ids are only unique per trace object.
 */
const DEFERRED = '\u0000deferred\u0000';

export const deferredService = (context: SpanContext, key: string): string =>
  `${DEFERRED}${context.id}\u0000${key}`;

export function parseDeferredService(name: string): { contextId: number; key: string } | null {
  if (!name.startsWith(DEFERRED)) return null;
  const rest = name.slice(DEFERRED.length);
  const cut = rest.indexOf('\u0000');
  if (cut < 0) return null;
  return { contextId: Number(rest.slice(0, cut)), key: rest.slice(cut + 1) };
}

export const UNKNOWN_SERVICE = 'unknown_service';
