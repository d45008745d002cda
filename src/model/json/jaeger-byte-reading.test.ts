/// <reference types="node" />
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  parseInChunks,
  sameAsReference as same,
  sameUnderCorruption,
} from '../test-support/byte-reading-check';
import { FIXTURE_ROOT } from '../test-support/fixture-index';

/**
 * Jaeger spans (v1 API JSON and the domain model's) read from their bytes against the reference
 * path (each span JSON.parsed and read by the adapter): identical traces, details and errors.
 * The real fixtures of both formats run in byte-reading.test.ts; these are the odd cases.
 */
const encode = (text: string) => new TextEncoder().encode(text);
const trace = (spans: readonly string[], processes = '{"p1":{"serviceName":"svc","tags":[]}}') =>
  `{"data":[{"traceID":"00000000000000000000000000000abc","spans":[${spans.join(',')}],"processes":${processes}}]}`;

/** A compact v1 span as Jaeger writes it, with `tags` given as JSON text. */
const span = (id: number, tags: string, extra = ''): string =>
  `{"traceID":"00000000000000000000000000000abc","spanID":"${id.toString(16).padStart(16, '0')}",` +
  `"flags":1,"operationName":"op ${id % 3}","references":${
    id === 1
      ? '[]'
      : `[{"refType":"CHILD_OF","traceID":"00000000000000000000000000000abc","spanID":"0000000000000001"}]`
  },"startTime":${1_700_000_000_000_000 + id},"duration":${100 + id},"tags":${tags},"logs":[],"processID":"p1","warnings":null${extra}}`;

describe('one-pass Jaeger span reading', () => {
  it('malformed bytes anywhere in a real v1 trace: same spans, same errors, same positions', () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/jaeger-ui/genaiTestTrace.json`));
    sameUnderCorruption(bytes, 200);
  }, 60_000);

  it('the row tags in every form: key orders, duplicates, escapes, containers, domain vType', () => {
    const tag = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('error', 'span.kind', 'otel.status_code', 'http.method', 'err\\u006fr'),
          fc.constantFrom('"bool"', '"string"', '"int64"'),
          fc.constantFrom(
            'true',
            '"true"',
            '"ERROR"',
            '"Client"',
            '"server"',
            '1',
            'null',
            '{}',
            '[1]',
          ),
        )
        .chain(([key, type, value]) =>
          fc.constantFrom(
            `{"key":"${key}","type":${type},"value":${value}}`,
            `{"type":${type},"key":"${key}","value":${value}}`,
            `{"key":"http.method","key":"${key}","type":${type},"value":${value}}`,
            `{ "key" : "${key}" , "type" : ${type} , "value" : ${value} }`,
            `{"key":"${key}","vType":"BOOL","vBool":${value}}`,
            `{"key":"${key}","type":${type},"value":${value},"key":"x"}`,
          ),
        ),
      fc.jsonValue({ maxDepth: 1 }).map((value) => JSON.stringify(value)),
    );
    const tags = fc.oneof(
      fc.array(tag, { maxLength: 5 }).map((list) => `[${list.join(',')}]`),
      fc.constantFrom('null', '{}', '"x"'),
    );
    fc.assert(
      fc.property(fc.array(tags, { minLength: 2, maxLength: 6 }), (lists) => {
        const text = trace(lists.map((list, i) => span(i + 1, list)));
        same(encode(text));
        same(encode(text), [text.length >> 1]);
      }),
      { numRuns: 300 },
    );
  });

  it('odd members: every JSON type, duplicates, embedded processes, other spellings', () => {
    const field = fc.constantFrom(
      'traceID',
      'traceId',
      'spanID',
      'spanId',
      'parentSpanID',
      'operationName',
      'references',
      'startTime',
      'duration',
      'process',
      'processID',
      'tags',
      'logs',
      'span\\u0049D',
    );
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        '2024-06-11T00:00:00.000123Z',
        '5000ns',
        '0000000000000002',
        'p1',
        '9223372036854775222',
      ),
      fc.constant({ serviceName: 'embedded', tags: [] }),
      fc.constant([{ refType: 'FOLLOWS_FROM', traceID: 'abc', spanID: '2' }]),
    );
    const member = fc.tuple(field, value, fc.constantFrom('', ' ', '\n'));
    const oddSpan = fc
      .array(member, { maxLength: 10 })
      .map(
        (members) =>
          `{"spanID":"00000000000000aa",${members.map(([k, v, ws]) => `${ws}"${k}"${ws}:${ws}${JSON.stringify(v)}`).join(',')}}`,
      );
    fc.assert(
      fc.property(fc.array(oddSpan, { minLength: 1, maxLength: 5 }), (odd) => {
        // A plain first span: later spans of the trace take the byte path.
        same(encode(trace([span(1, '[]'), ...odd])));
      }),
      { numRuns: 300 },
    );
  });

  it('reads compact spans without JSON.parse for each: the first span only, and the row tags', () => {
    const spans = Array.from({ length: 200 }, (_, i) =>
      span(
        i + 1,
        i % 50 === 0
          ? '[{"key":"error","type":"bool","value":true},{"key":"http.method","type":"string","value":"GET"}]'
          : '[{"key":"http.method","type":"string","value":"GET"},{"key":"http.status_code","type":"int64","value":200}]',
      ),
    );
    const bytes = encode(trace(spans));
    const parse = vi.spyOn(JSON, 'parse');
    const result = parseInChunks(bytes, []);
    const calls = parse.mock.calls.length;
    parse.mockRestore();
    expect(result.traces[0]?.trace.spanCount).toBe(200);
    expect(result.traces[0]?.trace.errorCount).toBe(4);
    // One for the first span, one per error tag (4), and the processes object.
    expect(calls).toBeLessThanOrEqual(10);
    same(bytes);
  });
});
