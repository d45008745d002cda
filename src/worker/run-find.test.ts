/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { ParsedTrace } from '../model/parse-document';
import { createStreamingParser } from '../model/stream/streaming-parser';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import { needleTerms, runFind } from './run-find';
import { parseFindQuery } from '../model/analysis/find-query';
import { SKIP } from '../model/document/span-text-filter';

/**
 * The byte pre-check (textSearch) may only skip spans that cannot match: find with it must give
 * exactly the matches of find decoding every span, whatever the chunks the input came in.
 */
const never = (): boolean => false;

/** Parses `text` pushed in chunks of `chunkBytes` (the whole text at once by default). */
function parse(text: string, chunkBytes = Infinity): ParsedTrace[] {
  const parser = createStreamingParser();
  const bytes = new TextEncoder().encode(text);
  const step = Math.min(bytes.length, chunkBytes);
  for (let at = 0; at < bytes.length; at += step) parser.push(bytes.slice(at, at + step));
  return parser.finish().traces;
}

/** Whether the finished pre-check lets each span through (to be decoded, or as a match). */
function preCheck(parsed: ParsedTrace, terms: string[][], foundMatches = false): boolean[] {
  const search = parsed.textSearch?.({
    terms: terms.map((needles) => ({ needles, foundMatches })),
    attributesMatch: () => false,
  });
  if (search === undefined) throw new Error('no text search');
  while (!search.step(7)); // tiny steps: the search resumes where it stopped
  return Array.from({ length: parsed.trace.spanCount }, (_, i) => search.verdict(i) !== SKIP);
}

async function sameMatches(parsed: ParsedTrace, query: string): Promise<void> {
  const { textSearch: _unused, ...withoutFilter } = parsed;
  const fast = await runFind(parsed, query, never);
  const full = await runFind(withoutFilter, query, never);
  const ids = (found: Int32Array | null) =>
    Array.from(found ?? []).map((index) => parsed.detail(index)?.spanId ?? index);
  expect(ids(fast), query).toEqual(ids(full));
}

const OTLP_FIXTURES = readdirSync(FIXTURE_ROOT, { withFileTypes: true })
  .filter((dir) => dir.isDirectory())
  .flatMap((dir) => readdirSync(`${FIXTURE_ROOT}/${dir.name}`).map((file) => `${dir.name}/${file}`))
  .filter((file) => file.endsWith('.json'))
  .filter((file) => readFileSync(`${FIXTURE_ROOT}/${file}`, 'utf8').includes('"resourceSpans"'))
  .sort();

/** Words and fragments of the document itself, so queries hit keys, values and names. */
function vocabulary(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z._/ -]{2,24}/g) ?? [];
  return [...new Set(words)].slice(0, 400);
}

describe('find with the byte pre-check', () => {
  it('covers OTLP fixtures', () => {
    expect(OTLP_FIXTURES.length).toBeGreaterThan(40);
  });

  it.each(OTLP_FIXTURES)('%s: same matches as decoding every span', async (file) => {
    const text = readFileSync(`${FIXTURE_ROOT}/${file}`, 'utf8');
    // Small chunks, so words are cut by chunk ends (the size differs per file).
    const traces = parse(text, 61 + (file.length % 7) * 97);
    const words = vocabulary(text);
    expect(traces.every((t) => t.textSearch !== undefined)).toBe(true);
    const query = fc.oneof(
      fc.constantFrom(...words, 'error', 'exception', 'http', 'db.statement', 'nomatchatall'),
      fc
        .tuple(fc.constantFrom(...words), fc.constantFrom(...words, ''))
        .map(([k, v]) => `${k.trim()}=${v.trim()}`),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(query, { minLength: 1, maxLength: 3 }), async (parts) => {
        for (const parsed of traces) await sameMatches(parsed, parts.join(' '));
      }),
      { numRuns: 20 },
    );
  });

  it('the tags derived from OTLP kind and status are found, though not in the bytes', async () => {
    const [trace] = parse(readFileSync(`${FIXTURE_ROOT}/jaeger/db_traces_01.json`, 'utf8'));
    if (!trace) throw new Error('no trace');
    for (const query of [
      'error',
      'error=true',
      'span.kind=client',
      'otel.status_code=error',
      'unset',
      'otel.status_code=2',
      'http.status_code=200',
      'db.system=mysql',
    ])
      await sameMatches(trace, query);
    expect(Array.from((await runFind(trace, 'error=true', never)) ?? [])).toEqual([0, 1]);
  });

  it('escapes, unicode, arrays, numbers, trace state and resources are never skipped wrongly', async () => {
    const attr = (key: string, value: string): string => `{"key":"${key}","value":${value}}`;
    const span = (id: string, attributes: string[], extra = ''): string =>
      `{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"${id}","name":"op","kind":2,` +
      `"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000001000000",` +
      `"attributes":[${attributes.join(',')}]${extra}}`;
    const text =
      `{"resourceSpans":[{"resource":{"attributes":[${attr('service.name', '{"stringValue":"svc"}')},${attr('k8s.pod.name', '{"stringValue":"pod-zeta"}')}]},` +
      `"scopeSpans":[{"scope":{"name":"lib-omega","version":"9"},"spans":[` +
      [
        span('0000000000000001', [attr('note', '{"stringValue":"caf\\u00e9 cr\\u0065me"}')]),
        span('0000000000000002', [attr('kelvin', '{"stringValue":"200\u212a hot"}')]),
        span('0000000000000003', [
          attr('flags', '{"arrayValue":{"values":[{"boolValue":true},{"boolValue":false}]}}'),
        ]),
        span('0000000000000004', [attr('big', '{"intValue":1e3}')]),
        span('0000000000000005', [], ',"traceState":"vendor=value"'),
        span('0000000000000006', [attr('plain', '{"stringValue":"nothing special"}')]),
        // Escapes that decode to what a needle can hold (`\/`), or to characters find shows
        // escaped (\b, and a raw DEL, shown as `\u0008`, `\u007F`: a "u" is found in them).
        span('0000000000000007', [attr('path', '{"stringValue":"\\/api\\/orders"}')]),
        span('0000000000000008', [attr('bell', '{"stringValue":"x\\by"}')]),
        span('0000000000000009', [attr('del', '{"stringValue":"a\u007fb"}')]),
        // Escapes no needle can hold: the span's bytes are still searched as they are.
        span('000000000000000a', [attr('said', '{"stringValue":"say \\"hello\\"\\nworld"}')]),
      ].join(',') +
      `]}]}]}`;
    for (const chunkBytes of [Infinity, 1, 5, 64]) {
      const [parsed] = parse(text, chunkBytes);
      if (parsed === undefined) throw new Error('no trace');
      await escapesAndUnicode(parsed);
    }
  });

  it('a key=value term keeps the needles the bytes can vouch for; a text term needs its own', () => {
    const terms = (query: string) => needleTerms(parseFindQuery(query));
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(terms('http.status_code=500')).toEqual([
      {
        needles: ['http.status_code'],
        foundMatches: false,
        exact: { key: bytes('http.status_code'), value: bytes('500') },
      },
    ]);
    expect(terms('db.system=redis get')).toEqual([
      {
        needles: ['db.system', 'redis'],
        foundMatches: false,
        exact: { key: bytes('db.system'), value: bytes('redis') },
      },
      { needles: ['get'], foundMatches: true },
    ]);
    // Read from the attribute lists even without a needle; `key=` asks for the key alone.
    expect(terms('k8s.pod.name=0')?.[0]?.exact?.value).toEqual(bytes('0'));
    expect(terms('peer.service=')?.[0]?.exact?.value).toBeNull();
    // A tag made from the span's fields is read from them; only its key is searched for, as an
    // attribute may have it too.
    expect(terms('error=true')).toEqual([
      {
        needles: ['error'],
        foundMatches: false,
        exact: { key: bytes('error'), value: bytes('true'), fieldTag: 'error' },
      },
    ]);
    // Text a plain span's bytes cannot hold is left to decoding.
    expect(terms('k=café')?.[0]?.exact).toBeUndefined();
    expect(terms('500')).toBeNull();
    expect(terms('redis 500')).toBeNull();
  });

  it('key=value terms on odd attribute shapes give the matches of decoding every span', async () => {
    const attr = (key: string, value: string): string => `{"key":"${key}","value":${value}}`;
    const span = (id: string, members: string): string =>
      `{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"${id}","name":"op",` +
      `"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000001000000",${members}}`;
    const list = (...attributes: string[]) => `[${attributes.join(',')}]`;
    const shapes = [
      `"attributes":${list(attr('db.system', '{"stringValue":"Redis"}'))}`,
      `"attributes":${list(attr('db.system', '{"stringValue":"redis-cluster"}'))}`,
      // In a kvlist the key is part of another attribute's value, not an attribute.
      `"attributes":${list(attr('nested', `{"kvlistValue":{"values":${list(attr('db.system', '{"stringValue":"redis"}'))}}}`))}`,
      `"attributes":[{"value":{"stringValue":"redis"},"key":"DB.System"}]`,
      `"attributes":[ { "key" : "db.system" , "value" : { "stringValue" : "redis" } } ]`,
      `"attributes":[{"key":"db.system","key":"other","value":{"stringValue":"redis"}}]`,
      `"attributes":${list(attr('db.system', '{"stringValue":"redis","intValue":"1"}'))}`,
      `"attributes":${list(attr('db.system', '{"stringValue":"red\\u0069s"}'))}`,
      `"attributes":${list(attr('db.sy\\u0073tem', '{"stringValue":"redis"}'))}`,
      `"attributes":${list(attr('db.system', '"redis"'))}`,
      `"attributes":${list(attr('db.system', '{"stringValue":7}'))}`,
      `"attributes":${list(attr('other', '{"stringValue":"x"}'))},"attributes":${list(attr('db.system', '{"stringValue":"redis"}'))}`,
      `"attributes":${list(attr('db.system', '{"stringValue":"redis"}'))},"attributes":[]`,
      `"events":[{"name":"e","attributes":${list(attr('db.system', '{"stringValue":"redis"}'))}}]`,
      `"links":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"00000000000000ff","attributes":${list(attr('db.system', '{"stringValue":"redis"}'))}}]`,
      `"events":[{"name":"e","events":[{"attributes":${list(attr('db.system', '{"stringValue":"redis"}'))}}]}]`,
      `"attributes":${list(attr('http.status_code', '{"intValue":"500"}'), attr('retries', '{"intValue":500}'))}`,
      `"attributes":${list(attr('http.status_code', '{"intValue":5e2}'), attr('retries', '{"intValue":-0}'))}`,
      `"attributes":${list(attr('http.status_code', '{"intValue":"0500"}'), attr('retries', '{"intValue":12345678901234567890}'))}`,
      `"attributes":${list(attr('cache.hit', '{"boolValue":true}'), attr('ratio', '{"doubleValue":500}'))}`,
      `"attributes":${list(attr('cache.hit', '{"boolValue":"true"}'), attr('db.system', '{}'))}`,
      `"attributes":${list('7', attr('db.system', '{"stringValue":"redis"}'))}`,
      `"attributes":{"key":"db.system","value":{"stringValue":"redis"}}`,
      `"attributes":${list(attr('say', '{"stringValue":"a \\"quoted\\" word"}'))}`,
      // The fields the tags span.kind, error, otel.status_* and w3c.tracestate are made from.
      `"kind":3,"status":{"code":2,"message":"boom"},"traceState":"a=1"`,
      `"kind":"SPAN_KIND_CLIENT","status":{"message":"fine","code":"STATUS_CODE_OK"}`,
      `"kind":"client","status":{"code":"2"},"kind":2`,
      `"kind":3.0,"status":{"code":2.0}`,
      `"kind":"SPAN_KIND_UNSPECIFIED","status":{"code":"ERROR"}`,
      `"kind":9,"status":{"code":2,"code":0}`,
      `"status":null,"traceState":"b=\\u0031"`,
      `"status":{"code":1,"message":"two\\nlines"},"traceState":7`,
      `"status":{},"attributes":${list(attr('error', '{"boolValue":true}'), attr('span.kind', '{"stringValue":"client"}'))}`,
      // A lone escaped quote and a brace inside a string, before the status.
      `"attributes":${list(attr('odd', '{"stringValue":"one \\" and a } ] brace"}'))},"status":{"code":2}`,
      // A key whose bytes hold an escape a plain span may have: its text is `path\to`.
      `"attributes":${list(attr('path\\\\to', '{"stringValue":"x"}'))}`,
    ];
    const text =
      `{"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{},"spans":[` +
      shapes.map((members, i) => span((i + 1).toString(16).padStart(16, '0'), members)).join(',') +
      `]}]}]}`;
    const queries = [
      'db.system=redis',
      'db.system=',
      'http.status_code=500',
      'http.status_code=0500',
      'retries=500',
      'retries=0',
      'retries=-0',
      'ratio=500',
      'cache.hit=true',
      'db.system=redis-cluster nested=',
      'say=a "quoted" word',
      'nomatch=redis',
      'error=true',
      'error=',
      'span.kind=client',
      'span.kind=server',
      'span.kind=',
      'otel.status_code=error',
      'otel.status_code=ok',
      'otel.status_code=',
      'otel.status_description=boom',
      'otel.status_description=',
      'w3c.tracestate=a=1',
      'w3c.tracestate=',
      // Not read exactly (not ASCII): these decode, whatever the fields say.
      'kind=café',
      'error=trüe',
      // Words the tags made from fields may hold.
      'error',
      'client',
      'ok',
      'description',
      'boom',
      'tracestate',
      'path\\to=x',
    ];
    for (const chunkBytes of [Infinity, 3, 40]) {
      const [parsed] = parse(text, chunkBytes);
      if (parsed === undefined) throw new Error('no trace');
      for (const query of queries) await sameMatches(parsed, query);
    }
    const [parsed] = parse(text);
    if (parsed === undefined) throw new Error('no trace');
    // Not only equal: found where JSON.parse reads the attribute, escapes and all.
    const found = await runFind(parsed, 'db.system=redis', never);
    const shapeNumbers = Array.from(found ?? [], (index) =>
      parseInt(parsed.detail(index)?.spanId ?? '', 16),
    );
    expect(shapeNumbers.sort((a, b) => a - b)).toEqual([1, 4, 5, 7, 8, 9, 12, 14, 15, 22]);
  });

  it('a key=value find, or a word in the tags made from fields, decodes no plain span', async () => {
    const [trace] = parse(readFileSync(`${FIXTURE_ROOT}/jaeger/db_traces_01.json`, 'utf8'));
    if (!trace) throw new Error('no trace');
    let decoded = 0;
    const counting: ParsedTrace = {
      ...trace,
      detail: (index) => {
        decoded++;
        return trace.detail(index);
      },
    };
    for (const query of ['db.system=mysql', 'db.system=', 'nomatch=x', 'db.name=x1'])
      await sameMatches(counting, query);
    for (const query of [
      'peer.service=service-y',
      'peer.ipv4=23456',
      'error',
      'error=true',
      'server',
    ]) {
      const before = decoded;
      const found = await runFind(counting, query, never);
      expect(decoded - before, query).toBe(0);
      expect(found?.length, query).toBeGreaterThan(0);
    }
  });

  it('a needle cut by a chunk end or beside a non-ASCII chunk is found, and absent ones skip', () => {
    const span = (id: string, value: string): string =>
      `{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"${id}","name":"op",` +
      `"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000001000000",` +
      `"attributes":[{"key":"k","value":{"stringValue":"${value}"}}]}`;
    const text =
      `{"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{},"spans":[` +
      [
        span('0000000000000001', 'alpha beta'),
        span('0000000000000002', `gamma ${'ÿ'.repeat(300)} delta`), // shifts text offsets past a span
        span('0000000000000003', 'Beta GAMMA'),
      ].join(',') +
      `]}]}]}`;
    for (const chunkBytes of [Infinity, 1, 2, 3, 50, 97, 200]) {
      const [parsed] = parse(text, chunkBytes);
      if (parsed === undefined) throw new Error('no trace');
      const at = (id: string): number => parsed.spanIndexById(id);
      const first = at('0000000000000001');
      const third = at('0000000000000003');
      const beta = preCheck(parsed, [['beta']]);
      expect([beta[first], beta[third]], `beta, chunks of ${chunkBytes}`).toEqual([true, true]);
      const both = preCheck(parsed, [['alpha', 'gamma']]);
      expect([both[first], both[third]], `alpha and gamma, ${chunkBytes}`).toEqual([false, false]);
      const either = preCheck(parsed, [['alpha'], ['gamma']]);
      expect([either[first], either[third]], `alpha or gamma, ${chunkBytes}`).toEqual([true, true]);
      // The span with a non-ASCII value decodes its own bytes, and non-ASCII text is always
      // doubtful (toLowerCase maps some of it to ASCII): only the plain spans skip.
      const second = at('0000000000000002');
      expect(preCheck(parsed, [['delta']])[second]).toBe(true);
      const epsilon = preCheck(parsed, [['epsilon']]);
      expect([epsilon[first], epsilon[third]], `epsilon, ${chunkBytes}`).toEqual([false, false]);
    }
  });
});

async function escapesAndUnicode(parsed: ParsedTrace): Promise<void> {
  {
    for (const query of [
      'creme',
      'café',
      'k hot',
      'true,false',
      '1000',
      'big=1000',
      'big=1e3',
      'w3c',
      'tracestate',
      'vendor',
      'zeta',
      'omega',
      'special',
      'kelvin=200k hot',
      'plain=nothing special',
      'plain=',
      'nothing',
      '/api/orders',
      'path=/api/orders',
      'u',
      'hello',
      'say',
      'said=say "hello"',
    ])
      await sameMatches(parsed, query);
    const quoted = parsed.spanIndexById('000000000000000a');
    expect(preCheck(parsed, [['hello']])[quoted]).toBe(true);
    expect(preCheck(parsed, [['nothing']])[quoted]).toBe(false);
    // And the pre-check does skip: a word in one span's bytes only.
    const skipped = preCheck(parsed, [['special']]).filter((may) => !may).length;
    expect(skipped).toBeGreaterThan(0);
  }
}
