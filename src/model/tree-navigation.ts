import type { TraceColumns } from './trace';

/**
 * Tree moves in O(1) on the pre-order columns (keyboard navigation in the waterfall): the first
 * child of i is i + 1 when its subtree is non-trivial; the next sibling starts where i's subtree
 * ends, if that span has the same parent.
 */
type NavColumns = Pick<TraceColumns, 'spanCount' | 'subtreeEnd' | 'parent'>;

export function hasChildren(columns: NavColumns, i: number): boolean {
  return (columns.subtreeEnd[i] ?? 0) > i + 1;
}

export function firstChild(columns: NavColumns, i: number): number {
  return hasChildren(columns, i) ? i + 1 : -1;
}

export function nextSibling(columns: NavColumns, i: number): number {
  const next = columns.subtreeEnd[i] ?? -1;
  if (next < 0 || next >= columns.spanCount) return -1;
  return columns.parent[next] === columns.parent[i] ? next : -1;
}

/** O(number of earlier siblings' subtrees) walk from the parent; -1 for the first child or a root. */
export function previousSibling(columns: NavColumns, i: number): number {
  const p = columns.parent[i] ?? -1;
  if (p === -1) {
    // Roots: the previous root is the nearest earlier span whose parent is -1.
    for (let j = i - 1; j >= 0; j--) if (columns.parent[j] === -1) return j;
    return -1;
  }
  let previous = -1;
  for (let c = p + 1; c < i; c = columns.subtreeEnd[c] ?? i) previous = c;
  return previous;
}

export function parentOf(columns: NavColumns, i: number): number {
  return columns.parent[i] ?? -1;
}
