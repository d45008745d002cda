import { SpanFlag } from '../trace';
import { findRepeatedSiblings } from './repeated-siblings';
import { computeStatistics } from './statistics';
import { buildTestTrace, type TestSpan } from './test-trace';

function runOf(
  count: number,
  parent: string,
  startAt: number,
  step: number,
  op = 'GetDriver',
  prefix = 'g',
): TestSpan[] {
  return Array.from({ length: count }, (_, k) => ({
    id: `${prefix}${k}`,
    parent,
    start: startAt + k * step,
    duration: 10 + k,
    service: 'redis',
    operation: op,
  }));
}

describe('findRepeatedSiblings', () => {
  it('finds a run of five or more identical siblings with its duration stats', () => {
    const trace = buildTestTrace([
      { id: 'root', start: 0, duration: 1000, service: 'driver', operation: 'FindNearest' },
      ...runOf(6, 'root', 10, 20),
      // A grandchild under a run member must not break the run (subtrees sit between siblings).
      { id: 'inner', parent: 'g2', start: 51, duration: 1, service: 'redis', operation: 'net' },
      {
        id: 'other',
        parent: 'root',
        start: 500,
        duration: 5,
        service: 'redis',
        operation: 'Other',
      },
    ]);
    const groups = findRepeatedSiblings(trace.columns);
    expect(groups).toHaveLength(1);
    const group = groups[0];
    expect(group).toMatchObject({
      parent: 0,
      first: 1,
      count: 6,
      total: 10 + 11 + 12 + 13 + 14 + 15,
      min: 10,
      median: 12.5,
      max: 15,
    });
    expect(trace.ids[group?.last ?? -1]).toBe('g5');
    expect(group?.wall).toBe(100 + 15);
  });

  it('ignores runs of four and splits runs broken by another operation', () => {
    const trace = buildTestTrace([
      { id: 'root', start: 0, duration: 1000 },
      ...runOf(4, 'root', 0, 10, 'A', 'a'),
      { id: 'x', parent: 'root', start: 45, duration: 1, service: 'redis', operation: 'B' },
      ...runOf(5, 'root', 50, 10, 'A', 'b'),
    ]);
    const groups = findRepeatedSiblings(trace.columns);
    expect(groups.map((g) => [trace.ids[g.first], g.count])).toEqual([['b0', 5]]);
  });

  it('finds runs among roots', () => {
    const trace = buildTestTrace(runOf(5, 'missing', 0, 10));
    expect(findRepeatedSiblings(trace.columns)[0]).toMatchObject({ parent: -1, count: 5 });
  });
});

describe('computeStatistics', () => {
  it('sums count, errors, durations and self time per service/operation', () => {
    const trace = buildTestTrace([
      { id: 'r', start: 0, duration: 100, service: 'a', operation: 'x' },
      {
        id: 'c1',
        parent: 'r',
        start: 10,
        duration: 20,
        service: 'b',
        operation: 'y',
        flags: SpanFlag.Error,
      },
      { id: 'c2', parent: 'r', start: 40, duration: 30, service: 'b', operation: 'y' },
    ]);
    expect(computeStatistics(trace)).toEqual([
      {
        service: 'a',
        operation: 'x',
        count: 1,
        errors: 0,
        total: 100,
        min: 100,
        max: 100,
        selfTotal: 50,
      },
      {
        service: 'b',
        operation: 'y',
        count: 2,
        errors: 1,
        total: 50,
        min: 20,
        max: 30,
        selfTotal: 50,
      },
    ]);
  });
});
