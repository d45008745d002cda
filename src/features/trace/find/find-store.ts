import { create } from 'zustand';
import { lowerBound, upperBound } from '../../../model/sorted-search';

/**
 * Find results of the open trace, shared by the find bar (writer), the page shortcuts (f/b jump
 * between matches) and anything that highlights matches. Separate from the view store so a find
 * keystroke does not notify the waterfall's subscribers.
 */
export interface FindState {
  readonly query: string;
  /** Ascending span indexes. */
  readonly matches: Int32Array;
  setMatches(matches: Int32Array, query: string): void;
}

export const useFindStore = create<FindState>()((set) => ({
  query: '',
  matches: new Int32Array(0),
  setMatches: (matches, query) => set({ matches, query }),
}));

/** First match after `index` (wrapping), or before it with `direction` -1; -1 when none. */
export function adjacentMatch(matches: Int32Array, index: number, direction: 1 | -1): number {
  const n = matches.length;
  if (n === 0) return -1;
  // First position whose value is > index (or >= index when going back).
  const lo = direction === 1 ? upperBound(matches, index) : lowerBound(matches, index);
  const at = direction === 1 ? lo % n : (lo - 1 + n) % n;
  return matches[at] ?? -1;
}
