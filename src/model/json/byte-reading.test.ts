/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { sameAsReference as same, sameUnderCorruption } from '../test-support/byte-reading-check';
import { skipValue } from './json-bytes';
import { FIXTURE_ROOT } from '../test-support/fixture-index';

/**
 * The one-pass reader (OTLP spans read from their bytes, no JSON.parse per span) against the
 * reference path it replaces (each span JSON.parsed and read by the adapter): identical traces,
 * details and errors on every real fixture, on generated traces, and on malformed input.
 */

const OTLP_FIXTURES = readdirSync(FIXTURE_ROOT, { withFileTypes: true })
  .filter((dir) => dir.isDirectory())
  .flatMap((dir) => readdirSync(`${FIXTURE_ROOT}/${dir.name}`).map((file) => `${dir.name}/${file}`))
  .filter((file) => file.endsWith('.json'))
  .filter((file) => readFileSync(`${FIXTURE_ROOT}/${file}`, 'utf8').includes('"spans"'))
  .sort();

describe('one-pass OTLP span reading', () => {
  it('covers the fixtures with spans', () => {
    expect(OTLP_FIXTURES.length).toBeGreaterThan(60);
  });

  it.each(OTLP_FIXTURES)('%s: same as the reference path, whole and in random chunks', (file) => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/${file}`));
    same(bytes);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }), (cuts) =>
        same(bytes, cuts),
      ),
      { numRuns: 5 },
    );
  });

  it('malformed bytes anywhere in a real trace: same spans, same errors, same positions', () => {
    // A captured HotROD trace: attributes, events, several resources.
    const bytes = new Uint8Array(
      readFileSync(`${FIXTURE_ROOT}/jaeger-pr9263/n_plus_one_near_miss.json`),
    );
    sameUnderCorruption(bytes, 300);
  }, 60_000);

  it('odd but valid spans: fields of every JSON type, escapes, duplicates, whitespace', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('5', '0x1', ' 00ab ', 'SPAN_KIND_CLIENT', 'STATUS_CODE_ERROR', '\u2028'),
      // Ids the reader keys from their bytes, and the longer ones it leaves to strings.
      fc.constantFrom('0123456789abcdef', 'f0123456789abcdef', '000000000000000a', 'A', ''),
      // Nanosecond times: typical, past 2^53 µs, leading zeros, too short for the fast path.
      fc.constantFrom('1718064000123456789', '9999999999999999999', '00001718064000123', '123', ''),
      // Whole µs at 2^53 - 1 (read from the bytes) and past it (the exact path decides).
      fc.constantFrom('9007199254740991999', '9007199254740992001', '9007199254740993999'),
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const field = fc.constantFrom(
      'traceId',
      'spanId',
      'parentSpanId',
      'name',
      'kind',
      'startTimeUnixNano',
      'endTimeUnixNano',
      'status',
      'links',
      'attributes',
      'events',
      'trace\\u0049d',
      // Unknown keys that a known one begins with, and the reverse.
      'names',
      'spanIdentity',
      'trace',
    );
    const member = fc.tuple(field, value, fc.constantFrom('', ' ', '\n\t', '\r\n  '));
    const span = fc
      .array(member, { maxLength: 12 })
      .map(
        (members) =>
          `{${members.map(([key, v, ws]) => `${ws}"${key}"${ws}:${ws}${JSON.stringify(v)}${ws}`).join(',')}}`,
      );
    const statusSpan = fc
      .tuple(fc.jsonValue({ maxDepth: 1 }), fc.integer({ min: 0, max: 3 }))
      .map(
        ([extra, code]) => `{"spanId":"a1","status":{"x":${JSON.stringify(extra)},"code":${code}}}`,
      );
    fc.assert(
      fc.property(fc.array(fc.oneof(span, statusSpan), { minLength: 1, maxLength: 6 }), (spans) => {
        const text = `{"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":[${spans.join(',')}]}]}]}`;
        same(new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('span ids read from bytes', () => {
  it('link parents exactly as their strings would: zero-padded, 128-bit, upper case', () => {
    const ids = ['0123456789abcdef', 'f0123456789abcdef', '00000000000000ab', 'ab', 'AB', ''];
    const spans = ids.flatMap((id, k) => [
      `{"spanId":"${id}","name":"p${k}","startTimeUnixNano":"${k + 1}000"}`,
      `{"spanId":"c${k}","parentSpanId":"${id}","name":"c${k}","startTimeUnixNano":"${k + 1}500"}`,
    ]);
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[${spans.join(',')}]}]}]}`;
    same(new TextEncoder().encode(text));
  });
});

describe('skipValue', () => {
  const skips = (text: string): boolean => {
    const bytes = new TextEncoder().encode(text);
    return skipValue(bytes, 0, bytes.length) === bytes.length;
  };
  const parses = (text: string): boolean => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('accepts every JSON value JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => skips(JSON.stringify(v) ?? 'null')));
  });

  it('accepts nothing JSON.parse rejects', () => {
    const near = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom(...'{}[]",:\\ \u0001\u001f0-.eE+tfnu'))
      .map(([json, at, c]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + c + json.slice(i);
      });
    fc.assert(
      fc.property(fc.oneof(near, fc.string()), (text) => {
        if (skips(text)) expect(parses(text)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('OTLP attribute lists in the compact form (its fast path): same verdict as JSON.parse, whole, changed or cut', () => {
    const typed = fc.oneof(
      fc.string().map((v) => ({ stringValue: v })),
      fc.oneof(fc.integer().map(String), fc.integer()).map((v) => ({ intValue: v })),
      fc
        .oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant('NaN'))
        .map((v) => ({ doubleValue: v })),
      fc.boolean().map((v) => ({ boolValue: v })),
      fc.constant({ arrayValue: { values: [{ stringValue: 'a' }] } }),
      fc.constant({}),
      // Any type name, any value: the fast path reads the name as any string.
      fc
        .tuple(fc.string(), fc.jsonValue({ maxDepth: 1 }))
        .map(([type, v]) => Object.fromEntries([[type, v]])),
    );
    const list = fc
      .array(fc.tuple(fc.string(), typed), { maxLength: 5 })
      .map((items) => JSON.stringify(items.map(([key, value]) => ({ key, value }))));
    const changed = fc
      .tuple(list, fc.nat(), fc.constantFrom(...'{}[]",:\\ \u0001x0-tn'), fc.boolean())
      .map(([json, at, c, insert]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + c + json.slice(insert ? i : i + 1);
      });
    // skipValue starts at a value and ends after it: JSON's whitespace around it is the caller's.
    const agrees = (text: string) => {
      const value = text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');
      expect(skips(value)).toBe(parses(value));
    };
    fc.assert(
      fc.property(fc.oneof(list, changed), fc.nat(), (text, cutAt) => {
        agrees(text);
        // Cut anywhere (a chunk boundary, a truncated body).
        agrees(text.slice(0, cutAt % (text.length + 1)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('rejects the classic near-misses', () => {
    for (const bad of ['{"a":1,}', '[1,]', '01', '1.', '-', '"\\x"', '"a\nb"', 'tru', '{"a" 1}'])
      expect(skips(bad)).toBe(false);
  });
});
