import { adjacentMatch } from './find-slice';

describe('adjacentMatch', () => {
  const matches = Int32Array.of(3, 7, 9);
  it('finds the next and previous match around any index, wrapping', () => {
    expect(adjacentMatch(matches, -1, 1)).toBe(3);
    expect(adjacentMatch(matches, 3, 1)).toBe(7);
    expect(adjacentMatch(matches, 8, 1)).toBe(9);
    expect(adjacentMatch(matches, 9, 1)).toBe(3);
    expect(adjacentMatch(matches, 7, -1)).toBe(3);
    expect(adjacentMatch(matches, 3, -1)).toBe(9);
    expect(adjacentMatch(matches, 100, -1)).toBe(9);
    expect(adjacentMatch(new Int32Array(0), 1, 1)).toBe(-1);
  });
});
