import { seriesMean, type MetricSeries } from '../../api/metrics-client';
import { filterOperations, operationRows, sortOperations } from './operation-rows';

const series = (operation: string, values: (number | null)[]): MetricSeries => ({
  service: 's',
  operation,
  times: values.map((_, i) => i * 60_000),
  values,
  mean: seriesMean(values),
});

describe('operationRows', () => {
  const rows = operationRows(
    [series('slow', [2000, null, 2000]), series('fast', [10, 20]), series('idle', [null, null])],
    [series('slow', [1, 1, 1]), series('fast', [100, 100]), series('idle', [0, 0])],
    [series('fast', [0.01, 0.03]), series('only-errors', [0.5])],
  );
  const row = (name: string) => rows.find((item) => item.name === name);

  it('averages the points it has, ignoring gaps', () => {
    expect(row('slow')).toMatchObject({ latency: 2000, rate: 1, errorRate: null });
    expect(row('fast')).toMatchObject({ latency: 15, rate: 100 });
    expect(row('fast')?.errorRate).toBeCloseTo(0.02);
    expect(row('idle')).toMatchObject({ latency: null, rate: 0, impact: null });
  });

  it('scores impact as latency × rate relative to the costliest operation', () => {
    // slow: 2000 × 1 = 2000; fast: 15 × 100 = 1500.
    expect(row('slow')?.impact).toBe(1);
    expect(row('fast')?.impact).toBeCloseTo(0.75);
    expect(row('only-errors')).toMatchObject({
      latency: null,
      rate: null,
      impact: null,
      errorRate: 0.5,
    });
  });

  it('sorts either way with missing values last, and filters by name', () => {
    const order = (key: Parameters<typeof sortOperations>[1], descending: boolean) =>
      sortOperations(rows, key, descending).map((item) => item.name);
    expect(order('impact', true)).toEqual(['slow', 'fast', 'idle', 'only-errors']);
    expect(order('impact', false)).toEqual(['fast', 'slow', 'idle', 'only-errors']);
    expect(order('name', false)).toEqual(['fast', 'idle', 'only-errors', 'slow']);
    expect(order('errorRate', true)).toEqual(['only-errors', 'fast', 'idle', 'slow']);
    expect(filterOperations(rows, ' SL ').map((item) => item.name)).toEqual(['slow']);
  });
});
