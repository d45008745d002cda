import { normalizeId } from '../ids';
import { asArray, asString, isRecord, pick } from '../formats/json-values';
import type { JsonRecord } from '../formats/json-values';
import type { SpanContext, SpanFormat } from '../formats/span-context';
import type { DocumentSink } from './document-sink';
import {
  REDUX_STATE_WARNING,
  describeNonTrace,
  describeNonTraceArray,
  jaegerFlavour,
  looseSpanFormat,
} from './detect-format';

/**
 * Finds the spans in an already-parsed JSON value and hands them to the sink with their context.
 * Object keys are visited in document order, exactly as the streaming walker meets them, so both
 * paths see e.g. `processes` after `spans` the same way. `onSpan` lets the caller keep the raw span
 * for later detail decoding.
 */
export function walkValue(
  value: unknown,
  sink: DocumentSink,
  onSpan: (raw: unknown) => void,
): void {
  const span = (raw: unknown, context: SpanContext): void => {
    sink.span(raw, context);
    onSpan(raw);
  };
  const looseContexts = new Map<SpanFormat, SpanContext>();
  const looseContext = (format: SpanFormat): SpanContext => {
    let context = looseContexts.get(format);
    if (context === undefined) {
      context = sink.newContext(format);
      looseContexts.set(format, context);
    }
    return context;
  };

  const traceObject = (object: JsonRecord, note?: string): void => {
    const context = sink.newContext('jaeger-v1');
    if (note !== undefined) context.warnings.push(note);
    let first = true;
    for (const [key, field] of Object.entries(object)) {
      if (key === 'traceID' || key === 'traceId') context.traceId = normalizeId(field);
      else if (key === 'spans')
        for (const raw of asArray(field)) {
          if (first) context.format = jaegerFlavour(raw);
          first = false;
          span(raw, context);
        }
      else if (key === 'processes' || key === 'processMap') addProcesses(context, field);
      else if (key === 'warnings') context.warnings.push(...asArray(field).map(asString));
    }
  };

  const tracesData = (object: JsonRecord): void => {
    for (const resourceSpans of asArray(object.resourceSpans)) {
      if (!isRecord(resourceSpans)) continue;
      const contexts: SpanContext[] = [];
      let resource: unknown = undefined;
      for (const [key, field] of Object.entries(resourceSpans)) {
        if (key === 'resource') {
          resource = field;
          for (const context of contexts) context.resource = field;
        } else if (key === 'scopeSpans' || key === 'instrumentationLibrarySpans')
          for (const scopeSpans of asArray(field)) {
            if (!isRecord(scopeSpans)) continue;
            const context = sink.newContext('otlp');
            context.resource = resource;
            contexts.push(context);
            for (const [scopeKey, scopeField] of Object.entries(scopeSpans)) {
              if (scopeKey === 'scope' || scopeKey === 'instrumentationLibrary')
                context.scope = scopeField;
              else if (scopeKey === 'spans')
                for (const raw of asArray(scopeField)) span(raw, context);
            }
          }
      }
    }
  };

  if (Array.isArray(value)) {
    const unsupported = value.length > 0 ? describeNonTraceArray(value) : null;
    if (unsupported !== null) {
      sink.error(unsupported);
      return;
    }
    for (const item of value) {
      if (isRecord(item) && Array.isArray(item.spans)) traceObject(item);
      else if (isRecord(item) && item.resourceSpans !== undefined) tracesData(item);
      else span(item, looseContext(looseSpanFormat(item)));
    }
    return;
  }
  if (!isRecord(value)) {
    sink.error('The document is not a JSON object or array, so it holds no spans.');
    return;
  }
  if (value.resourceSpans !== undefined) tracesData(value);
  else if (isRecord(value.result) && value.result.resourceSpans !== undefined)
    tracesData(value.result);
  else if (Array.isArray(value.data) || (Array.isArray(value.errors) && !isRecord(value.data))) {
    // Jaeger v1 envelope; on failure `data` is null and `errors` says why.
    for (const item of asArray(value.data)) if (isRecord(item)) traceObject(item);
    for (const item of asArray(value.errors)) sink.error(jaegerApiError(item));
  } else if (isRecord(value.data) && Array.isArray(value.data.spans)) {
    // Jaeger UI's stored redux state ({id, state, data: trace}) rather than an API payload.
    traceObject(value.data, REDUX_STATE_WARNING);
  } else if (Array.isArray(value.spans)) traceObject(value);
  else {
    const unsupported = describeNonTrace(value);
    if (unsupported !== null) sink.error(unsupported);
    else span(value, looseContext(looseSpanFormat(value)));
  }
}

export function addProcesses(context: SpanContext, field: unknown): void {
  if (Array.isArray(field))
    // Domain-model `processMap`: [{processId, process}].
    for (const entry of field) {
      if (isRecord(entry))
        context.processes.set(asString(pick(entry, 'processId', 'processID')), entry.process);
    }
  else if (isRecord(field))
    for (const [id, process] of Object.entries(field)) context.processes.set(id, process);
}

export function jaegerApiError(item: unknown): string {
  if (!isRecord(item)) return `Jaeger reported an error: ${asString(item)}`;
  const traceId = asString(pick(item, 'traceID', 'traceId'));
  const message = asString(pick(item, 'msg', 'message')) || 'unknown error';
  return `Jaeger reported an error${traceId ? ` for trace ${traceId}` : ''}: ${message}`;
}
