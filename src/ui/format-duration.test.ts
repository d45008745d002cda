import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0µs'],
    [0.5, '0.5µs'],
    [250, '250µs'],
    [999.999, '1ms'],
    [1000, '1ms'],
    [1234, '1.23ms'],
    [100_000, '100ms'],
    [999_999, '1s'],
    [1_500_000, '1.5s'],
    [59_994_000, '59.99s'],
    [60_000_000, '1m'],
    [123_000_000, '2m 3s'],
    [3_600_000_000, '1h'],
    [3_720_000_000, '1h 2m'],
    [90_000_000_000, '1d 1h'],
    [-1500, '-1.5ms'],
  ])('%s µs → %s', (input, expected) => {
    expect(formatDuration(input)).toBe(expected);
  });

  it('shows a dash for non-finite input', () => {
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
