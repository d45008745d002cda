import { diffTraces } from '../../model/diff/trace-diff';
import { traceOf, type TestRow } from '../../model/diff/diff-test-trace';
import { timeBreakdown } from './time-breakdown';

/** Self time equals duration in traceOf, so callers are given small durations of their own. */
const checkout = (charge: number, errors: boolean): TestRow[] => [
  [0, 'gw:GET /checkout', 100],
  [1, 'order:CreateOrder', 50],
  [2, 'pay:Charge', charge, errors],
  [2, 'pay:Charge', 10],
];

describe('timeBreakdown', () => {
  it('ranks the operation whose own time grew first, with calls and errors', () => {
    const diff = diffTraces(traceOf(checkout(10, false)), traceOf(checkout(2_000_000, true)));
    const [top, ...rest] = timeBreakdown(diff, 'operation');
    expect(top).toMatchObject({
      service: 'pay',
      operation: 'Charge',
      self: 1_999_990,
      calls: 0,
      errors: 1,
    });
    expect(rest.every((row) => row.self === 0)).toBe(true);
    const [service] = timeBreakdown(diff, 'service');
    expect(service).toMatchObject({ service: 'pay', operation: '', total: 1_999_990 });
  });
});
