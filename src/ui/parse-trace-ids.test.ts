import { parseTraceIds } from './parse-trace-ids';

describe('parseTraceIds', () => {
  it('splits on commas and any white space and drops empties', () => {
    expect(parseTraceIds(' a1b2, c3d4\n e5f6\t,,')).toEqual(['a1b2', 'c3d4', 'e5f6']);
  });
  it('keeps non-hex ids verbatim and removes repeats', () => {
    expect(parseTraceIds('trace-123 trace-123 ABC')).toEqual(['trace-123', 'ABC']);
  });
  it('returns nothing for blank input', () => {
    expect(parseTraceIds('  , ')).toEqual([]);
  });
});
