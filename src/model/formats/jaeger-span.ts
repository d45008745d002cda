import type { SpanRecord } from '../build/span-record';
import type { SpanReference } from '../span-detail';
import { SpanFlag } from '../trace';
import { micros } from '../units';
import { idKey, normalizeId } from '../ids';
import { jaegerTags } from './attributes';
import type { DetailEnv, DetailParts } from './detail-parts';
import { kindFlag } from './detail-parts';
import { asArray, asRecord, asString, isRecord, pick } from './json-values';
import type { JsonRecord } from './json-values';
import { jaegerTimeToMicros } from './time';
import type { SpanContext } from './span-context';
import { UNKNOWN_SERVICE, deferredService } from './span-context';

/**
 * One Jaeger span: v1 UI/API JSON (`traceID`, µs numbers, `{key,type,value}` tags) or the
 * domain-model protobuf JSON (`traceId` base64, RFC3339 `startTime`, "5000ns" durations, `vType`
 * tags). The field spellings differ, the meaning does not, so one adapter reads both.
 */

interface Reference {
  readonly type: string;
  readonly traceId: string;
  readonly spanId: string;
}

function references(span: JsonRecord): Reference[] {
  return asArray(span.references).map((item) => {
    const ref = asRecord(item);
    return {
      type: asString(ref.refType).toUpperCase() || 'CHILD_OF',
      traceId: normalizeId(pick(ref, 'traceID', 'traceId')),
      spanId: normalizeId(pick(ref, 'spanID', 'spanId')),
    };
  });
}

/**
 * The tree parent, as Jaeger's own backend picks it (model.Span.ParentSpanID): the first CHILD_OF
 * in the same trace; failing that, the first CHILD_OF or FOLLOWS_FROM of any trace (Jaeger UI
 * draws a FOLLOWS_FROM-only span under its reference); failing that, ES documents' `parentSpanID`.
 */
function parentOf(span: JsonRecord, traceId: string, refs: readonly Reference[]): string {
  const traceKey = idKey(traceId);
  const sameTrace = refs.find((r) => r.type === 'CHILD_OF' && idKey(r.traceId) === traceKey);
  const chosen = sameTrace ?? refs.find((r) => r.type === 'CHILD_OF') ?? refs[0];
  if (chosen) return chosen.spanId;
  return normalizeId(pick(span, 'parentSpanID', 'parentSpanId'));
}

function processOf(
  span: JsonRecord,
  context: SpanContext,
): { process: JsonRecord | null; id: string } {
  if (isRecord(span.process)) return { process: span.process, id: '' };
  const id = asString(pick(span, 'processID', 'processId'));
  const known = context.processes.get(id);
  return { process: isRecord(known) ? known : null, id };
}

function tagText(tags: readonly { key: string; value: string }[], key: string): string {
  return tags.find((t) => t.key === key)?.value ?? '';
}

export function readJaegerSpan(raw: unknown, context: SpanContext, out: SpanRecord): void {
  const span = asRecord(raw);
  const traceId = normalizeId(pick(span, 'traceID', 'traceId'));
  const refs = references(span);
  out.traceId = traceId || context.traceId;
  out.spanId = normalizeId(pick(span, 'spanID', 'spanId'));
  out.parentSpanId = parentOf(span, traceId, refs);
  out.start = jaegerTimeToMicros(span.startTime, 'instant');
  out.duration = jaegerTimeToMicros(span.duration, 'duration');
  out.operation = asString(span.operationName);
  const { process, id } = processOf(span, context);
  if (process) out.service = asString(process.serviceName) || UNKNOWN_SERVICE;
  else out.service = id === '' ? UNKNOWN_SERVICE : deferredService(context, id);

  const tags = jaegerTags(span.tags);
  let flags = 0;
  if (tagText(tags, 'error') === 'true' || tagText(tags, 'otel.status_code') === 'ERROR')
    flags |= SpanFlag.Error;
  flags |= kindFlag(
    tagText(tags, 'span.kind').toLowerCase(),
    SpanFlag.KindServer,
    SpanFlag.KindClient,
  );
  if (refs.some((r) => r.type === 'FOLLOWS_FROM') || refs.length > 1) flags |= SpanFlag.HasLinks;
  out.flags = flags;
}

export function jaegerDetail(raw: unknown, context: SpanContext, env: DetailEnv): DetailParts {
  const span = asRecord(raw);
  const traceId = normalizeId(pick(span, 'traceID', 'traceId'));
  const refs = references(span);
  const attributes = jaegerTags(span.tags);
  const { process } = processOf(span, context);
  const error =
    tagText(attributes, 'error') === 'true' || tagText(attributes, 'otel.status_code') === 'ERROR';
  const traceKey = idKey(traceId);
  const referenceList: SpanReference[] = refs.map((r) => ({
    type: r.type === 'FOLLOWS_FROM' ? 'FOLLOWS_FROM' : 'CHILD_OF',
    traceId: r.traceId,
    spanId: r.spanId,
    spanIndex: idKey(r.traceId) === traceKey || r.traceId === '' ? env.indexOfSpanId(r.spanId) : -1,
    attributes: [],
  }));
  return {
    traceId: traceId || context.traceId,
    spanId: normalizeId(pick(span, 'spanID', 'spanId')),
    parentSpanId: parentOf(span, traceId, refs),
    kind: tagText(attributes, 'span.kind').toLowerCase(),
    statusCode: error ? 'error' : tagText(attributes, 'otel.status_code') === 'OK' ? 'ok' : 'unset',
    statusMessage: tagText(attributes, 'otel.status_description'),
    attributes,
    resource: process ? jaegerTags(process.tags) : [],
    scope: [],
    events: asArray(span.logs).map((item) => {
      const log = asRecord(item);
      const fields = jaegerTags(log.fields);
      return {
        time: micros(jaegerTimeToMicros(log.timestamp, 'instant') - env.traceStart),
        name: tagText(fields, 'event') || tagText(fields, 'message'),
        attributes: fields,
      };
    }),
    references: referenceList,
    warnings: asArray(span.warnings).map(asString),
  };
}
