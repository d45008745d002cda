import { describe, expect, it } from 'vitest';
import { distinctShortIds, shortTraceId } from './short-id';

describe('short trace ids', () => {
  it('skip the zero padding of 64-bit ids', () => {
    expect(shortTraceId('0000000000000000abcdef0123456789')).toBe('abcdef0');
    expect(shortTraceId('00000000')).toBe('0');
  });

  it('are long enough to tell apart the ids shown together', () => {
    const ids = [
      '00000000000000000000000000000226',
      '00000000000000000000000000000227',
      '0000000000000000abcdef0123456789',
      '0000000000000000abcdef0999999999',
      'ffff000000000000',
    ];
    const short = distinctShortIds(ids);
    expect(short.get(ids[0] ?? '')).toBe('226');
    expect(short.get(ids[1] ?? '')).toBe('227');
    expect(short.get(ids[2] ?? '')).toBe('abcdef01');
    expect(short.get(ids[3] ?? '')).toBe('abcdef09');
    expect(short.get(ids[4] ?? '')).toBe('ffff000');
    expect(new Set(short.values()).size).toBe(ids.length);
  });
});
