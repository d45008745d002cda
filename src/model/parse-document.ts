import type { SpanDetail } from './span-detail';
import type { Trace } from './trace';
import type { NeedleQuery, TextSearch } from './document/span-text-filter';
import { DocumentSink } from './document/document-sink';
import { walkValue } from './document/walk-value';
import { describeJsonError } from './document/json-error';

/** One trace out of a parsed document, with on-demand access to what the waterfall does not draw. */
export interface ParsedTrace {
  readonly trace: Trace;
  /** Full detail of span `index` (tree order), decoded lazily from the retained input. */
  detail(index: number): SpanDetail;
  /** Tree index of the span with this id (the first, when ids repeat), or -1. */
  spanIndexById(spanId: string): number;
  /**
   * A find's pre-check for a query's terms (each a list of lowercase, escape-free ASCII needles
   * that must all appear): once stepped through, it says which spans' details surely match none of
   * them or surely match one, and a find decodes only the others. Absent when the input is not
   * kept as bytes.
   */
  textSearch?(query: NeedleQuery): TextSearch;
}

export interface ParseResult {
  readonly traces: ParsedTrace[];
  /** User-facing messages; parsing keeps what it can, so errors and traces may coexist. */
  readonly errors: string[];
  /** Detected input format: 'jaeger-v1', 'jaeger-domain', 'otlp', 'zipkin-v2', or 'unknown'. */
  readonly format: string;
}

/**
 * Parses a whole document held in one string: Jaeger v1 JSON (envelope, trace object, span list),
 * Jaeger domain-model JSON, OTLP JSON (incl. the v3 API's {"result": …} and NDJSON, one TracesData
 * per line) or Zipkin v2 JSON, detected from content. Never throws; problems come back in `errors`.
 * Inputs too big for one string go through stream/streaming-parser.ts instead.
 */
export function parseTraceDocument(text: string): ParseResult {
  const sink = new DocumentSink();
  const raws: unknown[] = [];
  const keep = (raw: unknown): void => {
    raws.push(raw);
  };
  const values = parseJsonOrNdjson(text, sink);
  for (const value of values) walkValue(value, sink, keep);
  return sink.finish({ raw: (source) => raws[source] });
}

/** Several non-empty lines, each starting a JSON object or array: one value per line. */
export function looksLikeNdjson(lines: readonly string[]): boolean {
  const filled = lines.filter((line) => line.trim() !== '');
  return filled.length >= 2 && filled.every((line) => /^\s*[[{]/.test(line));
}

function parseJsonOrNdjson(text: string, sink: DocumentSink): unknown[] {
  if (text.trim() === '') {
    sink.error('The document is empty.');
    return [];
  }
  try {
    return [JSON.parse(text)];
  } catch (wholeError) {
    const lines = text.split('\n');
    // NDJSON: several lines that each start a JSON value. Otherwise report the whole-document error.
    if (!looksLikeNdjson(lines)) {
      sink.error(describeJsonError(wholeError, text));
      return [];
    }
    const values: unknown[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        values.push(JSON.parse(line));
      } catch (lineError) {
        sink.error(`Line ${i + 1}: ${describeJsonError(lineError, line)}`);
      }
    });
    return values;
  }
}
