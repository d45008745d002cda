/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parseTraceDocument } from '../parse-document';
import type { ParseResult } from '../parse-document';
import { observable as observableResult, parseInChunks } from '../test-support/byte-reading-check';
import { FIXTURE_ROOT } from '../test-support/fixture-index';

function fixtures(): string[] {
  const files: string[] = [];
  for (const dir of readdirSync(FIXTURE_ROOT, { withFileTypes: true }))
    if (dir.isDirectory())
      for (const file of readdirSync(`${FIXTURE_ROOT}/${dir.name}`))
        files.push(`${dir.name}/${file}`);
  return files.sort();
}

const streamParse = (bytes: Uint8Array, cuts: readonly number[]): ParseResult =>
  parseInChunks(bytes, cuts);
/** The one-shot parser reports errors its own way; they are compared separately below. */
const observable = (result: ParseResult): unknown => observableResult(result, false);

const TRACE_FILES = fixtures().filter(
  (file) => parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${file}`, 'utf8')).traces.length > 0,
);

describe('streaming parser', () => {
  it('covers the trace fixtures', () => {
    expect(TRACE_FILES.length).toBeGreaterThan(80);
  });

  it.each(TRACE_FILES)('%s: same result as the one-shot parser for random chunk splits', (file) => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/${file}`));
    const expected = observable(parseTraceDocument(new TextDecoder().decode(bytes)));
    const wholeErrors = parseTraceDocument(new TextDecoder().decode(bytes)).errors;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }),
        (cuts) => {
          const result = streamParse(bytes, cuts);
          expect(observable(result)).toEqual(expected);
          expect(result.errors).toEqual(wholeErrors);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('splits inside strings, escapes and multi-byte characters byte by byte', () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/zipkin/zipkin2-chinese.json`));
    const cuts = Array.from({ length: bytes.length }, (_, i) => i);
    expect(observable(streamParse(bytes, cuts))).toEqual(
      observable(parseTraceDocument(new TextDecoder().decode(bytes))),
    );
  });

  it('resolves v1 processes that come after the spans', () => {
    const text = JSON.stringify({
      data: [
        {
          traceID: 'abc',
          spans: [
            {
              traceID: 'abc',
              spanID: '1',
              operationName: 'op',
              startTime: 10,
              duration: 5,
              processID: 'p1',
            },
          ],
          processes: { p1: { serviceName: 'late-service', tags: [] } },
        },
      ],
    });
    const result = streamParse(new TextEncoder().encode(text), [17, 40]);
    expect(result.traces[0]?.trace.services).toEqual(['late-service']);
    expect(result.traces[0]?.detail(0).service).toBe('late-service');
  });

  it('reports truncated and malformed input without throwing', () => {
    const truncated = streamParse(
      new TextEncoder().encode('{"data":[{"traceID":"a","spans":[{"spanID":"1"'),
      [],
    );
    expect(truncated.errors.join(' ')).toMatch(/ended before/);
    const garbage = streamParse(new TextEncoder().encode('{"data" 12}'), []);
    expect(garbage.errors.join(' ')).toMatch(/not valid JSON/);
    expect(streamParse(new Uint8Array(0), []).errors.length).toBeGreaterThan(0);
  });

  it('keeps the good spans of a batch when one span is malformed, and names the bad bytes', () => {
    const good = (id: string): string =>
      `{"traceID":"t","spanID":"${id}","operationName":"op","startTime":5,"duration":1}`;
    const text = `{"data":[{"traceID":"t","spans":[${good('1')},{"spanID": tru},${good('3')}]}]}`;
    const result = streamParse(new TextEncoder().encode(text), [40]);
    expect(result.traces[0]?.trace.spanCount).toBe(2);
    expect(result.errors.join(' ')).toMatch(/^Bytes \d+–\d+ are not valid JSON/);
  });

  it('reports Jaeger API errors from the envelope', () => {
    const text =
      '{"data":null,"total":0,"errors":[{"code":404,"msg":"trace not found","traceID":"ab"}]}';
    const streamed = streamParse(new TextEncoder().encode(text), [5]);
    expect(streamed.errors).toEqual(parseTraceDocument(text).errors);
    expect(streamed.errors[0]).toMatch(/trace not found/);
  });
});
