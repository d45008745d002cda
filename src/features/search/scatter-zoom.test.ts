import { micros } from '../../model/units';
import type { TraceSummary } from '../../model/trace-summary';
import { inZoom, MIN_TIME_SPAN, plotDomains, pointsInZoom, timeDomain } from './scatter-zoom';

const t = (traceId: string, start: number, duration: number): TraceSummary => ({
  traceId,
  rootService: 's',
  rootOperation: 'o',
  startTime: micros(start),
  duration: micros(duration),
  spanCount: 1,
  errorCount: 0,
  services: [],
});

describe('scatter zoom', () => {
  const traces = [t('a', 0, 10), t('b', 100, 50), t('c', 200, 500)];

  it('keeps the points inside the brushed window (edges included)', () => {
    const zoom = { t0: 0, t1: 100, d0: 10, d1: 50 };
    expect(pointsInZoom(traces, zoom).map((x) => x.traceId)).toEqual(['a', 'b']);
    expect(inZoom(traces[2] as TraceSummary, zoom)).toBe(false);
    expect(pointsInZoom(traces, null)).toBe(traces);
  });

  it('pads the data extent and survives degenerate input', () => {
    const { x, y } = plotDomains(traces, null);
    expect(x[0]).toBeLessThan(0);
    expect(x[1]).toBeGreaterThan(200);
    expect(y).toEqual([0, 525]);
    expect(plotDomains([t('one', 5, 0)], null)).toEqual({
      x: [5 - MIN_TIME_SPAN / 2, 5 + MIN_TIME_SPAN / 2],
      y: [0, 1],
    });
    expect(plotDomains([], null)).toEqual({ x: [0, 1], y: [0, 1] });
    expect(plotDomains([t('bad', Number.NaN, 1)], null)).toEqual({ x: [0, 1], y: [0, 1] });
  });

  it('keeps the time axis on the bulk of the starts: an outlier from 1970 does not stretch it', () => {
    const now = 1_764_000_000_000_000;
    const starts = [0, ...Array.from({ length: 20 }, (_, i) => now + i * 60_000_000)];
    const [lo, hi] = timeDomain(starts);
    expect(lo).toBeGreaterThan(now - 60_000_000);
    expect(hi).toBeLessThan(now + 21 * 60_000_000);
    expect(hi).toBeGreaterThan(now + 19 * 60_000_000);
    // Traces spread evenly over hours are all kept.
    const spread = Array.from({ length: 10 }, (_, i) => now + i * 3_600_000_000);
    const [a, b] = timeDomain(spread);
    expect(a).toBeLessThan(now);
    expect(b).toBeGreaterThan(now + 9 * 3_600_000_000);
  });

  it('uses the zoom window as the domain', () => {
    expect(plotDomains(traces, { t0: 1, t1: 2, d0: 3, d1: 4 })).toEqual({ x: [1, 2], y: [3, 4] });
  });
});
