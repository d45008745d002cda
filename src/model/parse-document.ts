import type { SpanDetail } from './span-detail';
import type { Trace } from './trace';

/** One trace out of a parsed document, with on-demand access to what the waterfall does not draw. */
export interface ParsedTrace {
  readonly trace: Trace;
  /** Full detail of span `index` (tree order), decoded lazily from the retained input. */
  detail(index: number): SpanDetail;
  /** Tree index of the first span with this id, or -1. */
  spanIndexById(spanId: string): number;
}

export interface ParseResult {
  readonly traces: ParsedTrace[];
  /** User-facing messages; parsing continues past what it can, so errors and traces may coexist. */
  readonly errors: string[];
  /** Detected input format, e.g. 'jaeger-v1', 'otlp', 'zipkin-v2', or 'unknown'. */
  readonly format: string;
}

/** Parses a whole document (any supported format, detected from content). Never throws. */
export function parseTraceDocument(text: string): ParseResult {
  // Placeholder until the format adapters land; the signature is final.
  void text;
  return { traces: [], errors: ['Parsing is not implemented yet.'], format: 'unknown' };
}
