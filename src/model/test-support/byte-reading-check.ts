import fc from 'fast-check';
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

/**
 * One byte of `bytes` overwritten with JSON's structural, quoting, escaping or literal characters
 * (or deleted), the input cut anywhere: the one-pass path gives the reference's spans and errors.
 */
export function sameUnderCorruption(bytes: Uint8Array, numRuns: number): void {
  const replacements = [...'{}[]",:\\ \n0-etfnx'].map((c) => c.charCodeAt(0));
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: bytes.length - 1 }),
      fc.constantFrom(...replacements, -1),
      fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 3 }),
      (at, replacement, cuts) => {
        // -1 deletes the byte; anything else overwrites it.
        const broken =
          replacement < 0
            ? new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + 1)])
            : bytes.slice();
        if (replacement >= 0) broken[at] = replacement;
        sameAsReference(broken, cuts);
      },
    ),
    { numRuns },
  );
}
