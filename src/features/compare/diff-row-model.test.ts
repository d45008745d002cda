import fc from 'fast-check';
import { diffTraces } from '../../model/diff/trace-diff';
import { traceOf, type TestRow } from '../../model/diff/diff-test-trace';
import {
  DEFAULT_THRESHOLD,
  deltaText,
  rowChange,
  visibleRows,
  type RowFilter,
} from './diff-row-model';

const all: RowFilter = { onlyDifferences: false, threshold: DEFAULT_THRESHOLD, focus: null };
const onlyDifferences: RowFilter = { ...all, onlyDifferences: true };

const checkout = (charge: number, insert: number, jitter = 0): TestRow[] => [
  [0, 'gw:GET /checkout', charge + 100 + jitter],
  [1, 'order:CreateOrder', charge + 50 + jitter],
  [2, 'order:INSERT', insert + jitter],
  [2, 'pay:Charge', charge + jitter],
];

describe('visibleRows', () => {
  it('hides nothing that is only a microsecond of jitter', () => {
    const diff = diffTraces(traceOf(checkout(20_000, 2_000)), traceOf(checkout(20_000, 2_000, 1)));
    expect(visibleRows(diff, new Set(), all)).toHaveLength(4);
    expect(visibleRows(diff, new Set(), onlyDifferences)).toHaveLength(0);
  });

  it('keeps a real difference with its ancestors, under the threshold the user sets', () => {
    const diff = diffTraces(traceOf(checkout(20_000, 2_000)), traceOf(checkout(2_020_000, 3_000)));
    // The insert grew by 1 ms (50%): a difference at the default 1 ms, not at 10 ms.
    expect(Array.from(visibleRows(diff, new Set(), onlyDifferences))).toEqual([0, 1, 2, 3]);
    const strict = { ...onlyDifferences, threshold: { absolute: 10_000, relative: 0.1 } };
    expect(Array.from(visibleRows(diff, new Set(), strict))).toEqual([0, 1, 3]);
    // A relative floor alone: the chain grew 100×, the insert by half.
    const relative = { ...onlyDifferences, threshold: { absolute: 0, relative: 0.9 } };
    expect(Array.from(visibleRows(diff, new Set(), relative))).toEqual([0, 1, 3]);
    expect(rowChange(diff.rows, 3, DEFAULT_THRESHOLD)).toBe('slower');
    expect(deltaText(diff.rows, 3)).toBe('+2s (+10000%)');
  });

  it('narrows to one name or one service, with ancestors for context', () => {
    const diff = diffTraces(traceOf(checkout(1, 1)), traceOf(checkout(1, 1)));
    const charge = diff.nameOperation.indexOf('Charge');
    const name = visibleRows(diff, new Set(), { ...all, focus: { kind: 'name', name: charge } });
    expect(Array.from(name)).toEqual([0, 1, 3]);
    const order = diff.services.indexOf('order');
    const service = visibleRows(diff, new Set(), {
      ...all,
      focus: { kind: 'service', service: order },
    });
    expect(Array.from(service)).toEqual([0, 1, 2]);
  });

  it('folds repeat summaries by default and collapses rows the user toggles', () => {
    const calls = (n: number): TestRow[] => Array.from({ length: n }, () => [1, 'db:select', 1]);
    const diff = diffTraces(
      traceOf([[0, 'api:list', 20], ...calls(12)]),
      traceOf([[0, 'api:list', 20], ...calls(40)]),
    );
    expect(Array.from(visibleRows(diff, new Set(), all))).toEqual([0, 1]);
    // The worker's rows for the first render are the same.
    expect(Array.from(diff.shown)).toEqual([0, 1]);
    expect(visibleRows(diff, new Set([1]), all)).toHaveLength(42);
    expect(Array.from(visibleRows(diff, new Set([0]), all))).toEqual([0]);
    expect(rowChange(diff.rows, 1, DEFAULT_THRESHOLD)).toBe('calls');
  });
});

describe('the rows the worker gives for the first render', () => {
  // Few names and shallow steps, so repeat summaries (5+ same-named siblings) are common.
  const arbTrace = fc
    .array(fc.tuple(fc.nat(2), fc.constantFrom('a:x', 'a:y', 'b:x'), fc.nat(40)), {
      minLength: 1,
      maxLength: 60,
    })
    .map((steps) => {
      let depth = 0;
      return steps.map(([up, name, duration], i): TestRow => {
        depth = i === 0 ? 0 : Math.max(1, depth + 1 - up);
        return [depth, name, duration];
      });
    });

  it('are the rows visibleRows shows with nothing toggled and no filter', () => {
    fc.assert(
      fc.property(arbTrace, arbTrace, (ra, rb) => {
        const diff = diffTraces(traceOf(ra), traceOf(rb));
        expect(Array.from(diff.shown)).toEqual(Array.from(visibleRows(diff, new Set(), all)));
      }),
    );
  });
});
