import { micros } from '../model/units';
import { attributesParam, goDuration, microsParam, rfc3339Nano } from './query-format';

describe('goDuration', () => {
  it.each([
    [1_500_000, '1.5s'],
    [2_000_000, '2s'],
    [250, '250us'],
    [100_000, '100ms'],
    [1_500, '1.5ms'],
    [0.5, '500ns'],
    [0, '0ns'],
    [61_000_000, '61s'],
    [1_000_001, '1.000001s'],
  ])('%d µs → %s', (value, expected) => {
    expect(goDuration(micros(value))).toBe(expected);
  });
});

describe('rfc3339Nano', () => {
  it('keeps microseconds exactly and trims trailing zeros like Go', () => {
    expect(rfc3339Nano(micros(1_700_000_000_123_456))).toBe('2023-11-14T22:13:20.123456Z');
    expect(rfc3339Nano(micros(1_700_000_000_120_000))).toBe('2023-11-14T22:13:20.12Z');
    expect(rfc3339Nano(micros(1_700_000_000_000_000))).toBe('2023-11-14T22:13:20Z');
    expect(rfc3339Nano(micros(0))).toBe('1970-01-01T00:00:00Z');
  });

  it('writes sub-microsecond fractions as nanoseconds', () => {
    expect(rfc3339Nano(micros(1_000_000.25))).toBe('1970-01-01T00:00:01.00000025Z');
  });
});

describe('v1 and attribute parameters', () => {
  it('rounds µs to integers', () => {
    expect(microsParam(micros(1_700_000_000_123_456 + 0.7))).toBe('1700000000123457');
  });

  it('encodes attributes as a sorted JSON map, or nothing', () => {
    expect(attributesParam({ 'http.status_code': '500', error: 'true' })).toBe(
      '{"error":"true","http.status_code":"500"}',
    );
    expect(attributesParam({})).toBeUndefined();
    // Tag keys are user data; an object assignment would have dropped this one.
    expect(attributesParam(Object.fromEntries([['__proto__', 'x']]))).toBe('{"__proto__":"x"}');
    expect(attributesParam(undefined)).toBeUndefined();
  });
});
