import type { TraceColumns } from './trace';

type TreeColumns = Pick<TraceColumns, 'spanCount' | 'subtreeEnd'>;

/**
 * Rows shown for a collapse state, as span indexes in display order. `collapsed[i] !== 0` hides
 * the descendants of span i (span i itself stays visible). One forward pass that jumps over each
 * collapsed subtree via `subtreeEnd`, so the cost is O(visible rows), not O(spans).
 * A `collapsed` array shorter than the trace counts as "expanded" beyond its end.
 */
export function computeVisibleRows(columns: TreeColumns, collapsed: Uint8Array): Int32Array {
  const n = columns.spanCount;
  const { subtreeEnd } = columns;
  // Count first so the result is allocated once at its exact size.
  let count = 0;
  for (let i = 0; i < n; i = collapsed[i] ? (subtreeEnd[i] ?? n) : i + 1) count++;
  const rows = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < n; i = collapsed[i] ? (subtreeEnd[i] ?? n) : i + 1) rows[k++] = i;
  return rows;
}
