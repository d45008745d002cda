import { parseDuration, parseDurationBounds } from './duration-input';

describe('parseDuration', () => {
  it.each([
    ['250us', 250],
    ['250µs', 250],
    ['250μs', 250],
    ['1500ns', 1.5],
    ['100ms', 100_000],
    ['1.5s', 1_500_000],
    ['.5s', 500_000],
    ['2m', 120_000_000],
    ['1h30m', 5_400_000_000],
    [' 10ms ', 10_000],
  ])('%s → %s µs', (text, expected) => {
    const result = parseDuration(text);
    expect(result).toEqual({ ok: true, micros: expected });
  });

  it.each([
    ['', /Enter a duration/],
    ['100', /Add a unit/],
    ['1.5 s', /Not a duration/],
    ['fast', /Not a duration/],
    ['-5ms', /Not a duration/],
    ['5d', /Not a duration/],
  ])('rejects %j', (text, message) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('parseDurationBounds', () => {
  it('allows either bound to be empty', () => {
    expect(parseDurationBounds('', '')).toEqual({});
    expect(parseDurationBounds('1ms', '')).toEqual({ min: 1000 });
  });

  it('requires max ≥ min', () => {
    expect(parseDurationBounds('2s', '1s').maxError).toMatch(/at least/);
    expect(parseDurationBounds('1s', '1000ms')).toEqual({ min: 1_000_000, max: 1_000_000 });
  });

  it('reports each bad field', () => {
    const bounds = parseDurationBounds('x', '5');
    expect(bounds.minError).toBeDefined();
    expect(bounds.maxError).toMatch(/unit/);
  });
});
