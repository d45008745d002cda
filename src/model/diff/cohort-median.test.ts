import { runToEnd } from '../analysis/run-to-end';
import { cohortMedian } from './cohort-median';
import { traceOf } from './diff-test-trace';

describe('cohortMedian', () => {
  it("keeps A's spans that most of the cohort has, with their median durations", () => {
    const a = traceOf([
      [0, 'gw:GET', 100],
      [1, 'svc:wrap', 90],
      [2, 'db:q', 10],
    ]);
    const others = [
      traceOf([
        [0, 'gw:GET', 200],
        [1, 'db:q', 20],
      ]),
      traceOf([
        [0, 'gw:GET', 300],
        [1, 'db:q', 40],
      ]),
      traceOf([
        [0, 'gw:GET', 900, true],
        [1, 'svc:wrap', 5],
        [2, 'db:q', 30],
      ]),
    ];
    const { columns } = runToEnd(cohortMedian(a, others));
    // svc:wrap is in one trace of three: dropped, and db:q moves up under the root.
    expect(columns.spanCount).toBe(2);
    expect(Array.from(columns.duration)).toEqual([300, 30]);
    expect(Array.from(columns.parent)).toEqual([-1, 0]);
    expect(Array.from(columns.subtreeEnd)).toEqual([2, 2]);
    // One error in three is not the usual.
    expect(columns.flags[0]).toBe(0);
  });
});
