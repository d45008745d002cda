import { describe, expect, it } from 'vitest';
import { adjustClockSkew } from '../../model/analysis/clock-skew';
import { buildTestTrace } from '../../model/analysis/test-trace';
import { SpanFlag } from '../../model/trace';
import { startOnFrame, timeFrame } from './time-frame';

// A client root over 100 ms whose server child was recorded 50 ms before it (another clock).
const trace = buildTestTrace([
  { id: 'root', start: 1_000_050_000, duration: 100_000, service: 'a', flags: SpanFlag.KindClient },
  {
    id: 'server',
    parent: 'root',
    start: 1_000_000_000,
    duration: 60_000,
    service: 'b',
    flags: SpanFlag.KindServer,
  },
]);
const skew = adjustClockSkew(trace.columns);
const root = trace.ids.indexOf('root');
const server = trace.ids.indexOf('server');

describe('timeFrame', () => {
  it('raw: the recorded bounds; the early child starts the axis', () => {
    const frame = timeFrame(150_000, skew, 'raw');
    expect(frame).toMatchObject({ origin: 0, duration: 150_000 });
    expect(startOnFrame(frame, trace.columns, server)).toBe(0);
    expect(startOnFrame(frame, trace.columns, root)).toBe(50_000);
  });

  it('adjusted: the axis starts with the root and spans it; the child sits inside it', () => {
    const frame = timeFrame(150_000, skew, 'adjusted');
    expect(frame.duration).toBe(100_000);
    expect(startOnFrame(frame, trace.columns, root)).toBe(0);
    // Centred in its parent: (100 - 60) / 2 ms in.
    expect(startOnFrame(frame, trace.columns, server)).toBe(20_000);
  });

  it('adjusted without any shift, or before the analysis, is the raw axis', () => {
    expect(timeFrame(10, null, 'adjusted')).toEqual({ origin: 0, duration: 10, starts: null });
  });
});
