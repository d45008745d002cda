import { adjustClockSkew } from './clock-skew';
import { computeCriticalPath } from './critical-path';
import { findRepeatedSiblings } from './repeated-siblings';
import { buildTestTrace, type TestSpan } from './test-trace';
import {
  analysisSteps,
  analyzeColumns,
  packSiblingGroups,
  unpackSiblingGroups,
} from './trace-analysis';

const run = (count: number, startAt: number): TestSpan[] =>
  Array.from({ length: count }, (_, k) => ({
    id: `q${k}`,
    parent: 'root',
    start: startAt + k * 20,
    duration: 10 + k,
    service: 'db',
    operation: 'SELECT',
  }));

const trace = buildTestTrace([
  { id: 'root', start: 0, duration: 1000, service: 'api', operation: 'GET', flags: 0 },
  ...run(6, 100),
  // Starts before its parent in another service: clock skew.
  { id: 'skewed', parent: 'q0', start: 50, duration: 5, service: 'cache', operation: 'get' },
]);

describe('analyzeColumns', () => {
  it('is clock skew, then the critical path on adjusted starts, then packed sibling runs', () => {
    const { columns, services } = trace;
    const result = analyzeColumns(columns, services.length);
    const skew = adjustClockSkew(columns);
    expect(skew.shiftedCount).toBeGreaterThan(0);
    expect(result.skew).toEqual(skew);
    expect(result.criticalPath).toEqual(
      computeCriticalPath(columns, services.length, { start: skew.adjustedStart }),
    );
    expect(unpackSiblingGroups(result.siblings)).toEqual(findRepeatedSiblings(columns));
    expect(result.siblings.count).toBe(1);
  });

  it('marks its two phase boundaries, and a small trace pauses nowhere else', () => {
    const steps = analysisSteps(trace.columns, trace.services.length);
    let yields = 0;
    for (let step = steps.next(); !step.done; step = steps.next())
      if (step.value === 'phase') yields++;
    expect(yields).toBe(2);
  });
});

describe('packSiblingGroups', () => {
  it('round-trips every field, and nothing for no groups', () => {
    const groups = findRepeatedSiblings(trace.columns);
    expect(unpackSiblingGroups(packSiblingGroups(groups))).toEqual(groups);
    expect(packSiblingGroups([])).toMatchObject({ count: 0 });
    expect(unpackSiblingGroups(packSiblingGroups([]))).toEqual([]);
  });
});
