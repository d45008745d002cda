/**
 * Collapse-state helpers that only look at rows on screen or walk one ancestor chain, so they stay
 * cheap on a 1M-span trace: O(visible rows) or O(depth), never a tree walk per click.
 */
import type { TraceColumns } from '../../model/trace';
import { sortedIndexOf } from '../../model/sorted-search';

/** Position of span `index` in the ascending `rows`, or -1 when it is not on screen. */
export function rowPosition(rows: Int32Array, index: number): number {
  return sortedIndexOf(rows, index);
}

/**
 * The span itself when no ancestor is collapsed, else the outermost collapsed ancestor (the row
 * that now stands for it on screen). Walks the parent chain once: O(depth).
 */
export function firstVisibleAncestor(
  columns: TraceColumns,
  collapsed: Uint8Array,
  index: number,
): number {
  let shown = index;
  for (let p = columns.parent[index] ?? -1; p >= 0; p = columns.parent[p] ?? -1) {
    if (collapsed[p]) shown = p;
  }
  return shown;
}

/** Expands every on-screen collapsed row at the shallowest depth that has one. */
export function expandOneLevel(
  columns: TraceColumns,
  collapsed: Uint8Array,
  rows: Int32Array,
): boolean {
  const { depth } = columns;
  let minDepth = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] ?? 0;
    if (collapsed[i] && (depth[i] ?? 0) < minDepth) minDepth = depth[i] ?? 0;
  }
  if (minDepth === Number.POSITIVE_INFINITY) return false;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] ?? 0;
    if (collapsed[i] && depth[i] === minDepth) collapsed[i] = 0;
  }
  return true;
}

/** Collapses every on-screen open parent at the deepest depth that has one. */
export function collapseOneLevel(
  columns: TraceColumns,
  collapsed: Uint8Array,
  rows: Int32Array,
): boolean {
  const { depth, subtreeEnd } = columns;
  let maxDepth = -1;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] ?? 0;
    if (!collapsed[i] && (subtreeEnd[i] ?? 0) > i + 1 && (depth[i] ?? 0) > maxDepth)
      maxDepth = depth[i] ?? 0;
  }
  if (maxDepth < 0) return false;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] ?? 0;
    if (!collapsed[i] && (subtreeEnd[i] ?? 0) > i + 1 && depth[i] === maxDepth) collapsed[i] = 1;
  }
  return true;
}
