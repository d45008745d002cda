import { alignSeries, MAX_SLOTS, nearestSlot, seriesStep } from './align-series';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
const at = (...minutes: number[]) => minutes.map((m) => T0 + m * MIN);

describe('alignSeries', () => {
  it('merges series of the same step onto one axis, keeping missing points as gaps', () => {
    const latency = { times: at(0, 1, 2, 3, 4), values: [10, 12, null, 14, 15] };
    const calls = { times: at(0, 1, 3, 4), values: [1, 2, 3, 4] }; // minute 2 absent
    const aligned = alignSeries([latency, calls], MIN);
    expect(aligned.times).toEqual(at(0, 1, 2, 3, 4));
    expect(aligned.step).toBe(MIN);
    expect(aligned.columns).toEqual([
      [10, 12, null, 14, 15],
      [1, 2, null, 3, 4],
    ]);
  });

  it('extends the axis over the union of the series and leaves the rest null', () => {
    const early = { times: at(0, 1), values: [1, 1] };
    const late = { times: at(3, 4), values: [2, 2] };
    const aligned = alignSeries([early, late], MIN);
    expect(aligned.times).toEqual(at(0, 1, 2, 3, 4));
    expect(aligned.columns).toEqual([
      [1, 1, null, null, null],
      [null, null, null, 2, 2],
    ]);
  });

  it('uses the finest step and holds a coarser series until its next point is due', () => {
    const fine = { times: at(0, 1, 2, 3, 4, 5), values: [1, 2, 3, 4, 5, 6] };
    const coarse = { times: at(0, 2, 4), values: [10, 20, 30] };
    const aligned = alignSeries([fine, coarse], 5 * MIN);
    expect(aligned.step).toBe(MIN);
    expect(aligned.columns[1]).toEqual([10, 10, 20, 20, 30, 30]);
  });

  it('does not hold a coarse value across a gap in that series', () => {
    const fine = { times: at(0, 1, 2, 3, 4, 5, 6, 7), values: [1, 1, 1, 1, 1, 1, 1, 1] };
    const coarse = { times: at(0, 2, 6), values: [10, 20, 40] }; // minute 4 missing
    expect(alignSeries([fine, coarse], MIN).columns[1]).toEqual([
      10,
      10,
      20,
      20,
      null,
      null,
      40,
      40,
    ]);
  });

  it('snaps jittered timestamps to the nearest slot', () => {
    const a = { times: at(0, 1, 2), values: [1, 2, 3] };
    const b = { times: [T0 + 900, T0 + MIN - 1200, T0 + 2 * MIN + 5], values: [7, 8, 9] };
    const aligned = alignSeries([a, b], MIN);
    expect(aligned.times).toHaveLength(3);
    expect(aligned.columns[1]).toEqual([7, 8, 9]);
  });

  it('uses the fallback step when no series has two points, and is empty without points', () => {
    expect(alignSeries([{ times: at(5), values: [3] }], MIN)).toEqual({
      times: at(5),
      step: MIN,
      columns: [[3]],
    });
    expect(alignSeries([{ times: [], values: [] }], MIN)).toEqual({
      times: [],
      step: MIN,
      columns: [[]],
    });
  });

  it('caps the number of slots for absurdly fine steps', () => {
    const times = Array.from({ length: 20_001 }, (_, i) => i);
    const aligned = alignSeries([{ times, values: times.map(() => 1) }], 1);
    expect(aligned.times.length).toBeLessThanOrEqual(MAX_SLOTS);
    expect((aligned.columns[0] ?? []).every((value) => value === 1)).toBe(true);
  });
});

describe('seriesStep and nearestSlot', () => {
  it('takes the median gap, so a few missing points do not change the step', () => {
    expect(seriesStep(at(0, 1, 2, 5, 6))).toBe(MIN);
    expect(seriesStep(at(0))).toBeUndefined();
  });

  it('finds the nearest slot, clamped to the ends', () => {
    const times = at(0, 1, 2);
    expect(nearestSlot(times, T0 + MIN + 20_000)).toBe(1);
    expect(nearestSlot(times, T0 + MIN + 40_000)).toBe(2);
    expect(nearestSlot(times, 0)).toBe(0);
    expect(nearestSlot(times, Number.MAX_SAFE_INTEGER)).toBe(2);
    expect(nearestSlot([], 5)).toBe(-1);
  });
});
