import type { Attribute, SpanDetail } from '../span-detail';

/**
 * One span as Jaeger's v1 query API and Jaeger UI write it (`{traceID, spanID, operationName,
 * references, startTime, duration, tags, logs, processID, warnings}`), from Cairn's normalized
 * detail. What OTLP keeps in fields becomes the tags Jaeger's own OTLP translation writes
 * (span.kind, error, otel.status_code, otel.status_description, otel.scope.*), so a file Cairn
 * exports opens in Jaeger UI and in Cairn with the same meaning.
 */
/**
 * A Jaeger download is `{"data":[trace, …]}`: these surround the traces, so several one-trace
 * documents join into one by their insides (Blob slices, never one string of them all).
 */
export const JAEGER_ENVELOPE_HEAD = '{"data":[';
export const JAEGER_ENVELOPE_TAIL = ']}\n';

export interface JaegerTag {
  readonly key: string;
  readonly type: 'string' | 'bool' | 'int64' | 'float64' | 'binary';
  readonly value: string | number | boolean;
}

export interface JaegerV1Span {
  readonly traceID: string;
  readonly spanID: string;
  readonly operationName: string;
  readonly references: readonly { refType: string; traceID: string; spanID: string }[];
  readonly startTime: number;
  readonly duration: number;
  readonly tags: readonly JaegerTag[];
  readonly logs: readonly { timestamp: number; fields: readonly JaegerTag[] }[];
  readonly processID: string;
  readonly warnings: readonly string[] | null;
}

export interface JaegerV1Process {
  readonly serviceName: string;
  readonly tags: readonly JaegerTag[];
}

export function jaegerTag(attribute: Attribute): JaegerTag {
  const { key, value } = attribute;
  switch (attribute.type) {
    case 'bool':
      return { key, type: 'bool', value: value === 'true' };
    case 'int': {
      // Past 2^53 a number would lose digits: Jaeger writes those as strings too.
      const number = Number(value);
      return { key, type: 'int64', value: Number.isSafeInteger(number) ? number : value };
    }
    case 'float': {
      const number = Number(value);
      return { key, type: 'float64', value: Number.isFinite(number) ? number : value };
    }
    case 'binary':
      return { key, type: 'binary', value };
    default:
      // Arrays and maps are already their JSON text: Jaeger stores them as strings as well.
      return { key, type: 'string', value };
  }
}

/** Tags Jaeger derives from OTLP fields, unless the span already carries them as tags. */
function derivedTags(detail: SpanDetail, has: ReadonlySet<string>): JaegerTag[] {
  const out: JaegerTag[] = [];
  const add = (tag: JaegerTag) => {
    if (!has.has(tag.key)) out.push(tag);
  };
  for (const attribute of detail.scope) add(jaegerTag(attribute));
  if (detail.kind !== '') add({ key: 'span.kind', type: 'string', value: detail.kind });
  if (detail.statusCode === 'error') add({ key: 'error', type: 'bool', value: true });
  if (detail.statusCode !== 'unset')
    add({ key: 'otel.status_code', type: 'string', value: detail.statusCode.toUpperCase() });
  if (detail.statusMessage !== '')
    add({ key: 'otel.status_description', type: 'string', value: detail.statusMessage });
  return out;
}

/** `traceStart`: the trace's absolute start (µs since the epoch) that event times count from. */
export function toJaegerV1Span(
  detail: SpanDetail,
  traceStart: number,
  processID: string,
): JaegerV1Span {
  const tags = detail.attributes.map(jaegerTag);
  tags.push(...derivedTags(detail, new Set(detail.attributes.map((a) => a.key))));
  return {
    traceID: detail.traceId,
    spanID: detail.spanId,
    operationName: detail.operation,
    // Links (OTLP) have no v1 kind of their own: Jaeger's translation writes them as FOLLOWS_FROM.
    references: detail.references.map((ref) => ({
      refType: ref.type === 'CHILD_OF' ? 'CHILD_OF' : 'FOLLOWS_FROM',
      traceID: ref.traceId || detail.traceId,
      spanID: ref.spanId,
    })),
    startTime: detail.absoluteStart,
    duration: detail.duration,
    tags,
    logs: detail.events.map((event) => {
      const fields = event.attributes.map(jaegerTag);
      if (event.name !== '' && !event.attributes.some((a) => a.key === 'event'))
        fields.unshift({ key: 'event', type: 'string', value: event.name });
      return { timestamp: traceStart + event.time, fields };
    }),
    processID,
    warnings: detail.warnings.length > 0 ? detail.warnings : null,
  };
}

/**
 * Processes as Jaeger's `processes` map: one per distinct service and resource, `p1`, `p2`, … in
 * order of first use.
 */
export class ProcessTable {
  private readonly ids = new Map<string, string>();
  private readonly list: [string, JaegerV1Process][] = [];

  idOf(detail: Pick<SpanDetail, 'service' | 'resource'>): string {
    const key = JSON.stringify([detail.service, detail.resource]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `p${this.ids.size + 1}`;
      this.ids.set(key, id);
      this.list.push([id, { serviceName: detail.service, tags: detail.resource.map(jaegerTag) }]);
    }
    return id;
  }

  toJSON(): Record<string, JaegerV1Process> {
    return Object.fromEntries(this.list);
  }
}
