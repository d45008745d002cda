import fc from 'fast-check';
import { formatLogfmt, parseLogfmt, tagsParamToLogfmt } from './logfmt';

const ok = (text: string) => {
  const result = parseLogfmt(text);
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.value;
};

describe('parseLogfmt', () => {
  it('keeps a tag named __proto__ as a tag (a property test found it dropped)', () => {
    const parsed = ok('__proto__=x constructor=y');
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(JSON.stringify(parsed)).toBe('{"__proto__":"x","constructor":"y"}');
  });

  it('parses simple pairs', () => {
    expect(ok('http.status_code=500 error=true')).toEqual({
      'http.status_code': '500',
      error: 'true',
    });
  });

  it('accepts empty input and extra whitespace', () => {
    expect(ok('')).toEqual({});
    expect(ok('   a=1 \t  b=2  ')).toEqual({ a: '1', b: '2' });
  });

  it('parses quoted values with spaces and escapes', () => {
    expect(ok('msg="hello world" q="say \\"hi\\"" path="C:\\\\x"')).toEqual({
      msg: 'hello world',
      q: 'say "hi"',
      path: 'C:\\x',
    });
  });

  it('treats a bare key as true, like Jaeger UI', () => {
    expect(ok('error')).toEqual({ error: 'true' });
  });

  it('keeps = inside an unquoted value and allows empty values', () => {
    expect(ok('q=a=b e=')).toEqual({ q: 'a=b', e: '' });
  });

  it.each([
    ['msg="unterminated', /Unclosed quote/, 4],
    ['=5', /Missing key/, 0],
    ['a=b"c', /Unexpected quote in a value/, 3],
    ['a="x"y', /Expected a space/, 5],
    ['k"ey=1', /Unexpected quote in a key/, 1],
  ])('reports %s with a position', (text, message, position) => {
    const result = parseLogfmt(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.position).toBe(position);
    }
  });
});

describe('formatLogfmt', () => {
  it('quotes only when needed', () => {
    expect(formatLogfmt({ a: '1', b: 'x y', c: '' })).toBe('a=1 b="x y" c=""');
  });

  it('round-trips through parseLogfmt', () => {
    const key = fc.stringMatching(/^[a-zA-Z0-9._\-/:]{1,12}$/);
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ maxLength: 20 })), (record) => {
        expect(ok(formatLogfmt(record))).toEqual(record);
      }),
    );
  });
});

describe('tagsParamToLogfmt', () => {
  it('reads Jaeger UI JSON', () => {
    expect(tagsParamToLogfmt('{"error":"true","http.status_code":500}')).toBe(
      'error=true http.status_code=500',
    );
  });

  it('reads logfmt', () => {
    expect(tagsParamToLogfmt('a=1 b="x y"')).toBe('a=1 b="x y"');
  });

  it('rejects junk', () => {
    expect(tagsParamToLogfmt('{"a":{"b":1}}')).toBeNull();
    expect(tagsParamToLogfmt('{nope')).toBeNull();
    expect(tagsParamToLogfmt('a="x')).toBeNull();
  });
});
