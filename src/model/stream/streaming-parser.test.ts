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
    // Cut before any span was complete: no empty trace shell, as when JSON.parse fails whole.
    expect(truncated.traces).toEqual([]);
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
    expect(result.errors.join(' ')).toMatch(/^Line 1 \(bytes \d+–\d+\) (is|are) not valid JSON/);
  });

  it('an NDJSON file with a line cut short keeps every other line, as the line-by-line reader does', () => {
    const lines = readFileSync(`${FIXTURE_ROOT}/jaeger-ui/otlp2jaeger-multi-in.json.txt`, 'utf8')
      .trim()
      .split('\n');
    // Cut inside a key: a scanner jumping from quote to quote would read on into line 3.
    const text = lines.map((line, i) => (i === 1 ? line.slice(0, 40) : line)).join('\n');
    const streamed = streamParse(new TextEncoder().encode(text), [100, 700]);
    expect(streamed.traces.map((t) => t.trace.spanCount)).toEqual([3]);
    expect(streamed.errors).toHaveLength(1);
    expect(streamed.errors[0]).toMatch(/^Line 2: The document is not valid JSON/);
    expect(observable(streamed)).toEqual(observable(parseTraceDocument(text)));
  });

  it("names the file's line of a malformed span, not the line within the span", () => {
    const good = (id: string): string =>
      `{\n"traceID":"t",\n"spanID":"${id}",\n"operationName":"op",\n"startTime":5,\n"duration":1\n}`;
    const parse = (bad: string) => {
      const text = `{"data":[{"traceID":"t","spans":[\n${good('1')},\n${bad},\n${good('3')}]}]}`;
      const result = streamParse(new TextEncoder().encode(text), [7, 30]);
      expect(result.traces[0]?.trace.spanCount).toBe(2);
      const start = text.indexOf(bad);
      return { errors: result.errors, bytes: `bytes ${start}–${start + bad.length}` };
    };
    // The bad span starts on line 9 of the file; V8 stops at the "x" on its fourth: line 12.
    const positioned = parse('{\n"traceID":"t",\n"spanID": "2"\n"x": 1\n}');
    expect(positioned.errors).toEqual([
      `Line 12 (${positioned.bytes}) is not valid JSON: Expected ',' or '}' after property value`,
    ]);
    // Where V8 gives no position, the span's lines.
    const unplaced = parse('{\n"traceID":"t",\n"spanID": tru}');
    expect(unplaced.errors).toHaveLength(1);
    expect(unplaced.errors[0]).toMatch(
      new RegExp(`^Lines 9–11 \\(${unplaced.bytes}\\) are not valid JSON: Unexpected token`),
    );
  });

  it('reports Jaeger API errors from the envelope', () => {
    const text =
      '{"data":null,"total":0,"errors":[{"code":404,"msg":"trace not found","traceID":"ab"}]}';
    const streamed = streamParse(new TextEncoder().encode(text), [5]);
    expect(streamed.errors).toEqual(parseTraceDocument(text).errors);
    expect(streamed.errors[0]).toMatch(/trace not found/);
  });
});
