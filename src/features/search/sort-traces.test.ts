import { micros } from '../../model/units';
import type { TraceSummary } from '../../model/trace-summary';
import { shortTraceId } from '../../ui/short-id';
import { SORT_OPTIONS, sortTraces } from './sort-traces';

const trace = (traceId: string, patch: Partial<TraceSummary>): TraceSummary => ({
  traceId,
  rootService: 'svc',
  rootOperation: 'op',
  startTime: micros(0),
  duration: micros(0),
  spanCount: 1,
  errorCount: 0,
  services: [],
  ...patch,
});

const traces = [
  trace('a', {
    startTime: micros(30),
    duration: micros(5),
    spanCount: 3,
    errorCount: 0,
    rootService: 'zeta',
  }),
  trace('b', {
    startTime: micros(10),
    duration: micros(50),
    spanCount: 9,
    errorCount: 2,
    rootService: 'alpha',
  }),
  trace('c', {
    startTime: micros(20),
    duration: micros(20),
    spanCount: 1,
    errorCount: 1,
    rootService: 'mid',
  }),
];

const ids = (key: (typeof SORT_OPTIONS)[number]['value']) =>
  sortTraces(traces, key).map((t) => t.traceId);

describe('sortTraces', () => {
  it.each([
    ['recent', ['a', 'c', 'b']],
    ['oldest', ['b', 'c', 'a']],
    ['longest', ['b', 'c', 'a']],
    ['shortest', ['a', 'c', 'b']],
    ['most-spans', ['b', 'a', 'c']],
    ['fewest-spans', ['c', 'a', 'b']],
    ['most-errors', ['b', 'c', 'a']],
    ['name', ['b', 'c', 'a']],
  ] as const)('%s', (key, expected) => {
    expect(ids(key)).toEqual(expected);
  });

  it('breaks ties by trace id and leaves the input alone', () => {
    const tied = [trace('y', {}), trace('x', {})];
    expect(sortTraces(tied, 'longest').map((t) => t.traceId)).toEqual(['x', 'y']);
    expect(tied.map((t) => t.traceId)).toEqual(['y', 'x']);
  });

  it('covers every option', () => {
    expect(SORT_OPTIONS).toHaveLength(8);
  });
});

describe('shortTraceId', () => {
  it('skips the zero padding of 64-bit ids', () => {
    expect(shortTraceId('00000000000000000123456789abcdef')).toBe('1234567');
    expect(shortTraceId('af7651916cd43dd8448eb211c80319c')).toBe('af76519');
    expect(shortTraceId('0000')).toBe('0');
  });
});
