import type { Adjacency, IndexedGraph } from './indexed-graph';

export const COLUMN_GAP = 120;
export const ROW_GAP = 14;
const SUB_COLUMN_GAP = 40;

/**
 * A fast layered starting point for the force layout: each node in the column of its depth, the
 * nodes of a column ordered by the mean row of their callers (one barycentre sweep, left to
 * right), stacked by height and centred on y = 0. Linear apart from one sort per column; no
 * recursion. Column x steps by the widest node of the previous column plus a gap.
 */
export function columnPlacement(
  graph: IndexedGraph,
  adjacency: Adjacency,
  depth: Int32Array,
): { x: Float32Array; y: Float32Array } {
  const n = graph.nodeCount;
  let columns = 0;
  for (let i = 0; i < n; i++) columns = Math.max(columns, (depth[i] ?? 0) + 1);
  const members: number[][] = Array.from({ length: columns }, () => []);
  for (let i = 0; i < n; i++) members[depth[i] ?? 0]?.push(i);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const row = new Float64Array(n);
  const maxRows = Math.max(12, Math.ceil(Math.sqrt(n * 2)));
  let left = 0;
  for (let c = 0; c < columns; c++) {
    const column = members[c] ?? [];
    const key = new Float64Array(n);
    for (const node of column) {
      let sum = 0;
      let count = 0;
      for (let k = adjacency.inStart[node] ?? 0; k < (adjacency.inStart[node + 1] ?? 0); k++) {
        const caller = graph.source[adjacency.inEdges[k] ?? 0] ?? 0;
        if ((depth[caller] ?? 0) < c) {
          sum += row[caller] ?? 0;
          count++;
        }
      }
      key[node] = count > 0 ? sum / count : node;
    }
    if (c > 0) column.sort((a, b) => (key[a] ?? 0) - (key[b] ?? 0));
    // A tall column (hundreds of services called from the entry tier) wraps into side-by-side
    // sub-columns of at most `maxRows`, so the drawing keeps a screen-like shape.
    for (let first = 0; first < column.length; first += maxRows) {
      const part = column.slice(first, first + maxRows);
      let width = 0;
      let height = 0;
      for (const node of part) {
        width = Math.max(width, graph.width[node] ?? 0);
        height += (graph.height[node] ?? 0) + ROW_GAP;
      }
      let top = -height / 2;
      part.forEach((node, index) => {
        const h = graph.height[node] ?? 0;
        x[node] = left + width / 2;
        y[node] = top + h / 2;
        // Rows as fractions of the column so columns of different sizes compare.
        const at = first + index;
        row[node] = column.length > 1 ? at / (column.length - 1) : 0.5;
        top += h + ROW_GAP;
      });
      left += width + (first + maxRows < column.length ? SUB_COLUMN_GAP : COLUMN_GAP);
    }
  }
  return { x, y };
}
