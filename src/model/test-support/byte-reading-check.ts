import type { ParseResult } from '../parse-document';
import { createStreamingParser } from '../stream/streaming-parser';

/**
 * Test support: the streaming parser fed `bytes` cut at `cuts`; with byte reading (the one-pass
 * path) or without it (each span JSON.parsed: the reference).
 */
export function parseInChunks(
  bytes: Uint8Array,
  cuts: readonly number[],
  byteReading = true,
): ParseResult {
  const parser = createStreamingParser({ byteReading });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(bytes.subarray(at, cut));
    at = cut;
  }
  parser.push(bytes.subarray(at));
  return parser.finish();
}

/**
 * Everything observable about a result, details included (or their error), as plain data for
 * toEqual; without the errors where a comparison checks those on its own.
 */
export function observable(result: ParseResult, withErrors = true): unknown {
  return {
    format: result.format,
    ...(withErrors ? { errors: result.errors } : {}),
    traces: result.traces.map(({ trace, detail }) => ({
      ...trace,
      columns: Object.fromEntries(
        Object.entries(trace.columns).map(([k, v]) => [
          k,
          typeof v === 'number' ? v : Array.from(v as ArrayLike<number>),
        ]),
      ),
      details: Array.from({ length: trace.spanCount }, (_, i) => {
        try {
          return detail(i);
        } catch (error) {
          return String(error);
        }
      }),
    })),
  };
}

export const sameAsReference = (bytes: Uint8Array, cuts: readonly number[] = []): void => {
  expect(observable(parseInChunks(bytes, cuts, true))).toEqual(
    observable(parseInChunks(bytes, cuts, false)),
  );
};
