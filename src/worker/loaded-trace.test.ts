import { COLUMN_BYTES_PER_SPAN, columnBuffers, copyColumns, toLoadedTrace } from './loaded-trace';
import { testTrace } from './test-fixture';

describe('the columns copied for the page', () => {
  const trace = testTrace([-1, 0, 1, 1, 0, 4], 'abc');
  const fresh = copyColumns(trace.columns);
  const values = (columns: typeof fresh) =>
    Object.fromEntries(
      Object.entries(columns).map(([name, column]) => [
        name,
        typeof column === 'number' ? column : Array.from(column as ArrayLike<number>),
      ]),
    );

  it('fill a block mapped in ahead when it holds them: one buffer, the same values', () => {
    const n = trace.spanCount;
    const block = new ArrayBuffer(n * COLUMN_BYTES_PER_SPAN);
    const copy = copyColumns(trace.columns, block);
    expect(values(copy)).toEqual(values(fresh));
    expect(columnBuffers(copy)).toEqual([block]);
    const { transfer } = toLoadedTrace(1, trace, block);
    expect(transfer).toEqual([block]);
  });

  it('take fresh arrays when the block is too small', () => {
    const block = new ArrayBuffer(trace.spanCount * COLUMN_BYTES_PER_SPAN - 1);
    const copy = copyColumns(trace.columns, block);
    expect(values(copy)).toEqual(values(fresh));
    expect(columnBuffers(copy)).not.toContain(block);
  });
});
