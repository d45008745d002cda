/** Find (see FindSlice): the current find's matches, kept once for every panel that uses them. */
import { lowerBound, upperBound } from '../../../model/sorted-search';
import type { RowPass } from './rows-slice';
import type { FindSlice, GetState, SetState } from './trace-page-state';
import { EMPTY_ROWS } from './visible-rows';

export function createFindSlice(set: SetState, get: GetState, pass: RowPass): FindSlice {
  return {
    query: '',
    matches: EMPTY_ROWS,
    setMatches(matches, query) {
      const current = get().matches;
      // Two empty results are the same result: no re-render when a page starts with none.
      const same = matches === current || (matches.length === 0 && current.length === 0);
      if (same && query === get().query) return;
      // "Show only matches" filters rows by them: only then do the rows change.
      if (!same && get().showOnlyMatches) pass.commit({ matches, query });
      else set(same ? { query } : { matches, query });
    },
  };
}

/** First match after `index` (wrapping), or before it with `direction` -1; -1 when none. */
export function adjacentMatch(matches: Int32Array, index: number, direction: 1 | -1): number {
  const n = matches.length;
  if (n === 0) return -1;
  // First position whose value is > index (or >= index when going back).
  const lo = direction === 1 ? upperBound(matches, index) : lowerBound(matches, index);
  const at = direction === 1 ? lo % n : (lo - 1 + n) % n;
  return matches[at] ?? -1;
}
