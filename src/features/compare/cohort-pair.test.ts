import { pickPair } from './cohort-pair';

const pick = (query: string, count: number) => pickPair(new URLSearchParams(query), count);

describe('the pair picked from a cohort', () => {
  it('is the first two traces unless the URL says otherwise', () => {
    expect(pick('', 3)).toEqual([0, 1]);
    expect(pick('a=2&b=0', 3)).toEqual([2, 0]);
    expect(pick('a=1', 3)).toEqual([1, 0]);
  });

  it('makes either side the median of the others, one side at most', () => {
    expect(pick('a=0&b=median', 3)).toEqual([0, -1]);
    expect(pick('a=median&b=2', 3)).toEqual([-1, 2]);
    expect(pick('a=median', 4)).toEqual([-1, 0]);
    // Both medians: B is a trace.
    expect(pick('a=median&b=median', 3)).toEqual([-1, 0]);
  });

  it('takes no median of a single other trace, nor a side out of range or against itself', () => {
    expect(pick('a=median&b=1', 2)).toEqual([0, 1]);
    expect(pick('a=0&b=median', 2)).toEqual([0, 1]);
    expect(pick('a=7&b=-1', 3)).toEqual([0, 1]);
    expect(pick('a=2&b=2', 3)).toEqual([2, 0]);
    expect(pick('a=1.5&b=x', 3)).toEqual([0, 1]);
  });
});
