import type { SpanContext } from '../formats/span-context';
import type { ByteStore } from './byte-store';

/** Batches above this many bytes are flushed; bounds the transient string and parsed objects. */
const MAX_BATCH_BYTES = 1 << 20;

/**
 * Consecutive spans of one array, parsed together. Between two elements of the same array there
 * is only a comma and whitespace, so the bytes from the first span's start to the last one's end,
 * wrapped in brackets, are one JSON array: one decode and one JSON.parse per ~1 MB instead of one
 * per span, which is most of the streaming parser's per-span overhead. Each span's own byte range
 * is still what is kept for its detail.
 */
export class SpanBatch {
  context: SpanContext | null = null;
  private starts: number[] = [];
  private ends: number[] = [];

  /** Whether the span can join the batch (same array context, batch not full). */
  accepts(context: SpanContext, end: number): boolean {
    const first = this.starts[0];
    return (
      this.context === null ||
      (this.context === context && (first === undefined || end - first <= MAX_BATCH_BYTES))
    );
  }

  add(context: SpanContext, start: number, end: number): void {
    this.context = context;
    this.starts.push(start);
    this.ends.push(end);
  }

  /**
   * Hands each span of the batch, in order, to `each`. If the batch does not parse as a whole (a
   * malformed span), every span is parsed alone so the error names the bad one.
   */
  flush(
    bytes: ByteStore,
    each: (raw: unknown, context: SpanContext, start: number, end: number) => void,
    parseOne: (start: number, end: number) => unknown,
  ): void {
    const context = this.context;
    const starts = this.starts;
    const ends = this.ends;
    this.context = null;
    this.starts = [];
    this.ends = [];
    const first = starts[0];
    const last = ends[ends.length - 1];
    if (context === null || first === undefined || last === undefined) return;
    let values: unknown = null;
    try {
      values = JSON.parse(`[${bytes.text(first, last)}]`);
    } catch {
      values = null;
    }
    const parsed = Array.isArray(values) && values.length === starts.length ? values : null;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k] ?? 0;
      const end = ends[k] ?? 0;
      const raw: unknown = parsed === null ? parseOne(start, end) : parsed[k];
      if (parsed !== null || raw !== undefined) each(raw, context, start, end);
    }
  }
}
