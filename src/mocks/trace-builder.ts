/** Helpers for writing scenarios: spans with seeded ids, and client→server call pairs. */
import type { DemoLog, DemoSpan, DemoSpanKind, DemoTag } from './demo-trace';
import type { Rng } from './prng';

export interface SpanInit {
  readonly parent?: DemoSpan | string;
  readonly service: string;
  readonly operation: string;
  readonly start: number;
  readonly duration: number;
  readonly kind?: DemoSpanKind;
  readonly error?: boolean;
  readonly tags?: readonly DemoTag[];
  readonly logs?: readonly DemoLog[];
  readonly spanId?: string;
  readonly links?: DemoSpan['links'];
}

export class TraceBuilder {
  readonly spans: DemoSpan[] = [];

  constructor(
    readonly rng: Rng,
    readonly traceId: string,
  ) {}

  span(init: SpanInit): DemoSpan {
    const parent = init.parent;
    const error = init.error ?? false;
    const tags: DemoTag[] = [
      { key: 'span.kind', value: init.kind ?? 'internal' },
      ...(init.tags ?? []),
    ];
    if (error)
      tags.push({ key: 'error', value: true }, { key: 'otel.status_code', value: 'ERROR' });
    const span: DemoSpan = {
      traceId: this.traceId,
      spanId: init.spanId ?? this.rng.hex(16),
      parentSpanId: parent === undefined ? '' : typeof parent === 'string' ? parent : parent.spanId,
      service: init.service,
      operation: init.operation,
      start: Math.round(init.start),
      duration: Math.round(init.duration),
      kind: init.kind ?? 'internal',
      error,
      tags,
      logs: init.logs ?? [],
      ...(init.links ? { links: init.links } : {}),
    };
    this.spans.push(span);
    return span;
  }

  /**
   * A remote call: a client span in the caller and a server span in the callee, the server a
   * little inside the client's window (network time on both sides). Returns the server span.
   */
  call(
    parent: DemoSpan,
    callee: string,
    operation: string,
    start: number,
    duration: number,
    extra: {
      tags?: readonly DemoTag[];
      error?: boolean;
      logs?: readonly DemoLog[];
      clientOperation?: string;
    } = {},
  ): DemoSpan {
    const network = Math.min(duration * 0.1, this.rng.range(80, 600));
    const client = this.span({
      parent,
      service: parent.service,
      operation: extra.clientOperation ?? operation,
      start,
      duration,
      kind: 'client',
      error: extra.error ?? false,
      tags: [{ key: 'peer.service', value: callee }, ...(extra.tags ?? [])],
    });
    return this.span({
      parent: client,
      service: callee,
      operation,
      start: start + network / 2,
      duration: Math.max(1, duration - network),
      kind: 'server',
      error: extra.error ?? false,
      tags: extra.tags ?? [],
      logs: extra.logs ?? [],
    });
  }
}

export const httpTags = (method: string, route: string, status: number): DemoTag[] => [
  { key: 'http.method', value: method },
  { key: 'http.route', value: route },
  { key: 'http.url', value: `http://${route.startsWith('/') ? 'localhost:8080' : ''}${route}` },
  { key: 'http.status_code', value: status },
];

export const log = (time: number, message: string, fields: readonly DemoTag[] = []): DemoLog => ({
  time: Math.round(time),
  name: message,
  fields: [{ key: 'event', value: message }, ...fields],
});
