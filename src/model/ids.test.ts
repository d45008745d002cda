import { idKey, isTraceIdKey, normalizeId, traceIdKey } from './ids';

describe('traceIdKey', () => {
  it('makes case, surrounding space and leading zeros insignificant', () => {
    expect(traceIdKey('00000000000000AB')).toBe('ab');
    expect(traceIdKey(' ab ')).toBe('ab');
    expect(traceIdKey('0000000000000000000000000000ab01')).toBe(traceIdKey('AB01'));
    expect(isTraceIdKey(traceIdKey('00ab'))).toBe(true);
  });

  it('gives an all-zero or empty id the invalid key, which names no trace', () => {
    for (const id of ['0', '0000000000000000', '00000000000000000000000000000000', '', '  ']) {
      expect(traceIdKey(id)).toBe('');
      expect(isTraceIdKey(traceIdKey(id))).toBe(false);
    }
  });

  it('agrees with the span-id key on normalized hex ids', () => {
    for (const raw of ['00000000000000ab', 'AB', '0000000000000000']) {
      expect(traceIdKey(raw)).toBe(idKey(normalizeId(raw)));
    }
  });
});
