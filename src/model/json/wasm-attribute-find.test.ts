import fc from 'fast-check';
import { spanHasAttribute, type ExactAttribute } from '../document/attribute-equality';
import { KV_FOUND } from '../document/kv-verdict';
import { LONGEST_SPAN, WASM_FOUND, WASM_UNSURE, wasmAttributeFinder } from './wasm-attribute-find';

/**
 * The WebAssembly reader of `key=value` terms answers only what the JS reader (itself held to
 * decoding by src/worker/run-find.test.ts) answers, and reads the compact shape encoders write.
 */
const encode = (text: string) => new TextEncoder().encode(text);

const KEYS = ['db.system', 'DB.System', 'http.method', 'retries', 'cache.hit', 'pa\\"th'];
const VALUES = [
  '{"stringValue":"redis"}',
  '{"stringValue":"Redis"}',
  '{"stringValue":"re\\"dis"}',
  '{"stringValue":"redis-cluster"}',
  '{"intValue":"500"}',
  '{"intValue":500}',
  '{"intValue":-0}',
  '{"intValue":0500}',
  '{"intValue":5e2}',
  '{"intValue":1234567890123456}',
  '{"boolValue":true}',
  '{"boolValue":"true"}',
  '{"boolValue":1}',
  '{"doubleValue":500}',
  '{"stringValue":7}',
  '{"stringValue":"redis","intValue":"1"}',
  '{"arrayValue":{"values":[{"stringValue":"redis"}]}}',
  '{}',
];
const TERMS = [
  ['db.system', 'redis'],
  ['db.system', 'redis-cluster'],
  ['db.system', null],
  ['http.method', 'get'],
  ['retries', '500'],
  ['retries', '0'],
  ['cache.hit', 'true'],
  ['pa"th', 'redis'],
] as const;

const attribute = fc
  .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES))
  .map(([key, value]) => `{"key":"${key}","value":${value}}`);
const list = fc.array(attribute, { maxLength: 4 }).map((items) => `[${items.join(',')}]`);
const nested = fc
  .array(
    list.map((attributes) => `{"name":"e","attributes":${attributes}}`),
    { maxLength: 2 },
  )
  .map((items) => `[${items.join(',')}]`);
const member = fc.oneof(
  list.map((attributes) => `"attributes":${attributes}`),
  nested.map((events) => `"events":${events}`),
  nested.map((links) => `"links":${links}`),
  fc.constantFrom(
    '"name":"op"',
    '"kind":2',
    '"status":{"code":2}',
    '"other":[{"key":"db.system"}]',
  ),
);
const span = fc
  .array(member, { maxLength: 5 })
  .map((members) => `{"spanId":"00000000000000ff"${members.map((m) => `,${m}`).join('')}}`);

function jsTerm(key: string, value: string | null): ExactAttribute {
  return { key: encode(key.toLowerCase()), value: value === null ? null : encode(value) };
}

describe('the WebAssembly key=value reader', () => {
  it('answers as the JS reader wherever it is sure, and is sure of the shapes it reads', () => {
    fc.assert(
      fc.property(span, fc.constantFrom(...TERMS), fc.nat(70), (text, [key, value], offset) => {
        const term = jsTerm(key, value);
        const read = wasmAttributeFinder(term.key, term.value);
        if (read === null) throw new Error('WebAssembly unavailable');
        // At any offset in its buffer, as spans lie in the retained input.
        const bytes = encode(' '.repeat(offset) + text).subarray(offset);
        const answer = read(bytes);
        const js = spanHasAttribute(bytes, term);
        if (answer !== WASM_UNSURE) expect(answer, text).toBe(js);
        // Of the shapes it reads (no escape, no container or two members as a value), it is as
        // sure as the JS reader.
        if (!/\\|arrayValue|\{\}|,"intValue"/.test(text)) expect(answer, text).toBe(js);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads events and links, repeated lists and whitespace as unsure', () => {
    const term = jsTerm('db.system', 'redis');
    const read = wasmAttributeFinder(term.key, term.value);
    if (read === null) throw new Error('WebAssembly unavailable');
    const found = '{"key":"db.system","value":{"stringValue":"REDIS"}}';
    expect(read(encode(`{"events":[{"attributes":[${found}]}]}`))).toBe(1);
    expect(read(encode(`{"links":[{"attributes":[${found}]}]}`))).toBe(1);
    expect(read(encode(`{"events":[{"events":[{"attributes":[${found}]}]}]}`))).toBe(0);
    expect(read(encode(`{"attributes":[${found}],"attributes":[]}`))).toBe(WASM_UNSURE);
    expect(read(encode(`{"attributes": [${found}]}`))).toBe(WASM_UNSURE);
    expect(read(encode(`{"attributes":[${found}]`))).toBe(WASM_UNSURE);
  });

  it('leaves a span longer than it copies (a hostile one) to the JS reader', () => {
    const term = jsTerm('db.system', 'redis');
    const read = wasmAttributeFinder(term.key, term.value);
    if (read === null) throw new Error('WebAssembly unavailable');
    const attribute = '{"key":"db.system","value":{"stringValue":"redis"}}';
    expect(read(encode(`{"attributes":[${attribute}]}`))).toBe(WASM_FOUND);
    const long = `{"name":"${'x'.repeat(LONGEST_SPAN)}","attributes":[${attribute}]}`;
    expect(read(encode(long))).toBe(WASM_UNSURE);
    expect(spanHasAttribute(encode(long), term)).toBe(KV_FOUND);
  });
});
