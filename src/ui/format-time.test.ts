import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './format-time';

describe('formatTimestamp', () => {
  const at = new Date(2026, 11, 3, 14, 13, 5, 123).getTime() * 1000 + 456;

  it('is one format: date and time to the second, µs where asked', () => {
    expect(formatTimestamp(at, 'seconds')).toBe('2026-12-03 14:13:05');
    expect(formatTimestamp(at)).toBe('2026-12-03 14:13:05.123456');
  });

  it('says nothing false about times it cannot show', () => {
    expect(formatTimestamp(Number.NaN)).toBe('—');
    expect(formatTimestamp(1e30, 'seconds')).toBe('—');
  });
});
