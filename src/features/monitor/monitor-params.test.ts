import {
  clampToLookback,
  metricsQuery,
  minDurationText,
  monitorParams,
  stepFor,
  timeWindow,
  tracesSearchPath,
} from './monitor-params';

const NOW = 1_750_000_000_000;

describe('monitorParams', () => {
  it('defaults to server spans over the last hour', () => {
    expect(monitorParams(new URLSearchParams('service=a'))).toEqual({
      service: 'a',
      spanKind: 'server',
      lookback: '1h',
      start: undefined,
      end: undefined,
      operation: '',
    });
  });

  it('reads presets, span kinds and a custom range, and ignores what it cannot use', () => {
    const custom = monitorParams(
      new URLSearchParams('service=a&spanKind=client&lookback=custom&start=1000000&end=61000000'),
    );
    expect(custom).toMatchObject({ spanKind: 'client', lookback: 'custom', start: 1e6, end: 61e6 });
    expect(timeWindow(custom, NOW)).toEqual({ endTs: 61_000, lookback: 60_000 });
    const bad = monitorParams(
      new URLSearchParams('spanKind=<b>&lookback=custom&start=9&end=1&operation=x'),
    );
    expect(bad).toMatchObject({ spanKind: 'server', lookback: '1h', start: undefined });
    expect(monitorParams(new URLSearchParams('lookback=6h')).lookback).toBe('6h');
  });
});

describe('metricsQuery', () => {
  it('asks for ~100 points with a 10-minute rate window, wider for long steps', () => {
    const hour = metricsQuery(monitorParams(new URLSearchParams('service=a')), NOW, true);
    expect(hour).toEqual({
      service: 'a',
      spanKind: 'server',
      endTs: NOW,
      lookback: 3_600_000,
      step: 60_000,
      ratePer: 600_000,
      groupByOperation: true,
    });
    const twoDays = metricsQuery(monitorParams(new URLSearchParams('lookback=2d')), NOW, false);
    expect(twoDays.step).toBe(3_600_000);
    expect(twoDays.ratePer).toBe(3_600_000);
    expect(stepFor(5 * 60_000)).toBe(15_000);
  });

  it("never asks for a step finer than the store's minimum step", () => {
    const params = monitorParams(new URLSearchParams('service=a&lookback=5m'));
    // The demo's 1 s minimum is below every step asked for: nothing changes.
    expect(metricsQuery(params, NOW, false, 1_000).step).toBe(15_000);
    // A store that keeps one point a minute: 5 minutes get 1-minute points, not 15 s ones.
    expect(metricsQuery(params, NOW, false, 60_000).step).toBe(60_000);
    // An odd minimum moves the step up to the next nice step above it.
    expect(stepFor(5 * 60_000, 45_000)).toBe(60_000);
    expect(stepFor(60 * 60_000, 20 * 60_000)).toBe(3_600_000);
    expect(stepFor(48 * 3_600_000, 5_400_000)).toBe(5_400_000);
  });
});

describe('tracesSearchPath', () => {
  it("builds the search page's custom range in µs, with operation and a minimum duration", () => {
    const path = tracesSearchPath({
      service: 'payment-service',
      operation: 'Charge & co',
      fromMs: NOW - 600_000,
      toMs: NOW,
      minDurationMs: 2012.7,
    });
    const url = new URL(path, 'http://x/');
    expect(url.pathname).toBe('/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      service: 'payment-service',
      operation: 'Charge & co',
      lookback: 'custom',
      start: String((NOW - 600_000) * 1000),
      end: String(NOW * 1000),
      minDuration: '2012ms',
      limit: '20',
    });
  });

  it('asks for error traces only from the error-rate chart', () => {
    const path = tracesSearchPath({ service: 'a', fromMs: 0, toMs: 60_000, errorsOnly: true });
    expect(new URL(path, 'http://x/').searchParams.get('tags')).toBe('{"error":"true"}');
  });

  it('writes sub-millisecond durations in µs', () => {
    expect(minDurationText(0.25)).toBe('250us');
    expect(minDurationText(3)).toBe('3ms');
  });
});

describe('clampToLookback', () => {
  it("keeps a search window within the search page's maximum lookback", () => {
    const day = 24 * 3_600_000;
    expect(clampToLookback(NOW - 7 * day, NOW, '2d')).toEqual({ fromMs: NOW - 2 * day, toMs: NOW });
    expect(clampToLookback(NOW - day, NOW, '2d')).toEqual({ fromMs: NOW - day, toMs: NOW });
    expect(clampToLookback(NOW - day, NOW, '6h').fromMs).toBe(NOW - day / 4);
    expect(clampToLookback(NOW - 7 * day, NOW, 'nonsense').fromMs).toBe(NOW - 2 * day);
  });
});
