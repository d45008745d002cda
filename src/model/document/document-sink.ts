import { TraceBuilder } from '../build/trace-builder';
import type { BuiltTrace } from '../build/trace-builder';
import { createSpanRecord, resetSpanRecord } from '../build/span-record';
import type { ParsedTrace, ParseResult } from '../parse-document';
import type { SpanDetail } from '../span-detail';
import { micros } from '../units';
import { adapterFor } from '../formats/span-adapters';
import { otlpAttributeString } from '../formats/attributes';
import { readJaegerSpanBytes } from '../formats/jaeger-span-bytes';
import { lastOtlpFieldCode, readOtlpSpanBytes } from '../formats/otlp-span-bytes';
import { SourceBytes, SourceSet } from './source-set';
import { spanTextSearch } from './span-text-filter';
import type { SpanLayout } from './needle-scan';
import { textDoubt } from '../json/json-bytes';
import { asRecord, asString, isRecord } from '../formats/json-values';
import type { SpanContext, SpanFormat } from '../formats/span-context';
import { UNKNOWN_SERVICE, createSpanContext, parseDeferredService } from '../formats/span-context';

/** Where the raw span behind a source handle can be fetched again for its detail. */
export interface RawSpanStore {
  raw(source: number): unknown;
  /** The span's bytes in the input, when it is kept as bytes. */
  bytes?(source: number): Uint8Array | undefined;
  /** The retained input and every span's byte range, for a search over the whole input. */
  layout?(): SpanLayout;
}

/**
 * The document-level half of parsing, shared by the one-shot and streaming paths: they locate
 * spans and their contexts in the input, this reads each through its format adapter into the
 * trace builder, and on `finish` resolves deferred services and wraps each built trace with lazy
 * detail decoding. Source handles are assigned here, in arrival order.
 */
export class DocumentSink {
  readonly errors: string[] = [];
  format: SpanFormat | null = null;
  private readonly builder = new TraceBuilder();
  private readonly record = createSpanRecord();
  private readonly contexts: SpanContext[] = [];
  private contextOfSource = new Int32Array(1024);
  /** Sources read from bytes whose text is plain ASCII without `\\u` or `\\/` escapes. */
  private readonly plainBytes = new SourceSet();
  /** OTLP sources read from bytes: what their fields make of the detail's tags (otlpFieldCode). */
  private readonly fieldCodes = new SourceBytes();
  private sources = 0;
  private unreadable = 0;
  private readonly notes: string[] = [];

  get spansParsed(): number {
    return this.sources;
  }

  newContext(format: SpanFormat): SpanContext {
    const context = createSpanContext(this.contexts.length, format);
    this.contexts.push(context);
    return context;
  }

  /**
   * Reads one OTLP or Jaeger span from bytes [start, end) without JSON.parse (otlp-span-bytes.ts,
   * jaeger-span-bytes.ts): the index after it, or -1 when the bytes need the parsed path (`span`),
   * nothing recorded then. The span's source handle is `spansParsed - 1` afterwards.
   */
  spanBytes(bytes: Uint8Array, start: number, end: number, context: SpanContext): number {
    resetSpanRecord(this.record);
    textDoubt.seen = false;
    const after =
      context.format === 'otlp'
        ? readOtlpSpanBytes(bytes, start, end, context, this.record)
        : readJaegerSpanBytes(bytes, start, end, context, this.record);
    if (after < 0) return -1;
    const source = this.nextSource(context);
    if (!textDoubt.seen) this.plainBytes.add(source);
    if (context.format === 'otlp') this.fieldCodes.set(source, lastOtlpFieldCode());
    this.record.source = source;
    this.builder.add(this.record);
    return after;
  }

  /** Reads one span; returns its source handle. Never throws: an unreadable span is kept as is. */
  span(raw: unknown, context: SpanContext): number {
    const source = this.nextSource(context);
    const record = this.record;
    resetSpanRecord(record);
    // Adapters read defensively and are not expected to throw; the catch is the last line of
    // defence so one bad span cannot lose the rest of the document.
    let problem = isRecord(raw) ? '' : 'a span entry is not a JSON object';
    try {
      adapterFor(context.format).read(raw, context, record);
    } catch (error) {
      problem = String(error);
    }
    if (problem !== '' && this.unreadable++ === 0)
      this.notes.push(`A span could not be fully read (${problem}).`);
    record.source = source;
    this.builder.add(record);
    return source;
  }

  private nextSource(context: SpanContext): number {
    const source = this.sources++;
    if (source === this.contextOfSource.length) {
      const grown = new Int32Array(source * 2);
      grown.set(this.contextOfSource);
      this.contextOfSource = grown;
    }
    this.contextOfSource[source] = context.id;
    this.format ??= context.format;
    return source;
  }

  /** Adds a document-level message (shown with the result, not tied to a span). */
  error(message: string): void {
    this.errors.push(message);
  }

  finish(store: RawSpanStore): ParseResult {
    for (const context of this.contexts) {
      if (context.traceId === '') continue;
      this.builder.declareTrace(context.traceId);
      for (const warning of context.warnings) this.builder.addWarning(context.traceId, warning);
    }
    this.builder.renameServices((name) => this.resolveService(name));
    const built = this.builder.finish(this.format ?? 'unknown');
    const errors = [...this.errors, ...this.notes];
    if (this.unreadable > 1)
      errors.push(
        `${this.unreadable} span entries were incomplete; they are shown with what could be read.`,
      );
    return {
      traces: built.map((b) => this.wrap(b, store)),
      errors,
      format: this.format ?? 'unknown',
    };
  }

  private resolveService(name: string): string {
    const deferred = parseDeferredService(name);
    if (deferred === null) return name;
    const context = this.contexts[deferred.contextId];
    if (context === undefined) return UNKNOWN_SERVICE;
    if (context.format === 'otlp')
      return (
        otlpAttributeString(asRecord(context.resource).attributes, 'service.name') ||
        UNKNOWN_SERVICE
      );
    const process = context.processes.get(deferred.key);
    return asString(asRecord(process).serviceName) || UNKNOWN_SERVICE;
  }

  private wrap(built: BuiltTrace, store: RawSpanStore): ParsedTrace {
    const { trace, sourceOf } = built;
    const contexts = this.contexts;
    const contextOfSource = this.contextOfSource;
    const env = {
      traceStart: trace.startTime,
      indexOfSpanId: (id: string) => built.indexOfSpanId(id),
    };
    const textSearch = spanTextSearch(
      contexts,
      contextOfSource,
      sourceOf,
      store,
      this.plainBytes,
      this.sources,
      this.fieldCodes,
    );
    return {
      trace,
      spanIndexById: env.indexOfSpanId,
      ...(textSearch && { textSearch }),
      detail(index: number): SpanDetail {
        const n = trace.spanCount;
        if (!Number.isInteger(index) || index < 0 || index >= n)
          throw new RangeError(`Span index ${index} is not in this trace (it has ${n} spans).`);
        const source = sourceOf[index] ?? -1;
        const context = contexts[contextOfSource[source] ?? -1];
        const c = trace.columns;
        const start = c.start[index] ?? 0;
        const base = {
          index,
          service: trace.services[c.service[index] ?? 0] ?? '',
          operation: trace.operations[c.operation[index] ?? 0] ?? '',
          start: micros(start),
          absoluteStart: micros(trace.startTime + start),
          duration: micros(c.duration[index] ?? 0),
          selfTime: micros(c.selfTime[index] ?? 0),
        };
        if (context === undefined) throw new RangeError(`Span ${index} has no recorded source.`);
        return { ...adapterFor(context.format).detail(store.raw(source), context, env), ...base };
      },
    };
  }
}
