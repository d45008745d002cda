import type { SpanRecord } from '../build/span-record';
import type { Attribute } from '../span-detail';
import { SpanFlag } from '../trace';
import { micros } from '../units';
import { normalizeId } from '../ids';
import { zipkinTags } from './attributes';
import type { DetailEnv, DetailParts } from './detail-parts';
import { kindFlag } from './detail-parts';
import { asArray, asNumber, asRecord, asString, isRecord } from './json-values';
import type { SpanContext } from './span-context';
import { UNKNOWN_SERVICE } from './span-context';

/**
 * One Zipkin v2 span. `duration` is legitimately absent on incomplete spans (kept, flagged bad
 * timing); `localEndpoint.serviceName` may be missing; `shared` marks the server half of an RPC.
 */

export function readZipkinSpan(raw: unknown, _context: SpanContext, out: SpanRecord): void {
  const span = asRecord(raw);
  out.traceId = normalizeId(span.traceId);
  out.spanId = normalizeId(span.id);
  out.parentSpanId = normalizeId(span.parentId);
  out.start = asNumber(span.timestamp);
  out.duration = asNumber(span.duration);
  out.service = asString(asRecord(span.localEndpoint).serviceName) || UNKNOWN_SERVICE;
  out.operation = asString(span.name);
  out.shared = span.shared === true;
  let flags = kindFlag(asString(span.kind).toLowerCase(), SpanFlag.KindServer, SpanFlag.KindClient);
  if (isRecord(span.tags) && span.tags.error !== undefined) flags |= SpanFlag.Error;
  out.flags = flags;
}

function endpointAttributes(prefix: string, endpoint: unknown): Attribute[] {
  if (!isRecord(endpoint)) return [];
  return Object.entries(endpoint).map(([key, value]) => ({
    key: `${prefix}${key}`,
    value: asString(value),
    type: typeof value === 'number' ? ('int' as const) : ('string' as const),
  }));
}

export function zipkinDetail(raw: unknown, _context: SpanContext, env: DetailEnv): DetailParts {
  const span = asRecord(raw);
  const traceId = normalizeId(span.traceId);
  const parentSpanId = normalizeId(span.parentId);
  const tags = zipkinTags(span.tags);
  const attributes = tags.concat(endpointAttributes('remoteEndpoint.', span.remoteEndpoint));
  if (span.shared === true) attributes.push({ key: 'zipkin.shared', value: 'true', type: 'bool' });
  const errorText = isRecord(span.tags) ? span.tags.error : undefined;
  return {
    traceId,
    spanId: normalizeId(span.id),
    parentSpanId,
    kind: asString(span.kind).toLowerCase(),
    statusCode: errorText !== undefined ? 'error' : 'unset',
    statusMessage: asString(errorText),
    attributes,
    resource: endpointAttributes('', span.localEndpoint),
    scope: [],
    events: asArray(span.annotations).map((item) => {
      const annotation = asRecord(item);
      return {
        time: micros(asNumber(annotation.timestamp) - env.traceStart),
        name: asString(annotation.value),
        attributes: [],
      };
    }),
    references:
      parentSpanId === ''
        ? []
        : [
            {
              type: 'CHILD_OF',
              traceId,
              spanId: parentSpanId,
              spanIndex: env.indexOfSpanId(parentSpanId),
              attributes: [],
            },
          ],
    warnings: [],
  };
}
