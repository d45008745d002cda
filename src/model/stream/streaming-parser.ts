import { looksLikeNdjson, parseTraceDocument, type ParseResult } from '../parse-document';
import { DocumentSink } from '../document/document-sink';
import { addProcesses, jaegerApiError, walkValue } from '../document/walk-value';
import { describeJsonErrorIn } from '../document/json-error';
import {
  REDUX_STATE_WARNING,
  describeNonTraceArray,
  jaegerFlavour,
  looseSpanFormat,
} from '../document/detect-format';
import { normalizeId } from '../ids';
import { asArray, asString, isRecord } from '../formats/json-values';
import type { SpanContext, SpanFormat } from '../formats/span-context';
import { ByteStore } from './byte-store';
import { forgetMirror, mirrorBytes } from '../json/wasm-skipper';
import { JsonScanner } from './json-scanner';
import type { ScanHandler, ValueKind } from './json-scanner';
import { KNOWN_ROOT_KEYS, decide } from './stream-roles';
import { SpanBatch } from './span-batch';
import type { Role } from './stream-roles';

/** Zeros after each chunk's copy; more than any reader looks ahead of where a value was cut. */
export const PADDING = 64;
/** Below V8's longest string (2^29 - 24 UTF-16 units) whatever the UTF-8 decodes to. */
const WHOLE_TEXT_LIMIT_BYTES = 256 * 1024 * 1024;

export interface StreamingParser {
  /**
   * Feeds the next bytes, which are kept: the caller must not change them afterwards. An empty
   * chunk may carry the new incarnation of a buffer a BYOB reader transferred (ByteStore).
   */
  push(chunk: Uint8Array): void;
  /** Ends the input and builds the traces. */
  finish(): ParseResult;
  /** Spans read so far, for progress reports. */
  readonly spansParsed: number;
}

/**
 * Parses a document chunk by chunk without ever holding it as one string: the scanner finds each
 * span's bytes (v1 `data[].spans[]`, OTLP `resourceSpans[].scopeSpans[].spans[]`, top-level span
 * arrays), each span is JSON.parsed alone and read by the same adapters as parseTraceDocument,
 * then dropped; only its byte range is kept, and `detail(i)` re-parses it on demand.
 */
export function createStreamingParser(options: StreamingOptions = {}): StreamingParser {
  const walker = new StreamWalker(options.byteReading ?? true);
  const scanner = new JsonScanner(walker);
  return {
    push(chunk: Uint8Array): void {
      if (chunk.length === 0) {
        // Nothing to read; its buffer may be the new home of bytes already kept (ByteStore).
        walker.bytes.append(chunk);
        return;
      }
      // The readers get the bytes with zeros after them: readers that look a few bytes ahead of
      // a span cut by the chunk's end read zeros (invalid JSON there, as the missing bytes were)
      // instead of past the array, which makes V8 drop the readers' optimized code on every
      // chunk's end while a fresh worker's parse is still warming up. That padded copy goes
      // into the WebAssembly skipper's memory, reused from chunk to chunk; a fresh array per
      // chunk cost more than the whole reading (the system zeroes and maps its pages: ~3 ms a
      // MB on a fresh worker here). The chunk itself is what is kept.
      const padded = walker.byteReading ? mirrorBytes(chunk, PADDING) : null;
      if (padded !== null) {
        walker.bytes.append(chunk);
        scanner.push(padded, chunk.length);
        return;
      }
      const copy = new Uint8Array(chunk.length + PADDING);
      copy.set(chunk);
      walker.bytes.append(copy.subarray(0, chunk.length));
      scanner.push(copy, chunk.length);
    },
    finish(): ParseResult {
      scanner.finish();
      forgetMirror();
      // NDJSON with a broken line: the scanner stops at the break (or, inside a string cut short,
      // reads on across lines) and every later line would be lost. Each line is a document of
      // its own, so the line-by-line reader keeps every good one; it needs the text as one string.
      if (scanner.error !== null && walker.bytes.byteLength <= WHOLE_TEXT_LIMIT_BYTES) {
        const text = walker.bytes.text(0, walker.bytes.byteLength);
        if (looksLikeNdjson(text.split('\n'))) return parseTraceDocument(text);
      }
      // Spans read before the point where the document broke report their own errors first.
      walker.flushSpans();
      if (scanner.error === null) return walker.finish();
      walker.sink.error(walker.describeScanError(scanner.error, scanner.topLevelValues));
      // A document cut before any span of a trace leaves only the trace's shell (its id): no
      // trace to show, as when the whole text fails JSON.parse; the error says what happened.
      const result = walker.finish();
      return { ...result, traces: result.traces.filter((t) => t.trace.spanCount > 0) };
    },
    get spansParsed(): number {
      return walker.sink.spansParsed;
    },
  };
}

export interface StreamingOptions {
  /**
   * Read OTLP spans' row fields from their bytes (otlp-span-bytes.ts) instead of JSON.parsing
   * each span. Default true; false is the reference path the byte reader is tested against.
   */
  readonly byteReading?: boolean;
}

class StreamWalker implements ScanHandler {
  readonly sink = new DocumentSink();
  readonly bytes = new ByteStore();
  private ranges = new Float64Array(2048);
  /** Raw objects kept for spans that came through walkValue (small, unusual documents). */
  private readonly objects = new Map<number, unknown>();
  private readonly roles: Role[] = [];
  private pendingRole: Role | undefined;
  private rootStart = 0;
  private rootKnown = false;
  private rootArrayRejected = false;
  private rootArrayCount = 0;
  private trace: SpanContext | null = null;
  private traceHasSpans = false;
  private group: { contexts: SpanContext[]; resource: unknown } | null = null;
  private scope: SpanContext | null = null;
  private readonly loose = new Map<SpanFormat, SpanContext>();
  /** Spans waiting to be parsed together; flushed before anything else happens, to keep order. */
  private readonly batch = new SpanBatch();

  constructor(readonly byteReading: boolean) {}

  decide(path: readonly string[], kind: ValueKind): 'descend' | 'capture' | 'skip' {
    const parent = this.roles[this.roles.length - 1];
    const key = path[path.length - 1] ?? '';
    const decision = decide(parent, key, kind);
    if (parent === 'root-object' && KNOWN_ROOT_KEYS.has(key)) this.rootKnown = true;
    this.pendingRole = decision.role;
    return decision.action;
  }

  enter(_path: readonly string[], _kind: 'object' | 'array', start: number): void {
    this.flush();
    const role = this.pendingRole ?? 'root-object';
    this.roles.push(role);
    if (role === 'root-object' || role === 'root-array') {
      this.rootStart = start;
      this.rootKnown = false;
      this.rootArrayRejected = false;
      this.rootArrayCount = 0;
      this.trace = null;
    } else if (role === 'trace-object') {
      this.trace = this.newTrace();
      if (this.roles[this.roles.length - 2] === 'root-object')
        this.trace.warnings.push(REDUX_STATE_WARNING);
    } else if (role === 'rs') this.group = { contexts: [], resource: undefined };
    else if (role === 'ss') {
      this.scope = this.sink.newContext('otlp');
      this.scope.resource = this.group?.resource;
      this.group?.contexts.push(this.scope);
    }
  }

  exit(_path: readonly string[], _kind: 'object' | 'array', end: number): void {
    this.flush();
    const role = this.roles.pop();
    if (role === 'trace-object') this.trace = null;
    // A top-level object with none of the container keys is a lone span or not trace data:
    // small by nature, so it is parsed whole and handed to the one-shot walker.
    if (role === 'root-object' && !this.rootKnown) {
      const value = this.parse(this.rootStart, end);
      if (value !== undefined) walkValue(value, this.sink, (raw) => this.keepObject(raw));
    }
  }

  capture(path: readonly string[], start: number, end: number): void {
    const parent = this.roles[this.roles.length - 1];
    const key = path[path.length - 1] ?? '';
    if (parent === 'otlp-spans' || parent === 'trace-spans') {
      const context = this.spanContext(parent);
      // A span that straddled two chunks, or that captureFrom could not read.
      if (this.readsBytes(parent) && this.batch.context === null) {
        const bytes = this.bytes.copy(start, end, PADDING);
        if (this.sink.spanBytes(bytes, 0, end - start, context) >= 0) {
          this.keepRange(this.sink.spansParsed - 1, start, end);
          return;
        }
      }
      // Malformed, odd in a way the byte reader leaves to JSON.parse, or the first span of a
      // Jaeger trace (it tells the trace's flavour): the reference path.
      if (!this.batch.accepts(context, end)) this.flush();
      this.batch.add(context, start, end);
      return;
    }
    this.flush();
    if (parent === undefined) {
      const value = this.parse(start, end);
      if (value !== undefined) walkValue(value, this.sink, (raw) => this.keepObject(raw));
      return;
    }
    if (parent === 'root-array') return this.rootArrayElement(start, end);
    const value = this.parse(start, end);
    if (value === undefined) return;
    if (parent === 'rs' && this.group !== null) {
      this.group.resource = value;
      for (const context of this.group.contexts) context.resource = value;
    } else if (parent === 'ss' && this.scope !== null) this.scope.scope = value;
    else if (key === 'errors')
      for (const item of asArray(value)) this.sink.error(jaegerApiError(item));
    else if (key === 'traceID' || key === 'traceId')
      this.currentTrace().traceId = normalizeId(value);
    else if (key === 'processes' || key === 'processMap') addProcesses(this.currentTrace(), value);
    else if (key === 'warnings') this.currentTrace().warnings.push(...asArray(value).map(asString));
  }

  /**
   * One pass: an OTLP span that lies whole in this chunk is read where it starts, so the scanner
   * never walks its bytes in raw mode first. -1 leaves the value to the scanner (then `capture`).
   */
  captureFrom(
    _path: readonly string[],
    chunk: Uint8Array,
    i: number,
    base: number,
    end: number,
  ): number {
    const parent = this.roles[this.roles.length - 1];
    if (parent !== 'otlp-spans' && parent !== 'trace-spans') return -1;
    // A Jaeger trace's first span may still wait in the batch: its flavour decides this one.
    if (parent === 'trace-spans' && this.byteReading && !this.traceHasSpans) this.flush();
    if (!this.readsBytes(parent)) return -1;
    this.flush();
    const after = this.sink.spanBytes(chunk, i, end, this.spanContext(parent));
    if (after >= 0) this.keepRange(this.sink.spansParsed - 1, base + i, base + after);
    return after;
  }

  /**
   * Whether the next span of this list is read from its bytes. A Jaeger trace's first span is
   * JSON.parsed: its field spellings tell the trace's flavour (v1 API or domain model).
   */
  private readsBytes(parent: 'otlp-spans' | 'trace-spans'): boolean {
    return this.byteReading && (parent === 'otlp-spans' || this.traceHasSpans);
  }

  private spanContext(parent: 'otlp-spans' | 'trace-spans'): SpanContext {
    return parent === 'otlp-spans'
      ? (this.scope ?? this.sink.newContext('otlp'))
      : this.currentTrace();
  }

  finish(): ParseResult {
    this.flush();
    return this.sink.finish({
      raw: (source) => {
        const kept = this.objects.get(source);
        if (kept !== undefined) return kept;
        return JSON.parse(
          this.bytes.text(this.ranges[source * 2] ?? 0, this.ranges[source * 2 + 1] ?? 0),
        ) as unknown;
      },
      bytes: (source) =>
        this.objects.has(source)
          ? undefined
          : this.bytes.bytes(this.ranges[source * 2] ?? 0, this.ranges[source * 2 + 1] ?? 0),
      layout: () => ({
        chunks: this.bytes.chunkList,
        ranges: this.ranges,
        spanBytes: (source) =>
          this.bytes.bytes(this.ranges[source * 2] ?? 0, this.ranges[source * 2 + 1] ?? 0),
      }),
    });
  }

  describeScanError(error: string, valuesDone: number): string {
    // NDJSON: name the line, as the one-shot parser does.
    return valuesDone > 0
      ? `Line ${valuesDone + 1}: the document is not valid JSON: ${error}`
      : `The document is not valid JSON: ${error}`;
  }

  private newTrace(): SpanContext {
    this.traceHasSpans = false;
    return this.sink.newContext('jaeger-v1');
  }

  /** The trace object being read; a bare top-level trace object gets one on first use. */
  private currentTrace(): SpanContext {
    this.trace ??= this.newTrace();
    return this.trace;
  }

  flushSpans(): void {
    this.flush();
  }

  private flush(): void {
    if (this.batch.context === null) return;
    this.batch.flush(
      this.bytes,
      (raw, context, start, end) => this.span(raw, context, start, end),
      (start, end) => this.parse(start, end),
    );
  }

  private span(raw: unknown, context: SpanContext, start: number, end: number): void {
    if (context.format !== 'otlp' && !this.traceHasSpans) {
      context.format = jaegerFlavour(raw);
      this.traceHasSpans = true;
    }
    this.keepRange(this.sink.span(raw, context), start, end);
  }

  private rootArrayElement(start: number, end: number): void {
    if (this.rootArrayRejected) return;
    const raw = this.parse(start, end);
    if (raw === undefined) return;
    if (this.rootArrayCount++ === 0) {
      const unsupported = describeNonTraceArray([raw]);
      if (unsupported !== null) {
        this.sink.error(unsupported);
        this.rootArrayRejected = true;
        return;
      }
    }
    if (isRecord(raw) && (Array.isArray(raw.spans) || raw.resourceSpans !== undefined)) {
      walkValue(raw, this.sink, (kept) => this.keepObject(kept));
      return;
    }
    const format = looseSpanFormat(raw);
    let context = this.loose.get(format);
    if (context === undefined) {
      context = this.sink.newContext(format);
      this.loose.set(format, context);
    }
    this.keepRange(this.sink.span(raw, context), start, end);
  }

  private parse(start: number, end: number): unknown {
    const text = this.bytes.text(start, end);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      this.sink.error(describeJsonErrorIn(error, text, this.bytes.lineAt(start), start, end));
      return undefined;
    }
  }

  private keepRange(source: number, start: number, end: number): void {
    while (source * 2 + 1 >= this.ranges.length) {
      const grown = new Float64Array(this.ranges.length * 2);
      grown.set(this.ranges);
      this.ranges = grown;
    }
    this.ranges[source * 2] = start;
    this.ranges[source * 2 + 1] = end;
  }

  private keepObject(raw: unknown): void {
    this.objects.set(this.sink.spansParsed - 1, raw);
  }
}
