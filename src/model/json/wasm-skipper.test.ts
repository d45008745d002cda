/// <reference types="node" />
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { INVALID, skipValueJs, textDoubt } from './json-bytes';
import {
  NOT_MIRRORED,
  forgetMirror,
  mirrorBytes,
  wasmSkipValue,
  wasmSkipperAvailable,
} from './wasm-skipper';
import { FIXTURE_ROOT } from '../test-support/fixture-index';

/**
 * The WebAssembly skip against the JS one it stands in for: the same end (or INVALID) and the
 * same text doubt, from every value start of real traces, and of the same bytes corrupted.
 */
const PADDING = 64;
const encoder = new TextEncoder();

function bothSkips(bytes: Uint8Array, i: number, end: number): [number, boolean, number, boolean] {
  const mirror = mirrorBytes(bytes, PADDING);
  if (mirror === null) throw new Error('no WebAssembly here');
  const doubt = { seen: false };
  const wasm = wasmSkipValue(mirror, i, end, doubt);
  textDoubt.seen = false;
  const js = skipValueJs(bytes, i, end);
  return [wasm, wasm === INVALID ? false : doubt.seen, js, js === INVALID ? false : textDoubt.seen];
}

const same = (bytes: Uint8Array, i: number, end = bytes.length): void => {
  const [wasm, wasmDoubt, js, jsDoubt] = bothSkips(bytes, i, end);
  expect([wasm, wasmDoubt]).toEqual([js, jsDoubt]);
};

/** Where values may start: after `:`, `[` or `,`, and at quotes, braces and brackets. */
const valueStarts = (bytes: Uint8Array): number[] =>
  [...bytes.keys()].filter((i) => ':[,{"'.includes(String.fromCharCode(bytes[i - 1] ?? 44)));

describe('WebAssembly skip', () => {
  afterAll(() => forgetMirror());

  it('runs here (Node has WebAssembly SIMD, as every browser Cairn supports)', () => {
    expect(wasmSkipperAvailable()).toBe(true);
  });

  it.each(['jaeger-pr9263/n_plus_one_near_miss.json', 'jaeger/link_attributes_trace.json'])(
    '%s: the same end and doubt as the JS skip from every value start',
    (file) => {
      const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/${file}`));
      for (const i of valueStarts(bytes)) same(bytes, i);
    },
  );

  it('non-ASCII, escapes, DEL and control bytes, across the 16-byte blocks', () => {
    const strings = [
      '"é"',
      '"\\u00e9"',
      '"a\\/b"',
      '"\\b\\f"',
      '"\x7f"',
      '"\t"',
      '"\\x"',
      '"\\u12g4"',
    ];
    for (const text of strings)
      for (let pad = 0; pad < 20; pad++) {
        const bytes = encoder.encode(`["${'a'.repeat(pad)}",${text},"${'b'.repeat(pad)}"]`);
        same(bytes, 0);
        same(bytes, 0, bytes.length - 3);
      }
  });

  it('numbers, literals and nesting', () => {
    for (const text of [
      '-0',
      '01',
      '1.',
      '1e',
      '1e+',
      '-',
      '2.5E-3',
      'tru',
      'nul',
      'falsey',
      '[[[]]]',
      '{"a":{"b":[1,{}]}}',
      '[1 ,2 , 3]',
      '{ "a" : 1 }',
      '{"a" 1}',
      '[1,]',
      '{,}',
    ])
      same(encoder.encode(text), 0);
  });

  it('deeper than its stack: leaves the array to the JS reader', () => {
    const bytes = encoder.encode(`${'['.repeat(2000)}${']'.repeat(2000)}`);
    const mirror = mirrorBytes(bytes, PADDING);
    expect(mirror && wasmSkipValue(mirror, 0, bytes.length, { seen: false })).toBe(NOT_MIRRORED);
    expect(skipValueJs(bytes, 0, bytes.length)).toBe(bytes.length);
  });

  it('an array it did not copy is not its to skip', () => {
    const bytes = encoder.encode('[1]');
    mirrorBytes(encoder.encode('[1]'), PADDING);
    expect(wasmSkipValue(bytes, 0, 3, { seen: false })).toBe(NOT_MIRRORED);
  });

  it('a real span corrupted anywhere: the same answer', () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/jaeger/link_attributes_trace.json`));
    const starts = valueStarts(bytes);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.constantFrom(...encoder.encode('"\\{}[],:0-etn \u0001\u007f'), 0xc3),
        fc.constantFrom(...starts),
        (at, byte, start) => {
          const corrupted = bytes.slice();
          corrupted[at] = byte;
          same(corrupted, start);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('attribute lists in the compact forms, OTLP (its fast path) and Jaeger v1, whole, changed or cut', () => {
    const value = fc.oneof(
      fc.string().map((v) => ({ stringValue: v })),
      fc.oneof(fc.integer().map(String), fc.integer()).map((v) => ({ intValue: v })),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => ({ doubleValue: v })),
      fc.boolean().map((v) => ({ boolValue: v })),
      fc.constant({ arrayValue: { values: [{ stringValue: 'a' }] } }),
      fc
        .tuple(fc.string(), fc.jsonValue({ maxDepth: 1 }))
        .map(([type, v]) => Object.fromEntries([[type, v]])),
    );
    const otlp = fc
      .array(fc.tuple(fc.string({ unit: 'binary' }), value), { maxLength: 5 })
      .map((items) => JSON.stringify(items.map(([key, v]) => ({ key, value: v }))));
    // Jaeger v1 tags: {"key","type","value"} with a scalar value, and odd ones.
    const tag = fc.record({
      key: fc.string({ unit: 'binary' }),
      type: fc.constantFrom('string', 'int64', 'float64', 'bool', 'binary', ''),
      value: fc.oneof(
        fc.string(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    });
    const v1 = fc.array(tag, { maxLength: 5 }).map((tags) => JSON.stringify(tags));
    const list = fc.oneof(otlp, v1);
    const changed = fc
      .tuple(list, fc.nat(), fc.constantFrom(...'{}[]",:\\ \u0001x0-tnk'), fc.boolean())
      .map(([json, at, c, insert]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + c + json.slice(insert ? i : i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(list, changed), fc.nat(), fc.nat(), (text, startAt, cutAt) => {
        const bytes = encoder.encode(text);
        const starts = valueStarts(bytes);
        const start = starts[startAt % starts.length] ?? 0;
        // From a value's start to the end, and to a cut anywhere after it (a chunk's end).
        same(bytes, start);
        same(bytes, start, start + (cutAt % (bytes.length - start + 1)));
      }),
      { numRuns: 3000 },
    );
  });
});
