/**
 * What a format adapter tells the trace builder about one span. Adapters fill one reused record
 * per document instead of allocating an object per span; the builder copies the fields into its
 * columns before the next span is read.
 */
/** An id a reader parsed from its bytes as its key's two halves (span-id-keys.ts), no string. */
export interface IdHalves {
  read: boolean;
  hi: number;
  lo: number;
}

export interface SpanRecord {
  /** Normalized (see ids.ts) trace id; spans are grouped into traces by its key. */
  traceId: string;
  /** Normalized span id. */
  spanId: string;
  /** Normalized parent span id, '' for none. */
  parentSpanId: string;
  /** When `read`, the span id's key, and `spanId` is '' (the OTLP byte reader's common case). */
  readonly spanKey: IdHalves;
  /** The same for the parent span id. */
  readonly parentKey: IdHalves;
  /** Absolute start, µs since the epoch; NaN when missing. */
  start: number;
  /** µs; NaN when missing. */
  duration: number;
  service: string;
  operation: string;
  /** SpanFlag bits the input states directly: Error, HasLinks, KindServer, KindClient. */
  flags: number;
  /**
   * Zipkin `shared`: the server half of an RPC whose span id it shares with the client half. It is
   * placed under its client half, and children naming that id attach to it.
   */
  shared: boolean;
  /** Opaque handle the document keeps to decode this span's detail later. */
  source: number;
}

export function createSpanRecord(): SpanRecord {
  return {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    spanKey: { read: false, hi: 0, lo: 0 },
    parentKey: { read: false, hi: 0, lo: 0 },
    start: Number.NaN,
    duration: Number.NaN,
    service: '',
    operation: '',
    flags: 0,
    shared: false,
    source: -1,
  };
}

/** Clears a reused record so no field leaks from the previous span. */
export function resetSpanRecord(record: SpanRecord): void {
  record.traceId = '';
  record.spanId = '';
  record.parentSpanId = '';
  record.spanKey.read = false;
  record.parentKey.read = false;
  record.start = Number.NaN;
  record.duration = Number.NaN;
  record.service = '';
  record.operation = '';
  record.flags = 0;
  record.shared = false;
  record.source = -1;
}
